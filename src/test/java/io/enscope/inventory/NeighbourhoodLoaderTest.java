package io.enscope.inventory;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsException;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.RetrySettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.SystemEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NeighbourhoodLoader} through the real SDK against the emulator: every page of the EIPs,
 * security groups and events is read, and a section that fails leaves the others and names its error.
 */
class NeighbourhoodLoaderTest {
    private static final Scenario DEMO = DemoScenario.create(true);

    private EnsEmulator emulator;
    private SdkEnsApi sdk;

    private CountingEnsApi start(FaultRule... faults) {
        EnsEmulator.Builder builder = EnsEmulator.builder().scenario(DEMO)
                .timings(Timings.all(TransitionTiming.fixed(Duration.ofHours(1))))
                .account(Account.generate(false)).port(0);
        for (FaultRule fault : faults) {
            builder.fault(fault);
        }
        emulator = builder.start();
        Account admin = emulator.adminAccount();
        sdk = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint())
                .withRetry(new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5))),
                EnsCredentialsProvider.of(EnsCredentials.of(admin.accessKeyId(), admin.accessKeySecret())));
        return new CountingEnsApi(sdk);
    }

    @AfterEach
    void stop() {
        sdk.close();
        emulator.close();
    }

    @Test
    void everyPageOfEachSectionIsRead() throws Exception {
        CountingEnsApi api = start();
        Inventory inventory = new InventoryLoader(api).load(List.of());
        api.resetCounts();

        Neighbourhood read = new NeighbourhoodLoader(api, 4, 3).start(inventory, List.of()).get(30, TimeUnit.SECONDS);

        assertThat(read.eips().failed()).isFalse();
        assertThat(read.eips().items()).hasSize(DEMO.eips().size());
        assertThat(api.calls(EnsOperation.DESCRIBE_EIP_ADDRESSES)).isEqualTo((DEMO.eips().size() + 2) / 3);
        assertThat(read.securityGroups().items()).hasSize(DEMO.securityGroups().size());
        long upcoming = DEMO.events().stream().filter(e -> SystemEvent.UPCOMING_STATUSES.contains(e.eventStatus()))
                .count();
        assertThat(read.events().items()).hasSize((int) upcoming).allMatch(SystemEvent::isUpcoming);
        String member = read.events().items().get(0).resourceId();
        assertThat(read.eventsOf(List.of(member))).isNotEmpty();
        assertThat(api.maxInFlight()).isGreaterThan(1);
    }

    @Test
    void aFailingSectionKeepsItsErrorAndTheOthersLoad() throws Exception {
        CountingEnsApi api = start(FaultRule.parse("DescribeHistoryEvents:system-error:p=1"));
        Inventory inventory = new InventoryLoader(api).load(List.of());

        Neighbourhood read = new NeighbourhoodLoader(api, 2).start(inventory, List.of()).get(30, TimeUnit.SECONDS);

        assertThat(read.events().failed()).isTrue();
        assertThat(read.events().error()).isInstanceOf(EnsException.class);
        assertThat(read.eips().failed()).isFalse();
        assertThat(read.eips().items()).isNotEmpty();
        assertThat(read.securityGroups().items()).isNotEmpty();
    }

    @Test
    void theMembersAreTheBoundInstancesAndTheOwnersOfBoundEnis() {
        CountingEnsApi api = start();
        Inventory inventory = new InventoryLoader(api).load(List.of());
        List<String> members = NeighbourhoodLoader.members(inventory);
        assertThat(members).isNotEmpty().allMatch(id -> id.startsWith("i-")).doesNotHaveDuplicates();
    }
}
