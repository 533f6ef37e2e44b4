package io.enscope.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.RateLimits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.SdkEnsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The loader against an emulator that throttles as ENS documents it, with the default 8 workers:
 * the client's pacing keeps every call within the limits.
 */
class InventoryRateLimitTest {

    /** The first regions of {@code large}: a few thousand instances and ENIs. */
    static Scenario midSize() {
        Scenario large = LargeScenario.create(42);
        Set<String> regions = large.regions().stream().limit(4).map(Scenario.RegionRec::ensRegionId)
                .collect(Collectors.toSet());
        return new Scenario(
                large.regions().stream().filter(r -> regions.contains(r.ensRegionId())).toList(),
                large.networks().stream().filter(n -> regions.contains(n.ensRegionId())).toList(),
                large.vSwitches().stream().filter(v -> regions.contains(v.ensRegionId())).toList(),
                large.instances().stream().filter(i -> regions.contains(i.ensRegionId())).toList(),
                large.networkInterfaces().stream().filter(e -> regions.contains(e.ensRegionId())).toList(),
                large.haVips().stream().filter(h -> regions.contains(h.ensRegionId())).toList());
    }

    private static long throttled(EnsEmulator emulator) {
        return emulator.requests().answers().entrySet().stream().filter(e -> e.getKey().contains("Throttling"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static EnsEmulator limited(Scenario scenario) {
        return EnsEmulator.builder().scenario(scenario).rateLimits(RateLimits.DOCUMENTED)
                .timings(Timings.all(TransitionTiming.fixed(Duration.ofHours(1))))
                .account(Account.generate(false)).port(0).start();
    }

    private static SdkEnsApi client(EnsEmulator emulator, PacingSettings pacing) {
        return new SdkEnsApi(EnsClientConfig.local(emulator.endpoint()).withPacing(pacing),
                EnsCredentialsProvider.of(EnsCredentials.of(emulator.adminAccount().accessKeyId(),
                        emulator.adminAccount().accessKeySecret())));
    }

    @Test
    void theDemoLoadsWithoutAThrottledCall() {
        Scenario demo = DemoScenario.create();
        try (EnsEmulator emulator = limited(demo);
             SdkEnsApi sdk = client(emulator, PacingSettings.documented())) {
            Inventory inventory = new InventoryLoader(sdk).load(List.of());
            assertThat(inventory.instances()).hasSize(demo.instances().size());
            assertThat(inventory.haVips()).hasSize(demo.haVips().size());
            assertThat(throttled(emulator)).isZero();
        }
    }

    @Test
    void aMidSizeScenarioLoadsWithoutAThrottledCallWhereTheUnpacedLoaderIsThrottled() {
        Scenario mid = midSize();
        assertThat(mid.networkInterfaces()).hasSizeGreaterThan(2_000);
        try (EnsEmulator emulator = limited(mid)) {
            try (SdkEnsApi sdk = client(emulator, PacingSettings.documented())) {
                Inventory inventory = new InventoryLoader(sdk).load(List.of());
                assertThat(inventory.instances()).hasSize(mid.instances().size());
                assertThat(inventory.networkInterfaces()).hasSize(mid.networkInterfaces().size());
                assertThat(inventory.haVips()).hasSize(mid.haVips().size());
                assertThat(inventory.vSwitches()).hasSize(mid.vSwitches().size());
                assertThat(throttled(emulator)).as("throttled calls of the paced loader").isZero();
            }
            // The same loader without pacing, against the same limits: the test above can fail.
            emulator.requests().clear();
            emulator.setRateLimits(RateLimits.DOCUMENTED);
            try (SdkEnsApi sdk = client(emulator, PacingSettings.off())) {
                try {
                    new InventoryLoader(sdk).load(List.of());
                } catch (RuntimeException throttledOut) {
                    // retries may run out; what counts here is that the server throttled
                }
                assertThat(throttled(emulator)).as("throttled calls of the unpaced loader").isPositive();
            }
        }
    }

    /**
     * Limits set well above the account's real quota (a raise that was not granted), and three loads
     * at once: the server throttles, and the client's rate and window come down far enough for
     * every retried call to pass, so no load fails and the user sees no throttling.
     */
    @Test
    void aBurstOfLoadsAboveTheRealQuotaEndsWithoutAThrottlingReachingTheUser() {
        Scenario mid = midSize();
        PacingSettings optimistic = PacingSettings.documented();
        for (EnsOperation op : EnsOperation.values()) {
            optimistic = optimistic.withLimit(op, optimistic.limit(op) * 3);
        }
        try (EnsEmulator emulator = limited(mid);
             SdkEnsApi sdk = client(emulator, optimistic)) {
            InventoryLoader loader = new InventoryLoader(sdk);
            List<LoadHandle> loads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                loads.add(loader.start(List.of(), LoadListener.NONE));
            }
            for (LoadHandle load : loads) {
                Inventory inventory = load.join();
                assertThat(inventory.networkInterfaces()).hasSize(mid.networkInterfaces().size());
                assertThat(inventory.haVips()).hasSize(mid.haVips().size());
            }
            assertThat(throttled(emulator)).as("the server did throttle the client").isPositive();
        }
    }
}
