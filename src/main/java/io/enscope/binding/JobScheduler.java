package io.enscope.binding;

import java.time.Duration;

/**
 * Runs the steps of jobs: now, or after a delay. The {@link JobEngine} never sleeps; each job
 * is a chain of short steps (one call to ENS each) handed to this scheduler, so waiting jobs hold
 * no thread. {@link JobThreadPool} is the real one; tests use a manual one driven by a fake
 * clock.
 */
public interface JobScheduler {

    /** A scheduled step that may be withdrawn. */
    @FunctionalInterface
    interface Cancellable {
        /** Withdraws the step if it has not started; a running step is not interrupted. */
        void cancel();
    }

    /**
     * @param step runs soon on a worker
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown()}
     */
    void execute(Runnable step);

    /**
     * @param delay how long to wait; zero or negative runs it soon
     * @param step  runs on a worker after the delay
     * @return a handle to withdraw it
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown()}
     */
    Cancellable schedule(Duration delay, Runnable step);

    /** Stops: pending steps are dropped and running ones interrupted. */
    void shutdown();

    /**
     * @param timeout the longest wait
     * @return whether every worker has stopped
     * @throws InterruptedException when the caller is interrupted
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;
}
