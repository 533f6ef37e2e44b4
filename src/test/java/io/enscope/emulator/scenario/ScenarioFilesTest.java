package io.enscope.emulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioFilesTest {
    @TempDir
    Path dir;

    @Test
    void demoRoundTripsThroughAFile() throws IOException {
        Path file = dir.resolve("demo.json");
        Scenario demo = DemoScenario.create();
        ScenarioFiles.write(file, demo);
        assertThat(ScenarioFiles.read(file)).isEqualTo(demo);
        assertThat(filesIn(dir)).containsExactly("demo.json");
    }

    @Test
    void largeRoundTripsThroughAFile() throws IOException {
        Path file = dir.resolve("large.json");
        Scenario large = LargeScenario.create(7);
        ScenarioFiles.write(file, large);
        assertThat(ScenarioFiles.read(file)).isEqualTo(large);
    }

    @Test
    void writesTheApiFieldNames() throws IOException {
        Path file = dir.resolve("demo.json");
        ScenarioFiles.write(file, DemoScenario.create());
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"Regions\"", "\"EnsRegionId\"", "\"EnName\"", "\"Networks\"", "\"NetworkId\"",
                "\"VSwitches\"", "\"VSwitchId\"", "\"CidrBlock\"", "\"Instances\"", "\"InstanceId\"",
                "\"PrivateIpAddress\"", "\"OSName\"", "\"Cpu\"", "\"NetworkInterfaces\"", "\"NetworkInterfaceId\"",
                "\"PrimaryIp\"", "\"MacAddress\"", "\"HaVips\"", "\"HaVipId\"", "\"AssociatedInstances\"",
                "\"InstanceType\"", "杭州电信");
        assertThat(json).doesNotContain("\"ensRegionId\"", "\"vSwitchId\"", "\"haVips\"", "\"VswitchId\"",
                "\"OsName\"", ": null");
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("HaVips").get(0).get("AssociatedInstances").get(0).get("InstanceType").asText())
                .isEqualTo("EnsInstance");
    }

    @Test
    void readsAHandWrittenFileIgnoringUnknownFields() throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, """
                {
                  "Comment": "written by hand",
                  "Regions": [{"EnsRegionId": "cn-wuhan-telecom", "Name": "武汉电信", "Extra": 1}],
                  "Networks": [{"NetworkId": "n-1", "EnsRegionId": "cn-wuhan-telecom", "CidrBlock": "10.0.0.0/16"}],
                  "VSwitches": [{"VSwitchId": "vsw-1", "NetworkId": "n-1", "EnsRegionId": "cn-wuhan-telecom",
                                 "CidrBlock": "10.0.1.0/24"}],
                  "Instances": [{"InstanceId": "i-1", "VSwitchId": "vsw-1", "Status": "Running",
                                 "PrivateIpAddress": "10.0.1.10", "OsName": "CentOS 7.9 64位", "Memory": 2048}],
                  "HaVips": [{"HaVipId": "havip-1", "VSwitchId": "vsw-1", "IpAddress": "10.0.1.100",
                              "AssociatedInstances": [{"InstanceId": "i-1", "InstanceType": "EnsInstance",
                                                       "Status": "InUse"}]}]
                }
                """, StandardCharsets.UTF_8);
        Scenario s = ScenarioFiles.read(file);
        assertThat(s.regions()).singleElement().extracting(Scenario.RegionRec::name).isEqualTo("武汉电信");
        assertThat(s.vSwitches()).singleElement().extracting(Scenario.VSwitchRec::vSwitchId).isEqualTo("vsw-1");
        assertThat(s.instances().get(0).osName()).isEqualTo("CentOS 7.9 64位");
        assertThat(s.instances().get(0).memory()).isEqualTo(2048);
        assertThat(s.networkInterfaces()).isEmpty();
        assertThat(s.haVips().get(0).associatedInstances()).hasSize(1);
        ScenarioChecks.load(s);
    }

    @Test
    void malformedJsonNamesTheFileAndThePlace() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"Regions\": [\n    {\"EnsRegionId\": \"cn-x\",,}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 3");
    }

    @Test
    void wrongTypesNameTheFile() throws IOException {
        Path file = dir.resolve("types.json");
        Files.writeString(file, "{\"Instances\": [{\"InstanceId\": \"i-1\", \"Memory\": \"lots\"}]}",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a valid scenario");
    }

    @Test
    void emptyOrNullFilesAreRejected() throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> ScenarioFiles.read(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(empty.toString());
        Path nullFile = dir.resolve("null.json");
        Files.writeString(nullFile, "null");
        assertThatThrownBy(() -> ScenarioFiles.read(nullFile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(nullFile.toString());
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        assertThatThrownBy(() -> ScenarioFiles.read(array))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(array.toString());
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not found");
    }

    @Test
    void resolvesNamesAndFiles() throws IOException {
        assertThat(ScenarioFiles.resolve("demo", 1)).isEqualTo(DemoScenario.create());
        assertThat(ScenarioFiles.resolve("large", 3).instances())
                .isEqualTo(LargeScenario.create(3).instances());
        Path file = dir.resolve("mine.json");
        Scenario small = new Scenario(DemoScenario.create().regions(), null, null, null, null, null);
        ScenarioFiles.write(file, small);
        assertThat(ScenarioFiles.resolve(file.toString(), 0)).isEqualTo(small);
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> ScenarioFiles.resolve(missing.toString(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario file")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> ScenarioFiles.resolve(" ", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeReplacesTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "old");
        Scenario demo = DemoScenario.create();
        ScenarioFiles.write(file, demo);
        assertThat(ScenarioFiles.read(file)).isEqualTo(demo);
        assertThat(filesIn(dir)).containsExactly("state.json");
    }

    @Test
    void writeKeepsThePermissionsOfTheReplacedFile() throws IOException {
        Path file = dir.resolve("shared.json");
        Files.writeString(file, "old");
        Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class));
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(file, perms);
        ScenarioFiles.write(file, DemoScenario.create());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(perms);
    }

    @Test
    void failedContentKeepsTheOldFileAndRemovesTheTemporaryFile() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "old content");
        assertThatThrownBy(() -> ScenarioFiles.writeAtomically(file, out -> {
            out.write("{\"Regions\": [".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("old content");
        assertThat(filesIn(dir)).containsExactly("state.json");

        assertThatThrownBy(() -> ScenarioFiles.writeAtomically(file, out -> {
            out.write('{');
            throw new IllegalStateException("serializer bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(file)).isEqualTo("old content");
        assertThat(filesIn(dir)).containsExactly("state.json");
    }

    @Test
    void failedRenameRemovesTheTemporaryFile() throws IOException {
        // A non-empty directory cannot be replaced by a file, so the final move fails (even as root).
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "kept");
        assertThatThrownBy(() -> ScenarioFiles.write(target, DemoScenario.create())).isInstanceOf(IOException.class);
        assertThat(filesIn(dir)).containsExactly("occupied");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
    }

    @Test
    void unwritableDirectoryKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("missing-dir").resolve("state.json");
        assertThatThrownBy(() -> ScenarioFiles.write(file, DemoScenario.create())).isInstanceOf(IOException.class);
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
