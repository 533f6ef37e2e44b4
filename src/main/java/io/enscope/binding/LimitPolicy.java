package io.enscope.binding;

/**
 * The two AssociateHaVip count limits eligibility assumes. ENS does not publish them, so they are
 * settings; a target held back only by one of them is marked advisory.
 *
 * @param maxTargetsPerHaVip the most bindings one HaVip may have (default 10)
 * @param maxHaVipsPerTarget the most HaVips one instance or ENI may be bound to (default 5)
 */
public record LimitPolicy(int maxTargetsPerHaVip, int maxHaVipsPerTarget) {

    /** The defaults of design.md: 10 targets per HaVip, 5 HaVips per target. */
    public static final LimitPolicy DEFAULT = new LimitPolicy(10, 5);

    /** Rejects limits below 1. */
    public LimitPolicy {
        if (maxTargetsPerHaVip < 1 || maxHaVipsPerTarget < 1) {
            throw new IllegalArgumentException("limits must be at least 1: " + maxTargetsPerHaVip + ", "
                    + maxHaVipsPerTarget);
        }
    }

    /**
     * @param limit the most bindings of one HaVip
     * @return a copy with that limit
     */
    public LimitPolicy withMaxTargetsPerHaVip(int limit) {
        return new LimitPolicy(limit, maxHaVipsPerTarget);
    }

    /**
     * @param limit the most HaVips of one target
     * @return a copy with that limit
     */
    public LimitPolicy withMaxHaVipsPerTarget(int limit) {
        return new LimitPolicy(maxTargetsPerHaVip, limit);
    }
}
