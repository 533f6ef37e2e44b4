package io.enscope.ens.model;

/**
 * Status of one HaVip binding ({@code HaVips[].AssociatedInstances[].Status}).
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum AssociationStatus {
    /** The binding is being made. */
    ASSOCIATING("Associating"),
    /** The binding is in effect. */
    IN_USE("InUse"),
    /** The binding is being removed. */
    UNASSOCIATING("Unassociating"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    AssociationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the spelling ENS uses on the wire, e.g. in a request filter */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Reads a wire value leniently.
     *
     * @param raw the text received, may be null
     * @return the matching constant, or {@link #UNKNOWN}
     */
    public static AssociationStatus fromWire(String raw) {
        return WireValues.parseEnum(values(), AssociationStatus::wireValue, UNKNOWN, raw);
    }

    /** @return whether the binding is still changing */
    public boolean isTransitional() {
        return this == ASSOCIATING || this == UNASSOCIATING;
    }
}
