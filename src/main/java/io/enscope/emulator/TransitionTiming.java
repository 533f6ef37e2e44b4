package io.enscope.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How long an asynchronous change (create, associate, unassociate, delete) stays transitional.
 *
 * <p>Spec strings, as used on the command line: {@code immediate}, {@code fixed:MS},
 * {@code random:MIN-MAX} (milliseconds) and {@code polls:N}. With {@code polls:N} the change
 * completes at the N-th DescribeHaVips call that lists the HaVip: earlier calls see the
 * transitional status, that call and later ones the final one. Tests use it so they never sleep.
 */
public sealed interface TransitionTiming {

    /** The change is complete when the call that starts it returns. */
    record Immediate() implements TransitionTiming {
        @Override
        public String toString() {
            return "immediate";
        }
    }

    /** The change completes a fixed time after it started. */
    record Fixed(Duration delay) implements TransitionTiming {
        public Fixed {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
        }

        @Override
        public String toString() {
            return "fixed:" + delay.toMillis();
        }
    }

    /** The change completes after a uniformly random time within [min, max]. */
    record RandomRange(Duration min, Duration max) implements TransitionTiming {
        public RandomRange {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("need 0 <= min <= max");
            }
        }

        @Override
        public String toString() {
            return "random:" + min.toMillis() + "-" + max.toMillis();
        }
    }

    /** The change completes at the N-th DescribeHaVips call that lists the HaVip. */
    record AfterPolls(int polls) implements TransitionTiming {
        public AfterPolls {
            if (polls < 0) {
                throw new IllegalArgumentException("polls must not be negative");
            }
        }

        @Override
        public String toString() {
            return "polls:" + polls;
        }
    }

    static TransitionTiming immediate() {
        return new Immediate();
    }

    static TransitionTiming fixed(Duration delay) {
        return new Fixed(delay);
    }

    static TransitionTiming afterPolls(int polls) {
        return new AfterPolls(polls);
    }

    static TransitionTiming random(Duration min, Duration max) {
        return new RandomRange(min, max);
    }

    /**
     * Parses {@code immediate}, {@code fixed:MS}, {@code random:MIN-MAX} or {@code polls:N}.
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    static TransitionTiming parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.equals("immediate") || s.equals("0")) {
                return immediate();
            }
            if (s.startsWith("fixed:")) {
                return fixed(Duration.ofMillis(Long.parseLong(s.substring(6))));
            }
            if (s.startsWith("random:")) {
                String[] range = s.substring(7).split("-", 2);
                return random(Duration.ofMillis(Long.parseLong(range[0])), Duration.ofMillis(Long.parseLong(range[1])));
            }
            if (s.startsWith("polls:")) {
                return afterPolls(Integer.parseInt(s.substring(6)));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(badSpec(spec), e);
        }
        throw new IllegalArgumentException(badSpec(spec));
    }

    private static String badSpec(String spec) {
        return "bad timing '" + spec + "': use immediate, fixed:MS, random:MIN-MAX or polls:N";
    }

    /** The delay in milliseconds for a time-based timing, drawing from {@code random}; -1 for poll-based. */
    default long delayMillis(RandomGenerator random) {
        if (this instanceof Immediate) {
            return 0;
        }
        if (this instanceof Fixed f) {
            return f.delay().toMillis();
        }
        if (this instanceof RandomRange r) {
            long min = r.min().toMillis();
            long max = r.max().toMillis();
            return min == max ? min : random.nextLong(min, max + 1);
        }
        return -1;
    }
}
