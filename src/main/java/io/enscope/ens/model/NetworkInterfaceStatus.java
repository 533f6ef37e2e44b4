package io.enscope.ens.model;

/**
 * Status of an elastic network interface ({@code NetworkInterfaceSet[].Status}). The documentation example spells {@code InUse} as {@code In_use}; both read as {@link #IN_USE}.
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum NetworkInterfaceStatus {
    /** Not attached to an instance. */
    AVAILABLE("Available"),
    /** Being attached. */
    ATTACHING("Attaching"),
    /** Attached to an instance. */
    IN_USE("InUse"),
    /** Being detached. */
    DETACHING("Detaching"),
    /** Being deleted. */
    DELETING("Deleting"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    NetworkInterfaceStatus(String wireValue) {
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
    public static NetworkInterfaceStatus fromWire(String raw) {
        return WireValues.parseEnum(values(), NetworkInterfaceStatus::wireValue, UNKNOWN, raw);
    }
}
