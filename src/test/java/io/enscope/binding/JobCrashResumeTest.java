package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.enscope.binding.JobEmulatorTest.CountingEnsApi;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.EnsApi;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.InstanceType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    private static JobState state(JobEngine engine, BindingJob job) {
        return engine.job(job.id()).orElseThrow().state();
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
