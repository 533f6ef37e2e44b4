package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code --state} file in one JVM: what a crash leaves (a copy of the files taken while the
 * emulator runs) restores every answered write, due transitions, and used nonces; a damaged or
 * lenient file is refused and left as it is. {@link CrashRecoveryTest} kills real processes.
 */
class DurableStateTest {
    private static final Account ADMIN = new Account("durable-admin", "durable-secret", false);

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

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
            return now;
        }
    }

    private static EnsEmulator start(Path file, Timings timings, Clock clock) {
        return EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN).timings(timings)
                .clock(clock).stateFile(file).start();
    }

    private static EnsEmulator start(Path file, Timings timings) {
        return start(file, timings, Clock.systemUTC());
    }

    /** What a SIGKILL leaves on disk: the files as they are now, with the emulator still running. */
    private static Path crashImage(Path file, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path p : files.toList()) {
                Files.copy(p, into.resolve(p.getFileName()));
            }
        }
        return into.resolve(file.getFileName());
    }

    private static JsonNode haVip(SdkCaller sdk, String id) {
        JsonNode list = sdk.call("DescribeHaVips", "HaVipId", id).path("HaVips");
        return list.isEmpty() ? null : list.get(0);
    }

    @Test
    void everyAnsweredWriteIsInTheFilesBeforeTheEmulatorStops(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live").resolve("state.json");
        String created;
        try (EnsEmulator running = start(file, Timings.all(TransitionTiming.immediate()))) {
            SdkCaller sdk = new SdkCaller(running, ADMIN);
            created = sdk.call("CreateHaVip", "VSwitchId", "vsw-a", "Name", "answered").path("HaVipIds").get(0)
                    .asText();
            sdk.call("AssociateHaVip", "HaVipId", created, "InstanceId", "i-run");
            sdk.call("ModifyHaVipAttribute", "HaVipId", "havip-free", "Name", "renamed");
            sdk.call("DeleteHaVips", "HaVipIds.1", "havip-creating");
            sdk.shutdown();
            Path image = crashImage(file, dir.resolve("crashed"));

            try (EnsEmulator restarted = start(image, Timings.all(TransitionTiming.immediate()))) {
                SdkCaller after = new SdkCaller(restarted, ADMIN);
                assertThat(haVip(after, created).path("AssociatedInstances").get(0).path("InstanceId").asText())
                        .isEqualTo("i-run");
                assertThat(haVip(after, "havip-free").path("Name").asText()).isEqualTo("renamed");
                assertThat(haVip(after, "havip-creating")).isNull();
                after.shutdown();
            }
        }
    }

    @Test
    void aTransitionCompletesAtTheDueTimeItHadBeforeTheCrash(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock();
        Timings slow = Timings.all(TransitionTiming.fixed(Duration.ofSeconds(10)));
        Path file = dir.resolve("live").resolve("state.json");
        try (EnsEmulator running = start(file, slow, clock)) {
            SdkCaller sdk = new SdkCaller(running, ADMIN);
            sdk.call("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run");
            sdk.shutdown();
            Path image = crashImage(file, dir.resolve("crashed"));

            clock.advance(Duration.ofSeconds(11));
            try (EnsEmulator restarted = start(image, slow, clock)) {
                SdkCaller after = new SdkCaller(restarted, ADMIN);
                // Restarting the delay would show Associating for another ten seconds.
                assertThat(haVip(after, "havip-free").path("Status").asText()).isEqualTo("InUse");
                after.shutdown();
            }
        }
    }

    @Test
    void aReplayedSignedWriteIsRefusedAfterARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live").resolve("state.json");
        String query;
        Path image;
        try (EnsEmulator running = start(file, Timings.all(TransitionTiming.immediate()))) {
            query = RawHttp.query(RawHttp.signedV1("GET", ADMIN, "AssociateHaVip",
                    Map.of("HaVipId", "havip-free", "InstanceId", "i-run")));
            RawHttp http = new RawHttp(running.port());
            assertThat(http.get(query).status()).isEqualTo(200);
            assertThat(http.get(query).code()).isEqualTo("SignatureNonceUsed");
            image = crashImage(file, dir.resolve("crashed"));
        }
        try (EnsEmulator restarted = start(file, Timings.all(TransitionTiming.immediate()))) {
            assertThat(new RawHttp(restarted.port()).get(query).code()).as("after a clean restart")
                    .isEqualTo("SignatureNonceUsed");
        }
        try (EnsEmulator restarted = start(image, Timings.all(TransitionTiming.immediate()))) {
            assertThat(new RawHttp(restarted.port()).get(query).code()).as("after a crash")
                    .isEqualTo("SignatureNonceUsed");
        }
    }

    @Test
    void pendingTransitionsOfTheScenarioCompleteWithImmediateTiming(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        try (EnsEmulator emulator = start(file, Timings.all(TransitionTiming.immediate()))) {
            SdkCaller sdk = new SdkCaller(emulator, ADMIN);
            assertThat(haVip(sdk, "havip-associating").path("Status").asText()).isEqualTo("InUse");
            assertThat(haVip(sdk, "havip-creating").path("Status").asText()).isEqualTo("Available");
            sdk.call("AssociateHaVip", "HaVipId", "havip-creating", "InstanceId", "i-run");
            sdk.shutdown();
        }
        // A state file written with a slower timing still holds transitional states: they complete too.
        Path slowFile = dir.resolve("slow.json");
        start(slowFile, Timings.all(TransitionTiming.afterPolls(100))).close();
        assertThat(Files.readString(slowFile)).contains("\"Associating\"");
        try (EnsEmulator emulator = start(slowFile, Timings.all(TransitionTiming.immediate()))) {
            SdkCaller sdk = new SdkCaller(emulator, ADMIN);
            assertThat(haVip(sdk, "havip-associating").path("Status").asText()).isEqualTo("InUse");
            sdk.shutdown();
        }
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndOneFollowedByOthersIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live").resolve("state.json");
        Path image;
        try (EnsEmulator running = start(file, Timings.all(TransitionTiming.immediate()))) {
            SdkCaller sdk = new SdkCaller(running, ADMIN);
            sdk.call("ModifyHaVipAttribute", "HaVipId", "havip-free", "Name", "kept");
            sdk.shutdown();
            image = crashImage(file, dir.resolve("crashed"));
        }
        Path segment = StateStore.segments(image).lastEntry().getValue();
        Files.writeString(segment, "0badc0de 400 {\"Seq\":99,\"HaVips\":[{\"HaVipId\":\"hav",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (EnsEmulator restarted = start(image, Timings.all(TransitionTiming.immediate()))) {
            SdkCaller sdk = new SdkCaller(restarted, ADMIN);
            assertThat(haVip(sdk, "havip-free").path("Name").asText()).isEqualTo("kept");
            sdk.shutdown();
        }

        Path damaged = crashImage(file, dir.resolve("damaged"));
        Path damagedSegment = StateStore.segment(damaged, 1);
        byte[] stateBefore = Files.readAllBytes(damaged);
        Files.writeString(damagedSegment, "0badc0de 2 {}\n" + new String(StateStore.encode("{\"Seq\":1}".getBytes(
                StandardCharsets.UTF_8)), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> start(damaged, Timings.all(TransitionTiming.immediate())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(damagedSegment.toString()).hasMessageContaining("line 1");
        assertThat(Files.readAllBytes(damaged)).isEqualTo(stateBefore);
    }

    @Test
    void temporaryFilesOfAnInterruptedWriteAreRemovedAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        start(file, Timings.all(TransitionTiming.immediate())).close();
        Path stale = Files.writeString(dir.resolve(".state.json.12345.tmp"), "{\"Regions\":[");
        start(file, Timings.all(TransitionTiming.immediate())).close();
        assertThat(stale).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void aLenientStateFileIsRefusedWithItsFieldAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        start(file, Timings.all(TransitionTiming.immediate())).close();
        String valid = Files.readString(file);

        Map<String, List<String>> cases = Map.of(
                "{}", List.of("HaVips", "missing"),
                valid.replace("\"HaVips\" : [", "\"HaVips\" : null, \"Ignored\" : ["), List.of("HaVips", "missing"),
                valid.replaceFirst("(\"HaVipId\" : \"havip-free\",[^}]*?\"Status\" : )\"Available\"", "$1\"Bogus\""),
                List.of("havip-free", "Status 'Bogus'"),
                valid.replaceFirst("(\"AssociatedInstances\" : \\[ )(\\{[^}]*\\})", "$1$2, $2"),
                List.of("havip-bound", "i-stop twice"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            assertThat(c.getKey()).isNotEqualTo(valid);
            Files.writeString(file, c.getKey());
            assertThatThrownBy(() -> start(file, Timings.all(TransitionTiming.immediate())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c.getValue().get(0)).hasMessageContaining(c.getValue().get(1))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(Files.readString(file)).isEqualTo(c.getKey());
        }
    }
}
