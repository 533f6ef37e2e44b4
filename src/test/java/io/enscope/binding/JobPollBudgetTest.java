package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.SdkEnsApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the design budget "a bind whose association takes D seconds is shown InUse within
 * D + 0.5 s, using ≤ 6 DescribeHaVips calls for D = 5 s" with the default poll policy, the real
 * SDK and an emulator whose associations take exactly 5 s. A measurement, not a timed assertion:
 * it runs only in the benchmark tier ({@code mvn -Pbench test}) and logs what it saw.
 */
@Tag("benchmark")
class JobPollBudgetTest {

    private static final Logger LOG = LoggerFactory.getLogger(JobPollBudgetTest.class);

    @Test
    void measureTimeToInUseAndPollsForAFiveSecondBinding() {
        Timings fiveSeconds = Timings.all(TransitionTiming.fixed(Duration.ofSeconds(5)));
        List<DemoScenario.Showcase> pairs = List.of(JobEmulatorTest.showcase(DemoScenario.SUCCESS, 0),
                JobEmulatorTest.showcase(DemoScenario.SUCCESS, 2));
        try (EnsEmulator emulator = EnsEmulator.builder().scenario(DemoScenario.create()).timings(fiveSeconds)
                .port(0).start();
                SdkEnsApi sdk = JobEmulatorTest.sdk(emulator, Duration.ofSeconds(10))) {
            // Warm the SDK, signer and connection pool, so that the figure is not a cold start's.
            sdk.describeHaVip(pairs.get(0).haVipId());
            JobEngine engine = JobEngine.builder(sdk).build();
            Map<String, Instant> accepted = new ConcurrentHashMap<>();
            Map<String, Instant> succeeded = new ConcurrentHashMap<>();
            engine.addListener((event, job) -> {
                if (event.to() == JobState.ASSOCIATING) {
                    accepted.put(job.id(), event.at());
                } else if (event.to() == JobState.SUCCEEDED) {
                    succeeded.put(job.id(), event.at());
                }
            });
            try {
                for (DemoScenario.Showcase pair : pairs) {
                    Instant submitted = Instant.now();
                    BindingJob job = engine.submitBind(pair.haVipId(), pair.targetId(),
                            JobEmulatorTest.typeOf(pair));
                    await().atMost(Duration.ofSeconds(20)).until(() -> succeeded.containsKey(job.id()));
                    BindingJob done = engine.job(job.id()).orElseThrow();
                    LOG.info("D = 5 s, default policy {}: submit → InUse shown {} ms, accepted → InUse {} ms, "
                                    + "{} DescribeHaVips calls",
                            engine.pollPolicy().pollTimes(6),
                            Duration.between(submitted, succeeded.get(job.id())).toMillis(),
                            Duration.between(accepted.get(job.id()), succeeded.get(job.id())).toMillis(),
                            done.polls());
                    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
                }
            } finally {
                engine.shutdown();
            }
        }
    }
}
