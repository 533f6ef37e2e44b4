package io.enscope.emulator;

import com.aliyuncs.http.MethodType;
import com.fasterxml.jackson.databind.JsonNode;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DescribeEnsRouteEntryList, DescribeVSwitchAttributes, DescribeNetworkAttribute and
 * ListTagResources through the real SDK on the demo: shapes, types, paging, filters, both list
 * encodings and errors (ens-api-ha.md §2.7–2.10).
 */
class RoutesAndTagsSdkTest {
    private static final Account ADMIN = new Account("test-admin", "test-admin-secret", false);

    private static EnsEmulator emulator;
    private static SdkCaller admin;
    private static Scenario demo;

    @BeforeAll
    static void start() {
        demo = DemoScenario.create();
        emulator = EnsEmulator.builder().port(0).scenario(demo)
                .timings(Timings.all(TransitionTiming.afterPolls(0))).account(ADMIN).start();
        admin = new SdkCaller(emulator, ADMIN);
    }

    @AfterAll
    static void stop() {
        admin.shutdown();
        emulator.close();
    }

    // ---- DescribeEnsRouteEntryList -------------------------------------------------------

    @Test
    void routeEntriesAreAFlatListWithIntegerPagingAndFlatNextHops() {
        JsonNode body = admin.call("DescribeEnsRouteEntryList");
        assertThat(body.path("PageNumber").isInt()).isTrue();
        assertThat(body.path("PageSize").asInt()).isEqualTo(10);
        assertThat(body.path("TotalCount").isInt()).isTrue();
        assertThat(body.path("TotalCount").asInt()).isEqualTo(demo.routeEntries().size());
        JsonNode list = body.path("RouteEntrys");
        assertThat(list.isArray()).isTrue();
        JsonNode first = list.get(0);
        for (String key : List.of("RouteEntryId", "RouteEntryName", "RouteTableId", "DestinationCidrBlock",
                "SourceCidrBlock", "Type", "Status", "Description", "CreationTime")) {
            assertThat(first.path(key).isTextual()).as(key).isTrue();
        }
        assertThat(first.path("RouteEntryId").asText()).startsWith("rte-");
        assertThat(first.path("RouteTableId").asText()).startsWith("vtb-");
        assertThat(first.path("NextHops").isArray()).isTrue();
        assertThat(first.path("NextHops").get(0).path("NextHopType").asText()).isIn("HaVip", "Instance");
        assertThat(first.path("NextHops").get(0).has("NextHopName")).isTrue();
    }

    @Test
    void routeEntriesFilterByNextHopAndTheOtherDocumentedParameters() {
        String vip = demo.haVips().stream().filter(h -> h.name().equals("vip-lb-hz")).findFirst().orElseThrow()
                .haVipId();
        JsonNode toVip = admin.call("DescribeEnsRouteEntryList", "NextHopType", "HaVip", "NextHopId", vip);
        assertThat(toVip.path("TotalCount").asInt()).isEqualTo(1);
        JsonNode route = toVip.path("RouteEntrys").get(0);
        assertThat(route.path("NextHops").get(0).path("NextHopId").asText()).isEqualTo(vip);
        assertThat(admin.call("DescribeEnsRouteEntryList", "NextHopType", "HaVip").path("TotalCount").asInt())
                .isEqualTo(3);
        assertThat(admin.call("DescribeEnsRouteEntryList", "NextHopType", "Instance").path("TotalCount").asInt())
                .isEqualTo(1);
        assertThat(admin.call("DescribeEnsRouteEntryList", "NextHopType", "Instance", "NextHopId", vip)
                .path("TotalCount").asInt()).as("type and id of the same hop").isZero();
        String table = route.path("RouteTableId").asText();
        assertThat(admin.call("DescribeEnsRouteEntryList", "RouteTableId", table).path("TotalCount").asInt())
                .isEqualTo(3);
        assertThat(admin.call("DescribeEnsRouteEntryList", "RouteEntryId", route.path("RouteEntryId").asText())
                .path("TotalCount").asInt()).isEqualTo(1);
        assertThat(admin.call("DescribeEnsRouteEntryList", "RouteEntryName", "to-idc-bj").path("TotalCount")
                .asInt()).isEqualTo(1);
        assertThat(admin.call("DescribeEnsRouteEntryList", "DestinationCidrBlock", "172.16.0.0/16")
                .path("TotalCount").asInt()).isEqualTo(1);
        assertThat(admin.call("DescribeEnsRouteEntryList", "RouteEntryType", "System").path("TotalCount").asInt())
                .isZero();
    }

    @Test
    void routeEntryPagingFollowsTheDocumentedRange() {
        assertThat(admin.errorCode("DescribeEnsRouteEntryList", "PageSize", "5"))
                .isEqualTo("InvalidParameter.PageSize");
        assertThat(admin.errorCode("DescribeEnsRouteEntryList", "PageSize", "101"))
                .isEqualTo("InvalidParameter.PageSize");
        assertThat(admin.call("DescribeEnsRouteEntryList", "PageNumber", "2").path("RouteEntrys")).isEmpty();
    }

    @Test
    void routeEntriesOfLargeArePagedWithoutLossOrRepeat() {
        try (EnsEmulator large = EnsEmulator.builder().port(0).scenario(LargeScenario.create(3)).account(ADMIN)
                .start()) {
            SdkCaller sdk = new SdkCaller(large, ADMIN);
            try {
                Set<String> seen = new HashSet<>();
                int total = -1;
                for (int page = 1; ; page++) {
                    JsonNode body = sdk.call("DescribeEnsRouteEntryList", "NextHopType", "HaVip",
                            "PageNumber", String.valueOf(page), "PageSize", "30");
                    total = body.path("TotalCount").asInt();
                    JsonNode items = body.path("RouteEntrys");
                    items.forEach(r -> assertThat(seen.add(r.path("RouteEntryId").asText())).isTrue());
                    if (items.size() < 30) {
                        break;
                    }
                }
                assertThat(total).isEqualTo(LargeScenario.REGIONS * LargeScenario.NETWORKS_PER_REGION);
                assertThat(seen).hasSize(total);
            } finally {
                sdk.shutdown();
            }
        }
    }

    // ---- DescribeVSwitchAttributes / DescribeNetworkAttribute -------------------------------

    @Test
    void vSwitchAttributesWrapTheMemberIds() {
        Scenario.HaVipRec vip = demo.haVips().stream().filter(h -> h.name().equals("vip-lb-hz")).findFirst()
                .orElseThrow();
        JsonNode body = admin.call("DescribeVSwitchAttributes", "VSwitchId", vip.vSwitchId());
        assertThat(body.path("VSwitchId").asText()).isEqualTo(vip.vSwitchId());
        assertThat(body.path("NetworkId").asText()).isEqualTo(vip.networkId());
        assertThat(body.path("AvailableIpAddressCount").isIntegralNumber()).isTrue();
        assertThat(body.path("AvailableIpAddressCount").asLong()).isBetween(1L, 253L);
        assertThat(body.path("Status").asText()).isEqualTo("Available");
        assertThat(body.path("CreatedTime").asText()).endsWith("Z");
        assertThat(texts(body.path("HaVipIds").path("HaVipId"))).contains(vip.haVipId());
        long instances = demo.instances().stream().filter(i -> i.vSwitchId().equals(vip.vSwitchId())).count();
        assertThat(body.path("InstanceIds").path("InstanceId")).hasSize((int) instances);
        assertThat(body.path("NetworkInterfaceIds").path("NetworkInterfaceId").isArray()).isTrue();
        assertThat(body.path("LoadBalancerIds").path("LoadBalancerId").isArray()).isTrue();
        assertThat(body.path("NatGatewayIds").path("NatGatewayId").isArray()).isTrue();
        assertThat(admin.errorCode("DescribeVSwitchAttributes")).isEqualTo("MissingVSwitchId");
        assertThat(admin.errorCode("DescribeVSwitchAttributes", "VSwitchId", "vsw-nope"))
                .isEqualTo("InvalidVSwitchId.NotFound");
    }

    @Test
    void networkAttributeWrapsTheIdListsAndCountsVSwitches() {
        Scenario.NetworkRec network = demo.networks().get(0);
        JsonNode body = admin.call("DescribeNetworkAttribute", "NetworkId", network.networkId());
        assertThat(body.path("NetworkId").asText()).isEqualTo(network.networkId());
        assertThat(body.path("CidrBlock").asText()).isEqualTo(network.cidrBlock());
        assertThat(body.path("CreatedTime").asText()).isEqualTo(network.createdTime());
        assertThat(body.path("NetworkAclId").asText()).startsWith("nacl-");
        assertThat(body.path("RouteTableId").asText()).isEqualTo(Scenario.routeTableIdOf(network.networkId()));
        assertThat(body.has("RouterTableId")).isTrue();
        assertThat(body.has("GatewayRouteTableId")).isTrue();
        assertThat(texts(body.path("RouteTableIds").path("RouteTableId")))
                .containsExactly(Scenario.routeTableIdOf(network.networkId()));
        assertThat(body.path("SecondaryCidrBlocks").path("SecondaryCidrBlock").isArray()).isTrue();
        List<String> vsw = texts(body.path("VSwitchIds").path("VSwitchId"));
        assertThat(vsw).hasSize((int) demo.vSwitches().stream()
                .filter(v -> v.networkId().equals(network.networkId())).count());
        assertThat(body.path("HaVipIds").path("HaVipId").size()).isPositive();
        assertThat(body.path("InstanceIds").path("InstanceId").size()).isPositive();
        JsonNode resources = body.path("CloudResources").path("CloudResourceSetType");
        assertThat(resources.get(0).path("ResourceType").asText()).isEqualTo("VSwitch");
        assertThat(resources.get(0).path("ResourceCount").isInt()).isTrue();
        assertThat(resources.get(0).path("ResourceCount").asInt()).isEqualTo(vsw.size());
        assertThat(admin.errorCode("DescribeNetworkAttribute")).isEqualTo("MissingNetworkId");
        assertThat(admin.errorCode("DescribeNetworkAttribute", "NetworkId", "n-nope"))
                .isEqualTo("InvalidNetworkId.NotFound");
    }

    // ---- ListTagResources ---------------------------------------------------------------

    @Test
    void tagsArePagedByNextTokenUntilItIsEmpty() {
        List<JsonNode> rows = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode body = token == null ? admin.call("ListTagResources", "ResourceType", "instance")
                    : admin.call("ListTagResources", "ResourceType", "instance", "NextToken", token);
            assertThat(body.path("TagResources").isArray()).isTrue();
            body.path("TagResources").forEach(rows::add);
            token = body.path("NextToken").asText();
            pages++;
        } while (!token.isEmpty());
        int expected = demo.instances().stream().mapToInt(i -> i.tags().size()).sum();
        assertThat(rows).hasSize(expected);
        assertThat(pages).isGreaterThan(1);
        Set<String> distinct = new HashSet<>();
        rows.forEach(r -> distinct.add(r.path("ResourceId").asText() + "/" + r.path("TagKey").asText()));
        assertThat(distinct).as("no row twice across pages").hasSize(expected);
        JsonNode row = rows.get(0);
        assertThat(row.path("ResourceType").asText()).isEqualTo("instance");
        assertThat(row.path("ResourceId").asText()).startsWith("i-");
        assertThat(row.path("TagValue").isTextual()).isTrue();
    }

    @Test
    void tagsFilterByResourceIdsAndTagsInBothEncodings() {
        List<String> ids = demo.instances().stream().limit(2).map(Scenario.InstanceRec::instanceId).toList();
        JsonNode repeated = admin.call("ListTagResources", "ResourceType", "instance",
                "ResourceId.1", ids.get(0), "ResourceId.2", ids.get(1));
        JsonNode json = admin.call("ListTagResources", "ResourceType", "instance",
                "ResourceId", "[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"]");
        assertThat(repeated.path("TagResources")).hasSize(6);
        assertThat(json.path("TagResources")).isEqualTo(repeated.path("TagResources"));
        assertThat(repeated.path("NextToken").asText()).isEmpty();

        JsonNode staging = admin.call("ListTagResources", "ResourceType", "instance",
                "Tag.1.Key", "env", "Tag.1.Value", "staging");
        Set<String> stagingIds = new HashSet<>();
        staging.path("TagResources").forEach(r -> stagingIds.add(r.path("ResourceId").asText()));
        assertThat(stagingIds).hasSize(4);
        JsonNode stagingJson = admin.call("ListTagResources", "ResourceType", "instance",
                "Tag", "[{\"Key\":\"env\",\"Value\":\"staging\"}]");
        assertThat(stagingJson.path("TagResources")).isEqualTo(staging.path("TagResources"));
    }

    @Test
    void tagErrorsAreClear() {
        assertThat(admin.errorCode("ListTagResources")).isEqualTo("MissingResourceType");
        assertThat(admin.errorCode("ListTagResources", "ResourceType", "havip"))
                .isEqualTo("InvalidParameter.ResourceType");
        assertThat(admin.errorCode("ListTagResources", "ResourceType", "instance", "NextToken", "garbage"))
                .isEqualTo("InvalidParameter.NextToken");
        assertThat(admin.errorCode("ListTagResources", "ResourceType", "instance", "Tag.1.Key", "aliyun-x"))
                .isEqualTo("InvalidParameter.Tag.1.Key");
    }

    @Test
    void everyNewOperationAnswersGetAndPost() {
        for (String action : List.of("DescribeEnsRouteEntryList", "DescribeVSwitchAttributes",
                "DescribeNetworkAttribute", "ListTagResources")) {
            String[] args = switch (action) {
                case "DescribeVSwitchAttributes" -> new String[] {"VSwitchId", demo.vSwitches().get(0).vSwitchId()};
                case "DescribeNetworkAttribute" -> new String[] {"NetworkId", demo.networks().get(0).networkId()};
                case "ListTagResources" -> new String[] {"ResourceType", "instance"};
                default -> new String[0];
            };
            assertThat(admin.call(action, MethodType.GET, args).path("RequestId").asText()).as(action).isNotEmpty();
            assertThat(admin.call(action, MethodType.POST, args).path("RequestId").asText()).as(action).isNotEmpty();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
