package io.enscope.ens.model;

/**
 * Status of a vSwitch ({@code VSwitches.VSwitch[].Status}).
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum VSwitchStatus {
    /** Being configured. */
    PENDING("Pending"),
    /** Ready for use. */
    AVAILABLE("Available"),
    /** Being released (DescribeVSwitchAttributes only). */
    RELEASING("Releasing"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    VSwitchStatus(String wireValue) {
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
    public static VSwitchStatus fromWire(String raw) {
        return WireValues.parseEnum(values(), VSwitchStatus::wireValue, UNKNOWN, raw);
    }
}
