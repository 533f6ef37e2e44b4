package io.enscope.ens.model;

/**
 * Status of an ENS instance ({@code DescribeInstances} {@code Instance[].Status}). Only Running, Stopped and Expired are documented for DescribeInstances; the transitional ones come from the instance lifecycle operations.
 *
 * <p>Parsing is lenient: case and the separators {@code _ - space} are ignored, and a value this
 * version does not know becomes {@link #UNKNOWN} while the record keeps the raw text.
 */
public enum InstanceStatus {
    /** Being created. */
    PENDING("Pending"),
    /** Starting up. */
    STARTING("Starting"),
    /** Running. */
    RUNNING("Running"),
    /** Shutting down. */
    STOPPING("Stopping"),
    /** Stopped. */
    STOPPED("Stopped"),
    /** Expired (subscription ended). */
    EXPIRED("Expired"),
    /** Being released. */
    RELEASING("Releasing"),
    /** A value this version does not know; the raw text is kept next to it. */
    UNKNOWN("Unknown");

    private final String wireValue;

    InstanceStatus(String wireValue) {
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
    public static InstanceStatus fromWire(String raw) {
        return WireValues.parseEnum(values(), InstanceStatus::wireValue, UNKNOWN, raw);
    }
}
