package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.enscope.binding.JobEmulatorTest.CountingEnsApi;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Limits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.InstanceType;
import io.enscope.soak.SoakRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill and restart: jobs are caught in every unfinished state, the "process" dies (its
 * threads are stopped hard and nothing more reaches its activity log), and a new engine started
 * from the log finishes every job by reading only.
 */
class JobCrashResumeTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartResumesEveryUnfinishedJobByPollingAndSendsNothing() throws Exception {
        DemoScenario.Showcase bind = JobEmulatorTest.BIND_INSTANCE;
        DemoScenario.Showcase unbind = JobEmulatorTest.BOUND;
        DemoScenario.Showcase sentWhenKilled = JobEmulatorTest.showcase(DemoScenario.SUCCESS, 2);
        DemoScenario.Showcase notSentWhenKilled = JobEmulatorTest.showcase("CountLimitExceed.InstanceOnHaVip", 0);
        DemoScenario.Showcase queuedWhenKilled = JobEmulatorTest.showcase("CountLimitExceed.HaVipOnInstance", 0);
        assertThat(queuedWhenKilled.haVipId()).isEqualTo(sentWhenKilled.haVipId());

        try (EnsEmulator emulator = EnsEmulator.builder().scenario(DemoScenario.create())
                .timings(Timings.all(TransitionTiming.afterPolls(3))).port(0).start();
                SdkEnsApi sdk = JobEmulatorTest.sdk(emulator, Duration.ofSeconds(5))) {

            // ---- the first run, killed with jobs in every unfinished state ----
            ActivityLog firstLog = ActivityLog.open(dataDir);
            DyingJournal journal = new DyingJournal(firstLog);
            StallingEnsApi stalling = new StallingEnsApi(sdk,
                    Map.of(sentWhenKilled.haVipId(), true, notSentWhenKilled.haVipId(), false));
            JobThreadPool firstThreads = new JobThreadPool(4);
            PollPolicy neverPollsInTime = new PollPolicy(Duration.ofHours(1), 2.0, Duration.ofHours(1),
                    Duration.ZERO, Duration.ofHours(2), Duration.ofSeconds(1), 0, Duration.ZERO);
            JobEngine first = JobEngine.builder(stalling).pollPolicy(neverPollsInTime).scheduler(firstThreads)
                    .journal(journal).build();

            BindingJob polling = first.submitBind(bind.haVipId(), bind.targetId(), JobEmulatorTest.typeOf(bind));
            BindingJob unbinding = first.submitUnbind(unbind.haVipId(), unbind.targetId());
            BindingJob sent = first.submitBind(sentWhenKilled.haVipId(), sentWhenKilled.targetId(),
                    InstanceType.ENS_INSTANCE);
            BindingJob notSent = first.submitBind(notSentWhenKilled.haVipId(), notSentWhenKilled.targetId(),
                    InstanceType.ENS_INSTANCE);
            BindingJob queued = first.submitBind(queuedWhenKilled.haVipId(), queuedWhenKilled.targetId(),
                    InstanceType.ENS_INSTANCE);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    first.job(polling.id()).orElseThrow().state() == JobState.ASSOCIATING
                            && first.job(unbinding.id()).orElseThrow().state() == JobState.UNASSOCIATING
                            && stalling.stalled.keySet().equals(Set.of(sentWhenKilled.haVipId(),
                            notSentWhenKilled.haVipId())));
            assertThat(first.job(queued.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);

            journal.kill();
            firstThreads.shutdown();
            assertThat(firstThreads.awaitTermination(Duration.ofSeconds(5))).isTrue();
            assertThat(JobEmulatorTest.associations(emulator, sentWhenKilled.haVipId(), sentWhenKilled.targetId()))
                    .as("the write of the job killed while SUBMITTING reached the emulator").hasSize(1);

            // ---- the next start ----
            try (ActivityLog log = ActivityLog.open(dataDir)) {
                CountingEnsApi api = new CountingEnsApi(sdk);
                JobEngine second = JobEngine.builder(api)
                        .pollPolicy(JobEmulatorTest.fastPolicy().withSettleWindow(Duration.ofMillis(500)))
                        .journal(log).build();
                try {
                    List<BindingJob> unfinished = log.recover();
                    assertThat(unfinished).extracting(BindingJob::id, BindingJob::state).containsExactlyInAnyOrder(
                            tuple(polling.id(), JobState.ASSOCIATING),
                            tuple(unbinding.id(), JobState.UNASSOCIATING),
                            tuple(sent.id(), JobState.SUBMITTING),
                            tuple(notSent.id(), JobState.SUBMITTING),
                            tuple(queued.id(), JobState.QUEUED));

                    assertThat(second.resume(unfinished)).hasSize(5);
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> second.jobs().stream().allMatch(BindingJob::isFinished));

                    assertThat(state(second, polling)).isEqualTo(JobState.SUCCEEDED);
                    assertThat(state(second, unbinding)).isEqualTo(JobState.SUCCEEDED);
                    assertThat(state(second, sent)).isEqualTo(JobState.SUCCEEDED);
                    assertThat(state(second, notSent)).isEqualTo(JobState.FAILED);
                    assertThat(second.job(notSent.id()).orElseThrow().errorCode()).isEqualTo(JobErrors.INTERRUPTED);
                    assertThat(state(second, queued)).isEqualTo(JobState.CANCELLED);
                    assertThat(api.calls).as("a resumed job never sends").isEmpty();
                } finally {
                    second.shutdown();
                }

                assertThat(JobEmulatorTest.associations(emulator, bind.haVipId(), bind.targetId()))
                        .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("InUse"));
                assertThat(JobEmulatorTest.associations(emulator, unbind.haVipId(), unbind.targetId())).isEmpty();
                assertThat(JobEmulatorTest.associations(emulator, sentWhenKilled.haVipId(), sentWhenKilled.targetId()))
                        .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("InUse"));
                assertThat(JobEmulatorTest.associations(emulator, notSentWhenKilled.haVipId(),
                        notSentWhenKilled.targetId())).isEmpty();

                assertThat(log.recover()).isEmpty();
                List<JobHistory> history = log.history();
                assertThat(history).hasSize(5);
                JobHistory resumed = history.stream().filter(h -> h.job().id().equals(polling.id())).findFirst()
                        .orElseThrow();
                assertThat(resumed.transitions()).extracting(JobEvent::seq).containsExactly(1, 2, 3);
                assertThat(resumed.transitions()).extracting(JobEvent::to)
                        .containsExactly(JobState.SUBMITTING, JobState.ASSOCIATING, JobState.SUCCEEDED);
                assertThat(history).allSatisfy(h -> assertThat(h.transitions()).extracting(JobEvent::seq)
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, h.transitions().size())
                                .boxed().toList()));
            } finally {
                firstLog.close();
            }
        }
    }

    /**
     * The process dies in the middle of many associations at once: binds on six HaVips and unbinds on
     * three others are all accepted and polling (each has made one DescribeHaVips call, its next one
     * hangs), two more binds wait behind them. A new engine started from the activity log brings every
     * polling job to its end by polling only, and the emulator holds exactly what the jobs say.
     */
    @Test
    void severalJobsKilledMidAssociatingAreResumedFromTheLogToTheirRealFinalStates() throws Exception {
        Scenario demo = DemoScenario.create();
        List<SoakRun.Pair> targets = SoakRun.pairs(demo, 12, 2, Limits.DEFAULT);
        List<SoakRun.Pair> binds = new ArrayList<>();
        List<SoakRun.Pair> queuedBehind = new ArrayList<>();
        Set<String> haVipsInUse = new HashSet<>();
        for (SoakRun.Pair pair : targets) {
            if (haVipsInUse.add(pair.haVipId())) {
                if (binds.size() < 6) {
                    binds.add(pair);
                } else {
                    haVipsInUse.remove(pair.haVipId());
                }
            } else if (queuedBehind.size() < 2 && binds.stream().anyMatch(b -> b.haVipId().equals(pair.haVipId()))) {
                queuedBehind.add(pair);
            }
        }
        // unbinds: an InUse association on three other stable HaVips
        List<Scenario.AssociationRec> unbindTargets = new ArrayList<>();
        List<String> unbindHaVips = new ArrayList<>();
        for (Scenario.HaVipRec h : demo.haVips()) {
            boolean stable = "InUse".equals(h.status())
                    && h.associatedInstances().stream().allMatch(a -> "InUse".equals(a.status()));
            if (stable && !haVipsInUse.contains(h.haVipId()) && unbindHaVips.size() < 3) {
                unbindHaVips.add(h.haVipId());
                unbindTargets.add(h.associatedInstances().get(0));
            }
        }
        assertThat(binds).hasSize(6);
        assertThat(queuedBehind).hasSize(2);
        assertThat(unbindHaVips).hasSize(3);

        try (EnsEmulator emulator = EnsEmulator.builder().scenario(demo)
                .timings(Timings.all(TransitionTiming.afterPolls(3))).port(0).start();
                SdkEnsApi sdk = JobEmulatorTest.sdk(emulator, Duration.ofSeconds(5))) {

            // ---- the first run: every change accepted, one poll answered each, then the process dies ----
            ActivityLog firstLog = ActivityLog.open(dataDir);
            DyingJournal journal = new DyingJournal(firstLog);
            PollGate gate = new PollGate(sdk, 1);
            JobThreadPool firstThreads = new JobThreadPool(16);
            PollPolicy quickPolls = new PollPolicy(Duration.ofMillis(10), 2.0, Duration.ofMillis(50), Duration.ZERO,
                    Duration.ofHours(1), Duration.ofSeconds(1), 0, Duration.ZERO);
            JobEngine first = JobEngine.builder(gate).pollPolicy(quickPolls).scheduler(firstThreads).journal(journal)
                    .build();
            List<BindingJob> polling = new ArrayList<>();
            for (SoakRun.Pair pair : binds) {
                polling.add(first.submitBind(pair.haVipId(), pair.targetId(), pair.type()));
            }
            for (int i = 0; i < unbindHaVips.size(); i++) {
                polling.add(first.submitUnbind(unbindHaVips.get(i), unbindTargets.get(i).instanceId()));
            }
            List<BindingJob> queued = new ArrayList<>();
            for (SoakRun.Pair pair : queuedBehind) {
                queued.add(first.submitBind(pair.haVipId(), pair.targetId(), pair.type()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.hanging.size() == polling.size()
                    && polling.stream().allMatch(job -> first.job(job.id()).orElseThrow().state().isPolling()));
            assertThat(queued).allSatisfy(job -> assertThat(state(first, job)).isEqualTo(JobState.QUEUED));
            for (SoakRun.Pair pair : binds) {
                assertThat(JobEmulatorTest.associations(emulator, pair.haVipId(), pair.targetId()))
                        .as("accepted, still associating when the process dies").singleElement()
                        .satisfies(a -> assertThat(a.status()).isEqualTo("Associating"));
            }

            journal.kill();
            firstThreads.shutdown();
            assertThat(firstThreads.awaitTermination(Duration.ofSeconds(5))).isTrue();

            // ---- the next start ----
            try (ActivityLog log = ActivityLog.open(dataDir)) {
                CountingEnsApi api = new CountingEnsApi(sdk);
                JobEngine second = JobEngine.builder(api).pollPolicy(JobEmulatorTest.fastPolicy()).journal(log).build();
                JobEngineTest.EventRecorder events = new JobEngineTest.EventRecorder();
                second.addListener(events);
                try {
                    List<BindingJob> unfinished = log.recover();
                    assertThat(unfinished).extracting(BindingJob::id).containsExactlyInAnyOrderElementsOf(
                            concat(polling, queued).stream().map(BindingJob::id).toList());
                    assertThat(unfinished).filteredOn(job -> job.kind() == JobKind.BIND && job.state().isPolling())
                            .hasSize(binds.size()).allSatisfy(job -> assertThat(job.state())
                                    .isEqualTo(JobState.ASSOCIATING));

                    assertThat(second.resume(unfinished)).hasSize(polling.size() + queued.size());
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> second.jobs().stream().allMatch(BindingJob::isFinished));

                    assertThat(polling).allSatisfy(job -> {
                        BindingJob done = second.job(job.id()).orElseThrow();
                        assertThat(done.state()).as("%s", done).isEqualTo(JobState.SUCCEEDED);
                        assertThat(done.polls()).as("polls after the restart").isGreaterThanOrEqualTo(2);
                    });
                    assertThat(queued).allSatisfy(job -> assertThat(state(second, job)).isEqualTo(JobState.CANCELLED));
                    assertThat(api.calls).as("a resumed job never sends").isEmpty();
                } finally {
                    second.shutdown();
                }

                for (SoakRun.Pair pair : binds) {
                    assertThat(JobEmulatorTest.associations(emulator, pair.haVipId(), pair.targetId()))
                            .as("%s bound once", pair).singleElement()
                            .satisfies(a -> assertThat(a.status()).isEqualTo("InUse"));
                }
                for (int i = 0; i < unbindHaVips.size(); i++) {
                    assertThat(JobEmulatorTest.associations(emulator, unbindHaVips.get(i),
                            unbindTargets.get(i).instanceId())).isEmpty();
                }
                for (SoakRun.Pair pair : queuedBehind) {
                    assertThat(JobEmulatorTest.associations(emulator, pair.haVipId(), pair.targetId()))
                            .as("never sent").isEmpty();
                }
                assertThat(log.recover()).isEmpty();
                Map<String, JobHistory> history = new HashMap<>();
                log.history().forEach(h -> history.put(h.job().id(), h));
                for (BindingJob job : polling) {
                    JobState pollingState = job.kind() == JobKind.BIND ? JobState.ASSOCIATING : JobState.UNASSOCIATING;
                    assertThat(history.get(job.id()).transitions()).as("the whole life of %s, across the restart", job)
                            .extracting(JobEvent::seq, JobEvent::to).containsExactly(
                                    tuple(1, JobState.SUBMITTING), tuple(2, pollingState), tuple(3, JobState.SUCCEEDED));
                    assertThat(events.of(job.id())).as("the second run's transitions are in the log")
                            .isEqualTo(history.get(job.id()).transitions().subList(2, 3));
                }
            } finally {
                firstLog.close();
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static JobState state(JobEngine engine, BindingJob job) {
        return engine.job(job.id()).orElseThrow().state();
    }

    /**
     * Answers the first {@code answered} DescribeHaVips calls of each HaVip; the next one hangs
     * until the thread is stopped, like a call in flight when the process dies.
     */
    private static final class PollGate extends CountingEnsApi {
        final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
        private final Map<String, Integer> answeredSoFar = new ConcurrentHashMap<>();
        private final int answered;
        private final CountDownLatch never = new CountDownLatch(1);

        PollGate(EnsApi delegate, int answered) {
            super(delegate);
            this.answered = answered;
        }

        @Override
        public Optional<HaVip> describeHaVip(String haVipId) {
            if (answeredSoFar.merge(haVipId, 1, Integer::sum) <= answered) {
                return super.describeHaVip(haVipId);
            }
            hanging.put(haVipId, true);
            try {
                never.await();
            } catch (InterruptedException killed) {
                Thread.currentThread().interrupt();
            }
            // what the HTTP client reports when its thread is stopped mid-call
            throw new EnsException(EnsError.of("SDK.InterruptedException", "interrupted while waiting for the answer",
                    null, 0));
        }
    }

    /** Passes records to the log until the "process" dies; after that nothing reaches the disk. */
    private static final class DyingJournal implements JobJournal {
        private final JobJournal delegate;
        private volatile boolean dead;

        DyingJournal(JobJournal delegate) {
            this.delegate = delegate;
        }

        void kill() {
            dead = true;
        }

        @Override
        public void recordCreated(BindingJob job) {
            if (!dead) {
                delegate.recordCreated(job);
            }
        }

        @Override
        public void recordTransition(JobEvent event, BindingJob job) {
            if (!dead) {
                delegate.recordTransition(event, job);
            }
        }
    }

    /**
     * Holds the writes of chosen HaVips until the thread is stopped: after sending them (the
     * process dies before the answer is recorded) or before (it dies before they leave).
     */
    private static final class StallingEnsApi extends CountingEnsApi {
        final Map<String, Boolean> stallAfterSending;
        final Map<String, String> stalled = new ConcurrentHashMap<>();
        private final CountDownLatch never = new CountDownLatch(1);

        StallingEnsApi(EnsApi delegate, Map<String, Boolean> stallAfterSending) {
            super(delegate);
            this.stallAfterSending = stallAfterSending;
        }

        @Override
        public String associateHaVip(String haVipId, String targetId, InstanceType type) {
            Boolean afterSending = stallAfterSending.get(haVipId);
            if (afterSending == null) {
                return super.associateHaVip(haVipId, targetId, type);
            }
            if (afterSending) {
                super.associateHaVip(haVipId, targetId, type);
            }
            stalled.put(haVipId, afterSending ? "sent" : "not sent");
            try {
                never.await();
            } catch (InterruptedException killed) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the process was killed");
        }
    }
}
