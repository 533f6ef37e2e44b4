package io.enscope.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a binding job waits: the poll backoff, its time limit, how long an unknown write outcome
 * may take to show, and how a throttled write is repeated.
 *
 * <p><b>Poll schedule.</b> The wait before poll {@code n} (0-based, counted from the moment ENS
 * accepted the call) is {@code initialDelay · multiplier^n}, capped at {@code maxDelay}; with the
 * defaults 0.5 s, 1 s, 2 s, 4 s, then 5 s. Pure doubling would poll at 0.5, 1.5, 3.5 and 7.5 s
 * and show a binding that took 5 s two and a half seconds late, so the backoff never jumps over
 * {@code expectedDuration}, the time ENS usually needs: the poll that would land after it is
 * moved onto it. The default schedule is therefore 0.5, 1.5, 3.5, <b>5.0</b>, 10, 15, 20 s…: a
 * binding that takes 5 s is seen {@code InUse} by the 4th DescribeHaVips call, at 5.0 s.
 *
 * @param initialDelay       the wait before the first poll, and the first reconcile read
 * @param multiplier         how much each wait grows, at least 1
 * @param maxDelay           the longest wait between two polls
 * @param expectedDuration   the time ENS usually takes to complete a change; one poll is placed
 *                           there. Zero turns this off
 * @param timeout            how long a job may take from its submission (or its resumption after a
 *                           restart) before it is {@link JobState#TIMED_OUT}
 * @param settleWindow       how long after a write whose outcome is unknown — or after an accepted
 *                           one — the change may still be on its way: a missing association is
 *                           only conclusive when read after this window, since the server may be
 *                           processing a request the client already gave up on
 * @param maxThrottleRetries how often a write answered {@code Throttling.*} is sent again
 * @param maxThrottleWait    the longest server-requested wait ({@code x-acs-retry-after}) honoured
 *                           before sending a throttled write again; a longer one fails the job
 */
public record PollPolicy(
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        Duration expectedDuration,
        Duration timeout,
        Duration settleWindow,
        int maxThrottleRetries,
        Duration maxThrottleWait) {

    /** Checks the bounds. */
    public PollPolicy {
        requirePositive(initialDelay, "initialDelay");
        requirePositive(maxDelay, "maxDelay");
        requirePositive(timeout, "timeout");
        requireNotNegative(expectedDuration, "expectedDuration");
        requireNotNegative(settleWindow, "settleWindow");
        requireNotNegative(maxThrottleWait, "maxThrottleWait");
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a number of at least 1: " + multiplier);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must not be shorter than initialDelay");
        }
        if (maxThrottleRetries < 0) {
            throw new IllegalArgumentException("maxThrottleRetries must not be negative: " + maxThrottleRetries);
        }
    }

    /**
     * 0.5 s doubling to 5 s with a poll at 5 s, 5 minutes to finish, 15 s for an unknown write
     * outcome to show (longer than the SDK's 10 s read timeout), and up to 3 repeats of a
     * throttled write honouring server waits of up to 60 s.
     *
     * @return the defaults
     */
    public static PollPolicy defaults() {
        return new PollPolicy(Duration.ofMillis(500), 2.0, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofSeconds(15), 3, Duration.ofSeconds(60));
    }

    /**
     * @param attempt 0 for the first wait, then 1, 2…
     * @return {@code initialDelay · multiplier^attempt}, capped at {@code maxDelay}
     */
    public Duration backoff(int attempt) {
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt));
        long cap = maxDelay.toNanos();
        return Duration.ofNanos(nanos >= cap ? cap : (long) nanos);
    }

    /**
     * The wait before the next poll.
     *
     * @param pollsDone how many polls were made since the change was accepted
     * @param elapsed   the time since it was accepted
     * @return the backoff, shortened so as not to jump over {@code expectedDuration}
     */
    public Duration nextPollDelay(int pollsDone, Duration elapsed) {
        Duration wait = backoff(pollsDone);
        if (!expectedDuration.isZero() && elapsed.compareTo(expectedDuration) < 0
                && elapsed.plus(wait).compareTo(expectedDuration) > 0) {
            return expectedDuration.minus(elapsed);
        }
        return wait;
    }

    /**
     * The poll times after acceptance if every poll took no time, for documentation and tests.
     *
     * @param polls how many
     * @return the offsets of the first {@code polls} polls
     */
    public List<Duration> pollTimes(int polls) {
        List<Duration> times = new ArrayList<>(polls);
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i < polls; i++) {
            elapsed = elapsed.plus(nextPollDelay(i, elapsed));
            times.add(elapsed);
        }
        return times;
    }

    /**
     * @param first the first wait
     * @param max   the longest wait
     * @return a copy with another backoff (the multiplier is kept)
     */
    public PollPolicy withBackoff(Duration first, Duration max) {
        return new PollPolicy(first, multiplier, max, expectedDuration, timeout, settleWindow, maxThrottleRetries,
                maxThrottleWait);
    }

    /**
     * @param expected the usual duration of a change, zero for none
     * @return a copy
     */
    public PollPolicy withExpectedDuration(Duration expected) {
        return new PollPolicy(initialDelay, multiplier, maxDelay, expected, timeout, settleWindow, maxThrottleRetries,
                maxThrottleWait);
    }

    /**
     * @param limit the time a job may take
     * @return a copy
     */
    public PollPolicy withTimeout(Duration limit) {
        return new PollPolicy(initialDelay, multiplier, maxDelay, expectedDuration, limit, settleWindow,
                maxThrottleRetries, maxThrottleWait);
    }

    /**
     * @param window how long an unknown write outcome may take to show
     * @return a copy
     */
    public PollPolicy withSettleWindow(Duration window) {
        return new PollPolicy(initialDelay, multiplier, maxDelay, expectedDuration, timeout, window,
                maxThrottleRetries, maxThrottleWait);
    }

    /**
     * @param retries how often a throttled write is sent again
     * @param maxWait the longest server-requested wait honoured
     * @return a copy
     */
    public PollPolicy withThrottleRetries(int retries, Duration maxWait) {
        return new PollPolicy(initialDelay, multiplier, maxDelay, expectedDuration, timeout, settleWindow, retries,
                maxWait);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
