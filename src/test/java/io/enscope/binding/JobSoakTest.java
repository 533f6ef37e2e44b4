package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.binding.JobEmulatorTest.CountingEnsApi;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.InstanceType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small soak: about forty bind and unbind jobs over several demo HaVips, with the fault plan
 * throttling, failing, dropping and slowing calls at random. Every job must end in the state the
 * emulator really has, no association may be requested twice, and the activity log must hold
 * every job and transition.
 */
class JobSoakTest {

    private static final Logger LOG = LoggerFactory.getLogger(JobSoakTest.class);
    private static final int HAVIPS = 6;
    private static final int JOBS_PER_HAVIP = 7;

    @TempDir
    Path dataDir;

    /** An HaVip of the demo and a target it can be bound to. */
    private record Pair(String haVipId, String targetId) {
    }

    @Test
    void everyJobEndsInTheEmulatorsRealStateUnderRandomFaults() throws Exception {
        try (EnsEmulator emulator = EnsEmulator.builder().scenario(DemoScenario.create()).seed(7)
                .timings(Timings.all(TransitionTiming.afterPolls(2))).port(0).start();
                SdkEnsApi sdk = JobEmulatorTest.sdk(emulator, Duration.ofSeconds(1));
                ActivityLog log = ActivityLog.open(dataDir)) {
            List<Pair> pairs = pairs(emulator.state().snapshot());
            assertThat(pairs).hasSize(HAVIPS);
            emulator.faults().add(FaultRule.probability("*", FaultKind.THROTTLING, 0.10)
                    .withDelay(Duration.ofMillis(50)));
            emulator.faults().add(FaultRule.probability("*", FaultKind.SYSTEM_ERROR, 0.02));
            emulator.faults().add(FaultRule.probability("*", FaultKind.DROP_AFTER_WRITE, 0.01));
            emulator.faults().add(FaultRule.probability("*", FaultKind.SLOW, 0.02)
                    .withDelay(Duration.ofMillis(1500)));

            CountingEnsApi api = new CountingEnsApi(sdk);
            JobEngineTest.EventRecorder events = new JobEngineTest.EventRecorder();
            JobEngine engine = JobEngine.builder(api).pollPolicy(JobEmulatorTest.fastPolicy()).parallelism(4)
                    .journal(log).build();
            engine.addListener(events);
            Map<String, List<BindingJob>> jobsByHaVip = new LinkedHashMap<>();
            try {
                for (int round = 0; round < JOBS_PER_HAVIP; round++) {
                    for (Pair pair : pairs) {
                        BindingJob job = round % 2 == 0
                                ? engine.submitBind(pair.haVipId(), pair.targetId(), InstanceType.ENS_INSTANCE)
                                : engine.submitUnbind(pair.haVipId(), pair.targetId());
                        jobsByHaVip.computeIfAbsent(pair.haVipId(), id -> new ArrayList<>()).add(job);
                    }
                }
                await().atMost(Duration.ofSeconds(45))
                        .until(() -> engine.jobs().stream().allMatch(BindingJob::isFinished));
            } finally {
                engine.shutdown();
            }
            assertThat(engine.awaitTermination(Duration.ofSeconds(5))).isTrue();

            List<BindingJob> finished = engine.jobs();
            Map<String, Long> outcomes = finished.stream().collect(Collectors.groupingBy(
                    job -> job.state() + (job.errorCode() == null ? "" : " " + job.errorCode()), TreeMap::new,
                    Collectors.counting()));
            Map<String, Long> writeOutcomes = api.calls.stream().collect(Collectors.groupingBy(
                    call -> call.action() + " " + call.outcome(), TreeMap::new, Collectors.counting()));
            LOG.info("soak: {} jobs, outcomes {}, writes {}, reads {}", finished.size(), outcomes, writeOutcomes,
                    api.reads.get());

            assertThat(finished).hasSize(HAVIPS * JOBS_PER_HAVIP);
            assertThat(finished).extracting(BindingJob::state).isSubsetOf(JobState.SUCCEEDED, JobState.FAILED);

            Scenario truth = emulator.state().snapshot();
            for (Pair pair : pairs) {
                boolean bound = false;
                for (BindingJob submitted : jobsByHaVip.get(pair.haVipId())) {
                    BindingJob job = engine.job(submitted.id()).orElseThrow();
                    boolean bind = job.kind() == JobKind.BIND;
                    if (job.state() == JobState.SUCCEEDED) {
                        assertThat(bound).as("%s succeeded from the state it wanted to leave", job).isNotEqualTo(bind);
                        bound = bind;
                    } else if ("InstanceAlreadyAssociated".equals(job.errorCode())) {
                        assertThat(bound).as("%s: the jobs before it said it was bound", job).isTrue();
                    } else if ("InstanceNotAssociated".equals(job.errorCode())) {
                        assertThat(bound).as("%s: the jobs before it said it was unbound", job).isFalse();
                    } else {
                        // A transitional association left behind would show as one of these.
                        assertThat(job.errorCode()).as("%s", job).isNotIn("IncorrectHaVipStatus",
                                "IncorrectInstanceAssociationStatus", JobErrors.UNEXPECTED_STATE, JobErrors.INTERNAL);
                    }
                }
                List<Scenario.AssociationRec> real = JobEmulatorTest.associations(emulator, pair.haVipId(),
                        pair.targetId());
                if (bound) {
                    assertThat(real).as("%s", pair).singleElement()
                            .satisfies(a -> assertThat(a.status()).isEqualTo("InUse"));
                } else {
                    assertThat(real).as("%s", pair).isEmpty();
                }
                long binds = jobsByHaVip.get(pair.haVipId()).stream()
                        .map(job -> engine.job(job.id()).orElseThrow())
                        .filter(job -> job.kind() == JobKind.BIND && !"Throttling.User".equals(job.errorCode()))
                        .count();
                long sentOnce = api.writes("AssociateHaVip").stream()
                        .filter(call -> call.haVipId().equals(pair.haVipId()))
                        .filter(call -> !call.outcome().equals("Throttling.User"))
                        .count();
                assertThat(sentOnce).as("AssociateHaVip calls that were not throttled for %s", pair).isEqualTo(binds);
            }
            assertThat(truth.haVips()).allSatisfy(h -> assertThat(h.associatedInstances().stream()
                    .map(Scenario.AssociationRec::instanceId).distinct().count())
                    .isEqualTo(h.associatedInstances().size()));

            List<JobHistory> history = log.history();
            assertThat(log.warnings()).isEmpty();
            assertThat(history).extracting(h -> h.job().id())
                    .containsExactlyInAnyOrderElementsOf(finished.stream().map(BindingJob::id).toList());
            for (JobHistory entry : history) {
                BindingJob job = engine.job(entry.job().id()).orElseThrow();
                assertThat(entry.transitions()).as("transitions of %s", job).isEqualTo(events.of(job.id()));
                assertThat(entry.job().state()).isEqualTo(job.state());
                assertThat(entry.job().haVipId()).isEqualTo(job.haVipId());
                assertThat(entry.job().targetId()).isEqualTo(job.targetId());
            }
            assertThat(log.recover()).isEmpty();
        }
    }

    /**
     * HaVips in a stable state with room for one more association, each with a Running instance of
     * its VSwitch that is not bound to it and holds few HaVips; no target is used twice.
     */
    private static List<Pair> pairs(Scenario scenario) {
        Map<String, Integer> haVipsPerTarget = new HashMap<>();
        for (Scenario.HaVipRec haVip : scenario.haVips()) {
            for (Scenario.AssociationRec association : haVip.associatedInstances()) {
                haVipsPerTarget.merge(association.instanceId(), 1, Integer::sum);
            }
        }
        Set<String> used = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (Scenario.HaVipRec haVip : scenario.haVips()) {
            boolean stable = ("Available".equals(haVip.status()) || "InUse".equals(haVip.status()))
                    && haVip.associatedInstances().stream().allMatch(a -> "InUse".equals(a.status()))
                    && haVip.associatedInstances().size() < 8;
            if (!stable) {
                continue;
            }
            Set<String> bound = haVip.associatedInstances().stream().map(Scenario.AssociationRec::instanceId)
                    .collect(Collectors.toSet());
            scenario.instances().stream()
                    .filter(i -> i.vSwitchId().equals(haVip.vSwitchId()) && "Running".equals(i.status()))
                    .filter(i -> !bound.contains(i.instanceId()) && !used.contains(i.instanceId()))
                    .filter(i -> haVipsPerTarget.getOrDefault(i.instanceId(), 0) < 3)
                    .findFirst()
                    .ifPresent(i -> {
                        used.add(i.instanceId());
                        pairs.add(new Pair(haVip.haVipId(), i.instanceId()));
                    });
            if (pairs.size() == HAVIPS) {
                break;
            }
        }
        return pairs;
    }
}
