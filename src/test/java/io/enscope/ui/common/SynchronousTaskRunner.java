package io.enscope.ui.common;

import java.util.function.Consumer;

/** Runs every task at once on the calling thread: for ViewModel unit tests. */
public final class SynchronousTaskRunner implements TaskRunner {

    @Override
    public <T> Handle submit(String name, Work<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure, Consumer<ProgressUpdate> onProgress) {
        Progress progress = new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (onProgress != null) {
                    onProgress.accept(new ProgressUpdate(fraction, message));
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try {
            onSuccess.accept(work.run(progress));
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new Handle() {
            @Override
            public void cancel() {
                // already done
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
