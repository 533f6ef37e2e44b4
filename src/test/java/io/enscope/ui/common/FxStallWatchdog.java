package io.enscope.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Measures how long the FX application thread is kept from running queued work: a daemon thread
 * posts a trivial ping with {@link Platform#runLater} every {@code interval} (10 ms by default)
 * and records the delay until the ping runs. A pulse (CSS, layout, rendering) or a listener that
 * holds the FX thread for S ms delays the ping by up to S ms, so the longest delay is the longest
 * stall a user would feel, to within one interval.
 *
 * <p>Only one ping is outstanding at a time, so a long stall queues one ping, not hundreds; the
 * ping does nothing but read the clock and update a histogram. While a ping has been outstanding
 * longer than {@code sampleAfter}, the watchdog thread samples the FX thread's stack every
 * interval, so that a report says which code held the thread (a poor man's profiler that costs
 * nothing while the thread is responsive). It also reads the FX thread's CPU time over each ping
 * ({@link #maxBusyStall()}): on a loaded machine much of a stall can be the FX thread waiting for a
 * core rather than running our code.
 *
 * <p>Use: {@code FxStallWatchdog w = FxStallWatchdog.start(); … w.stop(); w.maxStall(); w.report()}.
 * The app may keep one running and {@linkplain Builder#onStall log} stalls over a threshold; the
 * callback runs on the watchdog thread, never on the FX thread. Start it once the FX toolkit is
 * running. Thread-safe.
 */
public final class FxStallWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxStallWatchdog.class);
    /** Histogram resolution: 1 ms buckets up to this, then one overflow bucket. */
    private static final int MAX_TRACKED_MILLIS = 10_000;
    private static final int OWN_FRAMES_SHOWN = 6;
    private static final int LONGEST_KEPT = 5;
    /** The name JavaFX gives its application thread (every glass platform, Monocle included). */
    private static final String FX_THREAD_NAME = "JavaFX Application Thread";

    private final long intervalNanos;
    private final long sampleAfterNanos;
    private final long stallThresholdNanos;
    private final Consumer<Stall> onStall;
    private final int topFrames;

    private final Object lock = new Object();
    private final int[] histogram = new int[MAX_TRACKED_MILLIS + 2];
    private long count;
    private long maxNanos;
    private long maxAtNanos;
    private long totalNanos;
    private final Map<String, Integer> samples = new HashMap<>();
    private final Map<String, Long> worstSampleAge = new HashMap<>();
    private int sampleCount;
    private final List<Stall> longest = new ArrayList<>();
    private long maxBusyNanos;
    private final ThreadMXBean threads = cpuTimer();
    /** The last ping that ran and its delay, for the stall listener. */
    private long lastPosted;
    private long lastDelay;

    private volatile Thread fxThread;
    private volatile long outstandingSince;
    private volatile boolean running;
    private long startedAt;
    private long stoppedAt;
    private Thread worker;

    /**
     * One stall.
     *
     * @param length     how late the ping ran
     * @param sinceStart when it was posted, from {@link #start()}
     * @param heldBy     where the FX thread mostly was meanwhile (sampled), empty when not sampled
     * @param fxCpu      CPU time the FX thread used meanwhile: close to {@code length} when it was
     *                   busy, much less when it was waiting or the machine did not run it
     */
    public record Stall(Duration length, Duration sinceStart, String heldBy, Duration fxCpu) {
    }

    private FxStallWatchdog(Builder b) {
        this.intervalNanos = b.interval.toNanos();
        this.sampleAfterNanos = b.sampleAfter == null ? Long.MAX_VALUE : b.sampleAfter.toNanos();
        this.stallThresholdNanos = b.stallThreshold == null ? Long.MAX_VALUE : b.stallThreshold.toNanos();
        this.onStall = b.onStall;
        this.topFrames = b.topFrames;
    }

    /** @return a watchdog pinging every 10 ms, sampling the FX thread during stalls over 100 ms */
    public static FxStallWatchdog start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a watchdog; {@link #start()} builds and starts it. */
    public static final class Builder {
        private Duration interval = Duration.ofMillis(10);
        private Duration sampleAfter = Duration.ofMillis(100);
        private Duration stallThreshold;
        private Consumer<Stall> onStall = s -> { };
        private int topFrames = 1;

        private Builder() {
        }

        /**
         * How many frames from the top of the FX thread's stack a sample keeps (default 1), besides
         * the first few frames of Enscope's own code, which usually name the listener at fault.
         */
        public Builder topFrames(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("keep at least the top frame");
            }
            this.topFrames = frames;
            return this;
        }

        /** How often a ping is posted (default 10 ms): the resolution of the measure. */
        public Builder interval(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
            this.interval = value;
            return this;
        }

        /** Sample the FX thread's stack while a ping is this late (default 100 ms); null never samples. */
        public Builder sampleAfter(Duration value) {
            this.sampleAfter = value;
            return this;
        }

        /** Calls {@code listener} on the watchdog thread for every stall longer than {@code threshold}. */
        public Builder onStall(Duration threshold, Consumer<Stall> listener) {
            this.stallThreshold = Objects.requireNonNull(threshold);
            this.onStall = Objects.requireNonNull(listener);
            return this;
        }

        /** Logs every stall longer than {@code threshold} at WARN, with what held the FX thread. */
        public Builder logStallsOver(Duration threshold) {
            return onStall(threshold, s -> LOG.warn("the FX thread stalled {} ms (busy {} ms){}",
                    s.length().toMillis(), s.fxCpu().toMillis(), s.heldBy().isEmpty() ? "" : " in " + s.heldBy()));
        }

        public FxStallWatchdog start() {
            FxStallWatchdog w = new FxStallWatchdog(this);
            w.begin();
            return w;
        }
    }

    private static ThreadMXBean cpuTimer() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        try {
            if (bean.isThreadCpuTimeSupported()) {
                if (!bean.isThreadCpuTimeEnabled()) {
                    bean.setThreadCpuTimeEnabled(true);
                }
                return bean;
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            LOG.debug("no thread CPU time: stalls are measured in wall time only", e);
        }
        return null;
    }

    private void begin() {
        fxThread = findFxThread();
        synchronized (lock) {
            startedAt = System.nanoTime();
            running = true;
        }
        worker = new Thread(this::loop, "enscope-fx-watchdog");
        worker.setDaemon(true);
        worker.setPriority(Thread.MAX_PRIORITY);
        worker.start();
    }

    private void loop() {
        Map<String, Integer> heldBy = new HashMap<>();
        while (running) {
            long posted = System.nanoTime();
            long cpuAtPost = fxCpuNanos();
            outstandingSince = posted;
            try {
                Platform.runLater(() -> pong(posted));
            } catch (IllegalStateException toolkitGone) {
                running = false;
                break;
            }
            // Wait for the ping, sampling the FX thread if it is late.
            heldBy.clear();
            while (running && outstandingSince == posted) {
                LockSupport.parkNanos(intervalNanos);
                long age = System.nanoTime() - posted;
                if (age >= sampleAfterNanos && outstandingSince == posted) {
                    String where = sample(age);
                    if (!where.isEmpty()) {
                        heldBy.merge(where, 1, Integer::sum);
                    }
                }
            }
            long delay = lastDelayFor(posted);
            long cpuAfter = fxCpuNanos();
            long cpu = cpuAtPost < 0 || cpuAfter < 0 ? 0 : Math.min(delay, cpuAfter - cpuAtPost);
            synchronized (lock) {
                maxBusyNanos = Math.max(maxBusyNanos, cpu);
            }
            if (delay >= sampleAfterNanos || delay >= stallThresholdNanos) {
                String where = heldBy.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                        .orElse("");
                Stall stall = new Stall(Duration.ofNanos(delay), Duration.ofNanos(posted - startedAt), where,
                        Duration.ofNanos(cpu));
                remember(stall);
                if (delay >= stallThresholdNanos) {
                    try {
                        onStall.accept(stall);
                    } catch (RuntimeException e) {
                        LOG.debug("stall listener failed", e);
                    }
                }
            }
            long rest = intervalNanos - (System.nanoTime() - posted);
            if (rest > 0 && running) {
                LockSupport.parkNanos(rest);
            }
        }
    }

    /** Keeps the longest few stalls, with where the FX thread mostly was during each. */
    private void remember(Stall stall) {
        synchronized (lock) {
            longest.add(stall);
            longest.sort(Comparator.comparing(Stall::length).reversed());
            if (longest.size() > LONGEST_KEPT) {
                longest.remove(longest.size() - 1);
            }
        }
    }

    /**
     * The FX thread, known before the first ping comes back, so that the CPU of a stall that is
     * already going on when the watchdog starts is measured too; null when the toolkit has none yet
     * (then the first pong tells).
     */
    private static Thread findFxThread() {
        if (Platform.isFxApplicationThread()) {
            return Thread.currentThread();
        }
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (FX_THREAD_NAME.equals(threads[i].getName())) {
                return threads[i];
            }
        }
        return null;
    }

    /** CPU time of the FX thread so far, -1 when unknown. */
    private long fxCpuNanos() {
        Thread fx = fxThread;
        if (fx == null || threads == null) {
            return -1;
        }
        return threads.getThreadCpuTime(fx.getId());
    }

    private long lastDelayFor(long posted) {
        synchronized (lock) {
            return lastPosted == posted ? lastDelay : 0;
        }
    }

    /** Runs on the FX thread: as little as possible. */
    private void pong(long posted) {
        long delay = System.nanoTime() - posted;
        if (fxThread == null) {
            fxThread = Thread.currentThread();
        }
        synchronized (lock) {
            if (running) {
                record(delay, posted);
            }
        }
        outstandingSince = 0;
        LockSupport.unpark(worker);
    }

    private void record(long delay, long posted) {
        count++;
        totalNanos += delay;
        if (delay > maxNanos) {
            maxNanos = delay;
            maxAtNanos = posted - startedAt;
        }
        int millis = (int) Math.min(MAX_TRACKED_MILLIS + 1, TimeUnit.NANOSECONDS.toMillis(delay));
        histogram[millis]++;
        lastPosted = posted;
        lastDelay = delay;
    }

    /**
     * Records what the FX thread is doing now; returns where in our code it is: the innermost and
     * outermost frames of Enscope's code (what runs, and what started it), or the top frame.
     */
    private String sample(long age) {
        Thread fx = fxThread;
        if (fx == null) {
            return "";
        }
        StackTraceElement[] stack = fx.getStackTrace();
        if (stack.length == 0) {
            return "";
        }
        String key = describe(stack);
        synchronized (lock) {
            samples.merge(key, 1, Integer::sum);
            worstSampleAge.merge(key, age, Math::max);
            sampleCount++;
        }
        String innermost = null;
        String outermost = null;
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("io.enscope.") && !e.getClassName().contains("$$Lambda")
                    && !e.getClassName().equals(FxStallWatchdog.class.getName())) {
                if (innermost == null) {
                    innermost = frame(e);
                }
                outermost = frame(e);
            }
        }
        if (innermost == null) {
            return frame(stack[0]) + " (JavaFX: CSS, layout or rendering)";
        }
        return innermost.equals(outermost) ? innermost : innermost + " < … < " + outermost;
    }

    /** The top frames, and the first few frames of our own code, which usually say whose listener it is. */
    private String describe(StackTraceElement[] stack) {
        List<String> parts = new ArrayList<>();
        int top = Math.min(topFrames, stack.length);
        for (int i = 0; i < top; i++) {
            parts.add(frame(stack[i]));
        }
        int ours = 0;
        for (int i = top; i < stack.length && ours < OWN_FRAMES_SHOWN; i++) {
            if (stack[i].getClassName().startsWith("io.enscope.")
                    && !stack[i].getClassName().equals(FxStallWatchdog.class.getName())) {
                parts.add(frame(stack[i]));
                ours++;
            }
        }
        return String.join(" < ", parts);
    }

    private static String frame(StackTraceElement e) {
        String cls = e.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + e.getMethodName()
                + (e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "");
    }

    /**
     * Stops pinging. A ping still outstanding counts as a stall of its age so far (the FX thread is
     * stuck right now). Idempotent.
     */
    public void stop() {
        long now = System.nanoTime();
        synchronized (lock) {
            if (!running) {
                return;
            }
            long pending = outstandingSince;
            if (pending != 0 && now - pending > maxNanos) {
                maxNanos = now - pending;
                maxAtNanos = pending - startedAt;
            }
            running = false;
            stoppedAt = now;
        }
        LockSupport.unpark(worker);
    }

    @Override
    public void close() {
        stop();
    }

    /** @return the longest delay of a ping so far (the longest stall) */
    public Duration maxStall() {
        synchronized (lock) {
            return Duration.ofNanos(maxNanos);
        }
    }

    /**
     * @return the most CPU time the FX thread used while one ping waited: the longest stall of
     *         real work, which a loaded machine (where the FX thread waits for a core) does not
     *         inflate as it does {@link #maxStall()}; zero when the JVM cannot time threads
     */
    public Duration maxBusyStall() {
        synchronized (lock) {
            return Duration.ofNanos(maxBusyNanos);
        }
    }

    /** @return the number of pings that ran */
    public long pings() {
        synchronized (lock) {
            return count;
        }
    }

    /**
     * @param percent 0 to 100
     * @return the delay that {@code percent} % of pings did not exceed, to the millisecond
     *         (rounded up)
     */
    public Duration percentile(double percent) {
        synchronized (lock) {
            if (count == 0) {
                return Duration.ZERO;
            }
            long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * count));
            long seen = 0;
            for (int ms = 0; ms < histogram.length; ms++) {
                seen += histogram[ms];
                if (seen >= rank) {
                    return ms > MAX_TRACKED_MILLIS ? Duration.ofNanos(maxNanos) : Duration.ofMillis(ms + 1L);
                }
            }
            return Duration.ofNanos(maxNanos);
        }
    }

    /** @return how many pings were at least {@code threshold} late */
    public long stallsOver(Duration threshold) {
        int from = (int) Math.min(MAX_TRACKED_MILLIS + 1, threshold.toMillis());
        synchronized (lock) {
            long n = 0;
            for (int ms = from; ms < histogram.length; ms++) {
                n += histogram[ms];
            }
            return n;
        }
    }

    /** @return the longest stalls seen (at least {@code sampleAfter} long), longest first, at most five */
    public List<Stall> longestStalls() {
        synchronized (lock) {
            return List.copyOf(longest);
        }
    }

    /**
     * @param top how many of the most sampled places to list
     * @return where the FX thread was found during stalls, most samples first: "place: samples
     *         (oldest stall age at a sample)"
     */
    public List<String> hotSpots(int top) {
        synchronized (lock) {
            return samples.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(top)
                    .map(e -> String.format(Locale.ROOT, "%3d × (stall at %d ms) %s", e.getValue(),
                            TimeUnit.NANOSECONDS.toMillis(worstSampleAge.get(e.getKey())), e.getKey()))
                    .toList();
        }
    }

    /**
     * @param budget the stall budget to report against (design.md: 100 ms)
     * @return one paragraph: max, p50/p99/p99.9, stalls over 16 ms / the budget, when the longest
     *         stall happened, and, when stalls were sampled, where the FX thread was
     */
    public String report(Duration budget) {
        StringBuilder out = new StringBuilder();
        long elapsed;
        long max;
        long at;
        long n;
        long mean;
        synchronized (lock) {
            elapsed = (running ? System.nanoTime() : stoppedAt) - startedAt;
            max = maxNanos;
            at = maxAtNanos;
            n = count;
            mean = count == 0 ? 0 : totalNanos / count;
        }
        out.append(String.format(Locale.ROOT,
                "FX stall: max %d ms (at +%d ms) vs budget %d ms -> %s; FX thread busy at most %d ms of a stall; "
                        + "%d pings over %.1f s; mean %.2f ms, p50 <= %d ms, p99 <= %d ms, p99.9 <= %d ms; "
                        + ">=16 ms: %d, >=%d ms: %d",
                TimeUnit.NANOSECONDS.toMillis(max), TimeUnit.NANOSECONDS.toMillis(at), budget.toMillis(),
                max <= budget.toNanos() ? "within" : "OVER", maxBusyStall().toMillis(), n, elapsed / 1e9, mean / 1e6,
                percentile(50).toMillis(), percentile(99).toMillis(), percentile(99.9).toMillis(),
                stallsOver(Duration.ofMillis(16)), budget.toMillis(), stallsOver(budget)));
        List<Stall> worst = longestStalls();
        if (!worst.isEmpty()) {
            out.append(System.lineSeparator()).append("  longest stalls (FX thread CPU; where it mostly was):");
            worst.forEach(st -> out.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "    %5d ms at +%d ms (CPU %d ms)  %s", st.length().toMillis(), st.sinceStart().toMillis(),
                    st.fxCpu().toMillis(), st.heldBy())));
        }
        List<String> hot = hotSpots(8);
        if (!hot.isEmpty()) {
            int sampled;
            synchronized (lock) {
                sampled = sampleCount;
            }
            out.append(System.lineSeparator()).append("  FX thread during stalls (").append(sampled)
                    .append(" samples, most frequent places):");
            hot.forEach(h -> out.append(System.lineSeparator()).append("    ").append(h));
        }
        return out.toString();
    }

    /** @return {@link #report(Duration)} against the 100 ms budget of design.md */
    public String report() {
        return report(Duration.ofMillis(100));
    }
}
