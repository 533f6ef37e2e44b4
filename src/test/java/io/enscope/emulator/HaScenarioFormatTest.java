package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Route entries, tags and the later instance fields in the JSON scenario format and the
 * {@code --state} file; files written before them still load.
 */
class HaScenarioFormatTest {
    private static final Account ADMIN = new Account("test-admin", "test-admin-secret", false);

    @TempDir
    Path dir;

    @Test
    void theNewDataIsWrittenWithTheApisNames() throws Exception {
        Path file = dir.resolve("demo.json");
        ScenarioFiles.write(file, DemoScenario.create());
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"RouteEntries\"", "\"RouteEntryId\"", "\"RouteTableId\"", "\"NextHops\"",
                "\"NextHopType\"", "\"Tags\"", "\"Key\"", "\"SystemDisk\"", "\"DataDisks\"",
                "\"InternetMaxBandwidthIn\"", "\"KeyPairName\"", "\"InstanceResourceType\"");
        assertThat(ScenarioFiles.read(file)).isEqualTo(DemoScenario.create());
    }

    @Test
    void aFileWithoutTheNewFieldsLoadsAndIsServedWithDefaults() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                {
                  "Regions": [{"EnsRegionId": "cn-wuhan-telecom", "Name": "武汉电信"}],
                  "Networks": [{"NetworkId": "n-1", "EnsRegionId": "cn-wuhan-telecom", "CidrBlock": "10.0.0.0/16",
                                "Status": "Available"}],
                  "VSwitches": [{"VSwitchId": "vsw-1", "NetworkId": "n-1", "EnsRegionId": "cn-wuhan-telecom",
                                 "CidrBlock": "10.0.1.0/24", "Status": "Available"}],
                  "Instances": [{"InstanceId": "i-1", "InstanceName": "old", "VSwitchId": "vsw-1",
                                 "NetworkId": "n-1", "EnsRegionId": "cn-wuhan-telecom", "Status": "Running",
                                 "PrivateIpAddress": "10.0.1.10", "Disk": 40960}],
                  "HaVips": []
                }
                """, StandardCharsets.UTF_8);
        Scenario old = ScenarioFiles.read(file);
        assertThat(old.routeEntries()).isEmpty();
        assertThat(old.instances().get(0).tags()).isEmpty();
        try (EnsEmulator emulator = EnsEmulator.builder().port(0).scenario(old).account(ADMIN).start()) {
            SdkCaller sdk = new SdkCaller(emulator, ADMIN);
            try {
                JsonNode instance = sdk.call("DescribeInstances").path("Instances").path("Instance").get(0);
                assertThat(instance.path("Tags").path("Tags")).isEmpty();
                assertThat(instance.path("SystemDisk").path("Size").asInt()).isEqualTo(40960);
                assertThat(instance.path("DataDisk").path("DataDisk")).isEmpty();
                assertThat(instance.path("InstanceResourceType").asText()).isEqualTo("EnsService");
                assertThat(sdk.call("DescribeEnsRouteEntryList").path("TotalCount").asInt()).isZero();
                assertThat(sdk.call("ListTagResources", "ResourceType", "instance").path("TagResources")).isEmpty();
            } finally {
                sdk.shutdown();
            }
        }
    }

    @Test
    void theStateFileKeepsRoutesAndTagsAcrossARestart() throws Exception {
        Path state = dir.resolve("state.json");
        Scenario demo = DemoScenario.create();
        JsonNode routesBefore;
        JsonNode tagsBefore;
        try (EnsEmulator first = EnsEmulator.builder().port(0).scenario(demo).account(ADMIN).stateFile(state)
                .timings(Timings.all(TransitionTiming.immediate())).start()) {
            SdkCaller sdk = new SdkCaller(first, ADMIN);
            routesBefore = sdk.call("DescribeEnsRouteEntryList", "PageSize", "100").path("RouteEntrys");
            tagsBefore = sdk.call("ListTagResources", "ResourceType", "instance").path("TagResources");
            // A write, so that the journal has an entry past the snapshot.
            sdk.call("ModifyHaVipAttribute", "HaVipId", demo.haVips().get(0).haVipId(), "Name", "renamed");
            sdk.shutdown();
        }
        // Another scenario is given: the state file wins, with everything it holds.
        try (EnsEmulator second = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN)
                .stateFile(state).timings(Timings.all(TransitionTiming.immediate())).start()) {
            SdkCaller sdk = new SdkCaller(second, ADMIN);
            try {
                assertThat(sdk.call("DescribeEnsRouteEntryList", "PageSize", "100").path("RouteEntrys"))
                        .isEqualTo(routesBefore);
                assertThat(routesBefore).hasSize(demo.routeEntries().size());
                assertThat(sdk.call("ListTagResources", "ResourceType", "instance").path("TagResources"))
                        .isEqualTo(tagsBefore);
                assertThat(second.state().snapshot().routeEntries()).isEqualTo(demo.routeEntries());
                assertThat(second.state().snapshot().instances()).isEqualTo(demo.instances());
            } finally {
                sdk.shutdown();
            }
        }
    }

    @Test
    void aRouteOfAnUnknownTableIsRefusedWithAClearMessage() {
        Scenario demo = DemoScenario.create();
        Scenario.RouteEntryRec bad = new Scenario.RouteEntryRec("rte-x", "x", "vtb-nope", "1.0.0.0/8", null, "Custom",
                "Available", "", "2025-01-01T00:00:00Z",
                List.of(new Scenario.NextHopRec("HaVip", "havip-x", "x")));
        Scenario withBad = new Scenario(demo.regions(), demo.networks(), demo.vSwitches(), demo.instances(),
                demo.networkInterfaces(), demo.haVips(), List.of(bad));
        assertThatThrownBy(() -> EnsEmulator.builder().port(0).scenario(withBad).account(ADMIN).start().close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route entry rte-x refers to unknown route table vtb-nope");
    }
}
