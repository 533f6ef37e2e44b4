package io.enscope.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone {@code enscope emulator} mode, run as a real separate JVM. */
class EmulatorCommandTest {
    private static final Pattern LISTENING = Pattern.compile("emulator listening on http://127\\.0\\.0\\.1:(\\d+)");

    private static Process startJvm(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.enscope.Main");
        Collections.addAll(command, args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void servesTheApiAndLoadsNoJavaFx() throws Exception {
        Process process = startJvm(List.of("-verbose:class"), "emulator", "--port", "0", "--scenario", "demo",
                "--access-key", "cli-admin:cli-secret", "--readonly-access-key", "cli-reader:cli-secret2",
                "--fault", "DescribeVSwitches:unavailable:next=1", "--delay", "polls:1");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
                port.completeExceptionally(new AssertionError("exited without listening: " + lines));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            int p = port.get(60, TimeUnit.SECONDS);
            SdkCaller sdk = new SdkCaller("127.0.0.1:" + p, new Account("cli-admin", "cli-secret", false), 10_000);
            assertThat(sdk.errorCode("DescribeVSwitches")).as("--fault from the command line")
                    .isEqualTo("ServiceUnavailable");
            assertThat(sdk.call("DescribeVSwitches").path("TotalCount").asInt()).isPositive();
            assertThat(sdk.call("DescribeEnsRegions").path("EnsRegions").path("EnsRegions").size()).isBetween(2, 4);
            sdk.shutdown();
            SdkCaller readOnly = new SdkCaller("127.0.0.1:" + p, new Account("cli-reader", "cli-secret2", true), 10_000);
            assertThat(readOnly.errorCode("CreateHaVip", "VSwitchId", "vsw-x")).isIn("NoPermission",
                    "InvalidParameter.VSwitchId");
            readOnly.shutdown();
            synchronized (lines) {
                assertThat(lines).filteredOn(l -> l.contains("javafx.")).as("JavaFX classes loaded").isEmpty();
                assertThat(lines).filteredOn(l -> l.contains("cli-secret")).as("a given secret is not echoed").isEmpty();
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void refusesANonLoopbackAddressWithoutAllowRemoteBeforeCreatingTheStateFile(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Process process = startJvm(List.of(), "emulator", "--port", "0", "--bind", "0.0.0.0", "--state",
                state.toString());
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("exited").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--allow-remote").doesNotContain("Exception");
        try (var files = Files.list(dir)) {
            assertThat(files).as("files written before the options were checked").isEmpty();
        }
    }

    @Test
    void refusesAStateFileWithoutHaVipsAndLeavesItAsItIs(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{}");
        Process process = startJvm(List.of(), "emulator", "--port", "0", "--state", state.toString());
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("exited").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip()).as("one line").doesNotContain("\n").contains(state.toString())
                .contains("HaVips").doesNotContain("Exception");
        assertThat(Files.readString(state)).isEqualTo("{}");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(state);
        }
    }

    @Test
    void theBuilderRefusesNonLoopbackToo() {
        assertThatThrownBy(() -> EnsEmulator.builder().bindAddress("0.0.0.0").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    @Test
    void versionModePrintsTheVersion() throws Exception {
        Process process = startJvm(List.of(), "--version");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).startsWith("Enscope ");
    }

    @Test
    void stateSurvivesARestartAndIsWrittenAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Account admin = new Account("state-admin", "state-secret", false);
        String id;
        try (EnsEmulator first = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(admin)
                .timings(Timings.all(TransitionTiming.immediate())).stateFile(file).start()) {
            SdkCaller sdk = new SdkCaller(first, admin);
            id = sdk.call("CreateHaVip", "VSwitchId", "vsw-b", "Name", "persisted").path("HaVipIds").get(0).asText();
            sdk.call("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run");
            sdk.shutdown();
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("state.json");
        try (EnsEmulator second = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(admin)
                .stateFile(file).start()) {
            SdkCaller sdk = new SdkCaller(second, admin);
            assertThat(sdk.call("DescribeHaVips", "HaVipId", id).path("HaVips").get(0).path("Name").asText())
                    .isEqualTo("persisted");
            assertThat(sdk.call("DescribeHaVips", "HaVipId", "havip-free").path("HaVips").get(0)
                    .path("AssociatedInstances").get(0).path("InstanceId").asText()).isEqualTo("i-run");
            sdk.shutdown();
        }
    }
}
