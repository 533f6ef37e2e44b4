package io.enscope;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTest {

    @Test
    void loadsNoMorePagesAtOnceThanTheMachineHasCores() {
        assertThat(Sandbox.loadParallelism(8, 2)).isEqualTo(2);
        assertThat(Sandbox.loadParallelism(8, 16)).isEqualTo(8);
        assertThat(Sandbox.loadParallelism(1, 4)).isEqualTo(1);
    }

    @Test
    void keepsAtLeastOneRequestInFlight() {
        assertThat(Sandbox.loadParallelism(8, 0)).isEqualTo(1);
        assertThat(Sandbox.loadParallelism(0, 4)).isEqualTo(1);
    }
}
