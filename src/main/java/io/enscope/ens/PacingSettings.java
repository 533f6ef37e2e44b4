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
 * @param maxInFlight    the most calls in flight at once, the ceiling of the {@link Pacer}'s
 *                       adaptive window (the loader's workers)
 */
public record PacingSettings(Map<EnsOperation, Double> callsPerSecond, int maxInFlight) {

    /** The undocumented operations' limit we assume, the same as the emulator's. */
    public static final double ASSUMED_PER_SECOND = 20;
    /** The window's ceiling unless told otherwise: the inventory loader's default workers. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 8;

    /** Checks the values. */
    public PacingSettings {
        Objects.requireNonNull(callsPerSecond, "callsPerSecond");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        for (Map.Entry<EnsOperation, Double> e : callsPerSecond.entrySet()) {
            double v = e.getValue();
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(e.getKey().action() + ": calls per second must be > 0: " + v);
            }
        }
        callsPerSecond = callsPerSecond.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(callsPerSecond));
    }

    /**
     * @param callsPerSecond the limit of each operation; an operation missing here is not paced
     */
    public PacingSettings(Map<EnsOperation, Double> callsPerSecond) {
        this(callsPerSecond, DEFAULT_MAX_IN_FLIGHT);
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
        return new PacingSettings(copy, maxInFlight);
    }

    /**
     * @param byAction raised (or lowered) limits keyed by the operation's {@code Action} name, as
     *                 the settings keep them; names this client does not call are ignored
     * @return a copy with those limits
     */
    public PacingSettings withLimits(Map<String, Double> byAction) {
        PacingSettings result = this;
        for (EnsOperation op : EnsOperation.values()) {
            Double perSecond = byAction.get(op.action());
            if (perSecond != null) {
                result = result.withLimit(op, perSecond);
            }
        }
        return result;
    }

    /**
     * @param calls the most calls in flight at once, at least 1
     * @return a copy with that ceiling
     */
    public PacingSettings withMaxInFlight(int calls) {
        return new PacingSettings(callsPerSecond, calls);
    }

    /** @return the operation's limit, or 0 when it is not paced */
    public double limit(EnsOperation operation) {
        return callsPerSecond.getOrDefault(operation, 0.0);
    }
}
