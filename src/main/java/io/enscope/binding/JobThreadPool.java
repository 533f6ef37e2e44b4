package io.enscope.binding;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link JobScheduler}: a fixed pool of named daemon workers, whose size bounds how
 * many calls to ENS the jobs make at once, and one timer thread that only hands due steps to
 * the workers. A step that throws is logged with its stack trace, never dropped silently.
 */
public final class JobThreadPool implements JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JobThreadPool.class);

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;

    /**
     * @param parallelism the number of workers, at least 1: how many jobs may call ENS at once
     */
    public JobThreadPool(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        // The queue is unbounded on purpose: it holds steps, not jobs, and a step is never
        // refused for load, because a refused step would leave its job hanging.
        this.workers = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads("enscope-job-worker-"));
        this.timer = new ScheduledThreadPoolExecutor(1, threads("enscope-job-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable step) {
        workers.execute(guarded(step));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable step) {
        long nanos = Math.max(0, delay.toNanos());
        Runnable guardedStep = guarded(step);
        ScheduledFuture<?> due = timer.schedule(() -> workers.execute(guardedStep), nanos, TimeUnit.NANOSECONDS);
        return () -> due.cancel(false);
    }

    @Override
    public void shutdown() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean timerDone = timer.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        long left = Math.max(0, deadline - System.nanoTime());
        return workers.awaitTermination(left, TimeUnit.NANOSECONDS) && timerDone;
    }

    private static Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException failure) {
                // The engine handles its own failures; reaching here is a bug, kept visible.
                LOG.error("a job step failed unexpectedly", failure);
            }
        };
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("uncaught failure on {}", t.getName(), e));
            return thread;
        };
    }
}
