package io.enscope.ens;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The calls per second one AccessKey may make per operation, as the cloud enforces them; the
 * {@link Pacer} keeps below them. ENS documents DescribeInstances (100 per user) and
 * DescribeNetworks (10 per account); for the other operations it publishes nothing and 20 per
 * second is our assumption. An account whose quota was raised sets its own values.
 *
 * @param callsPerSecond the limit of each operation; an operation missing here is not paced
 */
public record PacingSettings(Map<EnsOperation, Double> callsPerSecond) {

    /** The undocumented operations' limit we assume, the same as the emulator's. */
    public static final double ASSUMED_PER_SECOND = 20;

    /** Checks the values. */
    public PacingSettings {
        Objects.requireNonNull(callsPerSecond, "callsPerSecond");
        for (Map.Entry<EnsOperation, Double> e : callsPerSecond.entrySet()) {
            double v = e.getValue();
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(e.getKey().action() + ": calls per second must be > 0: " + v);
            }
        }
        callsPerSecond = callsPerSecond.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(callsPerSecond));
    }

    /** @return the documented limits, and our assumption for the others */
    public static PacingSettings documented() {
        Map<EnsOperation, Double> limits = new EnumMap<>(EnsOperation.class);
        for (EnsOperation op : EnsOperation.values()) {
            limits.put(op, ASSUMED_PER_SECOND);
        }
        limits.put(EnsOperation.DESCRIBE_INSTANCES, 100.0);
        limits.put(EnsOperation.DESCRIBE_NETWORKS, 10.0);
        return new PacingSettings(limits);
    }

    /** @return no pacing at all (the server's throttling answers are then only retried) */
    public static PacingSettings off() {
        return new PacingSettings(Map.of());
    }

    /**
     * @param operation     the operation
     * @param perSecond     its raised (or lowered) limit
     * @return a copy with that limit
     */
    public PacingSettings withLimit(EnsOperation operation, double perSecond) {
        Map<EnsOperation, Double> copy = new EnumMap<>(EnsOperation.class);
        copy.putAll(callsPerSecond);
        copy.put(operation, perSecond);
        return new PacingSettings(copy);
    }

    /** @return the operation's limit, or 0 when it is not paced */
    public double limit(EnsOperation operation) {
        return callsPerSecond.getOrDefault(operation, 0.0);
    }
}
