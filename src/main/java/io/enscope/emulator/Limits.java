package io.enscope.emulator;

/**
 * The two count limits of AssociateHaVip. ENS does not publish them; VPC documents 10 targets
 * per HaVip and 5 HaVips per instance, which are the defaults.
 */
public record Limits(int maxTargetsPerHaVip, int maxHaVipsPerTarget) {
    public static final Limits DEFAULT = new Limits(10, 5);

    public Limits {
        if (maxTargetsPerHaVip < 1 || maxHaVipsPerTarget < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }
}
