package io.enscope.ens.model;

/**
 * Status of an HaVip ({@code DescribeHaVips} {@code HaVips[].Status}).
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum HaVipStatus {
    /** Being created. */
    CREATING("Creating"),
    /** Created and not bound to any target. */
    AVAILABLE("Available"),
    /** A binding is in progress (documented by AssociateHaVip, not by the DescribeHaVips enum). */
    ASSOCIATING("Associating"),
    /** Bound to at least one target. */
    IN_USE("InUse"),
    /** A binding is being removed. */
    UNASSOCIATING("Unassociating"),
    /** Being deleted. */
    DELETING("Deleting"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    HaVipStatus(String wireValue) {
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
    public static HaVipStatus fromWire(String raw) {
        return WireValues.parseEnum(values(), HaVipStatus::wireValue, UNKNOWN, raw);
    }

    /** @return whether the HaVip is between two stable states, so polling should continue */
    public boolean isTransitional() {
        return this == CREATING || this == ASSOCIATING || this == UNASSOCIATING || this == DELETING;
    }
}
