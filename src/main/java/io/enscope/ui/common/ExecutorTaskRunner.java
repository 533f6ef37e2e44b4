package io.enscope.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@link TaskRunner} on a bounded pool of named daemon threads, delivering callbacks through a
 * {@link UiThread}. Progress bursts are coalesced: at most one pending delivery per task.
 */
public final class ExecutorTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final ExecutorService executor;
    private final UiThread ui;

    public ExecutorTaskRunner(int threads, UiThread ui) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "enscope-task-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.ui = ui;
    }

    @Override
    public <T> Handle submit(String name, Work<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure, Consumer<ProgressUpdate> onProgress) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<ProgressUpdate> pending = new AtomicReference<>();
        Progress progress = new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (onProgress != null && pending.getAndSet(new ProgressUpdate(fraction, message)) == null) {
                    ui.run(() -> {
                        ProgressUpdate latest = pending.getAndSet(null);
                        if (latest != null && !cancelled.get()) {
                            onProgress.accept(latest);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        Future<?> future = executor.submit(() -> {
            String old = Thread.currentThread().getName();
            Thread.currentThread().setName(old + " " + name);
            try {
                T result = work.run(progress);
                if (!cancelled.get()) {
                    ui.run(() -> onSuccess.accept(result));
                }
            } catch (CancellationException | InterruptedException e) {
                LOG.debug("task {} cancelled", name);
            } catch (Exception e) {
                if (!cancelled.get()) {
                    LOG.debug("task {} failed", name, e);
                    ui.run(() -> onFailure.accept(e));
                }
            } catch (Error bug) {
                // Not a failure the task's handler can explain: the pool's future would keep it
                // unseen, so it goes where every uncaught error goes (logged, and shown in the app).
                LOG.error("task {} failed with an error", name, bug);
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, bug);
            } finally {
                Thread.currentThread().setName(old);
            }
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}
