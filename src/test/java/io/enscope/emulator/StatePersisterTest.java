package io.enscope.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The state file's writer keeps a core busy at most a tenth of the time. */
class StatePersisterTest {

    @Test
    void aCheapStateFollowsEveryChangeWithinTheCoalescingWindow() {
        assertThat(StatePersister.waitAfter(0)).isEqualTo(200);
        assertThat(StatePersister.waitAfter(3)).isEqualTo(200);
    }

    @Test
    void aCostlyStateWaitsNineTimesItsLastWriteAtMostTenSeconds() {
        assertThat(StatePersister.waitAfter(300)).isEqualTo(2_700);
        assertThat(StatePersister.waitAfter(5_000)).isEqualTo(10_000);
    }
}
