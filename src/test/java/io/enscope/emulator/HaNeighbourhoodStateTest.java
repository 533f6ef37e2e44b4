package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EIPs, security groups and events in the scenario format and the {@code --state} journal: they
 * round-trip, files written before them still load, and the built-in scenarios carry them.
 */
class HaNeighbourhoodStateTest {
    private static final Account ADMIN = new Account("hood-admin", "hood-secret", false);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScenarioFileKeepsEipsSecurityGroupsAndEventsWithTheApiNames(@TempDir Path dir) throws IOException {
        Scenario demo = DemoScenario.create(true);
        Path file = dir.resolve("demo.json");
        ScenarioFiles.write(file, demo);
        assertThat(ScenarioFiles.read(file)).isEqualTo(demo);

        JsonNode json = JSON.readTree(file.toFile());
        JsonNode eip = json.path("Eips").get(0);
        assertThat(eip.path("AllocationId").asText()).startsWith("eip-");
        assertThat(eip.path("AllocationTime").isTextual()).isTrue();
        JsonNode rule = json.path("SecurityGroups").get(0).path("Permissions").get(0);
        assertThat(rule.path("IpProtocol").isTextual()).isTrue();
        assertThat(rule.path("Priority").isInt()).isTrue();
        assertThat(json.path("Events").get(0).path("NotBefore").isIntegralNumber()).isTrue();
    }

    @Test
    void aFileWrittenBeforeTheseFieldsStillLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.json");
        ScenarioFiles.write(file, DemoScenario.create(true));
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        json.remove("Eips");
        json.remove("SecurityGroups");
        json.remove("Events");
        Files.writeString(file, json.toString());

        Scenario old = ScenarioFiles.read(file);
        assertThat(old.eips()).isEmpty();
        assertThat(old.securityGroups()).isEmpty();
        assertThat(old.events()).isEmpty();
        try (EnsEmulator emulator = EnsEmulator.builder().port(0).scenario(old).account(ADMIN).start()) {
            SdkCaller sdk = new SdkCaller(emulator, ADMIN);
            assertThat(sdk.call("DescribeEnsEipAddresses").path("TotalCount").asInt()).isZero();
            assertThat(sdk.call("DescribeSecurityGroups").path("TotalCount").asInt()).isZero();
            JsonNode instance = sdk.call("DescribeInstances", "PageSize", "1").path("Instances").path("Instance").get(0);
            assertThat(instance.path("SecurityGroupIds").path("SecurityGroupId")).as("the id the instance names")
                    .hasSize(1);
            assertThat(sdk.call("DescribeHaVips").path("HaVips").get(0).path("AssociatedEipAddresses")).isEmpty();
            sdk.shutdown();
        }
    }

    @Test
    void aStateFileWrittenBeforeTheseFieldsStillLoadsAndThenKeepsThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("state.json");
        ScenarioFiles.write(file, TestScenarios.small());
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        assertThat(json.has("Eips")).as("an empty list is written, as before").isTrue();
        json.remove("Eips");
        json.remove("SecurityGroups");
        json.remove("Events");
        json.put("JournalSeq", 0);
        Files.writeString(file, json.toString());

        try (EnsEmulator old = EnsEmulator.builder().port(0).scenario(HaNeighbourhoodSdkTest.scenario())
                .account(ADMIN).stateFile(file).start()) {
            SdkCaller sdk = new SdkCaller(old, ADMIN);
            assertThat(sdk.call("DescribeEnsEipAddresses").path("TotalCount").asInt()).as("the file wins").isZero();
            assertThat(sdk.call("DescribeHaVips", "HaVipId", "havip-bound").path("HaVips").get(0)
                    .path("AssociatedEipAddresses")).isEmpty();
            sdk.call("ModifyHaVipAttribute", "HaVipId", "havip-free", "Name", "after-upgrade");
            sdk.shutdown();
        }
        JsonNode compacted = JSON.readTree(file.toFile());
        assertThat(compacted.path("HaVips").findValuesAsText("Name")).contains("after-upgrade");
        assertThat(compacted.path("Eips").isArray()).as("written back with the new fields").isTrue();
    }

    @Test
    void theBuiltInScenariosCarryTheNeighbourhood() {
        Scenario demo = DemoScenario.create();
        assertThat(demo.securityGroups()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(demo.securityGroups()).anyMatch(g -> g.permissions().stream().anyMatch(
                p -> p.direction().equals("ingress") && p.policy().equals("Accept") && p.ipProtocol().equals("ALL")));
        assertThat(demo.securityGroups()).as("one group does not admit the peers").anyMatch(g -> g.permissions()
                .stream().anyMatch(p -> p.policy().equals("Drop")));
        assertThat(demo.eips()).anyMatch(e -> "InUse".equals(e.status()) && "EnsInstance".equals(e.instanceType()));
        assertThat(demo.eips()).anyMatch(e -> "Available".equals(e.status()));
        assertThat(demo.eips()).as("no HaVip EIP without the option").noneMatch(e -> "HaVip".equals(e.instanceType()));
        assertThat(DemoScenario.create(true).eips()).anyMatch(e -> "HaVip".equals(e.instanceType()));
        assertThat(demo.events()).extracting(e -> e.eventType()).contains("Instance:SystemMaintenance.Redeploy");
        assertThat(demo.events()).allMatch(e -> demo.haVips().stream().anyMatch(h -> h.associatedInstances().stream()
                .anyMatch(a -> a.instanceId().equals(e.resourceId()))), "every event is on a member of a HaVip");
        assertThat(DemoScenario.create(true)).isEqualTo(DemoScenario.create(true));

        Scenario large = LargeScenario.create(7, true);
        assertThat(large.eips()).anyMatch(e -> "HaVip".equals(e.instanceType()));
        assertThat(large.securityGroups()).isNotEmpty();
        assertThat(large.events()).isNotEmpty();
    }

    @Test
    void theJournalKeepsEipBindingsAndScheduledEventsOverACrash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live").resolve("state.json");
        Timings slow = Timings.all(TransitionTiming.fixed(Duration.ofHours(1)));
        try (EnsEmulator running = start(file, slow)) {
            SdkCaller sdk = new SdkCaller(running, ADMIN);
            sdk.call("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "i-stop");
            sdk.call("AssociateEnsEipAddress", "AllocationId", "eip-free-2", "InstanceId", "havip-free",
                    "InstanceType", "HaVip");
            RawHttp.Response added = new RawHttp(running.port()).send("POST", "/_emulator/events",
                    Map.of("X-Emulator-Token", "token-for-state-1"),
                    "{\"EventType\": \"Instance:SystemMaintenance.Redeploy\", \"ResourceId\": \"i-stop\"}"
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(added.status()).isEqualTo(200);
            String eventId = added.json().path("EventId").asText();
            sdk.shutdown();
            Path image = crashImage(file, dir.resolve("crashed"));

            try (EnsEmulator restarted = start(image, slow)) {
                SdkCaller after = new SdkCaller(restarted, ADMIN);
                JsonNode eip = after.call("DescribeEnsEipAddresses", "AllocationId", "eip-free")
                        .path("EipAddresses").path("EipAddress").get(0);
                assertThat(eip.path("Status").asText()).isEqualTo("Associating");
                assertThat(eip.path("InstanceId").asText()).isEqualTo("i-stop");
                assertThat(after.call("DescribeHaVips", "HaVipId", "havip-free").path("HaVips").get(0)
                        .path("AssociatedEipAddresses").get(0).path("EipId").asText()).isEqualTo("eip-free-2");
                assertThat(after.call("DescribeHistoryEvents", "EventTypes", "Instance:SystemMaintenance.Redeploy",
                        "ResourceIds", "i-stop").path("Events")).anyMatch(e -> e.path("EventId").asText()
                        .equals(eventId));
                after.shutdown();
            }
        }
        // A clean stop compacts: the snapshot alone holds the same.
        try (EnsEmulator again = start(file, Timings.all(TransitionTiming.immediate()))) {
            SdkCaller sdk = new SdkCaller(again, ADMIN);
            assertThat(sdk.call("DescribeEnsEipAddresses", "AllocationId", "eip-free").path("EipAddresses")
                    .path("EipAddress").get(0).path("Status").asText()).as("due now with immediate timing")
                    .isEqualTo("InUse");
            sdk.shutdown();
        }
    }

    private static EnsEmulator start(Path file, Timings timings) {
        Scenario scenario = HaNeighbourhoodSdkTest.scenario();
        scenario = scenario.withNeighbourhood(Stream.concat(scenario.eips().stream(), Stream.of(
                HaNeighbourhoodSdkTest.eip("eip-free-2", "47.1.1.9", TestScenarios.REGION, "Available", null, null)))
                .toList(), scenario.securityGroups(), scenario.events());
        return EnsEmulator.builder().port(0).scenario(scenario).account(ADMIN).timings(timings).stateFile(file)
                .eipOnHaVip(true).controlToken("token-for-state-1").start();
    }

    private static Path crashImage(Path file, Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path p : files.toList()) {
                Files.copy(p, into.resolve(p.getFileName()));
            }
        }
        return into.resolve(file.getFileName());
    }
}
