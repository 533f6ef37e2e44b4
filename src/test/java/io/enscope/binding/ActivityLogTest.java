package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.binding.JobEngineTest.EventRecorder;
import io.enscope.binding.JobEngineTest.FakeEnsApi;
import io.enscope.binding.JobEngineTest.ManualScheduler;
import io.enscope.binding.JobEngineTest.MutableClock;
import io.enscope.binding.JobEngineTest.WriteOutcome;
import io.enscope.ens.EnsError;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.InstanceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The activity log: JSON lines forced to disk, rotation, damage, recovery and resumption. */
class ActivityLogTest {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityLogTest.class);
    private static final Instant T0 = JobEngineTest.T0;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MutableClock clock;
    private ManualScheduler scheduler;
    private FakeEnsApi api;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        scheduler = new ManualScheduler(clock);
        api = new FakeEnsApi(clock);
        api.addHaVip("havip-a");
        api.addHaVip("havip-b");
        api.completeAfterPolls = 1;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private ActivityLog open() throws IOException {
        ActivityLog log = ActivityLog.open(dir);
        toClose.add(log);
        return log;
    }

    private JobEngine engine(ActivityLog log, ManualScheduler steps) {
        JobEngine engine = JobEngine.builder(api).clock(clock).scheduler(steps).journal(log).build();
        toClose.add(engine::shutdown);
        return engine;
    }

    private List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void everyJobAndTransitionIsOneJsonLineWithItsParametersAndTime() throws IOException {
        ActivityLog log = open();
        JobEngine engine = engine(log, scheduler);
        api.writeScript.add(WriteOutcome.refuse(JobEngineTest.refused("IncorrectInstanceVSwitch")));
        BindingJob refused = engine.submitBind("havip-a", "i-far", InstanceType.ENS_INSTANCE);
        BindingJob bound = engine.submitBind("havip-b", "eni-1", InstanceType.NETWORK_INTERFACE);
        scheduler.runUntilIdle();

        List<JsonNode> records = new ArrayList<>();
        for (String line : lines(log.currentFile())) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).hasSize(2 + 2 + 3);
        JsonNode created = records.get(0);
        assertThat(created.get("type").asText()).isEqualTo("job");
        assertThat(created.get("jobId").asText()).isEqualTo(refused.id());
        assertThat(created.get("kind").asText()).isEqualTo("BIND");
        assertThat(created.get("haVipId").asText()).isEqualTo("havip-a");
        assertThat(created.get("targetId").asText()).isEqualTo("i-far");
        assertThat(created.get("instanceType").asText()).isEqualTo("ENS_INSTANCE");
        assertThat(created.get("createdAt").asText()).isEqualTo(T0.toString());

        JsonNode failed = records.stream().filter(r -> "FAILED".equals(r.path("to").asText())).findFirst().orElseThrow();
        assertThat(failed.get("jobId").asText()).isEqualTo(refused.id());
        assertThat(failed.get("from").asText()).isEqualTo("SUBMITTING");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("IncorrectInstanceVSwitch");
        assertThat(failed.get("error").get("requestId").asText()).isEqualTo("req-refused");
        assertThat(failed.get("at").asText()).isEqualTo(T0.toString());

        List<JsonNode> boundTransitions = records.stream()
                .filter(r -> r.get("type").asText().equals("transition") && r.get("jobId").asText().equals(bound.id()))
                .toList();
        assertThat(boundTransitions).extracting(r -> r.get("seq").asInt()).containsExactly(1, 2, 3);
        assertThat(boundTransitions).extracting(r -> r.get("to").asText())
                .containsExactly("SUBMITTING", "ASSOCIATING", "SUCCEEDED");
        assertThat(boundTransitions.get(1).get("requestId").asText()).isNotBlank();
    }

    @Test
    void theReadsGivenToListenersStayOutOfTheLogAndTheHistoryEqualsWhatListenersSaw() throws IOException {
        ActivityLog log = open();
        JobEngine engine = engine(log, scheduler);
        EventRecorder recorder = new EventRecorder();
        engine.addListener(recorder);
        api.completeAfterPolls = 2;
        BindingJob bound = engine.submitBind("havip-a", "i-1", InstanceType.ENS_INSTANCE);
        scheduler.runUntilIdle();

        List<JobEvent> seen = recorder.of(bound.id());
        assertThat(seen.get(2).read()).as("the SUCCEEDED event carries the poll that saw InUse").isPresent();
        List<String> written = lines(log.currentFile());
        assertThat(written).hasSize(4).allSatisfy(line -> assertThat(line)
                .doesNotContain("associ").doesNotContain("InUse").doesNotContain("\"read\""));
        JsonNode succeeded = JSON.readTree(written.get(3));
        List<String> fields = new ArrayList<>();
        succeeded.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("the same fields as before reads were handed over")
                .containsExactly("v", "type", "jobId", "kind", "haVipId", "targetId", "seq", "from", "to", "at",
                        "requestId");

        ActivityLog reread = open();
        assertThat(reread.history()).singleElement().satisfies(h -> {
            assertThat(h.transitions()).isEqualTo(seen);
            assertThat(h.transitions()).allSatisfy(event -> assertThat(event.read()).isEmpty());
        });
    }

    @Test
    void aLogWrittenBeforeReadsWereHandedOverIsRecoveredAndResumed() throws IOException {
        // Lines exactly as the previous version wrote them: a job sent and accepted, then the quit.
        Files.writeString(dir.resolve(ActivityLog.FILE_NAME), String.join("\n",
                "{\"v\":1,\"type\":\"job\",\"jobId\":\"job-old\",\"kind\":\"BIND\",\"haVipId\":\"havip-a\","
                        + "\"targetId\":\"i-1\",\"instanceType\":\"ENS_INSTANCE\",\"createdAt\":\""
                        + T0.minusSeconds(60) + "\"}",
                "{\"v\":1,\"type\":\"transition\",\"jobId\":\"job-old\",\"kind\":\"BIND\",\"haVipId\":\"havip-a\","
                        + "\"targetId\":\"i-1\",\"seq\":1,\"from\":\"QUEUED\",\"to\":\"SUBMITTING\",\"at\":\""
                        + T0.minusSeconds(60) + "\"}",
                "{\"v\":1,\"type\":\"transition\",\"jobId\":\"job-old\",\"kind\":\"BIND\",\"haVipId\":\"havip-a\","
                        + "\"targetId\":\"i-1\",\"seq\":2,\"from\":\"SUBMITTING\",\"to\":\"ASSOCIATING\",\"at\":\""
                        + T0.minusSeconds(59) + "\",\"requestId\":\"req-old\"}") + "\n", StandardCharsets.UTF_8);
        api.completeAfterPolls = 1;
        api.bind("havip-a", "i-1", AssociationStatus.ASSOCIATING);

        ActivityLog log = open();
        assertThat(log.warnings()).isEmpty();
        assertThat(log.recover()).extracting(BindingJob::id, BindingJob::state)
                .containsExactly(tuple("job-old", JobState.ASSOCIATING));
        JobEngine engine = engine(log, scheduler);
        EventRecorder recorder = new EventRecorder();
        engine.addListener(recorder);
        engine.resume(log.recover());
        scheduler.runUntilIdle();

        assertThat(engine.job("job-old").orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(api.writes).as("resumed by reading only").isEmpty();
        assertThat(recorder.readsOf("job-old")).singleElement()
                .satisfies(read -> assertThat(read.haVip()).isPresent());
        assertThat(open().history()).singleElement().satisfies(h -> assertThat(h.transitions())
                .extracting(JobEvent::seq, JobEvent::to).containsExactly(tuple(1, JobState.SUBMITTING),
                        tuple(2, JobState.ASSOCIATING), tuple(3, JobState.SUCCEEDED)));
    }

    @Test
    void eachRecordIsInTheFileBeforeTheEngineGoesOn() throws IOException {
        ActivityLog log = open();
        JobEngine engine = engine(log, scheduler);
        List<String> seenInFile = new ArrayList<>();
        engine.addListener((event, job) -> {
            try {
                List<String> now = lines(log.currentFile());
                JsonNode last = JSON.readTree(now.get(now.size() - 1));
                seenInFile.add(last.get("seq").asInt() + ":" + last.get("to").asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        engine.submitBind("havip-a", "i-1", null);
        scheduler.runUntilIdle();

        assertThat(seenInFile).containsExactly("1:SUBMITTING", "2:ASSOCIATING", "3:SUCCEEDED");
        assertThat(log.averageWriteNanos()).isPositive();
    }

    @Test
    void historyListsJobsNewestFirstWithTheirTransitionsAndPerHaVip() throws IOException {
        ActivityLog log = open();
        JobEngine engine = engine(log, scheduler);
        EventRecorder seen = new EventRecorder();
        engine.addListener(seen);
        BindingJob first = engine.submitBind("havip-a", "i-1", null);
        scheduler.runUntilIdle();
        clock.advance(Duration.ofMinutes(1));
        BindingJob second = engine.submitBind("havip-b", "i-2", null);
        scheduler.runUntilIdle();
        clock.advance(Duration.ofMinutes(1));
        BindingJob third = engine.submitUnbind("havip-a", "i-1");
        scheduler.runUntilIdle();

        List<JobHistory> history = log.history();
        assertThat(history).extracting(h -> h.job().id()).containsExactly(third.id(), second.id(), first.id());
        JobHistory unbind = history.get(0);
        assertThat(unbind.job().kind()).isEqualTo(JobKind.UNBIND);
        assertThat(unbind.job().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(unbind.job().requestId()).isNotBlank();
        assertThat(unbind.transitions()).extracting(JobEvent::to)
                .containsExactly(JobState.SUBMITTING, JobState.UNASSOCIATING, JobState.SUCCEEDED);
        assertThat(unbind.transitions()).extracting(JobEvent::at).isSorted();
        assertThat(unbind.transitions()).as("the log holds the very events the listeners saw")
                .isEqualTo(seen.of(third.id()));

        assertThat(log.history("havip-a")).extracting(h -> h.job().id()).containsExactly(third.id(), first.id());
        assertThat(log.history("havip-x")).isEmpty();
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void recoverFindsOnlyJobsWhoseLastStateIsNotFinal() throws IOException {
        ActivityLog log = open();
        JobEngine engine = engine(log, scheduler);
        BindingJob done = engine.submitBind("havip-a", "i-1", null);
        scheduler.runUntilIdle();
        api.completeAfterPolls = 1000;
        BindingJob detached = engine.submitBind("havip-b", "i-2", null);
        scheduler.runDue();
        engine.detach(detached.id());
        BindingJob polling = engine.submitBind("havip-a", "i-3", null);
        BindingJob queued = engine.submitUnbind("havip-a", "i-1");
        BindingJob cancelled = engine.submitUnbind("havip-a", "i-3");
        engine.cancel(cancelled.id());
        scheduler.advance(Duration.ofSeconds(2));
        engine.shutdown();

        List<BindingJob> unfinished = log.recover();

        assertThat(unfinished).extracting(BindingJob::id).containsExactly(polling.id(), queued.id());
        BindingJob left = unfinished.get(0);
        assertThat(left.state()).isEqualTo(JobState.ASSOCIATING);
        assertThat(left.revision()).isEqualTo(2);
        assertThat(left.requestId()).isNotBlank();
        assertThat(left.instanceType()).isEqualTo(InstanceType.ENS_INSTANCE);
        assertThat(unfinished.get(1).state()).isEqualTo(JobState.QUEUED);
        assertThat(log.history()).extracting(h -> h.job().id())
                .contains(done.id(), detached.id(), cancelled.id());
    }

    @Test
    void aRestartedEngineFinishesTheLeftJobsByPollingAndTheHistoryStaysOneJobEach() throws IOException {
        ActivityLog before = open();
        JobEngine first = engine(before, scheduler);
        api.completeAfterPolls = 1000;
        BindingJob polling = first.submitBind("havip-a", "i-1", null);
        BindingJob queued = first.submitBind("havip-a", "i-2", null);
        scheduler.advance(Duration.ofSeconds(1));
        // The process dies: the first engine and its log are abandoned without a word.
        int writesBefore = api.writes.size();

        ActivityLog after = open();
        clock.advance(Duration.ofMinutes(10));
        ManualScheduler restarted = new ManualScheduler(clock);
        JobEngine second = engine(after, restarted);
        api.completeAfterPolls = 2;
        api.haVips.get("havip-a").get("i-1").pollsLeft = 2;
        List<BindingJob> resumed = second.resume(after.recover());
        restarted.runUntilIdle();

        assertThat(resumed).extracting(BindingJob::id).containsExactly(polling.id(), queued.id());
        assertThat(api.writes).hasSize(writesBefore);
        assertThat(second.job(polling.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(second.job(queued.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(after.recover()).isEmpty();

        List<JobHistory> history = after.history();
        assertThat(history).hasSize(2);
        JobHistory resumedHistory = history.stream().filter(h -> h.job().id().equals(polling.id())).findFirst()
                .orElseThrow();
        assertThat(resumedHistory.transitions()).extracting(JobEvent::seq).containsExactly(1, 2, 3);
        assertThat(resumedHistory.transitions()).extracting(JobEvent::to)
                .containsExactly(JobState.SUBMITTING, JobState.ASSOCIATING, JobState.SUCCEEDED);
        assertThat(lines(after.currentFile()).stream().filter(l -> l.contains("\"type\":\"job\""))).hasSize(2);
    }

    @Test
    void aTruncatedLastLineIsSkippedWithAWarningAndNothingElseIsLost() throws IOException {
        ActivityLog log = open();
        JobEngine engine = engine(log, scheduler);
        api.completeAfterPolls = 1000;
        BindingJob detached = engine.submitBind("havip-b", "i-9", null);
        scheduler.runDue();
        engine.detach(detached.id());
        BindingJob polling = engine.submitBind("havip-a", "i-1", null);
        scheduler.runDue();
        engine.shutdown();
        List<String> intact = lines(log.currentFile());
        // A crash in the middle of writing the next transition.
        String cut = "{\"v\":1,\"type\":\"transition\",\"jobId\":\"" + polling.id() + "\",\"kind\":\"BIND\",\"haV";
        Files.writeString(log.currentFile(), cut, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ActivityLog reopened = open();

        assertThat(reopened.warnings()).singleElement().asString()
                .contains(ActivityLog.FILE_NAME).contains("line " + (intact.size() + 1))
                .contains("incomplete last line");
        assertThat(reopened.recover()).extracting(BindingJob::id, BindingJob::state)
                .containsExactly(tuple(polling.id(), JobState.ASSOCIATING));
        assertThat(reopened.history()).hasSize(2);
        assertThat(lines(reopened.currentFile())).as("the cut line is removed, the rest untouched")
                .containsExactlyElementsOf(intact);

        reopened.recordTransition(new JobEvent(polling.id(), 3, JobKind.BIND, "havip-a", "i-1",
                JobState.ASSOCIATING, JobState.SUCCEEDED, T0.plusSeconds(9), Optional.empty(), null),
                polling);
        ActivityLog third = open();
        assertThat(third.warnings()).isEmpty();
        assertThat(third.recover()).isEmpty();
        assertThat(lines(third.currentFile())).hasSize(intact.size() + 1);
    }

    @Test
    void aCompleteLastLineWithoutItsLineBreakIsKept() throws IOException {
        ActivityLog log = open();
        BindingJob job = new BindingJob("job-1", JobKind.BIND, "havip-a", "i-1", InstanceType.ENS_INSTANCE,
                JobState.QUEUED, Optional.empty(), null, T0, T0, 0, 0, null);
        log.recordCreated(job);
        log.close();
        byte[] bytes = Files.readAllBytes(log.currentFile());
        Files.write(log.currentFile(), Arrays.copyOf(bytes, bytes.length - 1));

        ActivityLog reopened = open();
        reopened.recordTransition(new JobEvent("job-1", 1, JobKind.BIND, "havip-a", "i-1", JobState.QUEUED,
                JobState.SUBMITTING, T0, Optional.empty(), null), job);

        assertThat(reopened.warnings()).isEmpty();
        assertThat(lines(reopened.currentFile())).hasSize(2);
        assertThat(reopened.recover()).extracting(BindingJob::state).containsExactly(JobState.SUBMITTING);
        assertThatThrownBy(() -> log.recordCreated(job)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCorruptLineInTheMiddleIsSkippedWithAWarning() throws IOException {
        ActivityLog log = open();
        JobEngine engine = engine(log, scheduler);
        engine.submitBind("havip-a", "i-1", null);
        scheduler.runUntilIdle();
        engine.submitBind("havip-b", "i-2", null);
        scheduler.runUntilIdle();
        List<String> lines = new ArrayList<>(lines(log.currentFile()));
        lines.add(3, "{\"v\":1,\"type\":\"transition\",\"jobId\":\"x\",\"seq\":\"not a number\"}");
        lines.add(5, "\u0000\u0000garbage");
        lines.add(6, "{\"v\":1,\"type\":\"transition\",\"jobId\":\"y\",\"kind\":\"BIND\",\"haVipId\":\"h\","
                + "\"targetId\":\"t\",\"seq\":1,\"from\":\"QUEUED\",\"to\":\"NO_SUCH_STATE\",\"at\":\"" + T0 + "\"}");
        Files.write(log.currentFile(), lines, StandardCharsets.UTF_8);

        ActivityLog reopened = open();

        assertThat(reopened.warnings()).hasSize(3).allSatisfy(w -> assertThat(w).contains("unreadable record"));
        assertThat(reopened.warnings().get(0)).contains("line 4");
        assertThat(reopened.history()).hasSize(2).allSatisfy(h -> {
            assertThat(h.job().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(h.transitions()).hasSize(3);
        });
    }

    @Test
    void rotationKeepsABoundedNumberOfFilesAndCarriesUnfinishedJobsOver() throws IOException {
        ActivityLog log = ActivityLog.open(dir, 2048, 3);
        toClose.add(log);
        JobEngine engine = engine(log, scheduler);
        api.addHaVip("havip-slow");
        api.completeAfterPolls = 1000;
        BindingJob longRunning = engine.submitBind("havip-slow", "i-0", null);
        scheduler.runDue();
        api.completeAfterPolls = 1;
        for (int i = 0; i < 40; i++) {
            engine.submitBind("havip-a", "i-" + i, null);
            scheduler.runDue();
            scheduler.advance(Duration.ofSeconds(1));
            engine.submitUnbind("havip-a", "i-" + i);
            scheduler.advance(Duration.ofSeconds(1));
        }

        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("activity.1.jsonl", "activity.2.jsonl", "activity.jsonl");
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(2048);
        }
        List<BindingJob> unfinished = log.recover();
        assertThat(unfinished).extracting(BindingJob::id).containsExactly(longRunning.id());
        assertThat(unfinished.get(0).state()).isEqualTo(JobState.ASSOCIATING);
        JobHistory carried = log.history("havip-slow").get(0);
        assertThat(carried.transitions()).extracting(JobEvent::to)
                .containsExactly(JobState.SUBMITTING, JobState.ASSOCIATING);
        assertThat(lines(log.currentFile()).get(0)).as("the new file starts with the unfinished job")
                .contains(longRunning.id()).contains("\"type\":\"job\"");
        assertThat(log.history()).hasSizeLessThan(81).hasSizeGreaterThan(1);
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void errorsRoundTripThroughTheLog() throws IOException {
        ActivityLog log = open();
        EnsError throttled = JobEngineTest.throttled(Duration.ofMillis(1500));
        BindingJob job = new BindingJob("job-e", JobKind.UNBIND, "havip-a", "eni-1", InstanceType.NETWORK_INTERFACE,
                JobState.QUEUED, Optional.empty(), null, T0, T0, 0, 0, "job-d");
        log.recordCreated(job);
        log.recordTransition(new JobEvent("job-e", 1, JobKind.UNBIND, "havip-a", "eni-1", JobState.QUEUED,
                JobState.SUBMITTING, T0, Optional.empty(), null), job);
        EnsError lost = JobEngineTest.readTimeout();
        log.recordTransition(new JobEvent("job-e", 2, JobKind.UNBIND, "havip-a", "eni-1", JobState.SUBMITTING,
                JobState.FAILED, T0.plusSeconds(1), Optional.of(lost), null), job);

        JobHistory history = log.history().get(0);
        assertThat(history.job().retryOf()).isEqualTo("job-d");
        assertThat(history.job().instanceType()).isEqualTo(InstanceType.NETWORK_INTERFACE);
        assertThat(history.job().error()).contains(lost);
        assertThat(history.transitions().get(1).error()).contains(lost);
        EnsError back = ActivityRecord.ErrorRecord.of(throttled).toError();
        assertThat(back).isEqualTo(throttled);
        assertThat(back.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(back.retryable()).isTrue();
    }

    @Test
    void measuresTheCostOfAForcedWrite() throws IOException {
        ActivityLog log = open();
        int records = 200;
        for (int i = 0; i < records; i++) {
            BindingJob job = new BindingJob("job-" + i, JobKind.BIND, "havip-a", "i-" + i, InstanceType.ENS_INSTANCE,
                    JobState.QUEUED, Optional.empty(), null, T0, T0, 0, 0, null);
            log.recordCreated(job);
        }
        LOG.info("activity log: {} forced writes, {} µs each on average", records,
                log.averageWriteNanos() / 1000);
        assertThat(lines(log.currentFile())).hasSize(records);
    }
}
