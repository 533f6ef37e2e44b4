package io.enscope.emulator;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.enscope.emulator.gateway.NonceLog;
import io.enscope.emulator.gateway.UsedNonce;
import io.enscope.emulator.ops.EmulatorState;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.EipRec;
import io.enscope.emulator.scenario.EventRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.ScenarioFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The {@code --state} file: a snapshot of the emulator state plus an append-only journal of the
 * changes since, so that a write is answered only once it is on disk.
 *
 * <p>Every change (and the nonce of every write request) is appended to the journal as one line,
 * {@code CRC32 LENGTH JSON}, and the journal is forced to disk before the call that made the change
 * is answered; concurrent callers share one force. A line cut short by a crash fails its length or
 * checksum and is dropped at the next start: it was never answered.
 *
 * <p>The journal lives in numbered segments beside the state file ({@code state.json.journal.N}).
 * When the current segment outgrows the snapshot, a compaction takes a snapshot and starts a new
 * segment in one step under the state lock, writes the snapshot atomically (temporary file, force,
 * rename, force the directory), and only then deletes the older segments. The snapshot notes the
 * last journal record it includes, so a crash at any point replays exactly what the snapshot lacks.
 * Closing compacts, so a cleanly stopped emulator leaves the state file alone.
 */
final class StateStore implements EmulatorState.ChangeLog, NonceLog {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    /** A segment is compacted once it is larger than this and than the last snapshot. */
    private static final long MIN_COMPACTION_BYTES = 1 << 20;
    private static final String SEGMENT = ".journal.";

    private final Path file;
    private final Path dir;
    private final EmulatorState state;
    private final Supplier<List<UsedNonce>> nonces;

    /** Guards appending: the channel, the sequence numbers, the current segment. */
    private final Object appendLock = new Object();
    /** Held while forcing the journal, so that concurrent callers share one force. */
    private final Object syncLock = new Object();
    private final Object compactionLock = new Object();
    private FileChannel channel;
    private long generation;
    private long segmentBytes;
    private long lastSeq;
    private long snapshotSeq;
    private long snapshotBytes;
    private boolean compactionQueued;
    private boolean closed;
    private IOException failure;
    private volatile long durableSeq;
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ens-emulator-state-compactor");
        t.setDaemon(true);
        return t;
    });

    /** What a start finds in the state file and its journal. */
    record Recovered(boolean exists, Scenario scenario, Map<String, Long> dueTimes, List<UsedNonce> nonces,
                     long snapshotSeq, long lastSeq, long lastGeneration) {
    }

    /** The state file: a scenario plus what the emulator needs to resume. */
    static final class Document {
        @JsonUnwrapped
        public Scenario scenario;
        /** The last journal record this snapshot includes. */
        public long journalSeq;
        public Map<String, Long> dueTimes;
        public List<UsedNonce> usedNonces;
    }

    /** What {@link Document} adds to a scenario, read on its own (the scenario is read as any scenario file). */
    static final class Extras {
        public Long journalSeq;
        public Map<String, Long> dueTimes;
        public List<UsedNonce> usedNonces;
        public JsonNode haVips;
    }

    /** One journal line. */
    record Entry(long seq, List<HaVipRec> haVips, List<String> removed, Map<String, Long> dueTimes,
                 Scenario replaced, List<UsedNonce> nonces, List<EipRec> eips, List<EventRec> events) {
        Entry(long seq, List<HaVipRec> haVips, List<String> removed, Map<String, Long> dueTimes,
              Scenario replaced, List<UsedNonce> nonces) {
            this(seq, haVips, removed, dueTimes, replaced, nonces, null, null);
        }
    }

    private StateStore(Path file, EmulatorState state, Supplier<List<UsedNonce>> nonces, Recovered recovered) {
        this.file = file.toAbsolutePath();
        this.dir = this.file.getParent();
        this.state = state;
        this.nonces = nonces;
        this.lastSeq = recovered.lastSeq();
        this.durableSeq = recovered.lastSeq();
        this.snapshotSeq = recovered.snapshotSeq();
        this.generation = recovered.lastGeneration();
    }

    // ---- start ------------------------------------------------------------------------------

    /**
     * Reads the state file and replays its journal, touching nothing.
     *
     * @throws IllegalArgumentException if the file or the journal is not valid; the message names
     *                                  the file, the field and the reason on one line
     */
    static Recovered recover(Path stateFile) {
        Path file = stateFile.toAbsolutePath();
        TreeMap<Long, Path> segments = segments(file);
        long lastGeneration = segments.isEmpty() ? 0 : segments.lastKey();
        if (!Files.exists(file)) {
            return new Recovered(false, null, Map.of(), List.of(), 0, 0, lastGeneration);
        }
        Scenario snapshot = ScenarioFiles.readDocument(file, Scenario.class, "state file", "state");
        Extras extras = ScenarioFiles.readDocument(file, Extras.class, "state file", "state");
        if (extras.haVips == null || !extras.haVips.isArray()) {
            throw new IllegalArgumentException("state file " + file + ": field HaVips is missing or not a list (a "
                    + "state file lists its HaVips, [] when there are none); the file was left as it is");
        }
        Replay replay = new Replay(snapshot, extras);
        long seq = replay.snapshotSeq;
        for (Path segment : segments.values()) {
            seq = Math.max(seq, replaySegment(segment, replay));
        }
        return new Recovered(true, replay.scenario(), replay.dueTimes, replay.nonces, replay.snapshotSeq, seq,
                lastGeneration);
    }

    /**
     * Starts journaling after a recovery: removes the temporary files of interrupted writes, the
     * journal of a state file that no longer exists, and opens a new segment. Without a state file
     * yet, writes the first snapshot.
     */
    static StateStore open(Path stateFile, Recovered recovered, EmulatorState state,
                           Supplier<List<UsedNonce>> nonces) throws IOException {
        StateStore store = new StateStore(stateFile, state, nonces, recovered);
        Files.createDirectories(store.dir);
        store.removeStaleFiles(!recovered.exists());
        synchronized (store.appendLock) {
            store.startSegment();
        }
        if (!recovered.exists()) {
            store.compact();
        }
        return store;
    }

    private void removeStaleFiles(boolean withJournal) throws IOException {
        String name = file.getFileName().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                // The temporary files of ScenarioFiles' atomic writes that a crash left behind.
                boolean temp = n.startsWith("." + name + ".") && n.endsWith(".tmp");
                boolean orphanJournal = withJournal && generationOf(name, n) >= 0;
                if (temp || orphanJournal) {
                    Files.deleteIfExists(p);
                    LOG.info("removed {}, left by an earlier run", p);
                }
            }
        }
    }

    // ---- appending ----------------------------------------------------------------------------

    @Override
    public long append(EmulatorState.Change change) {
        return write(seq -> new Entry(seq, change.haVips(), change.removed(), change.dueTimes(), change.replaced(),
                null, nullIfEmpty(change.eips()), nullIfEmpty(change.events())));
    }

    /** Journal lines leave out what a change did not touch. */
    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    @Override
    public long used(UsedNonce nonce) {
        return write(seq -> new Entry(seq, null, null, null, null, List.of(nonce)));
    }

    private long write(LongFunction<Entry> entry) {
        synchronized (appendLock) {
            checkUsable();
            long seq = lastSeq + 1;
            byte[] line = encode(ScenarioFiles.toLine(entry.apply(seq)));
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                failure = e;
                throw new UncheckedIOException("could not append to the state journal of " + file, e);
            }
            lastSeq = seq;
            segmentBytes += line.length;
            if (!compactionQueued && segmentBytes > Math.max(MIN_COMPACTION_BYTES, snapshotBytes)) {
                compactionQueued = true;
                compactor.execute(this::compactQuietly);
            }
            return seq;
        }
    }

    static byte[] encode(byte[] json) {
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] head = String.format("%08x %d ", crc.getValue(), json.length).getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + json.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(json, 0, line, head.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    @Override
    public void awaitDurable(long ticket) {
        if (ticket < 0 || durableSeq >= ticket) {
            return;
        }
        synchronized (syncLock) {
            if (durableSeq >= ticket) {
                return; // forced by the caller before us, with ours in it
            }
            FileChannel current;
            long upTo;
            synchronized (appendLock) {
                checkUsable();
                current = channel;
                upTo = lastSeq;
            }
            try {
                current.force(false);
            } catch (IOException e) {
                synchronized (appendLock) {
                    failure = e;
                }
                throw new UncheckedIOException("could not force the state journal of " + file + " to disk", e);
            }
            durableSeq = upTo;
        }
    }

    private void checkUsable() {
        if (failure != null) {
            // Once the journal failed, nothing more is answered as done: the disk no longer follows.
            throw new UncheckedIOException("the state journal of " + file + " failed earlier", failure);
        }
        if (closed) {
            throw new IllegalStateException("the state of " + file + " is closed");
        }
    }

    // ---- compaction ---------------------------------------------------------------------------

    private record Snapshot(Document document, long generation) {
    }

    /** Where a rotation left the journal: the new segment, and the last record of the older ones. */
    private record Rotation(long generation, long lastSeq) {
    }

    private void compactQuietly() {
        try {
            compact();
        } catch (IOException | RuntimeException e) {
            LOG.error("could not compact the emulator state into {}; the journal keeps every change", file, e);
        } finally {
            synchronized (appendLock) {
                compactionQueued = false;
            }
        }
    }

    /** Writes a snapshot of the state and deletes the journal segments it includes. */
    void compact() throws IOException {
        synchronized (compactionLock) {
            Snapshot snapshot = state.withSnapshot((scenario, dueTimes) -> {
                Document document = new Document();
                document.scenario = scenario;
                document.dueTimes = dueTimes;
                Rotation rotation = rotate();
                document.journalSeq = rotation.lastSeq();
                return new Snapshot(document, rotation.generation());
            });
            // Taken after the rotation: a nonce used in between is in the snapshot, the new segment or both.
            snapshot.document().usedNonces = nonces.get();
            long started = System.nanoTime();
            ScenarioFiles.writeDocument(file, snapshot.document());
            LOG.debug("emulator state written to {} in {} ms", file,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            for (Map.Entry<Long, Path> old : segments(file).headMap(snapshot.generation()).entrySet()) {
                Files.deleteIfExists(old.getValue());
            }
            forceDirectory();
            synchronized (appendLock) {
                snapshotSeq = snapshot.document().journalSeq;
                snapshotBytes = Files.size(file);
            }
        }
    }

    /** Forces the current segment and starts the next one. */
    private Rotation rotate() {
        synchronized (syncLock) {
            synchronized (appendLock) {
                checkUsable();
                try {
                    channel.force(false);
                    durableSeq = lastSeq;
                    channel.close();
                    startSegment();
                } catch (IOException e) {
                    failure = e;
                    throw new UncheckedIOException("could not start a new state journal beside " + file, e);
                }
                return new Rotation(generation, lastSeq);
            }
        }
    }

    private void startSegment() throws IOException {
        generation++;
        channel = FileChannel.open(segment(file, generation), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentBytes = 0;
        forceDirectory();
    }

    /** Compacts if anything was journaled since the last snapshot, and removes the empty journal. */
    void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            boolean changed;
            synchronized (appendLock) {
                changed = failure == null && lastSeq != snapshotSeq && !closed;
            }
            if (changed) {
                compact();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("could not write the emulator state to {} on close; the journal keeps every change", file, e);
        }
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.close();
                if (segmentBytes == 0) {
                    Files.deleteIfExists(segment(file, generation));
                    forceDirectory();
                }
            } catch (IOException e) {
                LOG.warn("could not close the state journal of {}", file, e);
            }
        }
    }

    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can force a directory (Windows); the files themselves are forced.
        }
    }

    // ---- replay -------------------------------------------------------------------------------

    /** The state file's content with the journal applied to it. */
    private static final class Replay {
        private final Scenario topology;
        private Scenario replacedTopology;
        private final LinkedHashMap<String, HaVipRec> haVips = new LinkedHashMap<>();
        private final LinkedHashMap<String, EipRec> eips = new LinkedHashMap<>();
        private final LinkedHashMap<String, EventRec> events = new LinkedHashMap<>();
        private final Map<String, Long> dueTimes = new LinkedHashMap<>();
        private final List<UsedNonce> nonces = new ArrayList<>();
        private final long snapshotSeq;

        Replay(Scenario snapshot, Extras extras) {
            this.topology = snapshot;
            this.snapshotSeq = extras.journalSeq == null ? 0 : extras.journalSeq;
            snapshot.haVips().forEach(h -> haVips.put(h.haVipId(), h));
            snapshot.eips().forEach(e -> eips.put(e.allocationId(), e));
            snapshot.events().forEach(e -> events.put(e.eventId(), e));
            if (extras.dueTimes != null) {
                dueTimes.putAll(extras.dueTimes);
            }
            if (extras.usedNonces != null) {
                nonces.addAll(extras.usedNonces);
            }
        }

        void apply(Entry e) {
            if (e.seq() <= snapshotSeq) {
                return;
            }
            if (e.replaced() != null) {
                replacedTopology = e.replaced();
                haVips.clear();
                e.replaced().haVips().forEach(h -> haVips.put(h.haVipId(), h));
                eips.clear();
                e.replaced().eips().forEach(x -> eips.put(x.allocationId(), x));
                events.clear();
                e.replaced().events().forEach(x -> events.put(x.eventId(), x));
                dueTimes.clear();
            }
            if (e.eips() != null) {
                for (EipRec x : e.eips()) {
                    dueTimes.remove(x.allocationId());
                    eips.put(x.allocationId(), x);
                }
            }
            if (e.events() != null) {
                e.events().forEach(x -> events.put(x.eventId(), x));
            }
            if (e.haVips() != null) {
                for (HaVipRec h : e.haVips()) {
                    forgetDueTimes(h.haVipId());
                    haVips.put(h.haVipId(), h);
                }
            }
            if (e.removed() != null) {
                for (String id : e.removed()) {
                    forgetDueTimes(id);
                    haVips.remove(id);
                }
            }
            if (e.dueTimes() != null) {
                dueTimes.putAll(e.dueTimes());
            }
            if (e.nonces() != null) {
                nonces.addAll(e.nonces());
            }
        }

        private void forgetDueTimes(String haVipId) {
            dueTimes.keySet().removeIf(k -> k.equals(haVipId) || k.startsWith(haVipId + "/"));
        }

        Scenario scenario() {
            Scenario t = replacedTopology != null ? replacedTopology : topology;
            return new Scenario(t.regions(), t.networks(), t.vSwitches(), t.instances(), t.networkInterfaces(),
                    new ArrayList<>(haVips.values()), new ArrayList<>(eips.values()), t.securityGroups(),
                    new ArrayList<>(events.values()), t.routeEntries());
        }
    }

    /** Applies a segment's records; returns the last sequence number seen. */
    private static long replaySegment(Path segment, Replay replay) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(segment);
        } catch (IOException e) {
            throw new IllegalArgumentException("state journal " + segment + " cannot be read: " + e.getMessage(), e);
        }
        long last = 0;
        int pos = 0;
        int lineNumber = 0;
        while (pos < bytes.length) {
            lineNumber++;
            int end = indexOf(bytes, (byte) '\n', pos);
            Entry entry = end < 0 ? null : decode(bytes, pos, end);
            if (entry == null) {
                if (end < 0 || end + 1 >= bytes.length) {
                    // The record a crash cut short: it was never forced, so never answered.
                    LOG.warn("dropped the incomplete last record of {} (line {})", segment, lineNumber);
                    break;
                }
                throw new IllegalArgumentException("state journal " + segment + " is damaged at line " + lineNumber
                        + " (bad length or checksum before further records); the files were left as they are");
            }
            replay.apply(entry);
            last = entry.seq();
            pos = end + 1;
        }
        return last;
    }

    private static Entry decode(byte[] bytes, int from, int end) {
        int firstSpace = indexOf(bytes, (byte) ' ', from);
        int secondSpace = firstSpace < 0 ? -1 : indexOf(bytes, (byte) ' ', firstSpace + 1);
        if (secondSpace < 0 || secondSpace >= end) {
            return null;
        }
        try {
            long crcValue = Long.parseLong(new String(bytes, from, firstSpace - from, StandardCharsets.US_ASCII), 16);
            int length = Integer.parseInt(new String(bytes, firstSpace + 1, secondSpace - firstSpace - 1,
                    StandardCharsets.US_ASCII));
            int json = secondSpace + 1;
            if (length != end - json) {
                return null;
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, json, length);
            if (crc.getValue() != crcValue) {
                return null;
            }
            return ScenarioFiles.fromLine(bytes, json, length, Entry.class);
        } catch (NumberFormatException | IOException e) {
            return null;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    // ---- segment files ------------------------------------------------------------------------

    static Path segment(Path stateFile, long generation) {
        return stateFile.resolveSibling(stateFile.getFileName() + SEGMENT + generation);
    }

    /** The journal segments beside a state file, by generation. */
    static TreeMap<Long, Path> segments(Path stateFile) {
        TreeMap<Long, Path> found = new TreeMap<>();
        Path dir = stateFile.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return found;
        }
        String name = stateFile.getFileName().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, name + SEGMENT + "*")) {
            for (Path p : entries) {
                long g = generationOf(name, p.getFileName().toString());
                if (g >= 0) {
                    found.put(g, p);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the journal beside " + stateFile + " cannot be listed: "
                    + e.getMessage(), e);
        }
        return found;
    }

    private static long generationOf(String stateName, String fileName) {
        String prefix = stateName + SEGMENT;
        if (!fileName.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(fileName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
