package io.enscope;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Something expensive started on first use, exactly once, whichever threads ask for it first:
 * the connect task and a profile's sandbox fallback may both need the sandbox at the same time,
 * and an unguarded check would start two emulators and leak one.
 *
 * @param <T> what is started; closed by {@link #close()}
 */
final class StartOnce<T extends AutoCloseable> implements AutoCloseable {
    private final Supplier<T> starter;
    private T started;
    private boolean closed;

    /** @param starter starts the thing; called at most once */
    StartOnce(Supplier<T> starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /**
     * @return the thing, started by this call if no call started it before; a caller that comes
     *         while another starts it waits for that one
     * @throws IllegalStateException after {@link #close()}
     */
    synchronized T get() {
        if (closed) {
            throw new IllegalStateException("already closed");
        }
        if (started == null) {
            started = starter.get();
        }
        return started;
    }

    /** @return the thing if it was started, without starting it */
    synchronized Optional<T> ifStarted() {
        return Optional.ofNullable(started);
    }

    /** Closes the thing if it was started; later calls of {@link #get()} fail. Idempotent. */
    @Override
    public synchronized void close() throws Exception {
        closed = true;
        T toClose = started;
        started = null;
        if (toClose != null) {
            toClose.close();
        }
    }
}
