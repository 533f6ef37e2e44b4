package io.enscope.emulator;

import com.aliyuncs.http.MethodType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation through the real aliyun-java-sdk-core with v1 signatures, against the emulator. */
class EmulatorSdkTest {
    private static final Account ADMIN = new Account("test-admin", "test-admin-secret", false);
    private static final Account READER = new Account("test-reader", "test-reader-secret", true);

    private EnsEmulator emulator;
    private SdkCaller admin;
    private SdkCaller reader;

    @BeforeEach
    void start() {
        emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small())
                .timings(Timings.all(TransitionTiming.afterPolls(2)))
                .account(ADMIN).account(READER).start();
        admin = new SdkCaller(emulator, ADMIN);
        reader = new SdkCaller(emulator, READER);
    }

    @AfterEach
    void stop() {
        admin.shutdown();
        reader.shutdown();
        emulator.close();
    }

    // ---- response shapes ----------------------------------------------------------------

    @Test
    void describeEnsRegionsWrapsTheListInEnsRegionsTwice() {
        JsonNode body = admin.call("DescribeEnsRegions");
        assertThat(body.path("RequestId").asText()).isNotEmpty();
        JsonNode list = body.path("EnsRegions").path("EnsRegions");
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("EnsRegionId").asText()).isEqualTo(TestScenarios.REGION);
        assertThat(list.get(0).has("EnName")).isTrue();
        assertThat(admin.call("DescribeEnsRegions", "EnsRegionId", "cn-other-unicom").path("EnsRegions")
                .path("EnsRegions")).hasSize(1);
    }

    @Test
    void describeNetworksIsWrappedWithIntegerPaging() {
        JsonNode body = admin.call("DescribeNetworks", "EnsRegionIds.1", TestScenarios.REGION);
        assertThat(body.path("TotalCount").isInt()).isTrue();
        assertThat(body.path("PageNumber").asInt()).isEqualTo(1);
        JsonNode network = body.path("Networks").path("Network").get(0);
        assertThat(network.path("NetworkId").asText()).isEqualTo("n-test");
        assertThat(network.path("VSwitchIds").path("VSwitchId")).hasSize(2);
    }

    @Test
    void describeVSwitchesFiltersByNetworkAndIds() {
        JsonNode body = admin.call("DescribeVSwitches", "NetworkId", "n-test");
        assertThat(body.path("TotalCount").asInt()).isEqualTo(2);
        JsonNode vsw = body.path("VSwitches").path("VSwitch").get(0);
        assertThat(vsw.path("VSwitchId").asText()).isEqualTo("vsw-a");
        assertThat(vsw.path("CidrBlock").asText()).isEqualTo("10.0.1.0/24");
        assertThat(vsw.path("FreeIpCount").isNumber()).isTrue();
        assertThat(admin.call("DescribeVSwitches", "VSwitchIds.1", "vsw-b").path("TotalCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void describeInstancesIsWrappedAndTakesJsonArrayIds() {
        JsonNode body = admin.call("DescribeInstances", "InstanceIds", "[\"i-run\",\"i-exp\"]");
        assertThat(body.path("TotalCount").asInt()).isEqualTo(2);
        JsonNode instance = body.path("Instances").path("Instance").get(0);
        assertThat(instance.path("InstanceId").asText()).isEqualTo("i-run");
        assertThat(instance.path("Cpu").isTextual()).isTrue();
        assertThat(instance.path("Memory").isInt()).isTrue();
        assertThat(instance.path("NetworkAttributes").path("VSwitchId").asText()).isEqualTo("vsw-a");
        assertThat(instance.path("NetworkAttributes").path("PrivateIpAddress").path("IpAddress").get(0).asText())
                .isEqualTo("10.0.1.10");
        JsonNode eni = instance.path("NetworkInterfaces").path("NetworkInterfaces").get(0);
        assertThat(eni.path("NetworkInterfaceId").asText()).isEqualTo("eni-primary");
        assertThat(eni.path("Type").asText()).isEqualTo("Primary");
        assertThat(admin.call("DescribeInstances", "EnsRegionIds", "[\"cn-other-unicom\"]", "Status", "Running")
                .path("TotalCount").asInt()).isEqualTo(30);
        assertThat(admin.call("DescribeInstances", "InstanceIds", "[]").path("TotalCount").asInt())
                .as("an empty InstanceIds array is a filter that matches nothing").isZero();
    }

    @Test
    void describeNetworkInterfacesIsWrappedAndFiltersByTypeAndStatus() {
        JsonNode body = admin.call("DescribeNetworkInterfaces", "VSwitchId", "vsw-a", "Type", "Secondary");
        assertThat(body.path("TotalCount").asInt()).isEqualTo(3);
        JsonNode eni = body.path("NetworkInterfaceSets").path("NetworkInterfaceSet").get(0);
        assertThat(eni.path("PrimaryIp").asText()).startsWith("10.0.1.");
        assertThat(eni.path("SecurityGroupIds").path("SecurityGroup").isArray()).isTrue();
        assertThat(admin.call("DescribeNetworkInterfaces", "NetworkInterfaceIds.1", "eni-sec",
                "NetworkInterfaceIds.2", "eni-primary").path("TotalCount").asInt()).isEqualTo(2);
        assertThat(admin.call("DescribeNetworkInterfaces", "Status", "Attaching").path("TotalCount").asInt())
                .isEqualTo(1);
        assertThat(admin.call("DescribeNetworkInterfaces", "InstanceId", "i-run").path("TotalCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void describeHaVipsIsAFlatListWithStringPaging() {
        JsonNode body = admin.call("DescribeHaVips", "HaVipId", "havip-bound");
        assertThat(body.path("TotalCount").isTextual()).isTrue();
        assertThat(body.path("PageNumber").asText()).isEqualTo("1");
        assertThat(body.path("PageSize").asText()).isEqualTo("10");
        JsonNode havip = body.path("HaVips").get(0);
        assertThat(havip.path("Status").asText()).isEqualTo("InUse");
        JsonNode assoc = havip.path("AssociatedInstances").get(0);
        assertThat(assoc.path("InstanceId").asText()).isEqualTo("i-stop");
        assertThat(assoc.path("InstanceType").asText()).isEqualTo("EnsInstance");
        assertThat(assoc.path("Status").asText()).isEqualTo("InUse");
        assertThat(havip.path("AssociatedEipAddresses").isArray()).isTrue();
    }

    // ---- paging ------------------------------------------------------------------------

    @Test
    void pagingWalksEveryPageExactlyOnce() {
        Set<String> seen = new HashSet<>();
        int pages = 0;
        for (int page = 1; ; page++) {
            JsonNode body = admin.call("DescribeInstances", "EnsRegionId", "cn-other-unicom",
                    "PageNumber", String.valueOf(page), "PageSize", "7");
            JsonNode items = body.path("Instances").path("Instance");
            if (items.isEmpty()) {
                break;
            }
            pages++;
            items.forEach(i -> assertThat(seen.add(i.path("InstanceId").asText())).isTrue());
            assertThat(body.path("TotalCount").asInt()).isEqualTo(30);
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(30);
    }

    @Test
    void defaultPageSizesFollowTheDocs() {
        assertThat(admin.call("DescribeInstances").path("PageSize").asInt()).isEqualTo(10);
        assertThat(admin.call("DescribeNetworkInterfaces").path("PageSize").asInt()).isEqualTo(50);
        assertThat(admin.call("DescribeVSwitches").path("PageSize").asInt()).isEqualTo(10);
        assertThat(admin.call("DescribeHaVips").path("PageSize").asText()).isEqualTo("10");
    }

    @ParameterizedTest
    @CsvSource({"DescribeInstances,101", "DescribeVSwitches,51", "DescribeNetworks,51",
            "DescribeNetworkInterfaces,101", "DescribeHaVips,101", "DescribeInstances,0", "DescribeHaVips,abc"})
    void pageSizeOutsideTheDocumentedRangeIsRefused(String action, String size) {
        assertThat(admin.errorCode(action, "PageSize", size)).isEqualTo("InvalidParameter.PageSize");
    }

    // ---- AssociateHaVip: every code of the seed's table ---------------------------------

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "havip-nope, i-run, EnsInstance, HaVipNotFound",
            "havip-free, i-nope, EnsInstance, InstanceNotFound",
            "havip-free, eni-nope, NetworkInterface, NetworkInterfaceNotFound",
            "havip-free, eni-sec, , InstanceNotFound",
            "havip-creating, i-run, EnsInstance, IncorrectHaVipStatus",
            "havip-associating, i-run, EnsInstance, IncorrectHaVipStatus",
            "havip-free, eni-primary, NetworkInterface, NetworkInterfaceTypeNotSupported",
            "havip-free, i-exp, EnsInstance, IncorrectInstanceStatus",
            "havip-free, eni-attaching, NetworkInterface, IncorrectNetworkInterfaceStatus",
            "havip-free, i-otherVsw, EnsInstance, IncorrectInstanceVSwitch",
            "havip-free, eni-otherVsw, NetworkInterface, IncorrectInstanceVSwitch",
            "havip-bound, i-stop, EnsInstance, InstanceAlreadyAssociated",
            "havip-free, i-busy, EnsInstance, CountLimitExceed.HaVipOnInstance",
            "havip-free, i-run, Bogus, InvalidParameter.InstanceType",
            "havip-free, i-run/../x, EnsInstance, InvalidInstanceId",
            "havip-free, , EnsInstance, MissingInstanceId",
            ", i-run, EnsInstance, MissingHaVipId",
    })
    void associateAnswersTheSeedsErrorCodes(String haVip, String target, String type, String expected) {
        List<String> params = new ArrayList<>();
        if (haVip != null) {
            params.add("HaVipId");
            params.add(haVip);
        }
        if (target != null) {
            params.add("InstanceId");
            params.add(target);
        }
        if (type != null) {
            params.add("InstanceType");
            params.add(type);
        }
        assertThat(admin.errorCode("AssociateHaVip", params.toArray(String[]::new))).isEqualTo(expected);
    }

    @Test
    void associateRespectsTheTargetsPerHaVipLimit() {
        emulator.setLimits(new Limits(1, 5));
        assertThat(admin.errorCode("AssociateHaVip", "HaVipId", "havip-full", "InstanceId", "i-run"))
                .isEqualTo("CountLimitExceed.InstanceOnHaVip");
    }

    @Test
    void readOnlyAccountGetsNoPermissionOnEveryWrite() {
        assertThat(reader.errorCode("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run"))
                .isEqualTo("NoPermission");
        assertThat(reader.errorCode("UnassociateHaVip", "HaVipId", "havip-bound", "InstanceId", "i-stop"))
                .isEqualTo("NoPermission");
        assertThat(reader.errorCode("CreateHaVip", "VSwitchId", "vsw-a")).isEqualTo("NoPermission");
        assertThat(reader.errorCode("DeleteHaVips", "HaVipIds", "[\"havip-free\"]")).isEqualTo("NoPermission");
        assertThat(reader.errorCode("ModifyHaVipAttribute", "HaVipId", "havip-free", "Name", "x"))
                .isEqualTo("NoPermission");
        assertThat(reader.call("DescribeHaVips").path("HaVips").size()).isPositive();
    }

    @Test
    void systemErrorComesFromTheFaultPlan() {
        emulator.faults().add(io.enscope.emulator.fault.FaultRule.next("AssociateHaVip",
                io.enscope.emulator.fault.FaultKind.SYSTEM_ERROR, 1));
        assertThat(admin.errorCode("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run"))
                .isEqualTo("SystemError");
        assertThat(havip("havip-free").path("AssociatedInstances")).as("nothing applied").isEmpty();
    }

    // ---- the state model, without sleeping: "after 2 polls" ------------------------------

    @Test
    void associationGoesAssociatingThenInUseAfterTwoPolls() {
        admin.call("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run", "InstanceType", "EnsInstance");
        JsonNode first = havip("havip-free");
        assertThat(first.path("Status").asText()).isEqualTo("Associating");
        assertThat(first.path("AssociatedInstances").get(0).path("Status").asText()).isEqualTo("Associating");
        assertThat(admin.errorCode("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "eni-sec",
                "InstanceType", "NetworkInterface")).as("no second binding while one is in progress")
                .isEqualTo("IncorrectHaVipStatus");
        JsonNode second = havip("havip-free");
        assertThat(second.path("Status").asText()).isEqualTo("InUse");
        JsonNode assoc = second.path("AssociatedInstances").get(0);
        assertThat(assoc.path("Status").asText()).isEqualTo("InUse");
        assertThat(assoc.path("IpAddress").asText()).isEqualTo("10.0.1.10");

        admin.call("AssociateHaVip", "HaVipId", "havip-free", "InstanceId", "eni-sec",
                "InstanceType", "NetworkInterface");
        havip("havip-free");
        JsonNode both = havip("havip-free");
        assertThat(both.path("AssociatedInstances")).hasSize(2);
        assertThat(both.path("AssociatedInstances").get(1).path("InstanceType").asText())
                .isEqualTo("NetworkInterface");
    }

    @Test
    void unassociationGoesUnassociatingThenRemovedAndTheHaVipAvailable() {
        assertThat(admin.errorCode("UnassociateHaVip", "HaVipId", "havip-free", "InstanceId", "i-run"))
                .isEqualTo("InstanceNotAssociated");
        assertThat(admin.errorCode("UnassociateHaVip", "HaVipId", "havip-associating", "InstanceId", "i-stop"))
                .isEqualTo("IncorrectInstanceAssociationStatus");
        assertThat(admin.errorCode("UnassociateHaVip", "HaVipId", "havip-bound", "InstanceId", "i-nope"))
                .isEqualTo("InstanceNotFound");
        assertThat(admin.errorCode("UnassociateHaVip", "HaVipId", "havip-nope", "InstanceId", "i-stop"))
                .isEqualTo("HaVipNotFound");

        admin.call("UnassociateHaVip", "HaVipId", "havip-bound", "InstanceId", "i-stop");
        JsonNode during = havip("havip-bound");
        assertThat(during.path("AssociatedInstances").get(0).path("Status").asText()).isEqualTo("Unassociating");
        assertThat(admin.errorCode("UnassociateHaVip", "HaVipId", "havip-bound", "InstanceId", "i-stop"))
                .isEqualTo("IncorrectInstanceAssociationStatus");
        JsonNode after = havip("havip-bound");
        assertThat(after.path("AssociatedInstances")).isEmpty();
        assertThat(after.path("Status").asText()).isEqualTo("Available");
    }

    @Test
    void createGoesCreatingThenAvailableAndDeleteRemoves() {
        JsonNode created = admin.call("CreateHaVip", "VSwitchId", "vsw-b", "IpAddress", "10.0.2.50", "Name", "new");
        String id = created.path("HaVipIds").get(0).asText();
        assertThat(id).startsWith("havip-");
        assertThat(havip(id).path("Status").asText()).isEqualTo("Creating");
        JsonNode ready = havip(id);
        assertThat(ready.path("Status").asText()).isEqualTo("Available");
        assertThat(ready.path("IpAddress").asText()).isEqualTo("10.0.2.50");
        assertThat(ready.path("VSwitchId").asText()).isEqualTo("vsw-b");
        assertThat(ready.path("NetworkId").asText()).isEqualTo("n-test");

        assertThat(admin.errorCode("CreateHaVip", "VSwitchId", "vsw-b", "IpAddress", "10.0.2.50"))
                .isEqualTo("InvalidParameter.IpAddress");
        assertThat(admin.errorCode("CreateHaVip", "VSwitchId", "vsw-b", "IpAddress", "10.0.9.50"))
                .isEqualTo("InvalidParameter.IpAddress");
        assertThat(admin.errorCode("CreateHaVip", "VSwitchId", "vsw-nope")).isEqualTo("InvalidParameter.VSwitchId");
        assertThat(admin.errorCode("CreateHaVip", "VSwitchId", "vsw-b", "Amount", "11"))
                .isEqualTo("InvalidParameter.Amount");
        assertThat(admin.errorCode("CreateHaVip")).isEqualTo("MissingVSwitchId");
        JsonNode three = admin.call("CreateHaVip", "VSwitchId", "vsw-b", "Amount", "3");
        assertThat(three.path("HaVipIds")).hasSize(3);

        admin.call("ModifyHaVipAttribute", "HaVipId", id, "Name", "renamed");
        assertThat(havip(id).path("Name").asText()).isEqualTo("renamed");
        assertThat(admin.errorCode("ModifyHaVipAttribute", "HaVipId", id, "Name", "http://x"))
                .isEqualTo("InvalidParameter.Name");

        admin.call("DeleteHaVips", "HaVipIds", "[\"" + id + "\"]");
        assertThat(havip(id).path("Status").asText()).isEqualTo("Deleting");
        assertThat(admin.call("DescribeHaVips", "HaVipId", id).path("HaVips")).as("gone at the second poll")
                .isEmpty();
    }

    @Test
    void deleteRefusesAHaVipThatStillHasAssociations() {
        assertThat(admin.errorCode("DeleteHaVips", "HaVipIds", "[\"havip-bound\"]"))
                .isEqualTo("IncorrectHaVipStatus");
        assertThat(admin.errorCode("DeleteHaVips", "HaVipIds", "[\"havip-free\",\"havip-nope\"]"))
                .isEqualTo("HaVipNotFound");
        assertThat(havip("havip-free").path("Status").asText()).as("all or nothing").isEqualTo("Available");
        assertThat(admin.errorCode("DeleteHaVips", "HaVipIds", "[\"havip-free\"")).isEqualTo("InvalidParameter.HaVipIds");
        assertThat(admin.errorCode("DeleteHaVips")).isEqualTo("MissingHaVipIds");
        admin.call("DeleteHaVips", "HaVipIds.1", "havip-free");
        assertThat(havip("havip-free").path("Status").asText()).isEqualTo("Deleting");
    }

    @Test
    void getAndPostBothWork() {
        assertThat(admin.call("DescribeVSwitches", MethodType.GET).path("TotalCount").asInt()).isEqualTo(3);
        assertThat(admin.call("DescribeHaVips", MethodType.POST).path("TotalCount").asText()).isEqualTo("10");
    }

    @Test
    void unknownActionIsInvalidApiNotFound() {
        assertThatThrownBy(() -> admin.call("DescribeNothing"))
                .isInstanceOfSatisfying(SdkCaller.CallFailed.class,
                        e -> assertThat(e.code).isEqualTo("InvalidApi.NotFound"));
    }

    private JsonNode havip(String id) {
        JsonNode list = admin.call("DescribeHaVips", "HaVipId", id).path("HaVips");
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
