package io.enscope.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.enscope.ui.common.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@code settings.json} in the data directory. A missing or broken file gives
 * the defaults (a broken one is kept aside as {@code settings.json.broken} and logged); writes are
 * atomic, so a crash never leaves half a file.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    /** Jackson is made on first use: a first start (no file yet) shows its window without it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        private Json() {
        }
    }

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = Json.MAPPER.readValue(file.toFile(), Settings.class);
            return s == null ? Settings.defaults() : s;
        } catch (IOException e) {
            LOG.warn("{} is unreadable or malformed; using default settings and keeping it as {}.broken", file,
                    file.getFileName());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".broken"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside", file, moveFailed);
            }
            return Settings.defaults();
        }
    }

    /** Writes atomically: a temporary file in the same folder, forced to disk, then moved over. */
    public void save(Settings settings) throws IOException {
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(settings));
    }
}
