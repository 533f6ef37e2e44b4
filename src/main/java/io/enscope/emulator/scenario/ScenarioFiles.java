package io.enscope.emulator.scenario;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Scenario files: JSON with the API's PascalCase names ({@code "EnsRegionId"}, {@code "VSwitchId"},
 * {@code "HaVips"}, {@code "AssociatedInstances"}), so a file reads like the Describe* responses.
 * The same format serves {@code --scenario FILE} and the {@code --state FILE} persistence.
 *
 * <p>Reading reports every problem as an {@link IllegalArgumentException} whose message names the
 * file and what is wrong, ready to show to a user. Writing is atomic: readers (and a crash) see
 * either the old file or the complete new one, never a partial file.
 */
public final class ScenarioFiles {
    /** Scenario names that {@link #resolve} maps to built-in scenarios rather than files. */
    public static final String DEMO = "demo";
    public static final String LARGE = "large";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // The stream is a FileChannel that must still be forced to disk after Jackson is done.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .addMixIn(Scenario.InstanceRec.class, InstanceNames.class)
            .build();

    private ScenarioFiles() {
    }

    /** The API spells this field {@code OSName}, which no naming strategy derives from {@code osName}. */
    private abstract static class InstanceNames {
        @JsonProperty("OSName")
        @JsonAlias("OsName")
        abstract String osName();
    }

    /**
     * Reads a scenario file.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable, not JSON, or not a scenario;
     *                                  the message names the file and the problem
     */
    public static Scenario read(Path file) {
        return readDocument(file, Scenario.class, "scenario file", "scenario");
    }

    /**
     * Reads a JSON document in the scenario format (PascalCase names, unknown fields ignored), such as
     * the state file.
     *
     * @param what    what the file is, as the messages name it ("state file")
     * @param content what it holds, as the messages name it ("scenario")
     * @throws IllegalArgumentException as {@link #read}
     */
    public static <T> T readDocument(Path file, Class<T> type, String what, String content) {
        T document;
        try (InputStream in = Files.newInputStream(file)) {
            document = MAPPER.readValue(in, type);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " not found", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(what + " " + file + " cannot be read: permission denied", e);
        } catch (JsonProcessingException e) {
            // Databind wraps syntax errors met inside nested objects; the syntax error is what users must fix.
            JsonParseException syntax = syntaxError(e);
            if (syntax != null) {
                throw new IllegalArgumentException(what + " " + file + " is not valid JSON" + where(syntax)
                        + ": " + firstLine(syntax.getOriginalMessage()), e);
            }
            throw new IllegalArgumentException(what + " " + file + " is not a valid " + content + where(e) + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (document == null) {
            throw new IllegalArgumentException(what + " " + file + " holds no " + content + " (it is JSON null)");
        }
        return document;
    }

    /** Writes any document in the scenario format, atomically as {@link #write}. */
    public static void writeDocument(Path file, Object document) throws IOException {
        writeAtomically(file, out -> MAPPER.writeValue(out, document));
    }

    /** A document in the scenario format on one line, without the line end: a journal record. */
    public static byte[] toLine(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads what {@link #toLine} wrote. */
    public static <T> T fromLine(byte[] bytes, int offset, int length, Class<T> type) throws IOException {
        return MAPPER.readValue(bytes, offset, length, type);
    }

    /**
     * Writes a scenario file atomically: the JSON goes to a temporary file in the same directory,
     * is forced to disk, and then replaces {@code file} in one rename. If anything fails, the old
     * file is left as it was and the temporary file is removed.
     *
     * @throws IOException if the file cannot be written; {@code file} is then unchanged
     */
    public static void write(Path file, Scenario scenario) throws IOException {
        writeAtomically(file, out -> MAPPER.writeValue(out, scenario));
    }

    /**
     * A built-in scenario by name ({@value #DEMO}, {@value #LARGE}) or else a scenario file.
     * A file that happens to be called {@code demo} can be given as {@code ./demo}.
     *
     * @param seed the seed of the {@value #LARGE} scenario; ignored otherwise
     * @throws IllegalArgumentException if the file is missing or not a valid scenario
     */
    public static Scenario resolve(String nameOrPath, long seed) {
        return resolve(nameOrPath, seed, false);
    }

    /**
     * As {@link #resolve(String, long)}; {@code eipOnHaVip} binds some EIPs to HaVips in the built-in
     * scenarios (a file is read as it is).
     */
    public static Scenario resolve(String nameOrPath, long seed, boolean eipOnHaVip) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("no scenario given: use demo, large or the path of a scenario file");
        }
        String name = nameOrPath.trim();
        if (name.equals(DEMO)) {
            return DemoScenario.create(eipOnHaVip);
        }
        if (name.equals(LARGE)) {
            return LargeScenario.create(seed, eipOnHaVip);
        }
        Path file = Path.of(name);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("scenario file " + file.toAbsolutePath() + " not found (use demo, "
                    + "large or the path of a scenario file)");
        }
        return read(file);
    }

    /** Writes the content of a file; may fail half-way. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The atomic write behind {@link #write}, open to tests so they can make the content fail. */
    static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        // Same directory as the target: a rename is only atomic within one file system.
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            keepPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                // Durable before visible: after a crash the rename never points at unwritten blocks.
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        forceDirectory(dir);
    }

    /**
     * Gives the temporary file the permissions of the file it replaces: a temporary file is
     * created owner-only, and replacing a file should not silently change who may read it.
     */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    /** Makes the rename itself durable where the platform allows syncing a directory (not on Windows). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort only: the new content is complete and in place either way.
        }
    }

    private static JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException s) {
                return s;
            }
        }
        return null;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected content";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
