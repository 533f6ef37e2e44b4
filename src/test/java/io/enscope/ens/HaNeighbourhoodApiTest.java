package io.enscope.ens;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.model.Eip;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SecurityGroupRule;
import io.enscope.ens.model.SystemEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed EIP, security-group and event calls of {@link SdkEnsApi}, through the SDK, on the demo with HaVip EIPs. */
class HaNeighbourhoodApiTest {
    private static final Scenario DEMO = DemoScenario.create(true);
    private static EnsEmulator emulator;
    private static SdkEnsApi api;

    @BeforeAll
    static void start() {
        emulator = EnsEmulator.builder().scenario(DEMO).timings(Timings.all(TransitionTiming.afterPolls(1)))
                .eipOnHaVip(true).account(Account.generate(false)).port(0).start();
        Account admin = emulator.adminAccount();
        api = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint())
                .withRetry(new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60))),
                EnsCredentialsProvider.of(EnsCredentials.of(admin.accessKeyId(), admin.accessKeySecret())),
                d -> { });
    }

    @AfterAll
    static void stop() {
        api.close();
        emulator.close();
    }

    @Test
    void eipsAreReadTypedAndPaged() {
        List<String> regions = DEMO.regions().stream().map(r -> r.ensRegionId()).toList();
        List<Eip> all = EnsApi.fetchAllPages(3, page -> api.describeEips(EipQuery.inRegions(regions), page));
        assertThat(all).hasSize(DEMO.eips().size());
        Eip bound = all.stream().filter(e -> "EnsInstance".equals(e.instanceType())).findFirst().orElseThrow();
        assertThat(bound.status()).isEqualTo("InUse");
        assertThat(bound.instanceId()).startsWith("i-");
        assertThat(bound.bandwidth()).isEqualTo(50);
        assertThat(bound.allocationTime()).isNotNull();
        Eip free = all.stream().filter(e -> "Available".equals(e.status())).findFirst().orElseThrow();
        assertThat(free.instanceId()).as("an empty InstanceId is no binding").isNull();

        List<Eip> two = api.describeEips(new EipQuery(List.of(), List.of(bound.allocationId(), free.allocationId()),
                null), PageRequest.first(10)).items();
        assertThat(two).extracting(Eip::allocationId).containsExactlyInAnyOrder(bound.allocationId(),
                free.allocationId());
    }

    @Test
    void anEipBindsAndUnbindsThroughTheTypedCalls() {
        Eip free = api.describeEips(EipQuery.inRegions(List.of("cn-hangzhou-telecom")), PageRequest.first(100))
                .items().stream().filter(e -> "Available".equals(e.status())).findFirst().orElseThrow();
        Instance target = api.describeAllInstances(InstanceQuery.builder().regionIds(List.of("cn-hangzhou-telecom"))
                .build()).get(0);
        api.associateEip(free.allocationId(), target.id(), null);
        EipQuery one = new EipQuery(List.of(), List.of(free.allocationId()), null);
        assertThat(api.describeEips(one, PageRequest.first(10)).items().get(0).status()).isEqualTo("InUse");
        api.unassociateEip(free.allocationId());
        assertThat(api.describeEips(one, PageRequest.first(10)).items().get(0).status()).isEqualTo("Available");
        assertThatThrownBy(() -> api.unassociateEip(free.allocationId())).isInstanceOf(EnsException.class)
                .satisfies(e -> assertThat(((EnsException) e).error().code()).isEqualTo("IncorrectEipStatus"));
    }

    @Test
    void haVipsCarryTheirEipsAndInstancesTheirSecurityGroups() {
        List<HaVip> haVips = api.describeAllHaVips(HaVipQuery.all());
        assertThat(haVips).anyMatch(h -> !h.eips().isEmpty() && h.eips().get(0).eipId().startsWith("eip-")
                && h.eips().get(0).ipAddress().startsWith("47."));
        Instance instance = api.describeAllInstances(InstanceQuery.builder().build()).get(0);
        assertThat(instance.securityGroupIds()).hasSize(1).allMatch(id -> id.startsWith("sg-"));
    }

    @Test
    void securityGroupsAndTheirRulesAreRead() {
        List<SecurityGroup> groups = EnsApi.fetchAllPages(2,
                page -> api.describeSecurityGroups(SecurityGroupQuery.all(), page));
        assertThat(groups).hasSize(DEMO.securityGroups().size());
        assertThat(groups.get(0).instanceIds()).isNotEmpty();
        List<SecurityGroupRule> rules = api.describeSecurityGroupRules(groups.get(0).id());
        assertThat(rules).anyMatch(r -> r.isIngress() && r.accepts() && "ALL".equals(r.ipProtocol()));
        assertThat(rules).anyMatch(r -> groups.get(0).id().equals(r.sourceGroupId()));
        assertThatThrownBy(() -> api.describeSecurityGroupRules("sg-missing")).isInstanceOf(EnsException.class);
    }

    @Test
    void upcomingHaEventsOfMembersAreReadCommaJoined() {
        List<String> members = DEMO.events().stream().map(e -> e.resourceId()).toList();
        List<SystemEvent> events = EnsApi.fetchAllPages(2,
                page -> api.describeEvents(EventQuery.upcomingHaEvents(members), page));
        long upcoming = DEMO.events().stream().filter(e -> SystemEvent.UPCOMING_STATUSES.contains(e.eventStatus()))
                .count();
        assertThat(events).hasSize((int) upcoming).isNotEmpty().allMatch(SystemEvent::isUpcoming);
        SystemEvent redeploy = events.stream().filter(e -> e.type().equals("Instance:SystemMaintenance.Redeploy"))
                .findFirst().orElseThrow();
        assertThat(redeploy.notBefore()).isNotNull();
        assertThat(redeploy.resourceId()).startsWith("i-");
        assertThatThrownBy(() -> new EventQuery(List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
