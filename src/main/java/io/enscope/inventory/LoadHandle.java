package io.enscope.inventory;

import io.enscope.ens.EnsException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running inventory load: its progress, its result and the way to cancel it.
 *
 * <p>As a {@link Future}, {@link #get()} reports a failed load as an {@link ExecutionException}
 * whose cause is the {@link EnsException} of the first page that failed (after the EnsApi's own
 * read retries), and a cancelled one as a {@link CancellationException}; {@link #join()} throws
 * those directly. A failed or cancelled load never yields a partial snapshot.
 */
public final class LoadHandle implements Future<Inventory> {

    private final LoadRun run;

    LoadHandle(LoadRun run) {
        this.run = run;
    }

    /** @return the latest progress, also when no listener was given */
    public LoadProgress progress() {
        return run.progress();
    }

    /**
     * Cancels the load: no further request is issued, queued pages are dropped, the requests in
     * flight are interrupted, and the result becomes a {@link CancellationException}.
     *
     * @return whether this call cancelled it (false when it had already ended)
     */
    public boolean cancel() {
        return run.cancel();
    }

    /**
     * Same as {@link #cancel()}: requests in flight are always interrupted, since an answer that
     * nobody will read is only load on the server.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return run.cancel();
    }

    @Override
    public boolean isCancelled() {
        return run.result().isCancelled();
    }

    @Override
    public boolean isDone() {
        return run.result().isDone();
    }

    @Override
    public Inventory get() throws InterruptedException, ExecutionException {
        return run.result().get();
    }

    @Override
    public Inventory get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
            TimeoutException {
        return run.result().get(timeout, unit);
    }

    /** @return a stage completed with the snapshot, or with the failure or cancellation */
    public CompletionStage<Inventory> completion() {
        return run.result().minimalCompletionStage();
    }

    /**
     * Waits for the snapshot. Interrupting the waiting thread cancels the load (and keeps the
     * thread's interrupt flag set).
     *
     * @return the snapshot
     * @throws EnsException          when a request failed; a copy thrown in this thread, the
     *                               original as cause
     * @throws CancellationException when the load was cancelled or the wait interrupted
     */
    public Inventory join() {
        try {
            return run.result().get();
        } catch (InterruptedException interrupted) {
            run.cancel();
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for the inventory");
            cancelled.initCause(interrupted);
            throw cancelled;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof EnsException ens) {
                throw new EnsException(ens.error(), ens);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("inventory load failed", cause);
        }
    }
}
