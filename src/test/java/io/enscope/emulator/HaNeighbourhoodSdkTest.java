package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.enscope.emulator.scenario.EipRec;
import io.enscope.emulator.scenario.EventRec;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.SecurityGroupRec;
import io.enscope.emulator.scenario.SecurityGroupRec.PermissionRec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EIP, security-group and event operations (ens-api-ha.md §2.1–2.6, §2.11) through the real
 * aliyun-java-sdk-core: exact shapes and JSON types, paging, filters, both list encodings, errors,
 * the EIP binding transitions and the {@code --eip-on-havip} option.
 */
class HaNeighbourhoodSdkTest {
    private static final Account ADMIN = new Account("ha-admin", "ha-admin-secret", false);
    private static final Account READER = new Account("ha-reader", "ha-reader-secret", true);
    private static final long NOT_BEFORE = 1_800_000_000_000L;

    private EnsEmulator emulator;
    private SdkCaller admin;
    private SdkCaller reader;

    static Scenario scenario() {
        Scenario base = TestScenarios.small();
        List<EipRec> eips = new ArrayList<>();
        eips.add(eip("eip-free", "47.1.1.1", TestScenarios.REGION, "Available", null, null));
        eips.add(eip("eip-run", "47.1.1.2", TestScenarios.REGION, "InUse", "i-run", "EnsInstance"));
        eips.add(eip("eip-vip", "47.1.1.3", TestScenarios.REGION, "InUse", "havip-bound", "HaVip"));
        eips.add(eip("eip-other", "47.9.1.1", "cn-other-unicom", "Available", null, null));
        for (int i = 0; i < 12; i++) {
            eips.add(eip("eip-pool-" + i, "47.1.2." + i, TestScenarios.REGION, "Available", null, null));
        }
        List<SecurityGroupRec> groups = List.of(
                new SecurityGroupRec("sg-test", "ha-peers", "lets peers talk", "2024-01-01T00:00:00Z", List.of(
                        new PermissionRec("ingress", "Accept", 1, "ALL", "-1/-1", "-1/-1", "10.0.0.0/16", null, null,
                                "2024-01-01T00:00:00Z", "peers"),
                        new PermissionRec("ingress", "Accept", 2, "ALL", "-1/-1", "-1/-1", null, null, "sg-test",
                                "2024-01-01T00:00:00Z", "members"),
                        new PermissionRec("egress", "Accept", 1, "ALL", "-1/-1", "-1/-1", null, "0.0.0.0/0", null,
                                "2024-01-01T00:00:00Z", "out"))),
                new SecurityGroupRec("sg-o", "locked", "HTTPS only", "2024-01-01T00:00:00Z", List.of(
                        new PermissionRec("ingress", "Accept", 1, "TCP", "443/443", "-1/-1", "0.0.0.0/0", null, null,
                                "2024-01-01T00:00:00Z", "https"))));
        List<EventRec> events = List.of(
                new EventRec("e-redeploy", "Instance:SystemMaintenance.Redeploy", "WARN", "Scheduled", "i-stop",
                        "maintenance", "{}", NOT_BEFORE, NOT_BEFORE - 86_400_000L),
                new EventRec("e-reboot", "Instance:SystemFailure.Reboot", "CRITICAL", "Executed", "i-run",
                        "host error", "{}", NOT_BEFORE - 1000, NOT_BEFORE - 2000),
                new EventRec("e-disk", "Disk:Stalled", "INFO", "Scheduled", "i-stop", "", "{\"k\":1}", NOT_BEFORE,
                        NOT_BEFORE));
        return base.withNeighbourhood(eips, groups, events);
    }

    static EipRec eip(String id, String ip, String region, String status, String instance, String type) {
        return new EipRec(id, ip, id + "-name", "", region, "telecom", status, instance, type, false, 50,
                "PostPaid", "95BandwidthByMonth", "1624885274000");
    }

    private void start(boolean eipOnHaVip) {
        emulator = EnsEmulator.builder().port(0).scenario(scenario())
                .timings(Timings.all(TransitionTiming.afterPolls(2)))
                .eipOnHaVip(eipOnHaVip).controlToken("token-for-events-1")
                .account(ADMIN).account(READER).start();
        admin = new SdkCaller(emulator, ADMIN);
        reader = new SdkCaller(emulator, READER);
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            admin.shutdown();
            reader.shutdown();
            emulator.close();
        }
    }

    // ---- EIPs ---------------------------------------------------------------------------

    @Test
    void describeEnsEipAddressesIsWrappedWithIntegerPagingAndTypedFields() {
        start(false);
        JsonNode body = admin.call("DescribeEnsEipAddresses", "AllocationId", "eip-run");
        assertThat(body.path("TotalCount").isInt()).isTrue();
        assertThat(body.path("PageNumber").isInt()).isTrue();
        assertThat(body.path("PageSize").asInt()).isEqualTo(10);
        JsonNode eip = body.path("EipAddresses").path("EipAddress").get(0);
        assertThat(eip.path("AllocationId").asText()).isEqualTo("eip-run");
        assertThat(eip.path("IpAddress").asText()).isEqualTo("47.1.1.2");
        assertThat(eip.path("Status").asText()).isEqualTo("InUse");
        assertThat(eip.path("InstanceId").asText()).isEqualTo("i-run");
        assertThat(eip.path("InstanceType").asText()).isEqualTo("EnsInstance");
        assertThat(eip.path("Standby").isBoolean()).isTrue();
        assertThat(eip.path("Bandwidth").isInt()).isTrue();
        assertThat(eip.path("AllocationTime").isTextual()).as("epoch ms, but a string").isTrue();
        assertThat(eip.path("IcmpReplyEnabled").isBoolean()).isTrue();
        assertThat(eip.path("Tags").path("Tag").isArray()).isTrue();
    }

    @Test
    void describeEnsEipAddressesPagesAndFilters() {
        start(false);
        JsonNode first = admin.call("DescribeEnsEipAddresses", "EnsRegionIds.1", TestScenarios.REGION,
                "PageSize", "10");
        assertThat(first.path("TotalCount").asInt()).isEqualTo(15);
        assertThat(first.path("EipAddresses").path("EipAddress")).hasSize(10);
        JsonNode second = admin.call("DescribeEnsEipAddresses", "EnsRegionIds.1", TestScenarios.REGION,
                "PageSize", "10", "PageNumber", "2");
        assertThat(second.path("EipAddresses").path("EipAddress")).hasSize(5);
        assertThat(admin.call("DescribeEnsEipAddresses", "EnsRegionIds", "[\"cn-other-unicom\"]")
                .path("TotalCount").asInt()).as("the JSON-array encoding").isEqualTo(1);
        assertThat(admin.call("DescribeEnsEipAddresses", "AllocationId", "eip-free,eip-other")
                .path("TotalCount").asInt()).as("comma-separated ids").isEqualTo(2);
        assertThat(admin.call("DescribeEnsEipAddresses", "EipAddress", "47.1.1.1,47.9.1.1,47.1.1.3")
                .path("TotalCount").asInt()).isEqualTo(3);
        assertThat(admin.call("DescribeEnsEipAddresses", "AssociatedInstanceId", "i-run")
                .path("TotalCount").asInt()).isEqualTo(1);
        assertThat(admin.call("DescribeEnsEipAddresses", "EnsRegionId", "cn-other-unicom")
                .path("TotalCount").asInt()).isEqualTo(1);
        assertThat(admin.errorCode("DescribeEnsEipAddresses", "PageSize", "101"))
                .isEqualTo("InvalidParameter.PageSize");
        assertThat(admin.errorCode("DescribeEnsEipAddresses", "Standby", "maybe"))
                .isEqualTo("InvalidParameter.Standby");
    }

    @Test
    void associateGoesThroughAssociatingToInUseAndUnassociateBackToAvailable() {
        start(false);
        admin.call("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "i-stop");
        JsonNode eip = eipOf("eip-free");
        assertThat(eip.path("Status").asText()).isEqualTo("Associating");
        assertThat(eip.path("InstanceId").asText()).isEqualTo("i-stop");
        assertThat(eipOf("eip-free").path("Status").asText()).as("after two polls").isEqualTo("InUse");

        assertThat(admin.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "i-run"))
                .isEqualTo("IncorrectEipStatus");
        admin.call("UnAssociateEnsEipAddress", "AllocationId", "eip-free");
        assertThat(eipOf("eip-free").path("Status").asText()).isEqualTo("Unassociating");
        JsonNode done = eipOf("eip-free");
        assertThat(done.path("Status").asText()).isEqualTo("Available");
        assertThat(done.path("InstanceId").asText()).isEmpty();
    }

    @Test
    void eipErrorsAreTheDocumentedOnes() {
        start(false);
        assertThat(admin.errorCode("AssociateEnsEipAddress", "InstanceId", "i-run")).isEqualTo("MissingAllocationId");
        assertThat(admin.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-free"))
                .isEqualTo("MissingInstanceId");
        assertThat(admin.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-nope", "InstanceId", "i-run"))
                .isEqualTo("EipNotFound");
        assertThat(admin.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "i-nope"))
                .isEqualTo("InstanceNotFound");
        assertThat(admin.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-other", "InstanceId", "i-run"))
                .as("another edge node").isEqualTo("InvalidParameter.InstanceId");
        assertThat(admin.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "i-run",
                "InstanceType", "Router")).isEqualTo("InvalidParameter.InstanceType");
        assertThat(reader.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "i-run"))
                .isEqualTo("NoPermission");
        assertThat(admin.errorCode("UnAssociateEnsEipAddress", "AllocationId", "eip-free"))
                .isEqualTo("IncorrectEipStatus");
        assertThat(admin.errorCode("UnAssociateEnsEipAddress", "AllocationId", "eip-nope")).isEqualTo("EipNotFound");
        assertThat(admin.errorCode("UnAssociateEnsEipAddress")).isEqualTo("MissingAllocationId");
    }

    @Test
    void anEipOnAHaVipIsRefusedUnlessTheOptionIsOnAndIsReadThroughDescribeHaVips() {
        start(false);
        assertThat(admin.errorCode("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "havip-free",
                "InstanceType", "HaVip")).isEqualTo("InvalidParameter.InstanceType");
        JsonNode bound = admin.call("DescribeHaVips", "HaVipId", "havip-bound").path("HaVips").get(0);
        JsonNode eips = bound.path("AssociatedEipAddresses");
        assertThat(eips.isArray()).as("a flat array").isTrue();
        assertThat(eips).hasSize(1);
        assertThat(eips.get(0).path("EipId").asText()).isEqualTo("eip-vip");
        assertThat(eips.get(0).path("Eip").asText()).isEqualTo("47.1.1.3");
        assertThat(eips.get(0).size()).as("two strings and nothing else").isEqualTo(2);
        stop();

        start(true);
        admin.call("AssociateEnsEipAddress", "AllocationId", "eip-free", "InstanceId", "havip-free",
                "InstanceType", "HaVip");
        JsonNode free = admin.call("DescribeHaVips", "HaVipId", "havip-free").path("HaVips").get(0);
        assertThat(free.path("AssociatedEipAddresses").get(0).path("EipId").asText()).isEqualTo("eip-free");
        assertThat(eipOf("eip-free").path("InstanceType").asText()).isEqualTo("HaVip");
        assertThat(eipOf("eip-free").path("Status").asText()).as("after two polls").isEqualTo("InUse");
        assertThat(admin.errorCode("DeleteHaVips", "HaVipIds.1", "havip-free")).as("its EIP is still bound")
                .isEqualTo("IncorrectHaVipStatus");
        admin.call("UnAssociateEnsEipAddress", "AllocationId", "eip-free");
        assertThat(eipOf("eip-free").path("Status").asText()).isEqualTo("Unassociating");
        assertThat(eipOf("eip-free").path("Status").asText()).isEqualTo("Available");
        admin.call("DeleteHaVips", "HaVipIds.1", "havip-free");
    }

    private JsonNode eipOf(String id) {
        return admin.call("DescribeEnsEipAddresses", "AllocationId", id).path("EipAddresses").path("EipAddress").get(0);
    }

    // ---- security groups --------------------------------------------------------------------

    @Test
    void describeSecurityGroupsListsMembersAndPages() {
        start(false);
        JsonNode body = admin.call("DescribeSecurityGroups", "PageSize", "1");
        assertThat(body.path("TotalCount").asInt()).isEqualTo(2);
        assertThat(body.path("PageSize").isInt()).isTrue();
        JsonNode group = body.path("SecurityGroups").path("SecurityGroup").get(0);
        assertThat(group.path("SecurityGroupId").asText()).isEqualTo("sg-test");
        assertThat(group.path("InstanceCount").isInt()).isTrue();
        assertThat(group.path("InstanceCount").asInt()).isEqualTo(5);
        assertThat(group.path("InstanceIds").path("InstanceId")).hasSize(5);
        assertThat(group.path("NetworkInterfaceIds").path("NetworkInterfaceId")).hasSize(5);
        JsonNode second = admin.call("DescribeSecurityGroups", "PageSize", "1", "PageNumber", "2");
        assertThat(second.path("SecurityGroups").path("SecurityGroup").get(0).path("SecurityGroupId").asText())
                .isEqualTo("sg-o");
        assertThat(admin.call("DescribeSecurityGroups", "SecurityGroupName", "locked").path("TotalCount").asInt())
                .isEqualTo(1);
        assertThat(admin.errorCode("DescribeSecurityGroups", "PageSize", "51")).isEqualTo("InvalidParameter.PageSize");
    }

    @Test
    void describeSecurityGroupAttributeGivesEveryRule() {
        start(false);
        JsonNode body = admin.call("DescribeSecurityGroupAttribute", "SecurityGroupId", "sg-test");
        assertThat(body.path("SecurityGroupName").asText()).isEqualTo("ha-peers");
        JsonNode rules = body.path("Permissions").path("Permission");
        assertThat(rules).hasSize(3);
        JsonNode first = rules.get(0);
        assertThat(first.path("Direction").asText()).isEqualTo("ingress");
        assertThat(first.path("Policy").asText()).isEqualTo("Accept");
        assertThat(first.path("Priority").isInt()).isTrue();
        assertThat(first.path("IpProtocol").asText()).isEqualTo("ALL");
        assertThat(first.path("PortRange").asText()).isEqualTo("-1/-1");
        assertThat(first.path("SourceCidrIp").asText()).isEqualTo("10.0.0.0/16");
        assertThat(rules.get(1).path("SourceGroupId").asText()).isEqualTo("sg-test");
        assertThat(rules.get(2).path("DestCidrIp").asText()).isEqualTo("0.0.0.0/0");
        assertThat(admin.errorCode("DescribeSecurityGroupAttribute")).isEqualTo("MissingSecurityGroupId");
        assertThat(admin.errorCode("DescribeSecurityGroupAttribute", "SecurityGroupId", "sg-nope"))
                .isEqualTo("InvalidSecurityGroupId.NotFound");
    }

    @Test
    void instancesCarryTheirSecurityGroupIds() {
        start(false);
        JsonNode instance = admin.call("DescribeInstances", "InstanceId", "i-run").path("Instances")
                .path("Instance").get(0);
        assertThat(instance.path("SecurityGroupIds").path("SecurityGroupId").get(0).asText()).isEqualTo("sg-test");
    }

    // ---- events --------------------------------------------------------------------------------

    @Test
    void describeHistoryEventsIsAFlatListWithEpochMillisAsNumbers() {
        start(false);
        JsonNode body = admin.call("DescribeHistoryEvents", "EventTypes", "Instance:SystemMaintenance.Redeploy");
        assertThat(body.path("TotalCount").isInt()).isTrue();
        assertThat(body.path("Events").isArray()).as("flat").isTrue();
        JsonNode event = body.path("Events").get(0);
        assertThat(event.path("EventId").asText()).isEqualTo("e-redeploy");
        assertThat(event.path("EventStatus").asText()).isEqualTo("Scheduled");
        assertThat(event.path("EventLevel").asText()).isEqualTo("WARN");
        assertThat(event.path("ResourceId").asText()).isEqualTo("i-stop");
        assertThat(event.path("NotBefore").isIntegralNumber()).isTrue();
        assertThat(event.path("NotBefore").asLong()).isEqualTo(NOT_BEFORE);
        assertThat(event.path("PublishTime").isIntegralNumber()).isTrue();
        assertThat(event.path("ExtendedAttribute").isTextual()).as("JSON text in a string").isTrue();
        assertThat(event.path("NotBeforeUtcTime").asText()).isEqualTo("2027-01-15T08:00:00Z");
    }

    @Test
    void eventListsAreReadCommaJoinedAndAsRepeatLists() {
        start(false);
        assertThat(admin.call("DescribeHistoryEvents",
                "EventTypes", "Instance:SystemMaintenance.Redeploy,Instance:SystemFailure.Reboot,Disk:Stalled")
                .path("TotalCount").asInt()).isEqualTo(3);
        assertThat(admin.call("DescribeHistoryEvents", "EventTypes.1", "Instance:SystemMaintenance.Redeploy",
                "EventTypes.2", "Instance:SystemFailure.Reboot").path("TotalCount").asInt()).isEqualTo(2);
        assertThat(admin.call("DescribeHistoryEvents", "EventTypes",
                "[\"Instance:SystemMaintenance.Redeploy\",\"Disk:Stalled\"]").path("TotalCount").asInt())
                .as("the JSON-array encoding").isEqualTo(2);
        assertThat(admin.call("DescribeHistoryEvents", "EventTypes", "Instance:SystemMaintenance.Redeploy,"
                + "Instance:SystemFailure.Reboot,Disk:Stalled", "EventStatus", "Scheduled,Executing",
                "ResourceIds.1", "i-stop").path("TotalCount").asInt()).isEqualTo(2);
        assertThat(admin.call("DescribeHistoryEvents", "EventTypes", "Instance:SystemMaintenance.Redeploy,"
                + "Instance:SystemFailure.Reboot,Disk:Stalled", "EventLevels", "CRITICAL")
                .path("TotalCount").asInt()).isEqualTo(1);
        JsonNode page2 = admin.call("DescribeHistoryEvents", "EventTypes", "Instance:SystemMaintenance.Redeploy,"
                + "Instance:SystemFailure.Reboot,Disk:Stalled", "PageSize", "2", "PageNumber", "2");
        assertThat(page2.path("Events")).hasSize(1);
        assertThat(page2.path("TotalCount").asInt()).isEqualTo(3);
    }

    @Test
    void describeHistoryEventsRefusesMissingOrUnknownValues() {
        start(false);
        assertThat(admin.errorCode("DescribeHistoryEvents")).isEqualTo("MissingEventTypes");
        assertThat(admin.errorCode("DescribeHistoryEvents", "EventTypes", "Instance:Nonsense"))
                .isEqualTo("InvalidParameter.EventTypes");
        assertThat(admin.errorCode("DescribeHistoryEvents", "EventTypes", "Disk:Stalled", "EventStatus", "Later"))
                .isEqualTo("InvalidParameter.EventStatus");
    }

    @Test
    void theControlEndpointSchedulesAnEventAndRefusesBadBodies() {
        start(false);
        RawHttp http = new RawHttp(emulator.port());
        Map<String, String> token = Map.of("X-Emulator-Token", "token-for-events-1");
        RawHttp.Response added = http.send("POST", "/_emulator/events", token,
                ("{\"EventType\": \"Instance:RegionNetworkDown\", \"ResourceId\": \"i-busy\", \"NotBefore\": "
                        + NOT_BEFORE + ", \"EventLevel\": \"CRITICAL\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).isEqualTo(200);
        String id = added.json().path("EventId").asText();
        assertThat(id).startsWith("e-");
        JsonNode listed = admin.call("DescribeHistoryEvents", "EventTypes", "Instance:RegionNetworkDown",
                "ResourceIds", "i-busy").path("Events").get(0);
        assertThat(listed.path("EventId").asText()).isEqualTo(id);
        assertThat(listed.path("EventStatus").asText()).isEqualTo("Scheduled");
        assertThat(listed.path("NotBefore").asLong()).isEqualTo(NOT_BEFORE);

        assertThat(post(http, token, "not json").json().path("Message").asText()).contains("JSON object");
        assertThat(post(http, token, "{\"EventType\": \"Nope\", \"ResourceId\": \"i-run\"}").json()
                .path("Message").asText()).contains("EventType must be one of");
        assertThat(post(http, token, "{\"EventType\": \"Disk:Stalled\", \"ResourceId\": \"i-gone\"}").json()
                .path("Message").asText()).contains("ResourceId");
        assertThat(post(http, token, "{\"EventType\": \"Disk:Stalled\", \"ResourceId\": \"i-run\", "
                + "\"NotBefore\": \"soon\"}").json().path("Message").asText()).contains("NotBefore");
        assertThat(post(http, token, "{\"Colour\": \"red\"}").json().path("Message").asText())
                .contains("Unknown field Colour");
        assertThat(http.send("POST", "/_emulator/events", Map.of("X-Emulator-Token", "wrong-token-xxxxxx"),
                "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }

    private static RawHttp.Response post(RawHttp http, Map<String, String> token, String body) {
        RawHttp.Response r = http.send("POST", "/_emulator/events", token, body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(body).isEqualTo(400);
        return r;
    }

    @Test
    void theDocumentedLimitsTableListsTheNewOperations() {
        for (String op : List.of("DescribeEnsEipAddresses", "AssociateEnsEipAddress", "UnAssociateEnsEipAddress",
                "DescribeSecurityGroups", "DescribeSecurityGroupAttribute", "DescribeHistoryEvents")) {
            assertThat(RateLimits.DOCUMENTED.operations()).as(op).containsKey(op);
            assertThat(RateLimits.DOCUMENTED.of(op)).isEqualTo(RateLimits.DOCUMENTED.fallback());
        }
    }
}
