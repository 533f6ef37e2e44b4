package io.enscope.ens.model;

/**
 * Type of an elastic network interface ({@code Type} of DescribeNetworkInterfaces and of the ENIs under an instance).
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum NetworkInterfaceType {
    /** The primary ENI of an instance; an HaVip is bound to it through its instance. */
    PRIMARY("Primary"),
    /** A secondary ENI; an HaVip can be bound to it directly. */
    SECONDARY("Secondary"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    NetworkInterfaceType(String wireValue) {
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
    public static NetworkInterfaceType fromWire(String raw) {
        return WireValues.parseEnum(values(), NetworkInterfaceType::wireValue, UNKNOWN, raw);
    }
}
