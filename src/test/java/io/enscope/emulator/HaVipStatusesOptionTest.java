package io.enscope.emulator;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code --havip-statuses} option and its default. */
class HaVipStatusesOptionTest {

    @Test
    void defaultIsTransitionalAsDesignMdDescribes() {
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs();
        assertThat(HaVipStatuses.parse(command.haVipStatuses)).isEqualTo(HaVipStatuses.TRANSITIONAL);
        assertThat(EnsEmulator.builder().haVipStatuses()).isEqualTo(HaVipStatuses.TRANSITIONAL);
    }

    @Test
    void documentedIsAccepted() {
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs("--havip-statuses", "documented");
        assertThat(HaVipStatuses.parse(command.haVipStatuses)).isEqualTo(HaVipStatuses.DOCUMENTED);
    }

    @Test
    void anUnknownValueIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> HaVipStatuses.parse("vpc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("documented or transitional");
    }
}
