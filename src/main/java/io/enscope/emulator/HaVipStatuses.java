package io.enscope.emulator;

import java.util.Locale;

/**
 * Which {@code Status} values the emulator's DescribeHaVips gives a HaVip while one of its
 * associations is being made or removed. The association's own status is {@code Associating} /
 * {@code Unassociating} in both; they differ only at the HaVip level, where the docs disagree
 * (ens-api.md §3): the DescribeHaVips enum lists {@code Creating}, {@code Available},
 * {@code InUse}, {@code Deleting}; the AssociateHaVip page speaks of the HaVip being
 * {@code Associating}; a HaVip-level {@code Unassociating} is our assumption.
 */
public enum HaVipStatuses {
    /**
     * The HaVip shows {@code Associating} / {@code Unassociating} while any association does
     * (design.md's state model; the default).
     */
    TRANSITIONAL,
    /**
     * Only the documented enum: {@code InUse} while the HaVip has any association, whatever its
     * status, else {@code Available} (the model ens-api.md §3 suggests).
     */
    DOCUMENTED;

    /** The command line's spelling. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException for anything but {@code documented} or {@code transitional}
     */
    public static HaVipStatuses parse(String text) {
        for (HaVipStatuses s : values()) {
            if (s.option().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("HaVip statuses '" + text + "' is unknown: use documented or transitional");
    }
}
