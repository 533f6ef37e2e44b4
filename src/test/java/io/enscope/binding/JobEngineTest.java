package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.enscope.ens.UnsupportedEnsApi;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job state machine with a fake ENS and a fake clock: every wait is a step on a manual
 * scheduler, so the tests run in no real time and can check the exact schedule.
 */
class JobEngineTest {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final String HAVIP_A = "havip-a";
    static final String HAVIP_B = "havip-b";

    static EnsError readTimeout() {
        return EnsError.of("SDK.ReadTimeout", "read timed out", null, 0).asAmbiguous();
    }

    static EnsError refused(String code) {
        return EnsError.of(code, "refused", "req-refused", 400);
    }

    static EnsError throttled(Duration retryAfter) {
        EnsError error = EnsError.of("Throttling.User", "Request was denied due to user flow control.", "req-t", 400);
        return retryAfter == null ? error : error.withRetryAfter(retryAfter);
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static EnsError unavailable() {
        return EnsError.of("ServiceUnavailable", "try later", "req-503", 503);
    }

    private MutableClock clock;
    private ManualScheduler scheduler;
    private FakeEnsApi api;
    private EventRecorder events;
    private JobEngine engine;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        scheduler = new ManualScheduler(clock);
        api = new FakeEnsApi(clock);
        api.addHaVip(HAVIP_A);
        api.addHaVip(HAVIP_B);
        events = new EventRecorder();
        engine = engine(PollPolicy.defaults(), JobJournal.NONE);
    }

    @AfterEach
    void tearDown() {
        engine.shutdown();
    }

    private JobEngine engine(PollPolicy policy, JobJournal journal) {
        JobEngine built = JobEngine.builder(api).clock(clock).scheduler(scheduler).pollPolicy(policy)
                .journal(journal).build();
        built.addListener(events);
        return built;
    }

    private BindingJob job(BindingJob submitted) {
        return engine.job(submitted.id()).orElseThrow();
    }

    @Nested
    class StateMachine {

        @Test
        void aBindGoesThroughEveryStateWithTheTimeOfEachChange() {
            api.completeAfterPolls = 2;
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", InstanceType.ENS_INSTANCE);
            assertThat(submitted.state()).isEqualTo(JobState.QUEUED);

            scheduler.runUntilIdle();

            List<JobEvent> log = events.of(submitted.id());
            assertThat(log).extracting(JobEvent::from, JobEvent::to).containsExactly(
                    tuple(JobState.QUEUED, JobState.SUBMITTING),
                    tuple(JobState.SUBMITTING, JobState.ASSOCIATING),
                    tuple(JobState.ASSOCIATING, JobState.SUCCEEDED));
            assertThat(log).extracting(JobEvent::at).containsExactly(T0, T0, T0.plusMillis(1500));
            assertThat(log).extracting(JobEvent::seq).containsExactly(1, 2, 3);
            assertThat(log).allSatisfy(event -> {
                assertThat(event.haVipId()).isEqualTo(HAVIP_A);
                assertThat(event.targetId()).isEqualTo("i-1");
                assertThat(event.kind()).isEqualTo(JobKind.BIND);
                assertThat(event.error()).isEmpty();
            });
            assertThat(log.get(1).requestId()).isNotBlank();

            BindingJob done = job(submitted);
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.polls()).isEqualTo(2);
            assertThat(done.revision()).isEqualTo(3);
            assertThat(done.instanceType()).isEqualTo(InstanceType.ENS_INSTANCE);
            assertThat(api.writes).containsExactly("bind havip-a i-1");
            assertThat(api.status(HAVIP_A, "i-1")).contains(AssociationStatus.IN_USE);
        }

        @Test
        void anUnbindPollsUntilTheAssociationIsGone() {
            api.bind(HAVIP_A, "eni-1", AssociationStatus.IN_USE);
            api.completeAfterPolls = 3;

            BindingJob submitted = engine.submitUnbind(HAVIP_A, "eni-1");
            scheduler.runUntilIdle();

            assertThat(submitted.instanceType()).isEqualTo(InstanceType.NETWORK_INTERFACE);
            assertThat(events.transitions(submitted.id())).containsExactly(
                    "QUEUED→SUBMITTING", "SUBMITTING→UNASSOCIATING", "UNASSOCIATING→SUCCEEDED");
            assertThat(job(submitted).polls()).isEqualTo(3);
            assertThat(api.status(HAVIP_A, "eni-1")).isEmpty();
        }

        @Test
        void aRefusedWriteFailsWithItsCodeAndIsNotPolled() {
            api.writeScript.add(WriteOutcome.refuse(refused("IncorrectInstanceVSwitch")));

            BindingJob submitted = engine.submitBind(HAVIP_A, "i-9", null);
            scheduler.runUntilIdle();

            BindingJob failed = job(submitted);
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.errorCode()).isEqualTo("IncorrectInstanceVSwitch");
            assertThat(failed.error().orElseThrow().requestId()).isEqualTo("req-refused");
            assertThat(events.of(submitted.id()).get(1).error()).map(EnsError::code)
                    .contains("IncorrectInstanceVSwitch");
            assertThat(api.reads).isEmpty();
        }

        @Test
        void badParametersAreRefusedAtOnce() {
            assertThatThrownBy(() -> engine.submitBind(" ", "i-1", null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.submitBind(HAVIP_A, null, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.submitBind(HAVIP_A, "i-1", InstanceType.UNKNOWN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(engine.jobs()).isEmpty();
        }

        @Test
        void aFailedPollNeverFailsTheJobItIsPolledAgain() {
            api.completeAfterPolls = 2;
            BindingJob first = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runDue();
            api.readFailures.add(unavailable());
            api.readFailures.add(refused("SignatureNonceUsed"));
            scheduler.runUntilIdle();
            assertThat(job(first).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job(first).polls()).isEqualTo(4);
            assertThat(job(first).error()).isEmpty();
        }

        @Test
        void pollsThatKeepFailingEndInATimeoutCarryingTheLastReadError() {
            BindingJob submitted = engine.submitBind(HAVIP_B, "i-2", null);
            scheduler.runDue();
            api.failAllReads = refused("NoPermission");
            scheduler.runUntilIdle();

            BindingJob timedOut = job(submitted);
            assertThat(timedOut.state()).isEqualTo(JobState.TIMED_OUT);
            assertThat(timedOut.errorCode()).isEqualTo("NoPermission");
            assertThat(timedOut.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        }

        @Test
        void aBindWhoseAssociationVanishesAfterTheSettleWindowFails() {
            api.completeAfterPolls = 1000;
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runDue();
            api.unbindNow(HAVIP_A, "i-1");
            scheduler.runUntilIdle();

            BindingJob failed = job(submitted);
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.errorCode()).isEqualTo(JobErrors.UNEXPECTED_STATE);
            assertThat(failed.updatedAt()).isEqualTo(T0.plusSeconds(15));
        }

        @Test
        void aBindWhoseHaVipDisappearsFailsWithHaVipNotFound() {
            api.completeAfterPolls = 1000;
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runDue();
            api.haVips.remove(HAVIP_A);
            scheduler.runUntilIdle();
            assertThat(job(submitted).errorCode()).isEqualTo("HaVipNotFound");
        }
    }

    /** What the engine hands to listeners so that they need not read the HaVip again. */
    @Nested
    class ReadsForListeners {

        @Test
        void everyPollIsHandedOverWithItsTimeAndTheDecisiveOneComesWithItsTransition() {
            api.completeAfterPolls = 3;
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", InstanceType.ENS_INSTANCE);
            scheduler.runUntilIdle();

            List<HaVipRead> reads = events.readsOf(submitted.id());
            assertThat(reads).hasSize(job(submitted).polls()).hasSize(3);
            assertThat(reads).extracting(HaVipRead::at)
                    .containsExactly(T0.plusMillis(500), T0.plusMillis(1500), T0.plusMillis(3500));
            assertThat(reads).extracting(read -> read.haVip().orElseThrow().association("i-1").orElseThrow().status())
                    .containsExactly(AssociationStatus.ASSOCIATING, AssociationStatus.ASSOCIATING,
                            AssociationStatus.IN_USE);
            assertThat(reads).allSatisfy(read -> assertThat(read.haVipId()).isEqualTo(HAVIP_A));
            assertThat(reads.get(1).isNewerThan(reads.get(0).sentNanos())).isTrue();
            assertThat(reads.get(0).isNewerThan(reads.get(1).sentNanos())).isFalse();

            List<JobEvent> log = events.of(submitted.id());
            assertThat(log.get(0).read()).as("QUEUED→SUBMITTING").isEmpty();
            assertThat(log.get(1).read()).as("SUBMITTING→ASSOCIATING comes from the write's answer").isEmpty();
            assertThat(log.get(2).read()).as("ASSOCIATING→SUCCEEDED comes from the last poll")
                    .containsSame(reads.get(2));
            assertThat(events.sequence).as("the read reaches listeners before the transition it leads to")
                    .containsSubsequence(reads.get(2), log.get(2));
        }

        @Test
        void anUnbindHandsOverTheReadThatNoLongerListsTheAssociation() {
            api.completeAfterPolls = 1;
            api.bind(HAVIP_A, "eni-1", AssociationStatus.IN_USE);
            BindingJob submitted = engine.submitUnbind(HAVIP_A, "eni-1");
            scheduler.runUntilIdle();

            JobEvent succeeded = events.of(submitted.id()).get(2);
            assertThat(succeeded.to()).isEqualTo(JobState.SUCCEEDED);
            assertThat(succeeded.read()).hasValueSatisfying(read -> {
                assertThat(read.haVip()).hasValueSatisfying(h -> assertThat(h.associations()).isEmpty());
                assertThat(read.haVip().orElseThrow().status()).isEqualTo(HaVipStatus.AVAILABLE);
            });
        }

        @Test
        void aRefusedWriteReadsNothingSoItsTransitionCarriesNoRead() {
            api.writeScript.add(WriteOutcome.refuse(refused("IncorrectHaVipStatus")));
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            assertThat(events.readsOf(submitted.id())).isEmpty();
            assertThat(events.of(submitted.id())).extracting(JobEvent::to)
                    .containsExactly(JobState.SUBMITTING, JobState.FAILED);
            assertThat(events.of(submitted.id())).allSatisfy(event -> assertThat(event.read()).isEmpty());
        }

        @Test
        void theReadThatReconcilesALostAnswerIsHandedOverAndComesWithTheTransitionsItDecides() {
            api.completeAfterPolls = 1;
            api.writeScript.add(WriteOutcome.applyThenLose(readTimeout()));
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            List<HaVipRead> reads = events.readsOf(submitted.id());
            assertThat(reads).singleElement().satisfies(read -> assertThat(read.at()).isEqualTo(T0.plusMillis(500)));
            List<JobEvent> log = events.of(submitted.id());
            assertThat(log).extracting(JobEvent::to)
                    .containsExactly(JobState.SUBMITTING, JobState.ASSOCIATING, JobState.SUCCEEDED);
            assertThat(log.get(1).read()).containsSame(reads.get(0));
            assertThat(log.get(2).read()).containsSame(reads.get(0));
        }

        @Test
        void aLostWriteFoundNotDoneFailsWithTheReadThatShowedIt() {
            api.writeScript.add(WriteOutcome.lose(readTimeout()));
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            JobEvent failed = events.of(submitted.id()).get(1);
            assertThat(failed.to()).isEqualTo(JobState.FAILED);
            assertThat(failed.read()).hasValueSatisfying(read -> {
                assertThat(read.at()).isEqualTo(T0.plusSeconds(15));
                assertThat(read.haVip().orElseThrow().associations()).isEmpty();
            });
            assertThat(events.readsOf(submitted.id())).hasSize(6).last().isSameAs(failed.read().orElseThrow());
        }

        @Test
        void cancelledDetachedAndTimedOutAfterFailedReadsCarryNoRead() {
            api.completeAfterPolls = 1000;
            BindingJob detached = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob cancelled = engine.submitBind(HAVIP_A, "i-2", null);
            BindingJob timedOut = engine.submitBind(HAVIP_B, "i-3", null);
            assertThat(engine.cancel(cancelled.id())).isTrue();
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(engine.detach(detached.id())).isTrue();
            api.failAllReads = unavailable();
            scheduler.runUntilIdle();

            assertThat(events.of(cancelled.id())).singleElement().satisfies(e -> assertThat(e.read()).isEmpty());
            assertThat(events.of(detached.id())).last().satisfies(e -> {
                assertThat(e.to()).isEqualTo(JobState.DETACHED);
                assertThat(e.read()).isEmpty();
            });
            assertThat(events.of(timedOut.id())).last().satisfies(e -> {
                assertThat(e.to()).isEqualTo(JobState.TIMED_OUT);
                assertThat(e.read()).as("the last poll failed").isEmpty();
            });
            assertThat(events.readsOf(timedOut.id())).as("only the poll before the reads failed").hasSize(1);
        }

        @Test
        void aResumedJobHandsOverItsFirstRead() {
            api.completeAfterPolls = 1;
            api.bind(HAVIP_A, "i-1", AssociationStatus.ASSOCIATING);
            engine.resume(List.of(new BindingJob("job-p", JobKind.BIND, HAVIP_A, "i-1", InstanceType.ENS_INSTANCE,
                    JobState.ASSOCIATING, Optional.empty(), null, T0.minusSeconds(60), T0.minusSeconds(30), 0, 2,
                    null)));
            scheduler.runUntilIdle();

            assertThat(events.readsOf("job-p")).singleElement()
                    .satisfies(read -> assertThat(read.at()).isEqualTo(T0));
            assertThat(events.of("job-p")).singleElement().satisfies(e -> assertThat(e.read()).isPresent());
        }

        @Test
        void anEventEqualsItsCopyWithoutTheReadAsTheActivityLogGivesItBack() {
            api.completeAfterPolls = 1;
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            JobEvent live = events.of(submitted.id()).get(2);
            assertThat(live.read()).isPresent();
            JobEvent logged = new JobEvent(live.jobId(), live.seq(), live.kind(), live.haVipId(), live.targetId(),
                    live.from(), live.to(), live.at(), live.error(), live.requestId());
            assertThat(logged.read()).isEmpty();
            assertThat(logged).isEqualTo(live).hasSameHashCodeAs(live);
            assertThat(logged).isNotEqualTo(new JobEvent(live.jobId(), live.seq(), live.kind(), live.haVipId(),
                    live.targetId(), live.from(), JobState.FAILED, live.at(), live.error(), live.requestId()));
        }

        @Test
        void aFailingReadListenerDoesNotStopTheJob() {
            api.completeAfterPolls = 2;
            engine.addListener(new JobListener() {
                @Override
                public void jobChanged(JobEvent event, BindingJob job) {
                }

                @Override
                public void haVipRead(HaVipRead read) {
                    throw new IllegalStateException("bug in a listener");
                }
            });
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();
            assertThat(job(submitted).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(events.readsOf(submitted.id())).hasSize(2);
        }
    }

    @Nested
    class Schedule {

        @Test
        void theDefaultScheduleDoublesFromHalfASecondWithAPollAtFiveSeconds() {
            assertThat(PollPolicy.defaults().pollTimes(8)).containsExactly(
                    Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMillis(3500), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(25));
            assertThat(PollPolicy.defaults().withExpectedDuration(Duration.ZERO).pollTimes(5)).containsExactly(
                    Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMillis(3500), Duration.ofMillis(7500),
                    Duration.ofMillis(12500));
            assertThat(PollPolicy.defaults().backoff(0)).isEqualTo(Duration.ofMillis(500));
            assertThat(PollPolicy.defaults().backoff(40)).isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        void pollsFollowThePolicyScheduleExactly() {
            api.completeAfterPolls = 1000;
            engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.advance(Duration.ofSeconds(25));

            assertThat(api.reads).extracting(read -> Duration.between(T0, read))
                    .containsExactlyElementsOf(PollPolicy.defaults().pollTimes(8));
        }

        @Test
        void aBindingThatTakesFiveSecondsIsSeenInUseAtFiveSecondsWithFourPolls() {
            api.completeAfter = Duration.ofSeconds(5);
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            BindingJob done = job(submitted);
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(done.polls()).isEqualTo(4);
        }

        @Test
        void aJobThatNeverFinishesTimesOutAfterFiveMinutesWithABoundedNumberOfPolls() {
            api.completeAfterPolls = 100_000;
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            BindingJob timedOut = job(submitted);
            assertThat(timedOut.state()).isEqualTo(JobState.TIMED_OUT);
            assertThat(timedOut.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            long expectedPolls = PollPolicy.defaults().pollTimes(200).stream()
                    .filter(t -> t.compareTo(Duration.ofMinutes(5)) <= 0).count();
            assertThat(timedOut.polls()).isEqualTo((int) expectedPolls).isEqualTo(63);
            assertThat(api.reads.get(api.reads.size() - 1)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        }
    }

    @Nested
    class Queues {

        @Test
        void jobsOnOneHaVipRunOneAfterAnotherInSubmissionOrder() {
            api.completeAfterPolls = 2;
            BindingJob first = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob second = engine.submitUnbind(HAVIP_A, "i-1");
            BindingJob third = engine.submitBind(HAVIP_A, "i-2", null);
            scheduler.runDue();

            assertThat(job(first).state()).isEqualTo(JobState.ASSOCIATING);
            assertThat(job(second).state()).isEqualTo(JobState.QUEUED);
            assertThat(job(third).state()).isEqualTo(JobState.QUEUED);

            scheduler.runUntilIdle();
            assertThat(api.writes).containsExactly("bind havip-a i-1", "unbind havip-a i-1", "bind havip-a i-2");
            assertThat(engine.jobs()).extracting(BindingJob::state).containsOnly(JobState.SUCCEEDED);
            Instant firstDone = events.of(first.id()).get(2).at();
            Instant secondSent = events.of(second.id()).get(0).at();
            Instant secondDone = events.of(second.id()).get(2).at();
            Instant thirdSent = events.of(third.id()).get(0).at();
            assertThat(secondSent).isEqualTo(firstDone);
            assertThat(thirdSent).isEqualTo(secondDone);
            assertThat(engine.jobs()).extracting(BindingJob::id).containsExactly(first.id(), second.id(), third.id());
        }

        @Test
        void jobsOnDifferentHaVipsRunAtTheSameTime() {
            api.completeAfterPolls = 2;
            BindingJob a = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob b = engine.submitBind(HAVIP_B, "i-2", null);
            scheduler.runDue();

            assertThat(job(a).state()).isEqualTo(JobState.ASSOCIATING);
            assertThat(job(b).state()).isEqualTo(JobState.ASSOCIATING);

            scheduler.runUntilIdle();
            assertThat(job(a).updatedAt()).isEqualTo(T0.plusMillis(1500)).isEqualTo(job(b).updatedAt());
        }

        @Test
        void onRealThreadsParallelismIsBoundedAndOneHaVipStillWaits() throws InterruptedException {
            FakeEnsApi threadedApi = new FakeEnsApi(Clock.systemUTC());
            threadedApi.completeAfterPolls = 1;
            for (String id : List.of(HAVIP_A, HAVIP_B, "havip-c")) {
                threadedApi.addHaVip(id);
            }
            CountDownLatch gate = new CountDownLatch(1);
            threadedApi.gate = gate;
            PollPolicy fast = PollPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
                    .withExpectedDuration(Duration.ZERO);
            JobEngine threaded = JobEngine.builder(threadedApi).pollPolicy(fast).parallelism(2).build();
            try {
                BindingJob a1 = threaded.submitBind(HAVIP_A, "i-1", null);
                BindingJob a2 = threaded.submitBind(HAVIP_A, "i-2", null);
                threaded.submitBind(HAVIP_B, "i-3", null);
                threaded.submitBind("havip-c", "i-4", null);

                await().atMost(Duration.ofSeconds(10)).until(() -> threadedApi.inFlight.get() == 2);
                assertThat(threaded.job(a2.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
                gate.countDown();

                await().atMost(Duration.ofSeconds(10)).until(() -> threaded.jobs().stream()
                        .allMatch(BindingJob::isFinished));
                assertThat(threaded.jobs()).extracting(BindingJob::state).containsOnly(JobState.SUCCEEDED);
                assertThat(threadedApi.maxInFlight.get()).isEqualTo(2);
                assertThat(threadedApi.threadNames).allSatisfy(name -> assertThat(name).startsWith(
                        "enscope-job-worker-"));
                assertThat(threadedApi.daemonThreads).isTrue();
                assertThat(threadedApi.writes.indexOf("bind havip-a i-1"))
                        .isLessThan(threadedApi.writes.indexOf("bind havip-a i-2"));
                assertThat(threaded.job(a1.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
            } finally {
                gate.countDown();
                threaded.shutdown();
            }
            assertThat(threaded.awaitTermination(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Nested
    class CancelAndDetach {

        @Test
        void aQueuedJobCanBeCancelledAndIsNeverSent() {
            BindingJob first = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob second = engine.submitBind(HAVIP_A, "i-2", null);

            assertThat(engine.cancel(second.id())).isTrue();
            scheduler.runUntilIdle();

            assertThat(job(second).state()).isEqualTo(JobState.CANCELLED);
            assertThat(events.transitions(second.id())).containsExactly("QUEUED→CANCELLED");
            assertThat(api.writes).containsExactly("bind havip-a i-1");
            assertThat(engine.cancel(first.id())).isFalse();
            assertThat(engine.cancel(second.id())).isFalse();
            assertThat(engine.cancel("job-unknown")).isFalse();
        }

        @Test
        void theHeadJobCanBeCancelledBeforeItsFirstStepRuns() {
            BindingJob first = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob second = engine.submitBind(HAVIP_A, "i-2", null);
            assertThat(engine.cancel(first.id())).isTrue();
            scheduler.runUntilIdle();
            assertThat(api.writes).containsExactly("bind havip-a i-2");
            assertThat(job(second).state()).isEqualTo(JobState.SUCCEEDED);
        }

        @Test
        void aRunningJobCanBeDetachedAndTheNextJobStarts() {
            api.completeAfterPolls = 1000;
            BindingJob first = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob second = engine.submitBind(HAVIP_A, "i-2", null);
            assertThat(engine.detach(second.id())).as("a queued job is cancelled, not detached").isFalse();
            scheduler.advance(Duration.ofSeconds(2));
            assertThat(job(first).polls()).isEqualTo(2);

            assertThat(engine.detach(first.id())).isTrue();
            api.completeAfterPolls = 1;
            scheduler.runUntilIdle();

            assertThat(job(first).state()).isEqualTo(JobState.DETACHED);
            assertThat(job(first).polls()).as("no poll after detaching").isEqualTo(2);
            assertThat(events.transitions(first.id())).endsWith("ASSOCIATING→DETACHED");
            assertThat(job(second).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(engine.detach(first.id())).isFalse();
        }

        @Test
        void detachingWhileTheWriteIsInFlightHoldsTheHaVipUntilTheWriteReturns() {
            api.completeAfterPolls = 1;
            BindingJob first = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob second = engine.submitBind(HAVIP_A, "i-2", null);
            api.duringWrite = () -> {
                api.duringWrite = null;
                assertThat(engine.detach(first.id())).isTrue();
                assertThat(job(second).state()).isEqualTo(JobState.QUEUED);
            };
            scheduler.runUntilIdle();

            assertThat(job(first).state()).isEqualTo(JobState.DETACHED);
            assertThat(job(first).polls()).isZero();
            assertThat(job(second).state()).isEqualTo(JobState.SUCCEEDED);
        }
    }

    @Nested
    class AmbiguousWrites {

        @Test
        void aLostAnswerToAWriteThatTookEffectIsReconciledAndPolledToSuccess() {
            api.completeAfterPolls = 2;
            api.writeScript.add(WriteOutcome.applyThenLose(readTimeout()));

            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            assertThat(job(submitted).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(events.transitions(submitted.id())).containsExactly(
                    "QUEUED→SUBMITTING", "SUBMITTING→ASSOCIATING", "ASSOCIATING→SUCCEEDED");
            assertThat(api.writes).hasSize(1);
            assertThat(api.reads.get(0)).as("first reconcile read").isEqualTo(T0.plusMillis(500));
        }

        @Test
        void aLostWriteThatNeverTookEffectFailsWithItsErrorWhenTheSettleWindowCloses() {
            api.writeScript.add(WriteOutcome.lose(readTimeout()));

            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            BindingJob failed = job(submitted);
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.errorCode()).isEqualTo("SDK.ReadTimeout");
            assertThat(failed.error().orElseThrow().ambiguous()).isTrue();
            assertThat(failed.updatedAt()).isEqualTo(T0.plusSeconds(15));
            assertThat(api.reads).extracting(read -> Duration.between(T0, read).toMillis())
                    .containsExactly(500L, 1500L, 3500L, 7500L, 12500L, 15000L);
            assertThat(api.writes).hasSize(1);
            assertThat(api.status(HAVIP_A, "i-1")).isEmpty();
        }

        @Test
        void aWriteStillInFlightOnTheServerIsFoundByALaterRead() {
            api.completeAfterPolls = 1;
            api.writeScript.add(WriteOutcome.loseThenApply(readTimeout(), 3));

            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            assertThat(job(submitted).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(api.writes).hasSize(1);
        }

        @Test
        void reconcileReadsThatKeepFailingEndInATimeoutCarryingTheWriteError() {
            api.writeScript.add(WriteOutcome.lose(readTimeout()));
            api.failAllReads = unavailable();

            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            BindingJob timedOut = job(submitted);
            assertThat(timedOut.state()).isEqualTo(JobState.TIMED_OUT);
            assertThat(timedOut.errorCode()).isEqualTo("SDK.ReadTimeout");
            assertThat(timedOut.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(api.writes).hasSize(1);
        }

        @Test
        void aWriteRefusedAsAReplayOfItselfIsReconciledLikeALostAnswer() {
            api.completeAfterPolls = 1;
            api.writeScript.add(WriteOutcome.applyThenLose(refused("SignatureNonceUsed")));
            api.writeScript.add(WriteOutcome.refuse(refused("SignatureNonceUsed")));

            BindingJob applied = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob notApplied = engine.submitBind(HAVIP_B, "i-2", null);
            scheduler.runUntilIdle();

            assertThat(job(applied).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job(notApplied).state()).isEqualTo(JobState.FAILED);
            assertThat(job(notApplied).errorCode()).isEqualTo("SignatureNonceUsed");
            assertThat(job(notApplied).error().orElseThrow().ambiguous()).isTrue();
            assertThat(job(notApplied).updatedAt()).as("decided by reading, after the settle window")
                    .isEqualTo(T0.plusSeconds(15));
            assertThat(api.writes).hasSize(2);
        }

        @Test
        void aBindOnAHaVipThatIsGoneFailsWithoutWaitingForTheWindow() {
            api.writeScript.add(WriteOutcome.lose(readTimeout()));
            api.haVips.remove(HAVIP_A);
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();
            assertThat(job(submitted).state()).isEqualTo(JobState.FAILED);
            assertThat(job(submitted).updatedAt()).isEqualTo(T0.plusMillis(500));
        }

        @Test
        void anUnbindIsReconciledBothWays() {
            api.completeAfterPolls = 1;
            api.bind(HAVIP_A, "i-1", AssociationStatus.IN_USE);
            api.bind(HAVIP_B, "i-2", AssociationStatus.IN_USE);
            api.writeScript.add(WriteOutcome.applyThenLose(readTimeout()));
            api.writeScript.add(WriteOutcome.lose(unavailable().asAmbiguous()));

            BindingJob tookEffect = engine.submitUnbind(HAVIP_A, "i-1");
            scheduler.runUntilIdle();
            BindingJob didNot = engine.submitUnbind(HAVIP_B, "i-2");
            scheduler.runUntilIdle();

            assertThat(job(tookEffect).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(api.status(HAVIP_A, "i-1")).isEmpty();
            assertThat(job(didNot).state()).isEqualTo(JobState.FAILED);
            assertThat(job(didNot).errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(api.status(HAVIP_B, "i-2")).contains(AssociationStatus.IN_USE);
            assertThat(api.writes).hasSize(2);
        }
    }

    @Nested
    class Throttling {

        @Test
        void aThrottledWriteIsSentAgainAfterTheServerNamedWait() {
            api.completeAfterPolls = 1;
            api.writeScript.add(WriteOutcome.refuse(throttled(Duration.ofMillis(1500))));

            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            assertThat(job(submitted).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(api.writeTimes).containsExactly(T0, T0.plusMillis(1500));
            assertThat(events.transitions(submitted.id())).containsExactly(
                    "QUEUED→SUBMITTING", "SUBMITTING→ASSOCIATING", "ASSOCIATING→SUCCEEDED");
        }

        @Test
        void aWriteThrottledMoreThanTheRetriesAllowFailsWithTheThrottlingCode() {
            for (int i = 0; i < 5; i++) {
                api.writeScript.add(WriteOutcome.refuse(throttled(null)));
            }
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            assertThat(job(submitted).errorCode()).isEqualTo("Throttling.User");
            assertThat(api.writeTimes).extracting(t -> Duration.between(T0, t).toMillis())
                    .containsExactly(0L, 1000L, 3000L, 7000L);
        }

        @Test
        void aServerWaitLongerThanAllowedFailsAtOnce() {
            api.writeScript.add(WriteOutcome.refuse(throttled(Duration.ofMinutes(2))));
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();
            assertThat(job(submitted).errorCode()).isEqualTo("Throttling.User");
            assertThat(api.writes).hasSize(1);
        }

        @Test
        void aJobWaitingToResendAThrottledWriteCanBeCancelled() {
            api.writeScript.add(WriteOutcome.refuse(throttled(Duration.ofSeconds(2))));
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runDue();
            assertThat(engine.cancel(submitted.id())).isTrue();
            scheduler.runUntilIdle();
            assertThat(job(submitted).state()).isEqualTo(JobState.CANCELLED);
            assertThat(api.writes).hasSize(1);
        }
    }

    @Nested
    class RetryListenersAndShutdown {

        @Test
        void retrySubmitsANewJobWithTheSameParameters() {
            api.writeScript.add(WriteOutcome.refuse(refused("IncorrectHaVipStatus")));
            BindingJob failed = engine.submitBind(HAVIP_A, "eni-7", InstanceType.NETWORK_INTERFACE);
            scheduler.runUntilIdle();

            BindingJob again = engine.retry(failed.id());
            scheduler.runUntilIdle();

            assertThat(again.id()).isNotEqualTo(failed.id());
            assertThat(again.retryOf()).isEqualTo(failed.id());
            assertThat(again.kind()).isEqualTo(JobKind.BIND);
            assertThat(again.haVipId()).isEqualTo(HAVIP_A);
            assertThat(again.targetId()).isEqualTo("eni-7");
            assertThat(again.instanceType()).isEqualTo(InstanceType.NETWORK_INTERFACE);
            assertThat(job(again).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(api.writes).containsExactly("bind havip-a eni-7", "bind havip-a eni-7");

            api.completeAfterPolls = 1000;
            BindingJob running = engine.submitBind(HAVIP_B, "i-1", null);
            scheduler.runDue();
            assertThatThrownBy(() -> engine.retry(running.id())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> engine.retry("job-unknown")).isInstanceOf(NoSuchElementException.class);
        }

        @Test
        void aSucceededJobIsNeverSentAgainAndAJobIsRetriedOnce() {
            api.writeScript.add(WriteOutcome.refuse(refused("IncorrectHaVipStatus")));
            BindingJob failed = engine.submitBind(HAVIP_A, "eni-7", InstanceType.NETWORK_INTERFACE);
            scheduler.runUntilIdle();
            BindingJob again = engine.retry(failed.id());
            scheduler.runUntilIdle();
            assertThat(job(again).state()).isEqualTo(JobState.SUCCEEDED);

            assertThatThrownBy(() -> engine.retry(failed.id())).as("retried already")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(again.id());
            assertThatThrownBy(() -> engine.retry(again.id())).as("succeeded")
                    .isInstanceOf(IllegalStateException.class);
            scheduler.runUntilIdle();
            assertThat(api.writes).as("no third AssociateHaVip").containsExactly("bind havip-a eni-7",
                    "bind havip-a eni-7");
            assertThat(engine.jobs()).hasSize(2);
        }

        @Test
        void aFailingListenerDoesNotStopTheJobOrOtherListeners() {
            AtomicInteger added = new AtomicInteger();
            JobListener failing = new JobListener() {
                @Override
                public void jobAdded(BindingJob job) {
                    added.incrementAndGet();
                    throw new IllegalStateException("listener bug on add");
                }

                @Override
                public void jobChanged(JobEvent event, BindingJob job) {
                    throw new IllegalStateException("listener bug");
                }
            };
            engine.addListener(failing);
            api.completeAfterPolls = 1;
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            assertThat(job(submitted).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(events.of(submitted.id())).hasSize(3);
            assertThat(added).hasValue(1);

            engine.removeListener(failing);
            engine.removeListener(events);
            engine.submitBind(HAVIP_B, "i-1", null);
            scheduler.runUntilIdle();
            assertThat(added).hasValue(1);
            assertThat(events.all).hasSize(3);
        }

        @Test
        void aSlowActivityLogDoesNotBlockReadersOfTheJobsAndTheWriteWaitsForItsRecord(@TempDir Path dir)
                throws Exception {
            engine.shutdown();
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch diskDone = new CountDownLatch(1);
            try (ActivityLog log = ActivityLog.open(dir)) {
                JobJournal slowDisk = new JobJournal() {
                    @Override
                    public void recordCreated(BindingJob job) {
                        log.recordCreated(job);
                    }

                    @Override
                    public void recordTransition(JobEvent event, BindingJob job) {
                        if (event.to() == JobState.SUBMITTING) {
                            writing.countDown();
                            awaitQuietly(diskDone);
                        }
                        log.recordTransition(event, job);
                    }
                };
                scheduler = new ManualScheduler(clock);
                engine = engine(PollPolicy.defaults(), slowDisk);
                BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
                Thread worker = new Thread(scheduler::runDue, "test-job-worker");
                worker.start();
                assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

                // The UI thread reads the jobs while the record is being forced to disk.
                List<BindingJob> seen = CompletableFuture.supplyAsync(engine::jobs).get(10, TimeUnit.SECONDS);
                assertThat(seen).extracting(BindingJob::state).containsExactly(JobState.SUBMITTING);
                assertThat(engine.job(submitted.id())).isPresent();
                assertThat(api.writes).as("sent before its SUBMITTING record is on disk").isEmpty();

                diskDone.countDown();
                worker.join(TimeUnit.SECONDS.toMillis(10));
                assertThat(worker.isAlive()).isFalse();
                assertThat(api.writes).containsExactly("bind havip-a i-1");
                assertThat(log.history(HAVIP_A)).singleElement().satisfies(history -> assertThat(history.transitions())
                        .extracting(JobEvent::to).contains(JobState.SUBMITTING, JobState.ASSOCIATING));
            }
        }

        @Test
        void aJobWhoseSubmissionCannotBeJournaledIsNeverSent() {
            engine.shutdown();
            JobJournal brokenDisk = new JobJournal() {
                @Override
                public void recordCreated(BindingJob job) {
                }

                @Override
                public void recordTransition(JobEvent event, BindingJob job) {
                    if (event.to() == JobState.SUBMITTING) {
                        throw new UncheckedIOException(new java.io.IOException("disk full"));
                    }
                }
            };
            scheduler = new ManualScheduler(clock);
            engine = engine(PollPolicy.defaults(), brokenDisk);
            BindingJob submitted = engine.submitBind(HAVIP_A, "i-1", null);
            scheduler.runUntilIdle();

            assertThat(job(submitted).state()).isEqualTo(JobState.FAILED);
            assertThat(job(submitted).errorCode()).isEqualTo(JobErrors.ACTIVITY_LOG_FAILED);
            assertThat(api.writes).isEmpty();
        }

        @Test
        void shutdownLeavesUnfinishedJobsAsTheyAreAndRefusesNewOnes() {
            api.completeAfterPolls = 1000;
            BindingJob polling = engine.submitBind(HAVIP_A, "i-1", null);
            BindingJob queued = engine.submitBind(HAVIP_A, "i-2", null);
            scheduler.advance(Duration.ofSeconds(1));

            engine.shutdown();
            engine.shutdown();

            assertThat(scheduler.isShutdown()).isTrue();
            assertThat(job(polling).state()).isEqualTo(JobState.ASSOCIATING);
            assertThat(job(queued).state()).isEqualTo(JobState.QUEUED);
            assertThatThrownBy(() -> engine.submitBind(HAVIP_B, "i-1", null))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> engine.resume(List.of())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Resume {

        private BindingJob left(String id, JobKind kind, String haVipId, String targetId, JobState state,
                Instant updatedAt, int revision) {
            return new BindingJob(id, kind, haVipId, targetId, InstanceType.ofTargetId(targetId), state,
                    Optional.empty(), null, T0.minusSeconds(3600), updatedAt, 0, revision, null);
        }

        @Test
        void unfinishedJobsAreFinishedByReadingOnly() {
            api.completeAfterPolls = 2;
            for (String id : List.of("havip-c", "havip-d", "havip-e")) {
                api.addHaVip(id);
            }
            Instant longAgo = T0.minusSeconds(600);
            api.bind(HAVIP_A, "i-1", AssociationStatus.ASSOCIATING);
            api.bind(HAVIP_B, "i-2", AssociationStatus.ASSOCIATING);
            api.bind("havip-d", "i-5", AssociationStatus.UNASSOCIATING);
            api.bind("havip-e", "i-6", AssociationStatus.IN_USE);
            List<BindingJob> unfinished = List.of(
                    left("job-polling", JobKind.BIND, HAVIP_A, "i-1", JobState.ASSOCIATING, longAgo, 2),
                    left("job-sent", JobKind.BIND, HAVIP_B, "i-2", JobState.SUBMITTING, longAgo, 1),
                    left("job-queued-behind", JobKind.BIND, "havip-c", "i-4", JobState.QUEUED, longAgo, 0),
                    left("job-not-sent", JobKind.BIND, "havip-c", "i-3", JobState.SUBMITTING, longAgo, 1),
                    left("job-unbinding", JobKind.UNBIND, "havip-d", "i-5", JobState.UNASSOCIATING, longAgo, 2),
                    left("job-unbind-queued", JobKind.UNBIND, "havip-e", "i-6", JobState.QUEUED, longAgo, 0),
                    left("job-done", JobKind.BIND, "havip-e", "i-6", JobState.SUCCEEDED, longAgo, 3));

            List<BindingJob> taken = engine.resume(unfinished);
            scheduler.runUntilIdle();

            assertThat(taken).extracting(BindingJob::id).doesNotContain("job-done").hasSize(6);
            assertThat(api.writes).as("nothing is sent on resume").isEmpty();
            assertThat(state("job-polling")).isEqualTo(JobState.SUCCEEDED);
            assertThat(state("job-sent")).isEqualTo(JobState.SUCCEEDED);
            assertThat(state("job-not-sent")).isEqualTo(JobState.FAILED);
            assertThat(engine.job("job-not-sent").orElseThrow().errorCode()).isEqualTo(JobErrors.INTERRUPTED);
            assertThat(state("job-queued-behind")).isEqualTo(JobState.CANCELLED);
            assertThat(engine.job("job-queued-behind").orElseThrow().errorCode()).isEqualTo(JobErrors.INTERRUPTED);
            assertThat(state("job-unbinding")).isEqualTo(JobState.SUCCEEDED);
            assertThat(state("job-unbind-queued")).isEqualTo(JobState.CANCELLED);
            assertThat(api.status("havip-e", "i-6")).contains(AssociationStatus.IN_USE);

            assertThat(events.of("job-polling")).extracting(JobEvent::seq).containsExactly(3);
            assertThat(events.transitions("job-sent")).containsExactly(
                    "SUBMITTING→ASSOCIATING", "ASSOCIATING→SUCCEEDED");
            assertThat(events.transitions("job-queued-behind")).containsExactly("QUEUED→CANCELLED");
            Instant notSentDecided = events.of("job-not-sent").get(0).at();
            Instant queuedDecided = events.of("job-queued-behind").get(0).at();
            assertThat(queuedDecided).as("the queued job waits for the one before it").isAfterOrEqualTo(notSentDecided);
        }

        @Test
        void aJobLeftSubmittingMomentsAgoWaitsForTheSettleWindowBeforeFailing() {
            engine.resume(List.of(left("job-recent", JobKind.BIND, HAVIP_A, "i-1", JobState.SUBMITTING,
                    T0.minusSeconds(5), 1)));
            scheduler.runUntilIdle();
            BindingJob failed = engine.job("job-recent").orElseThrow();
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.updatedAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(api.writes).isEmpty();
        }

        @Test
        void aQueuedJobFoundAlreadyDoneIsWatchedToTheEnd() {
            api.bind(HAVIP_A, "i-1", AssociationStatus.IN_USE);
            engine.resume(List.of(left("job-q", JobKind.BIND, HAVIP_A, "i-1", JobState.QUEUED, T0, 0)));
            scheduler.runUntilIdle();
            assertThat(events.transitions("job-q")).containsExactly("QUEUED→ASSOCIATING", "ASSOCIATING→SUCCEEDED");
            assertThat(api.writes).isEmpty();
        }

        @Test
        void aResumedJobCanBeSubmittedBehind() {
            api.completeAfterPolls = 2;
            api.bind(HAVIP_A, "i-1", AssociationStatus.ASSOCIATING);
            engine.resume(List.of(left("job-p", JobKind.BIND, HAVIP_A, "i-1", JobState.ASSOCIATING, T0, 2)));
            BindingJob next = engine.submitUnbind(HAVIP_A, "i-1");
            scheduler.runDue();
            assertThat(job(next).state()).isEqualTo(JobState.QUEUED);
            scheduler.runUntilIdle();
            assertThat(state("job-p")).isEqualTo(JobState.SUCCEEDED);
            assertThat(job(next).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(api.writes).containsExactly("unbind havip-a i-1");
        }

        private JobState state(String id) {
            return engine.job(id).orElseThrow().state();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Fakes shared by the binding tests
    // ---------------------------------------------------------------------------------------

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        void advance(Duration duration) {
            this.now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A scheduler that runs steps on the test thread when the test moves the fake clock. */
    static final class ManualScheduler implements JobScheduler {
        private final MutableClock clock;
        private final PriorityQueue<Task> tasks = new PriorityQueue<>(
                Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
        private long order;
        private boolean shut;

        ManualScheduler(MutableClock clock) {
            this.clock = clock;
        }

        private static final class Task {
            final Instant due;
            final long order;
            final Runnable step;
            boolean cancelled;

            Task(Instant due, long order, Runnable step) {
                this.due = due;
                this.order = order;
                this.step = step;
            }
        }

        @Override
        public void execute(Runnable step) {
            add(Duration.ZERO, step);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable step) {
            Task task = add(delay, step);
            return () -> task.cancelled = true;
        }

        private Task add(Duration delay, Runnable step) {
            if (shut) {
                throw new RejectedExecutionException("shut down");
            }
            Duration wait = delay.isNegative() ? Duration.ZERO : delay;
            Task task = new Task(clock.instant().plus(wait), order++, step);
            tasks.add(task);
            return task;
        }

        /** Runs every step due now, including those they schedule for now. */
        void runDue() {
            while (true) {
                Task next = nextLive();
                if (next == null || next.due.isAfter(clock.instant())) {
                    return;
                }
                tasks.poll();
                next.step.run();
            }
        }

        /** Moves the clock from step to step for {@code duration}, running each step when due. */
        void advance(Duration duration) {
            Instant end = clock.instant().plus(duration);
            runDue();
            while (true) {
                Task next = nextLive();
                if (next == null || next.due.isAfter(end)) {
                    break;
                }
                if (next.due.isAfter(clock.instant())) {
                    clock.set(next.due);
                }
                runDue();
            }
            clock.set(end);
            runDue();
        }

        /** Moves the clock to each next step until none is left (at most a simulated day). */
        void runUntilIdle() {
            Instant limit = clock.instant().plus(Duration.ofDays(1));
            runDue();
            while (true) {
                Task next = nextLive();
                if (next == null) {
                    return;
                }
                if (next.due.isAfter(limit)) {
                    throw new AssertionError("steps still pending after a simulated day");
                }
                if (next.due.isAfter(clock.instant())) {
                    clock.set(next.due);
                }
                runDue();
            }
        }

        private Task nextLive() {
            while (!tasks.isEmpty() && tasks.peek().cancelled) {
                tasks.poll();
            }
            return tasks.peek();
        }

        boolean isShutdown() {
            return shut;
        }

        @Override
        public void shutdown() {
            shut = true;
            tasks.clear();
        }

        @Override
        public boolean awaitTermination(Duration timeout) {
            return true;
        }
    }

    /** What the fake does with one write. */
    record WriteOutcome(Kind kind, EnsError error, int readsBeforeApplied) {
        enum Kind { ACCEPT, REFUSE, APPLY_THEN_LOSE, LOSE, LOSE_THEN_APPLY }

        static WriteOutcome refuse(EnsError error) {
            return new WriteOutcome(Kind.REFUSE, error, 0);
        }

        static WriteOutcome applyThenLose(EnsError error) {
            return new WriteOutcome(Kind.APPLY_THEN_LOSE, error, 0);
        }

        static WriteOutcome lose(EnsError error) {
            return new WriteOutcome(Kind.LOSE, error, 0);
        }

        /** The answer is lost and the server applies the write only at the n-th read after it. */
        static WriteOutcome loseThenApply(EnsError error, int reads) {
            return new WriteOutcome(Kind.LOSE_THEN_APPLY, error, reads);
        }
    }

    /**
     * An ENS that knows HaVips and their associations only. Like the emulator's {@code polls:N}
     * timing, a change completes at the N-th read listing the HaVip; or, with
     * {@link #completeAfter}, once that much clock time has passed.
     */
    static final class FakeEnsApi extends UnsupportedEnsApi {
        final Clock clock;
        final Map<String, Map<String, Assoc>> haVips = Collections.synchronizedMap(new LinkedHashMap<>());
        final Deque<WriteOutcome> writeScript = new ArrayDeque<>();
        final Deque<EnsError> readFailures = new ArrayDeque<>();
        final List<String> writes = Collections.synchronizedList(new ArrayList<>());
        final List<Instant> writeTimes = Collections.synchronizedList(new ArrayList<>());
        final List<Instant> reads = Collections.synchronizedList(new ArrayList<>());
        final List<String> threadNames = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        private final List<Deferred> deferred = new ArrayList<>();
        volatile int completeAfterPolls = 2;
        volatile Duration completeAfter;
        volatile EnsError failAllReads;
        volatile CountDownLatch gate;
        volatile Runnable duringWrite;
        volatile boolean daemonThreads = true;
        private int requests;

        FakeEnsApi(Clock clock) {
            this.clock = clock;
        }

        static final class Assoc {
            final InstanceType type;
            AssociationStatus status;
            int pollsLeft;
            Instant since;

            Assoc(InstanceType type, AssociationStatus status, int pollsLeft, Instant since) {
                this.type = type;
                this.status = status;
                this.pollsLeft = pollsLeft;
                this.since = since;
            }
        }

        private static final class Deferred {
            int readsLeft;
            final Runnable apply;

            Deferred(int readsLeft, Runnable apply) {
                this.readsLeft = readsLeft;
                this.apply = apply;
            }
        }

        synchronized void addHaVip(String id) {
            haVips.put(id, new LinkedHashMap<>());
        }

        synchronized void bind(String haVipId, String targetId, AssociationStatus status) {
            haVips.get(haVipId).put(targetId, new Assoc(InstanceType.ofTargetId(targetId), status,
                    completeAfterPolls, clock.instant()));
        }

        synchronized void unbindNow(String haVipId, String targetId) {
            haVips.get(haVipId).remove(targetId);
        }

        synchronized Optional<AssociationStatus> status(String haVipId, String targetId) {
            Map<String, Assoc> associations = haVips.get(haVipId);
            return associations == null ? Optional.empty()
                    : Optional.ofNullable(associations.get(targetId)).map(a -> a.status);
        }

        @Override
        public String associateHaVip(String haVipId, String targetId, InstanceType type) {
            return write("bind", haVipId, targetId, () -> applyBind(haVipId, targetId, type));
        }

        @Override
        public String unassociateHaVip(String haVipId, String targetId) {
            return write("unbind", haVipId, targetId, () -> applyUnbind(haVipId, targetId));
        }

        private String write(String what, String haVipId, String targetId, Runnable apply) {
            threadNames.add(Thread.currentThread().getName());
            if (!Thread.currentThread().isDaemon()) {
                daemonThreads = false;
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                CountDownLatch wait = gate;
                if (wait != null && !wait.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
                Runnable hook = duringWrite;
                if (hook != null) {
                    hook.run();
                }
                return applyWrite(what, haVipId, targetId, apply);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private synchronized String applyWrite(String what, String haVipId, String targetId, Runnable apply) {
            writes.add(what + " " + haVipId + " " + targetId);
            writeTimes.add(clock.instant());
            WriteOutcome outcome = writeScript.isEmpty() ? new WriteOutcome(WriteOutcome.Kind.ACCEPT, null, 0)
                    : writeScript.poll();
            switch (outcome.kind()) {
                case ACCEPT -> apply.run();
                case REFUSE -> throw new EnsException(outcome.error());
                case APPLY_THEN_LOSE -> {
                    apply.run();
                    throw new EnsException(outcome.error());
                }
                case LOSE -> throw new EnsException(outcome.error());
                case LOSE_THEN_APPLY -> {
                    deferred.add(new Deferred(outcome.readsBeforeApplied(), apply));
                    throw new EnsException(outcome.error());
                }
                default -> throw new IllegalStateException();
            }
            return "req-" + (++requests);
        }

        private void applyBind(String haVipId, String targetId, InstanceType type) {
            Map<String, Assoc> associations = haVips.get(haVipId);
            if (associations == null) {
                throw new EnsException(refused("HaVipNotFound"));
            }
            if (associations.containsKey(targetId)) {
                throw new EnsException(refused("InstanceAlreadyAssociated"));
            }
            AssociationStatus status = completeAfterPolls == 0 && completeAfter == null
                    ? AssociationStatus.IN_USE : AssociationStatus.ASSOCIATING;
            associations.put(targetId, new Assoc(type, status, completeAfterPolls, clock.instant()));
        }

        private void applyUnbind(String haVipId, String targetId) {
            Map<String, Assoc> associations = haVips.get(haVipId);
            Assoc association = associations == null ? null : associations.get(targetId);
            if (association == null) {
                throw new EnsException(refused("InstanceNotAssociated"));
            }
            association.status = AssociationStatus.UNASSOCIATING;
            association.pollsLeft = completeAfterPolls;
            association.since = clock.instant();
        }

        @Override
        public synchronized Optional<HaVip> describeHaVip(String haVipId) {
            Instant now = clock.instant();
            reads.add(now);
            for (Iterator<Deferred> it = deferred.iterator(); it.hasNext(); ) {
                Deferred pending = it.next();
                if (--pending.readsLeft <= 0) {
                    it.remove();
                    pending.apply.run();
                }
            }
            if (failAllReads != null) {
                throw new EnsException(failAllReads);
            }
            if (!readFailures.isEmpty()) {
                throw new EnsException(readFailures.poll());
            }
            Map<String, Assoc> associations = haVips.get(haVipId);
            if (associations == null) {
                return Optional.empty();
            }
            for (Iterator<Map.Entry<String, Assoc>> it = associations.entrySet().iterator(); it.hasNext(); ) {
                Assoc association = it.next().getValue();
                if (!association.status.isTransitional()) {
                    continue;
                }
                boolean complete = completeAfter != null
                        ? !now.isBefore(association.since.plus(completeAfter))
                        : --association.pollsLeft <= 0;
                if (complete) {
                    if (association.status == AssociationStatus.ASSOCIATING) {
                        association.status = AssociationStatus.IN_USE;
                    } else {
                        it.remove();
                    }
                }
            }
            List<HaVipAssociation> listed = associations.entrySet().stream()
                    .map(e -> new HaVipAssociation(e.getKey(), e.getValue().type, null, "192.168.0.10",
                            e.getValue().status, null, null))
                    .toList();
            HaVipStatus status = listed.isEmpty() ? HaVipStatus.AVAILABLE
                    : listed.stream().anyMatch(a -> a.status() == AssociationStatus.ASSOCIATING)
                    ? HaVipStatus.ASSOCIATING : HaVipStatus.IN_USE;
            return Optional.of(new HaVip(haVipId, "name", "", "192.168.0.100", status, null, "vsw-1", "n-1",
                    "cn-test-1", null, listed, List.of()));
        }

        @Override
        public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
            throw new UnsupportedOperationException("jobs read one HaVip with describeHaVip");
        }
    }

    /** Keeps every event and every read, in order. */
    static final class EventRecorder implements JobListener {
        final List<JobEvent> all = Collections.synchronizedList(new ArrayList<>());
        final List<BindingJob> added = Collections.synchronizedList(new ArrayList<>());
        final List<HaVipRead> reads = Collections.synchronizedList(new ArrayList<>());
        /** Events and reads, as they came. */
        final List<Object> sequence = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void haVipRead(HaVipRead read) {
            reads.add(read);
            sequence.add(read);
        }

        List<HaVipRead> readsOf(String jobId) {
            synchronized (reads) {
                return reads.stream().filter(r -> r.jobId().equals(jobId)).toList();
            }
        }

        @Override
        public void jobAdded(BindingJob job) {
            added.add(job);
        }

        @Override
        public void jobChanged(JobEvent event, BindingJob job) {
            assertThat(job.state()).isEqualTo(event.to());
            assertThat(job.revision()).isEqualTo(event.seq());
            all.add(event);
            sequence.add(event);
        }

        List<JobEvent> of(String jobId) {
            synchronized (all) {
                return all.stream().filter(e -> e.jobId().equals(jobId)).toList();
            }
        }

        List<String> transitions(String jobId) {
            return of(jobId).stream().map(e -> e.from() + "→" + e.to()).toList();
        }
    }
}
