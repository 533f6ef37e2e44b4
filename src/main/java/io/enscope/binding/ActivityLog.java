package io.enscope.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.ens.EnsError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activity history that survives: every job (with its parameters) and every transition,
 * appended as one JSON line each to {@code activity.jsonl} in the directory it is given, and
 * forced to disk before the write returns. The application passes its per-user data directory
 * (the OS convention: {@code %APPDATA%\Enscope} on Windows,
 * {@code ~/Library/Application Support/Enscope} on macOS, {@code $XDG_DATA_HOME/enscope} or
 * {@code ~/.local/share/enscope} elsewhere); tests pass a temporary one.
 *
 * <p><b>Rotation.</b> When the file would exceed {@code maxFileBytes} it becomes
 * {@code activity.1.jsonl} (older ones move up, {@code keepFiles} files are kept, default 5),
 * and the new file starts with every record of the jobs that are still unfinished, so that no
 * unfinished job is lost with the oldest file. A job can therefore appear in several files;
 * readers merge them by job ID and transition {@code seq}.
 *
 * <p><b>Damage.</b> A line that cannot be read — a truncated last line after a crash mid-write,
 * or a corrupt one anywhere — is skipped with a warning ({@link #warnings()}); every other line
 * is kept. On opening, a truncated last line is cut off so that the next record starts on a line
 * of its own.
 *
 * <p><b>Use.</b> On start, {@link #recover()} lists the jobs whose last state is not final, for
 * {@link JobEngine#resume}; the engine then writes through {@link JobJournal}. {@link #history()}
 * reads back jobs with their transitions for the UI. Thread-safe; one instance per directory and
 * process.
 */
public final class ActivityLog implements JobJournal, AutoCloseable {

    /** The file written to. */
    public static final String FILE_NAME = "activity.jsonl";
    /** The size at which the file is rotated, by default. */
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** How many files are kept, the current one included, by default. */
    public static final int DEFAULT_KEEP_FILES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ActivityLog.class);
    private static final long MIN_FILE_BYTES = 1024;

    private final Path directory;
    private final long maxFileBytes;
    private final int keepFiles;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Every record of each unfinished job, in order: what a rotation carries into the new file. */
    private final Map<String, List<ActivityRecord>> unfinished = new LinkedHashMap<>();
    private List<String> warnings = List.of();
    private FileChannel channel;
    private long size;
    private long writes;
    private long writeNanos;
    private boolean closed;

    private ActivityLog(Path directory, long maxFileBytes, int keepFiles) {
        this.directory = directory;
        this.maxFileBytes = maxFileBytes;
        this.keepFiles = keepFiles;
    }

    /**
     * Opens (creating it if needed) the log in a directory with the default rotation.
     *
     * @param directory the per-user data directory
     * @return the open log
     * @throws IOException when the directory or file cannot be created or read
     */
    public static ActivityLog open(Path directory) throws IOException {
        return open(directory, DEFAULT_MAX_FILE_BYTES, DEFAULT_KEEP_FILES);
    }

    /**
     * @param directory    the per-user data directory
     * @param maxFileBytes the size at which the file is rotated, at least 1 KiB
     * @param keepFiles    how many files to keep, the current one included, at least 2
     * @return the open log
     * @throws IOException when the directory or file cannot be created or read
     */
    public static ActivityLog open(Path directory, long maxFileBytes, int keepFiles) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (maxFileBytes < MIN_FILE_BYTES) {
            throw new IllegalArgumentException("maxFileBytes must be at least " + MIN_FILE_BYTES + ": " + maxFileBytes);
        }
        if (keepFiles < 2) {
            throw new IllegalArgumentException("keepFiles must be at least 2: " + keepFiles);
        }
        Files.createDirectories(directory);
        ActivityLog log = new ActivityLog(directory, maxFileBytes, keepFiles);
        int jobCount;
        synchronized (log) {
            Scan scan = log.scan();
            jobCount = scan.jobs.size();
            for (JobRecords job : scan.jobs.values()) {
                if (!job.latest().state().isTerminal()) {
                    log.unfinished.put(job.jobId, job.records());
                }
            }
            log.repairTail();
            log.openChannel();
        }
        LOG.info("activity log {} opened: {} job(s), {} unfinished", log.currentFile(), jobCount,
                log.unfinishedRecords().size());
        return log;
    }

    /** @return the directory of the log */
    public Path directory() {
        return directory;
    }

    /** @return the file written to now */
    public Path currentFile() {
        return directory.resolve(FILE_NAME);
    }

    /**
     * The jobs whose last recorded state is not final: what the application was doing when it
     * stopped, for {@link JobEngine#resume}.
     *
     * @return the unfinished jobs, oldest first
     * @throws UncheckedIOException when the files cannot be read
     */
    public synchronized List<BindingJob> recover() {
        List<BindingJob> jobs = scanOrThrow().jobs.values().stream()
                .map(JobRecords::latest)
                .filter(job -> !job.state().isTerminal())
                .sorted(Comparator.comparing(BindingJob::createdAt))
                .toList();
        if (!jobs.isEmpty()) {
            LOG.info("activity log: {} unfinished job(s) to resume", jobs.size());
        }
        return jobs;
    }

    /**
     * Reads the kept files (up to {@code keepFiles × maxFileBytes}); call it off the UI thread.
     *
     * @return every job the kept files know, newest first, each with its transitions oldest first
     * @throws UncheckedIOException when the files cannot be read
     */
    public synchronized List<JobHistory> history() {
        List<JobHistory> all = new ArrayList<>();
        for (JobRecords job : scanOrThrow().jobs.values()) {
            all.add(new JobHistory(job.latest(), job.events()));
        }
        all.sort(Comparator.comparing((JobHistory h) -> h.job().createdAt()).reversed()
                .thenComparing(h -> h.job().id()));
        return all;
    }

    /**
     * @param haVipId an HaVip
     * @return the jobs on that HaVip, newest first
     * @throws UncheckedIOException when the files cannot be read
     */
    public List<JobHistory> history(String haVipId) {
        return history().stream().filter(h -> h.job().haVipId().equals(haVipId)).toList();
    }

    /** @return the lines the last read skipped, one description each (file, line, why) */
    public synchronized List<String> warnings() {
        return warnings;
    }

    @Override
    public synchronized void recordCreated(BindingJob job) {
        ActivityRecord record = ActivityRecord.created(job);
        append(record);
        List<ActivityRecord> records = new ArrayList<>();
        records.add(record);
        unfinished.put(job.id(), records);
    }

    @Override
    public synchronized void recordTransition(JobEvent event, BindingJob job) {
        ActivityRecord record = ActivityRecord.transition(event);
        append(record);
        if (event.to().isTerminal()) {
            unfinished.remove(event.jobId());
        } else {
            unfinished.computeIfAbsent(event.jobId(), id -> new ArrayList<>()).add(record);
        }
    }

    /** Closes the file; later records fail. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        closeChannelQuietly();
        if (writes > 0) {
            LOG.debug("activity log closed after {} writes, {} µs each on average", writes,
                    writeNanos / writes / 1000);
        }
    }

    /** @return the mean time of one record write including the force to disk, in nanoseconds (0 before any) */
    synchronized long averageWriteNanos() {
        return writes == 0 ? 0 : writeNanos / writes;
    }

    // ---- writing ----

    private void append(ActivityRecord record) {
        if (closed) {
            throw new IllegalStateException("the activity log is closed");
        }
        byte[] line = line(record);
        try {
            if (channel == null) {
                openChannel();
            }
            if (size > 0 && size + line.length > maxFileBytes) {
                rotate();
            }
            long start = System.nanoTime();
            write(line);
            channel.force(false);
            writeNanos += System.nanoTime() - start;
            writes++;
        } catch (IOException failure) {
            // The next record reopens the file rather than writing to a channel in an unknown state.
            closeChannelQuietly();
            throw new UncheckedIOException("could not write to the activity log " + currentFile(), failure);
        }
    }

    private byte[] line(ActivityRecord record) {
        try {
            byte[] body = json.writeValueAsBytes(record);
            byte[] line = new byte[body.length + 1];
            System.arraycopy(body, 0, line, 0, body.length);
            line[body.length] = '\n';
            return line;
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException("an activity record could not be written as JSON", bug);
        }
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += bytes.length;
    }

    private void rotate() throws IOException {
        closeChannelQuietly();
        Files.deleteIfExists(rotated(keepFiles - 1));
        for (int index = keepFiles - 2; index >= 1; index--) {
            Path from = rotated(index);
            if (Files.exists(from)) {
                Files.move(from, rotated(index + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(currentFile(), rotated(1), StandardCopyOption.REPLACE_EXISTING);
        openChannel();
        int carried = 0;
        for (List<ActivityRecord> records : unfinished.values()) {
            for (ActivityRecord record : records) {
                write(line(record));
                carried++;
            }
        }
        channel.force(false);
        LOG.info("activity log rotated; {} record(s) of {} unfinished job(s) carried over", carried,
                unfinished.size());
    }

    private void openChannel() throws IOException {
        channel = FileChannel.open(currentFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        size = channel.size();
    }

    private void closeChannelQuietly() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException failure) {
            LOG.warn("could not close the activity log {}", currentFile(), failure);
        }
        channel = null;
    }

    /**
     * Ends the current file on a line break: a last line without one was cut by a crash; if it
     * still reads as a record it gets its line break, otherwise it is removed (the scan that
     * came first has reported it).
     */
    private void repairTail() throws IOException {
        Path file = currentFile();
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0 || bytes[bytes.length - 1] == '\n') {
            return;
        }
        int start = lastIndexOf(bytes, (byte) '\n') + 1;
        String tail = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        try (FileChannel repair = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (parse(tail).isPresent()) {
                repair.position(bytes.length);
                repair.write(ByteBuffer.wrap(new byte[] {'\n'}));
            } else {
                LOG.warn("activity log {}: removing an incomplete last line of {} bytes (a write cut short)", file,
                        bytes.length - start);
                repair.truncate(start);
            }
            repair.force(true);
        }
    }

    // ---- reading ----

    private Scan scanOrThrow() {
        try {
            return scan();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read the activity log in " + directory, failure);
        }
    }

    /** Reads every kept file, oldest first, merging the records of each job. */
    private Scan scan() throws IOException {
        Scan scan = new Scan();
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int index = keepFiles - 1; index >= 1; index--) {
            files.add(rotated(index));
        }
        files.add(currentFile());
        for (Path file : files) {
            if (Files.exists(file)) {
                scanFile(file, scan, problems);
            }
        }
        for (String problem : problems) {
            LOG.warn("activity log: {}", problem);
        }
        warnings = List.copyOf(problems);
        return scan;
    }

    private void scanFile(Path file, Scan scan, List<String> problems) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int lineNumber = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            boolean terminated = end >= 0;
            int stop = terminated ? end : bytes.length;
            lineNumber++;
            String text = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                Optional<ActivityRecord> record = parse(text);
                if (record.isPresent()) {
                    scan.add(record.get());
                } else {
                    problems.add(file.getFileName() + " line " + lineNumber + " skipped: "
                            + (terminated ? "unreadable record" : "incomplete last line (a write cut short)"));
                }
            }
            start = stop + 1;
        }
    }

    private Optional<ActivityRecord> parse(String text) {
        try {
            ActivityRecord record = json.readValue(text, ActivityRecord.class);
            return record == null ? Optional.empty() : Optional.of(record.validate());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Path rotated(int index) {
        return directory.resolve("activity." + index + ".jsonl");
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The records of all files, merged by job. */
    private static final class Scan {
        final Map<String, JobRecords> jobs = new LinkedHashMap<>();

        void add(ActivityRecord record) {
            jobs.computeIfAbsent(record.jobId(), JobRecords::new).add(record);
        }
    }

    /** One job's records; duplicates (from rotation) collapse on the transition {@code seq}. */
    private static final class JobRecords {
        final String jobId;
        ActivityRecord created;
        final TreeMap<Integer, ActivityRecord> transitions = new TreeMap<>();

        JobRecords(String jobId) {
            this.jobId = jobId;
        }

        void add(ActivityRecord record) {
            if (ActivityRecord.JOB.equals(record.type())) {
                if (created == null) {
                    created = record;
                }
            } else {
                transitions.putIfAbsent(record.seq(), record);
            }
        }

        List<ActivityRecord> records() {
            List<ActivityRecord> records = new ArrayList<>();
            if (created != null) {
                records.add(created);
            }
            records.addAll(transitions.values());
            return records;
        }

        List<JobEvent> events() {
            return transitions.values().stream().map(ActivityRecord::toEvent).toList();
        }

        /** The job as of its last transition; a job whose creation line was lost is rebuilt from its transitions. */
        BindingJob latest() {
            ActivityRecord base = created != null ? created : transitions.firstEntry().getValue();
            Instant createdAt = created != null ? created.createdAtInstant()
                    : Instant.parse(transitions.firstEntry().getValue().at());
            JobState state = JobState.QUEUED;
            Instant updatedAt = createdAt;
            int revision = 0;
            EnsError error = null;
            String requestId = null;
            for (JobEvent event : events()) {
                state = event.to();
                updatedAt = event.at();
                revision = event.seq();
                error = event.error().orElse(error);
                requestId = event.requestId() != null ? event.requestId() : requestId;
            }
            return new BindingJob(jobId, base.jobKind(), base.haVipId(), base.targetId(), base.instanceTypeOrGuess(),
                    state, Optional.ofNullable(error), requestId, createdAt, updatedAt, 0, revision,
                    created == null ? null : created.retryOf());
        }
    }

    /** @return the records a rotation would carry into the new file, by job */
    synchronized Map<String, List<ActivityRecord>> unfinishedRecords() {
        return Collections.unmodifiableMap(unfinished);
    }
}
