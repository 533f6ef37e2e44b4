package io.enscope.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionTimingTest {

    @Test
    void parsesEveryForm() {
        assertThat(TransitionTiming.parse("immediate")).isEqualTo(TransitionTiming.immediate());
        assertThat(TransitionTiming.parse("fixed:3000")).isEqualTo(TransitionTiming.fixed(Duration.ofSeconds(3)));
        assertThat(TransitionTiming.parse("random:100-200"))
                .isEqualTo(TransitionTiming.random(Duration.ofMillis(100), Duration.ofMillis(200)));
        assertThat(TransitionTiming.parse("POLLS:3")).isEqualTo(TransitionTiming.afterPolls(3));
    }

    @Test
    void refusesNonsenseWithTheAcceptedForms() {
        for (String bad : new String[] {"later", "fixed:x", "random:5", "random:9-1", "polls:-1"}) {
            assertThatThrownBy(() -> TransitionTiming.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("immediate, fixed:MS, random:MIN-MAX or polls:N");
        }
    }

    @Test
    void randomDelaysStayInRange() {
        TransitionTiming t = TransitionTiming.random(Duration.ofMillis(100), Duration.ofMillis(200));
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(t.delayMillis(random)).isBetween(100L, 200L);
        }
        assertThat(TransitionTiming.afterPolls(2).delayMillis(random)).isEqualTo(-1);
    }
}
