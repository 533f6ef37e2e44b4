package io.enscope.emulator.scenario;

import io.enscope.emulator.Account;
import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.ops.EmulatorState;
import io.enscope.emulator.ops.EnsOperations;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class DemoScenarioTest {
    private static final Account ADMIN = new Account("ak", "sk", false);
    /** Every AssociateHaVip outcome that depends on the data rather than on the request or caller. */
    private static final Set<String> DATA_OUTCOMES = Set.of(DemoScenario.SUCCESS, "IncorrectHaVipStatus",
            "NetworkInterfaceTypeNotSupported", "IncorrectInstanceStatus", "IncorrectNetworkInterfaceStatus",
            "IncorrectInstanceVSwitch", "InstanceAlreadyAssociated", "CountLimitExceed.InstanceOnHaVip",
            "CountLimitExceed.HaVipOnInstance");

    private final Scenario demo = DemoScenario.create();

    @Test
    void loadsIntoTheEmulator() {
        assertThatCode(() -> ScenarioChecks.load(demo)).doesNotThrowAnyException();
        EmulatorState.Counts counts = ScenarioChecks.load(demo).counts();
        assertThat(counts.instances()).isEqualTo(demo.instances().size());
        assertThat(counts.haVips()).isEqualTo(demo.haVips().size());
    }

    @Test
    void isDeterministic() {
        assertThat(DemoScenario.create()).isEqualTo(demo);
    }

    @Test
    void hasTheShapeOfASmallEdgeDeployment() {
        assertThat(demo.regions()).hasSizeBetween(2, 4);
        assertThat(demo.regions()).allSatisfy(r -> {
            assertThat(r.ensRegionId()).matches("cn-[a-z]+-(telecom|unicom|cmcc)");
            assertThat(r.name()).isNotBlank();
            assertThat(r.enName()).isNotBlank();
            assertThat(r.area()).isNotBlank();
            assertThat(r.province()).isNotBlank();
        });
        Map<String, Long> networksPerRegion = demo.networks().stream()
                .collect(Collectors.groupingBy(Scenario.NetworkRec::ensRegionId, Collectors.counting()));
        assertThat(networksPerRegion.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
        Map<String, Long> vSwitchesPerNetwork = demo.vSwitches().stream()
                .collect(Collectors.groupingBy(Scenario.VSwitchRec::networkId, Collectors.counting()));
        assertThat(vSwitchesPerNetwork.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 3L));
        assertThat(demo.instances()).hasSizeBetween(30, 60);
        assertThat(demo.instances()).extracting(InstanceRec::instanceName).doesNotHaveDuplicates();
        assertThat(demo.instances()).extracting(InstanceRec::osName)
                .contains("CentOS 7.9 64位", "Ubuntu 22.04 64位");
        assertThat(demo.instances()).filteredOn(i -> i.publicIpAddress() != null).isNotEmpty();
        assertThat(demo.instances()).filteredOn(i -> i.publicIpAddress() == null).isNotEmpty();
    }

    @Test
    void hasInstancesAndEnisInTheirStatuses() {
        assertThat(demo.instances()).extracting(InstanceRec::status)
                .contains("Running", "Stopped", "Expired");
        assertThat(demo.networkInterfaces()).extracting(EniRec::type).contains("Primary", "Secondary");
        List<EniRec> secondaries = demo.networkInterfaces().stream().filter(e -> "Secondary".equals(e.type()))
                .toList();
        assertThat(secondaries).hasSizeBetween(15, 30);
        assertThat(secondaries.stream().map(EniRec::status).collect(Collectors.toSet()))
                .hasSizeGreaterThanOrEqualTo(3)
                .contains("InUse", "Available", "Attaching", "Detaching", "Deleting");
    }

    @Test
    void hasHaVipsInEveryState() {
        assertThat(demo.haVips()).extracting(HaVipRec::status)
                .contains("Available", "InUse", "Creating", "Deleting", "Associating");
        assertThat(demo.haVips()).flatExtracting(HaVipRec::associatedInstances)
                .extracting(Scenario.AssociationRec::status).contains("Associating", "InUse");
        assertThat(demo.haVips()).flatExtracting(HaVipRec::associatedInstances)
                .extracting(Scenario.AssociationRec::instanceType).contains("EnsInstance", "NetworkInterface");
        assertThat(demo.haVips()).anySatisfy(h -> assertThat(h.associatedInstances()).hasSize(10));
    }

    @Test
    void isConsistent() {
        ScenarioChecks.checkConsistency(demo);
    }

    @Test
    void transitionalStatesFinishAtTheFirstPoll() {
        EmulatorState state = ScenarioChecks.load(demo);
        EnsOperations ops = new EnsOperations(state);
        ops.execute("DescribeHaVips", new Params(Map.of("PageSize", "100")), ADMIN);
        Scenario after = state.snapshot();
        assertThat(after.haVips()).extracting(HaVipRec::status).doesNotContain("Associating", "Creating", "Deleting");
        assertThat(after.haVips()).hasSize(demo.haVips().size() - 1);
    }

    static List<DemoScenario.Showcase> showcases() {
        return DemoScenario.showcases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("showcases")
    void eachShowcaseProducesItsOutcome(DemoScenario.Showcase showcase) {
        assertThat(associate(showcase.haVipId(), showcase.targetId(), showcase.instanceType()))
                .as(showcase.why()).isEqualTo(showcase.outcome());
    }

    @Test
    void showcasesCoverEveryDataDependentOutcome() {
        assertThat(DemoScenario.showcases()).extracting(DemoScenario.Showcase::outcome)
                .containsAll(DATA_OUTCOMES);
    }

    /** Tries every (HaVip, target) pair of the demo, each on a fresh emulator, and collects the outcomes. */
    @Test
    void everyDataDependentOutcomeOccursAmongAllPairs() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (HaVipRec h : demo.haVips()) {
            for (InstanceRec i : demo.instances()) {
                outcomes.putIfAbsent(associate(h.haVipId(), i.instanceId(), "EnsInstance"),
                        h.name() + " + " + i.instanceName());
            }
            for (EniRec e : demo.networkInterfaces()) {
                outcomes.putIfAbsent(associate(h.haVipId(), e.networkInterfaceId(), "NetworkInterface"),
                        h.name() + " + " + e.networkInterfaceName());
            }
        }
        assertThat(outcomes.keySet()).containsAll(DATA_OUTCOMES);
        Set<String> unexpected = new HashSet<>(outcomes.keySet());
        unexpected.removeAll(DATA_OUTCOMES);
        assertThat(unexpected).as("outcomes that the data should not produce").isEmpty();
    }

    private String associate(String haVipId, String targetId, String type) {
        EnsOperations ops = new EnsOperations(ScenarioChecks.load(demo));
        try {
            ops.execute("AssociateHaVip", new Params(Map.of("HaVipId", haVipId, "InstanceId", targetId,
                    "InstanceType", type)), ADMIN);
            return DemoScenario.SUCCESS;
        } catch (ApiException e) {
            return e.code();
        }
    }
}
