package io.enscope.emulator;

import io.enscope.emulator.ops.EmulatorState;
import io.enscope.emulator.scenario.ScenarioFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the emulator state to its file shortly after each change (coalescing bursts) and once
 * more on close. Each write is atomic, so a crash leaves the previous complete file.
 *
 * <p>The wait after a change grows with the cost of the last write, so that the writer keeps a core
 * busy at most a tenth of the time: the demo's state is written in a few milliseconds and follows
 * every change within {@value #COALESCE_MILLIS} ms, the {@code large} scenario's (19 MB) takes a few
 * hundred, and rewriting it every 200 ms while bindings run took the cores from the console that
 * embeds the emulator. What changed since the last write is lost only if the process dies; closing
 * writes it. A state that has not changed since it was read from the file or last written is not
 * written again, on start nor on close: the file already holds it.
 */
final class StatePersister {
    private static final Logger LOG = LoggerFactory.getLogger(StatePersister.class);
    private static final long COALESCE_MILLIS = 200;
    /** The wait is this many times the last write: the writer works at most 1/(1 + this) of the time. */
    private static final long IDLE_PER_WRITE = 9;
    private static final long MAX_WAIT_MILLIS = 10_000;

    private final Path file;
    private final EmulatorState state;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** A change not yet in the file; cleared before the snapshot a write takes, so no change is missed. */
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile long lastWriteMillis;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ens-emulator-state-writer");
        t.setDaemon(true);
        return t;
    });

    StatePersister(Path file, EmulatorState state) {
        this.file = file;
        this.state = state;
    }

    void changed() {
        dirty.set(true);
        if (scheduled.compareAndSet(false, true)) {
            writer.schedule(() -> {
                scheduled.set(false);
                saveIfChanged();
            }, waitAfter(lastWriteMillis), TimeUnit.MILLISECONDS);
        }
    }

    /** How long a change waits to be written when the last write took {@code writeMillis}. */
    static long waitAfter(long writeMillis) {
        return Math.min(MAX_WAIT_MILLIS, Math.max(COALESCE_MILLIS, writeMillis * IDLE_PER_WRITE));
    }

    /** Writes the state if it changed since the last write (or was never written by this persister). */
    synchronized void saveIfChanged() {
        if (dirty.compareAndSet(true, false)) {
            write();
        }
    }

    /** Writes the state now, changed or not: a fresh state whose file does not exist yet. */
    synchronized void saveNow() {
        dirty.set(false);
        write();
    }

    private void write() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            long started = System.nanoTime();
            ScenarioFiles.write(file, state.snapshot());
            lastWriteMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        } catch (IOException | RuntimeException e) {
            LOG.error("could not write the emulator state to {}", file, e);
        }
    }

    void close() {
        writer.shutdownNow();
        saveIfChanged();
    }
}
