package io.enscope.emulator.ops;

import io.enscope.emulator.Account;
import io.enscope.emulator.Limits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.DemoScenario;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListingCacheBoundTest {
    private static final Account ADMIN = new Account("ops-admin", "ops-secret", false);

    @Test
    void listingsWithHugeFiltersAreAnsweredButTheirKeysAreNotKept() {
        EnsOperations ops = new EnsOperations(new EmulatorState(DemoScenario.create(),
                Timings.all(TransitionTiming.afterPolls(1)), Limits.DEFAULT, Clock.systemUTC(), 1L));
        for (int i = 0; i < 300; i++) {
            Map<String, Object> body = ops.execute("DescribeNetworkInterfaces",
                    new Params(Map.of("PageSize", "10", "Ignored" + i, "x".repeat(100_000))), ADMIN);
            assertThat(body).containsKey("TotalCount");
        }
        assertThat(ops.listingCacheKeyChars()).isLessThanOrEqualTo(256 * EnsOperations.MAX_CACHE_KEY_CHARS);
    }
}
