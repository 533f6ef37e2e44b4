package io.enscope.ui.common;

import java.util.function.Consumer;

/**
 * The one way the UI runs background work: off the FX thread, with results, failures and
 * progress delivered on the UI thread, and a handle to cancel. Failures are never swallowed: a
 * task without its own failure handler goes to the default one (the error dialog).
 */
public interface TaskRunner {

    /** Work done in the background; it may report progress and should stop when cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Progress of a running task; safe to call from the worker thread. */
    interface Progress {
        void update(double fraction, String message);

        boolean isCancelled();
    }

    /** A submitted task. */
    interface Handle {
        void cancel();

        boolean isDone();
    }

    /**
     * Runs {@code work} in the background.
     *
     * @param name       the thread name suffix, for logs
     * @param onSuccess  called on the UI thread with the result
     * @param onFailure  called on the UI thread with the failure (not called when cancelled)
     * @param onProgress called on the UI thread with progress updates, coalesced; may be null
     */
    <T> Handle submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure,
                      Consumer<ProgressUpdate> onProgress);

    default <T> Handle submit(String name, Work<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        return submit(name, work, onSuccess, onFailure, null);
    }

    /** Stops accepting work and interrupts running tasks. */
    void shutdown();

    /** One progress report. */
    record ProgressUpdate(double fraction, String message) {
    }
}
