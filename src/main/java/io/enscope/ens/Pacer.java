package io.enscope.ens;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one client's calls below the cloud's flow control, so that they are not throttled in the
 * first place. A token bucket per operation, refilled a little below the documented rate and
 * holding only a fraction of a second of calls, so that calls leaving together cannot arrive as
 * a burst the server refuses.
 *
 * <p>Adaptive in rate: a {@code Throttling.*} answer (another client on the same key or account, a
 * lower quota than assumed) halves the operation's rate and holds its calls for the server's
 * {@code x-acs-retry-after}; each answered call then gives back a small part of the rate.
 *
 * <p>Adaptive in concurrency: the calls in flight are bounded by a window that starts at
 * {@link PacingSettings#maxInFlight()}, halves on a throttled answer (once per round of calls:
 * the calls already in flight when it shrank do not shrink it again) down to one call, and grows
 * by one call per {@value #CALLS_PER_STEP} answered calls back to its ceiling.
 *
 * <p>Priorities: calls made inside {@link #inBackground} (inventory pages) wait for a fuller bucket
 * (up to two tokens) than the others (polls of running jobs), which therefore do not queue behind
 * a load; and only background calls wait for room in the window, the others pass it (they still
 * count in flight, so a load makes room for them).
 */
public final class Pacer {

    private static final Logger LOG = LoggerFactory.getLogger(Pacer.class);
    /** Stay this far below the limit: the server's clock and ours do not see the same instants. */
    static final double HEADROOM = 0.9;
    /**
     * The bucket holds this part of a second of calls: with the headroom, any window of one second
     * stays within the limit, whether the server counts with a bucket or per second.
     */
    static final double BURST_SECONDS = 0.1;
    /** The share of the rate an answered call gives back after a throttling. */
    static final double RECOVERY_STEP = 0.02;
    /** Answered calls that give the window one more call in flight. */
    static final int CALLS_PER_STEP = 10;
    private static final double SLOWEST_SHARE = 0.05;
    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private final Window window;
    /** Replaced as a whole when the limits change, so a call sees either the old or the new ones. */
    private volatile Map<EnsOperation, Bucket> buckets;

    /**
     * @param settings the limits
     * @param nanos    a monotonic clock in nanoseconds (tests pass a fake one)
     * @param sleeper  how to wait (tests pass one that moves the fake clock)
     */
    public Pacer(PacingSettings settings, LongSupplier nanos, Sleeper sleeper) {
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.buckets = bucketsOf(settings, nanos.getAsLong());
        this.window = new Window(settings.maxInFlight());
    }

    private static Map<EnsOperation, Bucket> bucketsOf(PacingSettings settings, long now) {
        Map<EnsOperation, Bucket> made = new EnumMap<>(EnsOperation.class);
        for (EnsOperation op : EnsOperation.values()) {
            double limit = settings.limit(op);
            if (limit > 0) {
                made.put(op, new Bucket(limit * HEADROOM, now));
            }
        }
        return made;
    }

    /**
     * Takes other limits from the next call on (the settings were changed); what was learnt from
     * throttled answers starts over.
     *
     * @param settings the new limits
     */
    public void reconfigure(PacingSettings settings) {
        buckets = bucketsOf(settings, nanos.getAsLong());
        window.reset(settings.maxInFlight());
        LOG.info("pacing limits changed; at most {} call(s) in flight", settings.maxInFlight());
    }

    /** @return a pacer on the system clock */
    public static Pacer of(PacingSettings settings) {
        return new Pacer(settings, System::nanoTime, Sleeper.SYSTEM);
    }

    /**
     * Runs {@code work} with background priority on this thread.
     *
     * @param work what to run
     * @param <T>  its result
     * @return its result
     */
    public static <T> T inBackground(Supplier<T> work) {
        boolean before = BACKGROUND.get();
        BACKGROUND.set(true);
        try {
            return work.get();
        } finally {
            BACKGROUND.set(before);
        }
    }

    /**
     * Waits until a call of {@code operation} may leave, within the window and the operation's
     * rate, and counts it in flight until its outcome is told to the returned call.
     *
     * @param operation the operation about to be sent
     * @return the call, to be told how it ended exactly once
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Call start(EnsOperation operation) throws InterruptedException {
        long ticket = window.enter(BACKGROUND.get());
        try {
            acquire(operation);
        } catch (InterruptedException | RuntimeException notSent) {
            window.leave(ticket, false, false);
            throw notSent;
        }
        return new Call(operation, ticket);
    }

    /** @return how many calls may be in flight now (background calls wait above it) */
    public int windowLimit() {
        return window.limit();
    }

    /** @return the calls in flight now */
    public int inFlight() {
        return window.inFlight();
    }

    /**
     * Waits until a call of {@code operation} may leave by the operation's rate alone.
     *
     * @param operation the operation about to be sent
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void acquire(EnsOperation operation) throws InterruptedException {
        Bucket bucket = buckets.get(operation);
        if (bucket == null) {
            return;
        }
        boolean background = BACKGROUND.get();
        while (true) {
            long waitNanos;
            synchronized (bucket) {
                long now = nanos.getAsLong();
                bucket.refill(now);
                if (now < bucket.heldUntil) {
                    waitNanos = bucket.heldUntil - now;
                } else {
                    double needed = background ? Math.min(2, bucket.capacity()) : 1;
                    if (bucket.tokens >= needed) {
                        bucket.tokens -= 1;
                        return;
                    }
                    waitNanos = (long) Math.ceil((needed - bucket.tokens) / bucket.rate * 1e9);
                }
            }
            // Whole milliseconds, rounded up: the system sleeper sleeps whole milliseconds, and a
            // wait rounded down to none would spin on the bucket's lock, taking the CPU the calls need.
            sleeper.sleep(Duration.ofMillis(Math.max(1, (waitNanos + 999_999) / 1_000_000)));
        }
    }

    /**
     * Tells the pacer the server throttled a call.
     *
     * @param operation  the operation
     * @param retryAfter the server's wait, or null
     */
    public void throttled(EnsOperation operation, Duration retryAfter) {
        Bucket bucket = buckets.get(operation);
        if (bucket == null) {
            return;
        }
        synchronized (bucket) {
            long now = nanos.getAsLong();
            bucket.refill(now);
            bucket.rate = Math.max(bucket.target * SLOWEST_SHARE, bucket.rate / 2);
            bucket.tokens = Math.min(bucket.tokens, 0);
            long hold = retryAfter == null ? (long) (1e9 / bucket.rate) : retryAfter.toNanos();
            bucket.heldUntil = Math.max(bucket.heldUntil, now + hold);
            LOG.info("{} throttled by the server; pacing it at {} calls/s", operation.action(),
                    Math.round(bucket.rate * 10) / 10.0);
        }
    }

    /**
     * Tells the pacer a call was answered without throttling.
     *
     * @param operation the operation
     */
    public void answered(EnsOperation operation) {
        Bucket bucket = buckets.get(operation);
        if (bucket == null) {
            return;
        }
        synchronized (bucket) {
            if (bucket.rate < bucket.target) {
                bucket.refill(nanos.getAsLong());
                bucket.rate = Math.min(bucket.target, bucket.rate + bucket.target * RECOVERY_STEP);
            }
        }
    }

    /**
     * @param operation the operation
     * @return the calls per second it is paced at now; 0 when it is not paced
     */
    public double rate(EnsOperation operation) {
        Bucket bucket = buckets.get(operation);
        if (bucket == null) {
            return 0;
        }
        synchronized (bucket) {
            return bucket.rate;
        }
    }

    /** One call counted in flight; its outcome, told once, releases its place in the window. */
    public final class Call {
        private final EnsOperation operation;
        private final long ticket;
        private boolean ended;

        private Call(EnsOperation operation, long ticket) {
            this.operation = operation;
            this.ticket = ticket;
        }

        /** The server answered without throttling (success or another error). */
        public void answered() {
            if (end()) {
                Pacer.this.answered(operation);
                window.leave(ticket, true, false);
            }
        }

        /**
         * The server throttled the call.
         *
         * @param retryAfter the server's wait, or null
         */
        public void throttled(Duration retryAfter) {
            if (end()) {
                Pacer.this.throttled(operation, retryAfter);
                window.leave(ticket, false, true);
            }
        }

        /** No answer came (network, timeout, interruption): nothing is learnt from it. */
        public void failed() {
            if (end()) {
                window.leave(ticket, false, false);
            }
        }

        private synchronized boolean end() {
            boolean first = !ended;
            ended = true;
            return first;
        }
    }

    /** The calls in flight and their additive-increase, multiplicative-decrease limit. */
    private static final class Window {
        private int ceiling;
        private int limit;
        private int inFlight;
        /** Tickets handed out; a throttled call whose ticket is at most {@link #shrunkAt} came before the last cut. */
        private long started;
        private long shrunkAt;
        private int answeredSinceStep;

        Window(int ceiling) {
            this.ceiling = ceiling;
            this.limit = ceiling;
        }

        synchronized long enter(boolean background) throws InterruptedException {
            while (background && inFlight >= limit) {
                wait();
            }
            inFlight++;
            return ++started;
        }

        synchronized void leave(long ticket, boolean answered, boolean throttled) {
            inFlight--;
            if (throttled && ticket > shrunkAt) {
                limit = Math.max(1, limit / 2);
                shrunkAt = started;
                answeredSinceStep = 0;
                LOG.info("throttled by the server; at most {} call(s) in flight", limit);
            } else if (answered && limit < ceiling && ++answeredSinceStep >= CALLS_PER_STEP) {
                limit++;
                answeredSinceStep = 0;
            }
            notifyAll();
        }

        synchronized void reset(int newCeiling) {
            ceiling = newCeiling;
            limit = newCeiling;
            answeredSinceStep = 0;
            shrunkAt = started;
            notifyAll();
        }

        synchronized int limit() {
            return limit;
        }

        synchronized int inFlight() {
            return inFlight;
        }
    }

    private static final class Bucket {
        final double target;
        double rate;
        double tokens;
        long last;
        long heldUntil;

        Bucket(double target, long now) {
            this.target = target;
            this.rate = target;
            this.tokens = capacity();
            this.last = now;
            this.heldUntil = now;
        }

        double capacity() {
            return Math.max(1, target * BURST_SECONDS);
        }

        void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity(), tokens + (now - last) / 1e9 * rate);
                last = now;
            }
        }
    }
}
