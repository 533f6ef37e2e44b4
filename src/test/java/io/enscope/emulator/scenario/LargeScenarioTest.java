package io.enscope.emulator.scenario;

import io.enscope.emulator.ops.EmulatorState;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LargeScenarioTest {
    private static final long SEED = 20_261_127L;
    /** Time of the first generation in this JVM: class loading and interpreted code included. */
    private static final long COLD_NANOS;
    private static final Scenario LARGE;

    static {
        long start = System.nanoTime();
        LARGE = LargeScenario.create(SEED);
        COLD_NANOS = System.nanoTime() - start;
    }

    @Test
    void meetsTheSizeThresholds() {
        assertThat(LARGE.instances()).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(LARGE.networkInterfaces()).hasSizeGreaterThanOrEqualTo(20_000);
        assertThat(LARGE.haVips()).hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(LARGE.vSwitches()).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(LARGE.regions()).hasSize(LargeScenario.REGIONS);
    }

    @Test
    void isDeterministicPerSeed() {
        assertThat(LargeScenario.create(SEED)).isEqualTo(LARGE);
        Scenario other = LargeScenario.create(SEED + 1);
        assertThat(other).isNotEqualTo(LARGE);
        assertThat(other.instances().get(0).instanceId()).isNotEqualTo(LARGE.instances().get(0).instanceId());
    }

    @Test
    void loadsIntoTheEmulator() {
        EmulatorState.Counts counts = ScenarioChecks.load(LARGE).counts();
        assertThat(counts.instances()).isEqualTo(LARGE.instances().size());
        assertThat(counts.networkInterfaces()).isEqualTo(LARGE.networkInterfaces().size());
        assertThat(counts.haVips()).isEqualTo(LARGE.haVips().size());
        assertThat(counts.vSwitches()).isEqualTo(LARGE.vSwitches().size());
    }

    @Test
    void isConsistent() {
        ScenarioChecks.checkConsistency(LARGE);
    }

    @Test
    void mixesStatusesRealistically() {
        Map<String, Long> instances = histogram(LARGE, InstanceRec::status);
        assertThat(instances.get("Running")).isGreaterThan(LARGE.instances().size() * 3L / 4);
        assertThat(instances).containsKeys("Stopped", "Expired");
        Map<String, Long> enis = LARGE.networkInterfaces().stream().filter(e -> "Secondary".equals(e.type()))
                .collect(Collectors.groupingBy(EniRec::status, Collectors.counting()));
        assertThat(enis).containsKeys("InUse", "Available", "Attaching", "Detaching", "Deleting");
        assertThat(enis.get("InUse") + enis.get("Available")).isGreaterThan(LARGE.instances().size() * 8L / 10);
        Map<String, Long> haVips = LARGE.haVips().stream()
                .collect(Collectors.groupingBy(HaVipRec::status, Collectors.counting()));
        assertThat(haVips).containsKeys("Available", "InUse", "Associating", "Creating", "Deleting");
        assertThat(haVips.get("InUse")).isGreaterThan(LARGE.haVips().size() / 2L);
        assertThat(LARGE.haVips()).flatExtracting(HaVipRec::associatedInstances)
                .extracting(Scenario.AssociationRec::instanceType).contains("EnsInstance", "NetworkInterface");
    }

    /** A sanity bound only; the real figure is printed and the budget is checked by benchmarks. */
    @Test
    void generatesQuickly() {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            Scenario s = LargeScenario.create(run);
            best = Math.min(best, System.nanoTime() - start);
            assertThat(s.instances()).hasSize(10_000);
        }
        System.out.printf("LargeScenario.create: cold %d ms, warm best of 5 %d ms%n", COLD_NANOS / 1_000_000,
                best / 1_000_000);
        assertThat(COLD_NANOS).isLessThan(10_000_000_000L);
    }

    private static Map<String, Long> histogram(Scenario s, Function<InstanceRec, String> key) {
        return s.instances().stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
