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
 */
final class StatePersister {
    private static final Logger LOG = LoggerFactory.getLogger(StatePersister.class);
    private static final long COALESCE_MILLIS = 200;

    private final Path file;
    private final EmulatorState state;
    private final AtomicBoolean scheduled = new AtomicBoolean();
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
        if (scheduled.compareAndSet(false, true)) {
            writer.schedule(() -> {
                scheduled.set(false);
                saveNow();
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void saveNow() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            ScenarioFiles.write(file, state.snapshot());
        } catch (IOException | RuntimeException e) {
            LOG.error("could not write the emulator state to {}", file, e);
        }
    }

    void close() {
        writer.shutdownNow();
        saveNow();
    }
}
