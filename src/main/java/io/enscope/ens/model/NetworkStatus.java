package io.enscope.ens.model;

/**
 * Status of a network ({@code Networks.Network[].Status}).
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum NetworkStatus {
    /** Being configured. */
    PENDING("Pending"),
    /** Ready for use. */
    AVAILABLE("Available"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    NetworkStatus(String wireValue) {
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
    public static NetworkStatus fromWire(String raw) {
        return WireValues.parseEnum(values(), NetworkStatus::wireValue, UNKNOWN, raw);
    }
}
