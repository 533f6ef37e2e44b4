package io.enscope.ens.model;

/**
 * Kind of target an HaVip is bound to: the {@code InstanceType} parameter of AssociateHaVip and the field of {@code AssociatedInstances[]}.
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum InstanceType {
    /** An ENS instance ({@code i-…}); the API default. */
    ENS_INSTANCE("EnsInstance"),
    /** An elastic network interface ({@code eni-…}). */
    NETWORK_INTERFACE("NetworkInterface"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    InstanceType(String wireValue) {
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
    public static InstanceType fromWire(String raw) {
        return WireValues.parseEnum(values(), InstanceType::wireValue, UNKNOWN, raw);
    }

    /**
     * Guesses the type from an ID when ENS leaves the field out: ENI IDs start with {@code eni-}.
     *
     * @param targetId an instance or ENI ID, may be null
     * @return {@link #NETWORK_INTERFACE} for {@code eni-…}, otherwise {@link #ENS_INSTANCE}
     */
    public static InstanceType ofTargetId(String targetId) {
        return targetId != null && targetId.startsWith("eni-") ? NETWORK_INTERFACE : ENS_INSTANCE;
    }
}
