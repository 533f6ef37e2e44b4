package io.enscope.emulator.gateway;

import io.enscope.emulator.RateLimits;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The token buckets of the gateway, on a clock the test moves. */
class FlowControlTest {

    private static final class TestClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final TestClock clock = new TestClock();

    private static String refusal(Runnable call) {
        ApiException e = catchThrowableOfType(call::run, ApiException.class);
        assertThat(e).as("the call must be throttled").isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        return e.code();
    }

    @Test
    void aBurstPastTheUserLimitIsRefusedUntilATokenIsBack() {
        FlowControl fc = new FlowControl(RateLimits.DOCUMENTED, clock);
        for (int i = 0; i < 100; i++) {
            fc.admit("DescribeInstances", "key-a");
        }
        ApiException e = catchThrowableOfType(() -> fc.admit("DescribeInstances", "key-a"), ApiException.class);
        assertThat(e.code()).isEqualTo("Throttling.User");
        assertThat(e.headers()).containsEntry("x-acs-retry-after", "10");
        clock.millis += 9;
        assertThat(refusal(() -> fc.admit("DescribeInstances", "key-a"))).isEqualTo("Throttling.User");
        clock.millis += 1;
        fc.admit("DescribeInstances", "key-a");
    }

    @Test
    void aPacedStreamAtTheLimitIsNeverRefused() {
        FlowControl fc = new FlowControl(RateLimits.DOCUMENTED, clock);
        for (int i = 0; i < 1_000; i++) {
            fc.admit("DescribeNetworks", "key-a");
            clock.millis += 100;
        }
    }

    @Test
    void theAccountScopeCountsEveryKeyAndTheUserScopeOneKey() {
        FlowControl fc = new FlowControl(RateLimits.DOCUMENTED, clock);
        for (int i = 0; i < 5; i++) {
            fc.admit("DescribeNetworks", "key-a");
            fc.admit("DescribeNetworks", "key-b");
        }
        assertThat(refusal(() -> fc.admit("DescribeNetworks", "key-c"))).isEqualTo("Throttling.User");
        // another operation has buckets of its own
        fc.admit("DescribeVSwitches", "key-c");
    }

    @Test
    void theOperationWideLimitAnswersThrottlingApiAndARefusedCallTakesNoToken() {
        FlowControl fc = new FlowControl(RateLimits.parseJson("{\"DescribeHaVips\": {\"api\": 3, \"user\": 2}}"),
                clock);
        fc.admit("DescribeHaVips", "key-a");
        fc.admit("DescribeHaVips", "key-a");
        assertThat(refusal(() -> fc.admit("DescribeHaVips", "key-a"))).isEqualTo("Throttling.User");
        fc.admit("DescribeHaVips", "key-b");
        ApiException e = catchThrowableOfType(() -> fc.admit("DescribeHaVips", "key-b"), ApiException.class);
        assertThat(e.code()).isEqualTo("Throttling.Api");
        assertThat(Long.parseLong(e.headers().get("x-acs-retry-after"))).isBetween(1L, 334L);
        // unlisted operations have no limit in this file
        for (int i = 0; i < 500; i++) {
            fc.admit("DescribeVSwitches", "key-a");
        }
    }

    @Test
    void newLimitsApplyAtOnceWithFullBuckets() {
        FlowControl fc = new FlowControl(RateLimits.DOCUMENTED, clock);
        for (int i = 0; i < 10; i++) {
            fc.admit("DescribeNetworks", "key-a");
        }
        assertThat(refusal(() -> fc.admit("DescribeNetworks", "key-a"))).isEqualTo("Throttling.User");
        fc.setLimits(RateLimits.OFF);
        for (int i = 0; i < 100; i++) {
            fc.admit("DescribeNetworks", "key-a");
        }
        fc.setLimits(RateLimits.DOCUMENTED);
        fc.admit("DescribeNetworks", "key-a");
    }

    @Test
    void aLimitFileIsReadStrictly() {
        RateLimits limits = RateLimits.parseJson("{\"DescribeInstances\": {\"account\": 1000, \"user\": 200},"
                + " \"*\": {\"user\": 50}}");
        assertThat(limits.of("DescribeInstances")).isEqualTo(new RateLimits.Rate(0, 1000, 200));
        assertThat(limits.of("AssociateHaVip")).isEqualTo(new RateLimits.Rate(0, 0, 50));
        assertThat(RateLimits.parseJson(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                limits.toJsonMap()).toString())).isEqualTo(limits);
        assertThatThrownBy(() -> RateLimits.parseJson("{\"DescribeInstances\": {\"users\": 1}}"))
                .hasMessageContaining("unknown scope 'users'");
        assertThatThrownBy(() -> RateLimits.parseJson("{\"DescribeInstances\": {\"user\": -1}}"))
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> RateLimits.parseJson("{\"DescribeInstances\": {\"user\": \"ten\"}}"))
                .hasMessageContaining("must be a number");
        assertThatThrownBy(() -> RateLimits.parseJson("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> RateLimits.parseJson("{")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RateLimits.resolve("/nonexistent/limits.json"))
                .hasMessageContaining("documented, off or a JSON FILE");
        assertThat(RateLimits.resolve("OFF").off()).isTrue();
        assertThat(RateLimits.resolve("documented")).isEqualTo(RateLimits.DOCUMENTED);
    }

    @Test
    void documentedLimitsAreTheOnesEnsPublishes() {
        assertThat(RateLimits.DOCUMENTED.of("DescribeInstances")).isEqualTo(new RateLimits.Rate(0, 800, 100));
        assertThat(RateLimits.DOCUMENTED.of("DescribeNetworks")).isEqualTo(new RateLimits.Rate(100, 10, 0));
        assertThat(Map.copyOf(RateLimits.DOCUMENTED.operations())).containsKey("DescribeNetworkAttribute");
    }
}
