package io.enscope.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where {@code enscope emulator} takes its keys and control token from, and what it refuses. */
class EmulatorSecretsTest {

    private static EmulatorCommand parse(String... args) {
        EmulatorCommand command = new EmulatorCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static Path keyFile(Path dir, String permissions, String text) throws IOException {
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void anEmptyOrShortControlTokenIsRefused() {
        for (String token : new String[] {"", "short-token-15c"}) {
            assertThatThrownBy(() -> parse("--control-token", token).secrets(Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 characters");
        }
    }

    @Test
    @Timeout(60) // before the check, the emulator started and served until stopped
    void theCommandLineExitsWithAMessageOnAShortControlToken() {
        CommandLine cli = new CommandLine(new EmulatorCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("emulator: " + e.getMessage());
            return 2;
        });
        assertThat(cli.execute("--port", "0", "--control-token", "")).isEqualTo(2);
        assertThat(err.toString()).contains("control token must be at least 16 characters");
    }

    @Test
    void aLongEnoughTokenIsKept() throws IOException {
        assertThat(parse("--control-token", "0123456789abcdef").secrets(Map.of()).controlToken())
                .isEqualTo("0123456789abcdef");
    }

    @Test
    void theAdminKeyComesFromTheEnvironment() throws IOException {
        EmulatorCommand.Secrets secrets = parse().secrets(Map.of(EmulatorCommand.ENV_ACCESS_KEY_ID, "env-admin",
                EmulatorCommand.ENV_ACCESS_KEY_SECRET, "env-secret"));
        assertThat(secrets.admin()).isEqualTo(new Account("env-admin", "env-secret", false));
        assertThat(secrets.readOnly()).isNull();
    }

    @Test
    void halfAKeyInTheEnvironmentIsRefused() {
        assertThatThrownBy(() -> parse().secrets(Map.of(EmulatorCommand.ENV_ACCESS_KEY_ID, "env-admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(EmulatorCommand.ENV_ACCESS_KEY_SECRET);
    }

    @Test
    void keysAndTokenComeFromAPrivateFile(@TempDir Path dir) throws IOException {
        Path file = keyFile(dir, "rw-------", "# emulator keys\naccess-key = file-admin:file-secret\n"
                + "readonly-access-key=file-reader:file-secret2\n\ncontrol-token=file-control-token-0001\n");
        EmulatorCommand.Secrets secrets = parse("--access-key-file", file.toString())
                .secrets(Map.of(EmulatorCommand.ENV_ACCESS_KEY_ID, "env-admin",
                        EmulatorCommand.ENV_ACCESS_KEY_SECRET, "env-secret"));
        assertThat(secrets.admin()).as("the file before the environment")
                .isEqualTo(new Account("file-admin", "file-secret", false));
        assertThat(secrets.readOnly()).isEqualTo(new Account("file-reader", "file-secret2", true));
        assertThat(secrets.controlToken()).isEqualTo("file-control-token-0001");
    }

    @Test
    void aKeyFileOthersCanReadIsRefused(@TempDir Path dir) throws IOException {
        Path file = keyFile(dir, "rw-r--r--", "access-key=file-admin:file-secret\n");
        assertThatThrownBy(() -> parse("--access-key-file", file.toString()).secrets(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readable by other users")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aMalformedLineIsRefusedWithoutQuotingIt(@TempDir Path dir) throws IOException {
        Path file = keyFile(dir, "rw-------", "file-admin:file-secret\n");
        assertThatThrownBy(() -> parse("--access-key-file", file.toString()).secrets(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1")
                .hasMessageNotContaining("file-secret");
    }
}
