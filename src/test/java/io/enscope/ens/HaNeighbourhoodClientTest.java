package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.NetworkAttributes;
import io.enscope.ens.model.ResourceTag;
import io.enscope.ens.model.RouteEntry;
import io.enscope.ens.model.VSwitchAttributes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed HA neighbourhood calls of {@link SdkEnsApi} through the real SDK against the emulator's demo. */
class HaNeighbourhoodClientTest {
    private static final Account ADMIN = Account.generate(false);
    private static final Scenario DEMO = DemoScenario.create();

    private static EnsEmulator emulator;
    private static SdkEnsApi api;

    @BeforeAll
    static void start() {
        emulator = EnsEmulator.builder().scenario(DEMO).account(ADMIN).port(0).start();
        EnsClientConfig config = EnsClientConfig.local(emulator.endpoint())
                .withRetry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)));
        api = new SdkEnsApi(config, EnsCredentialsProvider.of(EnsCredentials.of(ADMIN.accessKeyId(),
                ADMIN.accessKeySecret())));
    }

    @AfterAll
    static void stop() {
        api.close();
        emulator.close();
    }

    private static String haVipId(String name) {
        return DEMO.haVips().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().haVipId();
    }

    @Test
    void routeEntriesToHaVipsAreReadWithTheirNextHops() {
        List<RouteEntry> all = api.describeAllRouteEntries(RouteEntryQuery.toHaVips());
        assertThat(all).hasSize(3);
        List<RouteEntry> toLb = api.describeAllRouteEntries(RouteEntryQuery.toHaVip(haVipId("vip-lb-hz")));
        assertThat(toLb).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("to-idc-hz");
            assertThat(r.destinationCidrBlock()).isEqualTo("172.16.0.0/16");
            assertThat(r.routeTableId()).startsWith("vtb-");
            assertThat(r.status()).isEqualTo("Available");
            assertThat(r.creationTime()).isNotNull();
            assertThat(r.leadsTo(haVipId("vip-lb-hz"))).isTrue();
            assertThat(r.nextHops().get(0).name()).isEqualTo("vip-lb-hz");
        });
    }

    @Test
    void routeEntriesArePagedAndAThrottledPageIsRetried() {
        emulator.faults().add(io.enscope.emulator.fault.FaultRule.next("DescribeEnsRouteEntryList",
                io.enscope.emulator.fault.FaultKind.THROTTLING, 1));
        List<RouteEntry> pagedByTen = EnsApi.fetchAllPages(10,
                page -> api.describeRouteEntries(new RouteEntryQuery(null, null, null, null, null), page));
        assertThat(pagedByTen).extracting(RouteEntry::id).doesNotHaveDuplicates()
                .hasSize(DEMO.routeEntries().size());
        try (EnsEmulator large = EnsEmulator.builder().scenario(io.enscope.emulator.scenario.LargeScenario.create(5))
                .account(ADMIN).port(0).start();
             SdkEnsApi largeApi = new SdkEnsApi(EnsClientConfig.local(large.endpoint()),
                     EnsCredentialsProvider.of(EnsCredentials.of(ADMIN.accessKeyId(), ADMIN.accessKeySecret())))) {
            List<RouteEntry> all = EnsApi.fetchAllPages(30, page -> largeApi.describeRouteEntries(
                    RouteEntryQuery.toHaVips(), page));
            assertThat(all).extracting(RouteEntry::id).doesNotHaveDuplicates().hasSize(100);
            assertThat(largeApi.describeAllRouteEntries(RouteEntryQuery.toHaVips())).hasSize(100);
        }
    }

    @Test
    void attributesCarryTheMemberIds() {
        Scenario.HaVipRec vip = DEMO.haVips().get(0);
        VSwitchAttributes vsw = api.describeVSwitchAttributes(vip.vSwitchId());
        assertThat(vsw.haVipIds()).contains(vip.haVipId());
        assertThat(vsw.networkId()).isEqualTo(vip.networkId());
        assertThat(vsw.availableIpAddressCount()).isPositive();
        NetworkAttributes net = api.describeNetworkAttribute(vip.networkId());
        assertThat(net.vSwitchIds()).contains(vip.vSwitchId());
        assertThat(net.haVipIds()).contains(vip.haVipId());
        assertThat(net.routeTableId()).isEqualTo(Scenario.routeTableIdOf(vip.networkId()));
        assertThatThrownBy(() -> api.describeNetworkAttribute("n-nope")).isInstanceOf(EnsException.class)
                .satisfies(e -> assertThat(((EnsException) e).error().code()).isEqualTo("InvalidNetworkId.NotFound"));
    }

    @Test
    void tagsComeFromListTagResourcesAndFromDescribeInstances() {
        List<ResourceTag> rows = api.listAllInstanceTags(List.of());
        assertThat(rows).hasSize(DEMO.instances().stream().mapToInt(i -> i.tags().size()).sum());
        Scenario.InstanceRec first = DEMO.instances().get(0);
        assertThat(api.listAllInstanceTags(List.of(first.instanceId())))
                .extracting(ResourceTag::text).containsExactly("env=prod", "tier=lb", "owner=netops");
        Instance described = api.describeAllInstances(InstanceQuery.all()).stream()
                .filter(i -> i.id().equals(first.instanceId())).findFirst().orElseThrow();
        assertThat(described.tags()).extracting(ResourceTag::text).containsExactly("env=prod", "tier=lb",
                "owner=netops");
    }
}
