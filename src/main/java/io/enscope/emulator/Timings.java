package io.enscope.emulator;

import java.time.Duration;

/**
 * The timing of each asynchronous change the emulator models.
 *
 * @param create      CreateHaVip: {@code Creating} → {@code Available}
 * @param associate   AssociateHaVip: association {@code Associating} → {@code InUse}
 * @param unassociate UnassociateHaVip: association {@code Unassociating} → removed
 * @param delete      DeleteHaVips: {@code Deleting} → removed
 */
public record Timings(TransitionTiming create, TransitionTiming associate, TransitionTiming unassociate,
                      TransitionTiming delete) {

    /** Realistic defaults for the sandbox: a binding takes a few seconds, as on ENS. */
    public static Timings realistic() {
        return new Timings(
                TransitionTiming.fixed(Duration.ofMillis(1500)),
                TransitionTiming.random(Duration.ofMillis(2000), Duration.ofMillis(5000)),
                TransitionTiming.random(Duration.ofMillis(1000), Duration.ofMillis(3000)),
                TransitionTiming.fixed(Duration.ofMillis(1500)));
    }

    /** The same timing for every change. */
    public static Timings all(TransitionTiming timing) {
        return new Timings(timing, timing, timing, timing);
    }

    public Timings withCreate(TransitionTiming t) {
        return new Timings(t, associate, unassociate, delete);
    }

    public Timings withAssociate(TransitionTiming t) {
        return new Timings(create, t, unassociate, delete);
    }

    public Timings withUnassociate(TransitionTiming t) {
        return new Timings(create, associate, t, delete);
    }

    public Timings withDelete(TransitionTiming t) {
        return new Timings(create, associate, unassociate, t);
    }
}
