package io.enscope.emulator;

import io.enscope.emulator.scenario.DemoScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The run-time control endpoints, and the demo scenario showing every binding rule over real HTTP. */
class ControlAndDemoTest {
    private static final Account ADMIN = new Account("demo-admin", "demo-secret", false);
    private static EnsEmulator emulator;
    private static SdkCaller sdk;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        emulator = EnsEmulator.builder().port(0).scenario(DemoScenario.create()).account(ADMIN)
                .controlToken("token-1").timings(Timings.all(TransitionTiming.afterPolls(1))).start();
        sdk = new SdkCaller(emulator, ADMIN);
        http = new RawHttp(emulator.port());
    }

    @AfterAll
    static void stop() {
        sdk.shutdown();
        emulator.close();
    }

    @Test
    void everyDemoShowcaseAnswersItsCodeOverHttp() {
        for (DemoScenario.Showcase showcase : DemoScenario.showcases()) {
            emulator.reset();
            String outcome;
            try {
                sdk.call("AssociateHaVip", "HaVipId", showcase.haVipId(), "InstanceId", showcase.targetId(),
                        "InstanceType", showcase.instanceType());
                outcome = DemoScenario.SUCCESS;
            } catch (SdkCaller.CallFailed e) {
                outcome = e.code;
            }
            assertThat(outcome).as(showcase.why()).isEqualTo(showcase.outcome());
        }
        assertThat(DemoScenario.showcases()).extracting(DemoScenario.Showcase::outcome).contains(
                DemoScenario.SUCCESS, "IncorrectHaVipStatus", "NetworkInterfaceTypeNotSupported",
                "IncorrectInstanceStatus", "IncorrectNetworkInterfaceStatus", "IncorrectInstanceVSwitch",
                "InstanceAlreadyAssociated", "CountLimitExceed.InstanceOnHaVip", "CountLimitExceed.HaVipOnInstance");
    }

    @Test
    void faultsCanBeSetAndClearedAtRunTime() {
        RawHttp.Response denied = http.send("POST", "/_emulator/faults", Map.of("X-Emulator-Token", "wrong"),
                "DescribeVSwitches:unavailable:next=1".getBytes(StandardCharsets.UTF_8));
        assertThat(denied.status()).isEqualTo(403);

        RawHttp.Response added = http.send("POST", "/_emulator/faults", Map.of("X-Emulator-Token", "token-1"),
                "DescribeVSwitches:unavailable:next=1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().path("Faults").get(0).asText()).startsWith("DescribeVSwitches:unavailable:next=1");
        assertThat(sdk.errorCode("DescribeVSwitches")).isEqualTo("ServiceUnavailable");
        assertThat(sdk.call("DescribeVSwitches").path("TotalCount").asInt()).isPositive();

        RawHttp.Response bad = http.send("POST", "/_emulator/faults", Map.of("X-Emulator-Token", "token-1"),
                "nonsense".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("Message").asText()).contains("ACTION:KIND");

        http.send("POST", "/_emulator/faults", Map.of("X-Emulator-Token", "token-1"),
                "*:throttling:p=1".getBytes(StandardCharsets.UTF_8));
        assertThat(sdk.errorCode("DescribeEnsRegions")).isEqualTo("Throttling.User");
        RawHttp.Response cleared = http.send("DELETE", "/_emulator/faults", Map.of("X-Emulator-Token", "token-1"),
                new byte[0]);
        assertThat(cleared.json().path("Faults")).isEmpty();
        assertThat(sdk.call("DescribeEnsRegions").path("EnsRegions").path("EnsRegions").size()).isPositive();
    }

    @Test
    void resetRestoresTheScenario() {
        String id = sdk.call("CreateHaVip", "VSwitchId", sdk.call("DescribeVSwitches").path("VSwitches")
                .path("VSwitch").get(0).path("VSwitchId").asText()).path("HaVipIds").get(0).asText();
        assertThat(sdk.call("DescribeHaVips", "HaVipId", id).path("HaVips")).hasSize(1);
        RawHttp.Response reset = http.send("POST", "/_emulator/reset", Map.of("X-Emulator-Token", "token-1"),
                new byte[0]);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(sdk.call("DescribeHaVips", "HaVipId", id).path("HaVips")).isEmpty();
    }
}
