package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.enscope.emulator.scenario.DemoScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DescribeInstances through the real SDK on the demo: every documented filter is applied or
 * refused with a clear error, OrderByParams sorts, and the documented instance fields are served.
 */
class InstanceFiltersSdkTest {
    private static final Account ADMIN = new Account("test-admin", "test-admin-secret", false);

    private static EnsEmulator emulator;
    private static SdkCaller admin;

    @BeforeAll
    static void start() {
        emulator = EnsEmulator.builder().port(0).scenario(DemoScenario.create())
                .timings(Timings.all(TransitionTiming.afterPolls(0))).account(ADMIN).start();
        admin = new SdkCaller(emulator, ADMIN);
    }

    @AfterAll
    static void stop() {
        admin.shutdown();
        emulator.close();
    }

    // ---- filters applied ----------------------------------------------------------------

    @Test
    void imageIdKeepsOnlyInstancesOfThatImage() {
        List<JsonNode> all = instances();
        List<JsonNode> centos = instances("ImageId", "centos_7_9_x64_20G_alibase_20240628");
        assertThat(centos).isNotEmpty().hasSizeLessThan(all.size())
                .allMatch(i -> i.path("ImageId").asText().equals("centos_7_9_x64_20G_alibase_20240628"));
        assertThat(instances("ImageId", "no-such-image")).isEmpty();
    }

    @Test
    void instanceTypeIsTheSpecName() {
        List<JsonNode> medium = instances("InstanceType", "ens.sn1.medium");
        assertThat(medium).isNotEmpty().allMatch(i -> i.path("SpecName").asText().equals("ens.sn1.medium"));
        assertThat(medium.size()).isLessThan(instances().size());
    }

    @Test
    void securityGroupIdKeepsTheGroupsMembers() {
        String sg = one("lb-hz-01").path("SecurityGroupIds").path("SecurityGroupId").get(0).asText();
        List<JsonNode> members = instances("SecurityGroupId", sg);
        assertThat(members).isNotEmpty().hasSizeLessThan(instances().size())
                .allMatch(i -> i.path("SecurityGroupIds").path("SecurityGroupId").get(0).asText().equals(sg));
    }

    @Test
    void instanceResourceTypeAndEnsServiceIdKeepTheCdnService() {
        List<JsonNode> services = instances("InstanceResourceType", "EnsService");
        assertThat(services).hasSize(11).allMatch(i -> i.path("InstanceName").asText().startsWith("cdn-bj-"));
        assertThat(instances("EnsServiceId", "ens-svc-cdn-bj")).hasSize(11);
        assertThat(instances("InstanceResourceType", "EnsInstance")).hasSize(instances().size() - 11);
        assertThat(admin.errorCode("DescribeInstances", "InstanceResourceType", "Pod"))
                .isEqualTo("InvalidParameter.InstanceResourceType");
    }

    @Test
    void tagsFilterInBothEncodings() {
        List<JsonNode> json = instances("Tags", "[{\"Key\":\"env\",\"Value\":\"staging\"}]");
        assertThat(json).hasSize(4).allMatch(i -> i.path("InstanceName").asText().startsWith("stg-"));
        List<JsonNode> repeated = instances("Tags.1.Key", "env", "Tags.1.Value", "staging");
        assertThat(names(repeated)).isEqualTo(names(json));
        assertThat(instances("Tags", "[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"tier\",\"Value\":\"db\"}]"))
                .extracting(i -> i.path("InstanceName").asText())
                .containsExactlyInAnyOrder("db-hz-01", "db-hz-02", "db-bj-01", "db-bj-02");
        assertThat(instances("Tags", "[{\"Key\":\"owner\"}]")).as("a key alone matches any value")
                .hasSize(instances().size());
        assertThat(admin.errorCode("DescribeInstances", "Tags", "{\"Key\":\"env\"}"))
                .isEqualTo("InvalidParameter.Tags");
    }

    @Test
    void serviceStatusIsAListInBothEncodings() {
        List<JsonNode> expired = instances("ServiceStatus", "[\"Expired\"]");
        assertThat(expired).isNotEmpty().allMatch(i -> i.path("Status").asText().equals("Expired"));
        assertThat(instances("ServiceStatus.1", "Expired")).hasSameSizeAs(expired);
        assertThat(instances("ServiceStatus", "[\"Normal\",\"Expired\"]")).hasSize(instances().size());
    }

    // ---- filters refused ----------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"EipAddresses, '[\"47.1.1.1\"]'", "VpdId, vpd-1", "VpdVSwitchId, vsw-vpd-1",
            "Ipv6Address, '2408::1'"})
    void filtersWithoutDataAreRefusedNotIgnored(String name, String value) {
        SdkCaller.CallFailed failure = admin.failure("DescribeInstances", name, value);
        assertThat(failure.code).isEqualTo("InvalidParameter." + name);
        assertThat(failure.getMessage()).contains("does not support this filter");
    }

    // ---- OrderByParams ------------------------------------------------------------------

    @Test
    void orderByParamsSortsBeforePaging() {
        List<String> asc = names(instances("OrderByParams", "{\"InstanceNameSort\":\"asc\"}"));
        List<String> sorted = new ArrayList<>(asc);
        sorted.sort(null);
        assertThat(asc).isEqualTo(sorted).hasSize(instances().size());
        List<String> desc = names(instances("OrderByParams", "{\"InstanceNameSort\":\"desc\"}"));
        assertThat(desc.get(0)).isEqualTo(asc.get(asc.size() - 1));
        List<String> byCreation = new ArrayList<>();
        instances("OrderByParams", "{\"CreationTimeSort\":\"desc\"}")
                .forEach(i -> byCreation.add(i.path("CreationTime").asText()));
        assertThat(byCreation).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(admin.errorCode("DescribeInstances", "OrderByParams", "{\"NameSort\":\"asc\"}"))
                .isEqualTo("InvalidParameter.OrderByParams");
        assertThat(admin.errorCode("DescribeInstances", "OrderByParams", "{\"InstanceNameSort\":\"up\"}"))
                .isEqualTo("InvalidParameter.OrderByParams");
        assertThat(admin.errorCode("DescribeInstances", "OrderByParams", "[1]"))
                .isEqualTo("InvalidParameter.OrderByParams");
    }

    // ---- fields -------------------------------------------------------------------------

    @Test
    void documentedFieldsHaveTheModelsShapes() {
        JsonNode db = one("db-hz-01");
        assertThat(db.path("InternetMaxBandwidthIn").isInt()).isTrue();
        assertThat(db.path("InternetMaxBandwidthOut").isInt()).isTrue();
        assertThat(db.path("KeyPairName").asText()).isEqualTo("ops-cn-hangzhou-telecom");
        assertThat(db.path("AutoReleaseTime").isTextual()).isTrue();
        assertThat(db.path("ServiceStatus").asText()).isEqualTo("Normal");
        assertThat(db.path("InstanceResourceType").asText()).isEqualTo("EnsInstance");
        JsonNode system = db.path("SystemDisk");
        assertThat(system.path("DiskId").asText()).startsWith("d-");
        assertThat(system.path("Size").isInt()).isTrue();
        assertThat(system.path("disk_type").asText()).isEqualTo("system");
        assertThat(system.path("device_type").asText()).isEqualTo("vda");
        assertThat(system.path("storage").asInt()).isEqualTo(system.path("Size").asInt());
        assertThat(system.has("uuid")).isTrue();
        JsonNode data = db.path("DataDisk").path("DataDisk");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).path("DiskSize").asInt()).isEqualTo(500);
        assertThat(data.get(0).path("Size").asInt()).isEqualTo(512000);
        assertThat(data.get(0).path("Encrypted").isBoolean()).isTrue();
        assertThat(data.get(0).path("disk_type").asText()).isEqualTo("data");
        JsonNode tags = db.path("Tags").path("Tags");
        assertThat(tags).hasSize(3);
        assertThat(tags.get(0).path("TagKey").asText()).isEqualTo("env");
        assertThat(tags.get(0).path("TagValue").asText()).isEqualTo("prod");
        assertThat(one("web-hz-01").path("DataDisk").path("DataDisk")).isEmpty();
        assertThat(one("stg-web-hz-02").path("AutoReleaseTime").asText()).isNotEmpty();
    }

    private static JsonNode one(String name) {
        List<JsonNode> found = instances("InstanceName", name);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<String> names(List<JsonNode> instances) {
        List<String> names = new ArrayList<>();
        instances.forEach(i -> names.add(i.path("InstanceName").asText()));
        return names;
    }

    /** Every page of DescribeInstances with these filters. */
    static List<JsonNode> instances(String... filters) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> args = new ArrayList<>(List.of(filters));
            args.addAll(List.of("PageNumber", String.valueOf(page), "PageSize", "10"));
            JsonNode body = admin.call("DescribeInstances", args.toArray(new String[0]));
            JsonNode items = body.path("Instances").path("Instance");
            items.forEach(all::add);
            if (all.size() >= body.path("TotalCount").asInt() || items.isEmpty()) {
                return all;
            }
        }
    }
}
