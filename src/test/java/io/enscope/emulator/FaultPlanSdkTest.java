package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault kind as the real SDK sees it. */
class FaultPlanSdkTest {
    private static final Account ADMIN = new Account("fault-admin", "fault-secret", false);
    private EnsEmulator emulator;
    private SdkCaller sdk;

    @BeforeEach
    void start() {
        emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small())
                .timings(Timings.all(TransitionTiming.immediate())).account(ADMIN).start();
        sdk = new SdkCaller(emulator.endpoint(), ADMIN, 1_000);
    }

    @AfterEach
    void stop() {
        sdk.shutdown();
        emulator.close();
    }

    @Test
    void throttlingIsAClientErrorForTheNextNCallsOnly() {
        emulator.faults().add(FaultRule.next("DescribeHaVips", FaultKind.THROTTLING, 2));
        assertThat(sdk.errorCode("DescribeHaVips")).isEqualTo("Throttling.User");
        assertThat(sdk.errorCode("DescribeHaVips")).isEqualTo("Throttling.User");
        assertThat(sdk.call("DescribeHaVips").path("HaVips").isArray()).isTrue();
        assertThat(sdk.call("DescribeInstances").path("TotalCount").asInt()).as("other actions untouched")
                .isPositive();
    }

    @Test
    void serviceUnavailableIsA503ServerException() {
        emulator.faults().add(FaultRule.next("*", FaultKind.SERVICE_UNAVAILABLE, 1));
        assertThatThrownBy(() -> sdk.call("DescribeVSwitches"))
                .isInstanceOfSatisfying(SdkCaller.CallFailed.class, e -> {
                    assertThat(e.code).isEqualTo("ServiceUnavailable");
                    assertThat(e.server).isTrue();
                });
    }

    @Test
    void systemErrorLeavesNothingApplied() {
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SYSTEM_ERROR, 1));
        assertThat(sdk.errorCode("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run"))
                .isEqualTo("SystemError");
        assertThat(haVip("havip-free").path("AssociatedInstances")).isEmpty();
    }

    @Test
    void aSlowResponseTriggersTheClientReadTimeoutYetTheCallIsApplied() {
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SLOW, 1).withDelay(Duration.ofMillis(2_500)));
        assertThat(sdk.errorCode("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run"))
                .isEqualTo("SDK.ReadTimeout");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(haVip("havip-free").path("AssociatedInstances")).hasSize(1));
    }

    @Test
    void aDroppedConnectionHappensAfterTheWriteWasApplied() {
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.DROP_AFTER_WRITE, 1));
        assertThatThrownBy(() -> sdk.call("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run"))
                .isInstanceOf(SdkCaller.CallFailed.class);
        JsonNode h = haVip("havip-free");
        assertThat(h.path("AssociatedInstances")).hasSize(1);
        assertThat(h.path("AssociatedInstances").get(0).path("InstanceId").asText()).isEqualTo("i-run");
    }

    @Test
    void probabilisticRulesFireAtRoughlyTheirRate() {
        emulator.faults().add(FaultRule.probability("DescribeEnsRegions", FaultKind.THROTTLING, 0.5));
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            try {
                sdk.call("DescribeEnsRegions");
            } catch (SdkCaller.CallFailed e) {
                assertThat(e.code).isEqualTo("Throttling.User");
                failures++;
            }
        }
        assertThat(failures).isBetween(60, 140);
    }

    @Test
    void faultSpecsParseAndRoundTrip() {
        FaultRule rule = FaultRule.parse("AssociateHaVip:slow:p=0.02:ms=15000");
        assertThat(rule.kind()).isEqualTo(FaultKind.SLOW);
        assertThat(rule.probability()).isEqualTo(0.02);
        assertThat(FaultRule.parse(rule.toString())).isEqualTo(rule);
        assertThatThrownBy(() -> FaultRule.parse("AssociateHaVip:explode:p=1"))
                .hasMessageContaining("unknown fault kind");
        assertThatThrownBy(() -> FaultRule.parse("AssociateHaVip:drop"))
                .hasMessageContaining("ACTION:KIND");
        assertThatThrownBy(() -> FaultRule.parse("AssociateHaVip:drop:p=2"))
                .hasMessageContaining("between 0 and 1");
    }

    private JsonNode haVip(String id) {
        return sdk.call("DescribeHaVips", "HaVipId", id).path("HaVips").get(0);
    }
}
