package io.enscope.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The state file is written when it must be (a fresh state, a change), and not rewritten when it holds the state. */
class EmulatorStateFileTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    private final Account admin = new Account("file-admin", "file-secret", false);

    private EnsEmulator start(Path file) {
        return EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(admin)
                .timings(Timings.all(TransitionTiming.immediate())).stateFile(file).start();
    }

    @Test
    void aFreshStateIsWrittenWhenTheEmulatorStarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state").resolve("state.json");
        try (EnsEmulator emulator = start(file)) {
            assertThat(file).exists();
            assertThat(Files.readString(file)).contains("havip-free");
        }
    }

    @Test
    void aRestoredStateThatOnlyServedReadsIsNotWrittenAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        start(file).close();
        byte[] written = Files.readAllBytes(file);
        Files.setLastModifiedTime(file, LONG_AGO);

        try (EnsEmulator restored = start(file)) {
            SdkCaller sdk = new SdkCaller(restored, admin);
            assertThat(sdk.call("DescribeHaVips").path("HaVips").size()).isPositive();
            sdk.shutdown();
        }

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
    }

    @Test
    void aRestoredStateIsWrittenOnCloseOnceItChanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        start(file).close();
        Files.setLastModifiedTime(file, LONG_AGO);

        try (EnsEmulator restored = start(file)) {
            SdkCaller sdk = new SdkCaller(restored, admin);
            sdk.call("CreateHaVip", "VSwitchId", "vsw-b", "Name", "made-after-restore");
            sdk.shutdown();
        }

        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(LONG_AGO);
        assertThat(Files.readString(file)).contains("made-after-restore");
    }
}
