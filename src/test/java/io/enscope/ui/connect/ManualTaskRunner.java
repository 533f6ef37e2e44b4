package io.enscope.ui.connect;

import io.enscope.ui.common.TaskRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps submitted tasks until the test runs them, like a background pool that has not got to them yet. */
final class ManualTaskRunner implements TaskRunner {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> Handle submit(String name, Work<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure, Consumer<ProgressUpdate> onProgress) {
        boolean[] cancelled = {false};
        boolean[] done = {false};
        pending.add(() -> {
            done[0] = true;
            if (cancelled[0]) {
                return;
            }
            T result;
            try {
                result = work.run(new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled[0];
                    }
                });
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return done[0];
            }
        };
    }

    int pending() {
        return pending.size();
    }

    /** Runs every task submitted so far, in order. */
    void runAll() {
        List<Runnable> now = new ArrayList<>(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }

    @Override
    public void shutdown() {
        pending.clear();
    }
}
