package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.HaVipStatuses;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The binding journeys through the job engine, the real SDK and the emulator, in both HaVip
 * status models: the job's outcome and the status the console shows depend only on what both
 * models list (the association's own status and its presence), never on the HaVip-level status.
 */
class HaVipStatusModelsJobTest {
    private static final int POLLS = 3;

    @ParameterizedTest
    @EnumSource(HaVipStatuses.class)
    void bindEndsInUseAndUnbindEndsGone(HaVipStatuses model) throws Exception {
        DemoScenario.Showcase pair = JobEmulatorTest.BIND_INSTANCE;
        try (EnsEmulator emulator = EnsEmulator.builder().scenario(DemoScenario.create()).haVipStatuses(model)
                .timings(Timings.all(TransitionTiming.afterPolls(POLLS))).port(0).start();
             SdkEnsApi api = JobEmulatorTest.sdk(emulator, Duration.ofSeconds(5))) {
            List<HaVip> reads = new CopyOnWriteArrayList<>();
            JobEngine engine = JobEngine.builder(api).pollPolicy(JobEmulatorTest.fastPolicy()).parallelism(2).build();
            engine.addListener(new JobListener() {
                @Override
                public void jobChanged(JobEvent event, BindingJob job) {
                }

                @Override
                public void haVipRead(HaVipRead read) {
                    read.haVip().ifPresent(reads::add);
                }
            });
            try {
                BindingJob bind = finished(engine, engine.submitBind(pair.haVipId(), pair.targetId(),
                        JobEmulatorTest.typeOf(pair)));
                assertThat(bind.state()).isEqualTo(JobState.SUCCEEDED);
                assertThat(bind.polls()).isEqualTo(POLLS);
                HaVip during = reads.get(0);
                assertThat(during.association(pair.targetId()).orElseThrow().status())
                        .isEqualTo(AssociationStatus.ASSOCIATING);
                assertThat(during.status()).as("the HaVip-level status of the model")
                        .isEqualTo(model == HaVipStatuses.TRANSITIONAL ? HaVipStatus.ASSOCIATING : HaVipStatus.IN_USE);
                assertThat(during.liveStatus()).as("what the console shows, in both models")
                        .isEqualTo(HaVipStatus.ASSOCIATING);
                HaVip bound = api.describeHaVip(pair.haVipId()).orElseThrow();
                assertThat(bound.status()).isEqualTo(HaVipStatus.IN_USE);
                assertThat(bound.association(pair.targetId()).orElseThrow().status())
                        .isEqualTo(AssociationStatus.IN_USE);

                reads.clear();
                BindingJob unbind = finished(engine, engine.submitUnbind(pair.haVipId(), pair.targetId()));
                assertThat(unbind.state()).isEqualTo(JobState.SUCCEEDED);
                HaVip leaving = reads.get(0);
                assertThat(leaving.association(pair.targetId()).orElseThrow().status())
                        .isEqualTo(AssociationStatus.UNASSOCIATING);
                assertThat(leaving.status()).isEqualTo(model == HaVipStatuses.TRANSITIONAL
                        ? HaVipStatus.UNASSOCIATING : HaVipStatus.IN_USE);
                assertThat(leaving.liveStatus()).isEqualTo(HaVipStatus.UNASSOCIATING);
                Optional<HaVip> after = api.describeHaVip(pair.haVipId());
                assertThat(after.orElseThrow().association(pair.targetId())).isEmpty();
                assertThat(after.get().status()).isEqualTo(HaVipStatus.AVAILABLE);
            } finally {
                engine.shutdown();
            }
        }
    }

    private static BindingJob finished(JobEngine engine, BindingJob job) {
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.job(job.id()).orElseThrow().isFinished());
        return engine.job(job.id()).orElseThrow();
    }
}
