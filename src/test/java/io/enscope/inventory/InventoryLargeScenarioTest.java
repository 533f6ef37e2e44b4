package io.enscope.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One full load of the {@code large} scenario through the real SDK: every page of every listing. */
class InventoryLargeScenarioTest {

    @Test
    void theLargeScenarioIsLoadedCompletely() {
        Scenario large = LargeScenario.create(42);
        try (EnsEmulator emulator = EnsEmulator.builder()
                .scenario(large)
                .timings(Timings.all(TransitionTiming.fixed(Duration.ofHours(1))))
                .account(Account.generate(false))
                .port(0)
                .start();
             SdkEnsApi sdk = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint()).withPacing(PacingSettings.off()),
                     EnsCredentialsProvider.of(EnsCredentials.of(emulator.adminAccount().accessKeyId(),
                             emulator.adminAccount().accessKeySecret())))) {
            CountingEnsApi api = new CountingEnsApi(sdk);

            Inventory inventory = new InventoryLoader(api).load(List.of());

            assertThat(inventory.regions()).hasSize(large.regions().size());
            assertThat(inventory.networks()).hasSize(large.networks().size());
            assertThat(inventory.vSwitches()).hasSize(large.vSwitches().size()).hasSizeGreaterThanOrEqualTo(1_000);
            assertThat(inventory.instances()).hasSize(large.instances().size()).hasSizeGreaterThanOrEqualTo(10_000);
            assertThat(inventory.networkInterfaces()).hasSize(large.networkInterfaces().size())
                    .hasSizeGreaterThanOrEqualTo(20_000);
            assertThat(inventory.haVips()).hasSize(large.haVips().size()).hasSizeGreaterThanOrEqualTo(2_000);

            assertThat(api.calls(EnsOperation.DESCRIBE_INSTANCES))
                    .isEqualTo(pages(large.instances().size(), EnsOperation.DESCRIBE_INSTANCES));
            assertThat(api.calls(EnsOperation.DESCRIBE_NETWORK_INTERFACES))
                    .isEqualTo(pages(large.networkInterfaces().size(), EnsOperation.DESCRIBE_NETWORK_INTERFACES));
            assertThat(api.calls(EnsOperation.DESCRIBE_HAVIPS))
                    .isEqualTo(pages(large.haVips().size(), EnsOperation.DESCRIBE_HAVIPS));
            assertThat(api.maxInFlight()).isLessThanOrEqualTo(LoadOptions.DEFAULT_PARALLELISM);

            // The vSwitch index agrees with the scenario for every vSwitch.
            Map<String, Long> instancesPerVSwitch = large.instances().stream()
                    .collect(Collectors.groupingBy(Scenario.InstanceRec::vSwitchId, Collectors.counting()));
            Map<String, Long> enisPerVSwitch = large.networkInterfaces().stream()
                    .collect(Collectors.groupingBy(Scenario.EniRec::vSwitchId, Collectors.counting()));
            Map<String, Long> haVipsPerVSwitch = large.haVips().stream()
                    .collect(Collectors.groupingBy(Scenario.HaVipRec::vSwitchId, Collectors.counting()));
            for (Scenario.VSwitchRec vs : large.vSwitches()) {
                VSwitchCounts counts = inventory.countsIn(vs.vSwitchId());
                assertThat(counts.instances()).isEqualTo(count(instancesPerVSwitch, vs));
                assertThat(counts.networkInterfaces()).isEqualTo(count(enisPerVSwitch, vs));
                assertThat(counts.haVips()).isEqualTo(count(haVipsPerVSwitch, vs));
            }
            Map<String, Long> haVipsPerTarget = large.haVips().stream()
                    .flatMap(h -> h.associatedInstances().stream())
                    .collect(Collectors.groupingBy(Scenario.AssociationRec::instanceId, Collectors.counting()));
            assertThat(haVipsPerTarget).isNotEmpty();
            haVipsPerTarget.forEach((target, count) -> assertThat(inventory.haVipCountOf(target)).as(target).isEqualTo(count.intValue()));
            assertThat(byId(inventory.instances(), Instance::id)).hasSize(inventory.instances().size());
            assertThat(byId(inventory.networkInterfaces(), NetworkInterface::id))
                    .hasSize(inventory.networkInterfaces().size());
            assertThat(byId(inventory.haVips(), HaVip::id)).hasSize(inventory.haVips().size());
        }
    }

    private static int count(Map<String, Long> counts, Scenario.VSwitchRec vs) {
        return counts.getOrDefault(vs.vSwitchId(), 0L).intValue();
    }

    private static int pages(int items, EnsOperation operation) {
        return Math.max(1, (items + operation.maxPageSize() - 1) / operation.maxPageSize());
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
