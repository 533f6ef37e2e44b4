package io.enscope.emulator;

import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator's flow control as the real SDK sees it. The emulator's clock stands still unless
 * the test moves it, so a burst is a burst however slow the machine is.
 */
class RateLimitSdkTest {
    private static final Account ADMIN = new Account("rate-admin", "rate-secret", false);
    private static final Account OTHER = new Account("rate-other", "rate-other-secret", true);
    private static final String TOKEN = "rate-limit-control-token";

    private final DurableStateTest.ManualClock clock = new DurableStateTest.ManualClock();
    private EnsEmulator emulator;
    private SdkCaller admin;
    private SdkCaller other;

    @BeforeEach
    void start() {
        emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small())
                .timings(Timings.all(TransitionTiming.immediate())).account(ADMIN).account(OTHER)
                .clock(clock).controlToken(TOKEN).rateLimits(RateLimits.DOCUMENTED).start();
        admin = new SdkCaller(emulator, ADMIN);
        other = new SdkCaller(emulator, OTHER);
    }

    @AfterEach
    void stop() {
        admin.shutdown();
        other.shutdown();
        emulator.close();
    }

    @Test
    void aBurstPastTheDocumentedLimitIsThrottledWithARetryHint() {
        for (int i = 0; i < 10; i++) {
            assertThat(admin.call("DescribeNetworks").path("Networks").isObject()).isTrue();
        }
        assertThat(admin.errorCode("DescribeNetworks")).isEqualTo("Throttling.User");
        RawHttp.Response raw = new RawHttp(emulator.port())
                .get(RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeNetworks", Map.of())));
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.code()).isEqualTo("Throttling.User");
        assertThat(raw.json().path("RequestId").asText()).isNotEmpty();
        assertThat(raw.headers().get("x-acs-retry-after")).isEqualTo("100");
        assertThat(emulator.requests().answers()).containsEntry("DescribeNetworks Throttling.User", 2L);
    }

    @Test
    void aStreamPacedAtTheLimitIsNeverThrottled() {
        for (int i = 0; i < 40; i++) {
            admin.call("DescribeNetworks");
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(emulator.requests().answers()).containsOnlyKeys("DescribeNetworks OK");
    }

    @Test
    void theUserTheAccountAndTheOperationAreSeparateScopes() {
        emulator.setRateLimits(RateLimits.parseJson("{\"DescribeHaVips\": {\"api\": 3, \"user\": 2},"
                + " \"DescribeVSwitches\": {\"account\": 3, \"user\": 5}}"));
        admin.call("DescribeHaVips");
        admin.call("DescribeHaVips");
        assertThat(admin.errorCode("DescribeHaVips")).as("the admin's own limit").isEqualTo("Throttling.User");
        other.call("DescribeHaVips");
        assertThat(other.errorCode("DescribeHaVips")).as("the operation-wide limit").isEqualTo("Throttling.Api");
        admin.call("DescribeVSwitches");
        admin.call("DescribeVSwitches");
        other.call("DescribeVSwitches");
        assertThat(other.errorCode("DescribeVSwitches")).as("the account's limit, shared by both keys")
                .isEqualTo("Throttling.User");
        assertThat(admin.call("DescribeInstances").path("TotalCount").asInt()).as("an unlisted operation")
                .isPositive();
    }

    @Test
    void aThrottledWriteAppliesNothing() {
        emulator.setRateLimits(RateLimits.parseJson("{\"AssociateHaVip\": {\"user\": 1}}"));
        admin.call("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run");
        admin.call("UnassociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run");
        assertThat(admin.errorCode("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run"))
                .isEqualTo("Throttling.User");
        assertThat(admin.call("DescribeHaVips", "HaVipId", "havip-free").path("HaVips").get(0)
                .path("AssociatedInstances")).isEmpty();
    }

    @Test
    void theFaultPlanStillThrottlesOnTopOfTheLimits() {
        emulator.faults().add(FaultRule.next("DescribeHaVips", FaultKind.THROTTLING, 1).withDelay(Duration.ofMillis(750)));
        RawHttp.Response faulted = new RawHttp(emulator.port())
                .get(RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeHaVips", Map.of())));
        assertThat(faulted.code()).isEqualTo("Throttling.User");
        assertThat(faulted.headers().get("x-acs-retry-after")).isEqualTo("750");
        assertThat(admin.call("DescribeHaVips").path("HaVips").isArray()).isTrue();
    }

    @Test
    void theControlEndpointChangesTheLimitsAtRunTime() {
        RawHttp http = new RawHttp(emulator.port());
        RawHttp.Response shown = http.send("GET", "/_emulator/rate-limits", Map.of("X-Emulator-Token", TOKEN),
                new byte[0]);
        assertThat(shown.json().path("RateLimits").path("DescribeNetworks").path("account").asDouble())
                .isEqualTo(10.0);
        RawHttp.Response off = http.send("PUT", "/_emulator/rate-limits", Map.of("X-Emulator-Token", TOKEN),
                "off".getBytes(StandardCharsets.UTF_8));
        assertThat(off.status()).isEqualTo(200);
        for (int i = 0; i < 30; i++) {
            admin.call("DescribeNetworks");
        }
        RawHttp.Response custom = http.send("PUT", "/_emulator/rate-limits", Map.of("X-Emulator-Token", TOKEN),
                "{\"DescribeNetworks\": {\"user\": 1}}".getBytes(StandardCharsets.UTF_8));
        assertThat(custom.status()).isEqualTo(200);
        admin.call("DescribeNetworks");
        assertThat(admin.errorCode("DescribeNetworks")).isEqualTo("Throttling.User");
        RawHttp.Response bad = http.send("PUT", "/_emulator/rate-limits", Map.of("X-Emulator-Token", TOKEN),
                "{\"DescribeNetworks\": {\"user\": -5}}".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("InvalidRateLimits");
        assertThat(emulator.rateLimits().of("DescribeNetworks").user()).as("a bad body changes nothing")
                .isEqualTo(1.0);
        RawHttp.Response denied = http.send("PUT", "/_emulator/rate-limits", Map.of("X-Emulator-Token", "wrong"),
                "off".getBytes(StandardCharsets.UTF_8));
        assertThat(denied.status()).isEqualTo(403);
    }

    @Test
    void theStandaloneCommandDefaultsToTheDocumentedLimitsAndReadsAFile(@TempDir Path dir) throws Exception {
        EmulatorCommand defaults = new EmulatorCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(RateLimits.resolve(defaults.rateLimits)).isEqualTo(RateLimits.DOCUMENTED);
        Path file = dir.resolve("limits.json");
        Files.writeString(file, "{\"DescribeInstances\": {\"account\": 2000, \"user\": 400}}");
        EmulatorCommand fromFile = new EmulatorCommand();
        new CommandLine(fromFile).parseArgs("--rate-limits", file.toString());
        assertThat(RateLimits.resolve(fromFile.rateLimits).of("DescribeInstances").user()).isEqualTo(400.0);
        Files.writeString(file, "{\"DescribeInstances\": 5}");
        assertThatThrownBy(() -> RateLimits.resolve(file.toString())).hasMessageContaining(file.toString())
                .hasMessageContaining("DescribeInstances: expected an object");
        assertThat(EnsEmulator.builder().rateLimits()).as("the builder's default").isEqualTo(RateLimits.OFF);
    }
}
