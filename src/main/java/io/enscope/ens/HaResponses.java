package io.enscope.ens;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.enscope.ens.model.NetworkAttributes;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.ResourceTag;
import io.enscope.ens.model.RouteEntry;
import io.enscope.ens.model.TagPage;
import io.enscope.ens.model.VSwitchAttributes;
import java.util.List;
import java.util.Objects;

/**
 * The envelopes of the HA neighbourhood answers (ens-api-ha.md §2.7–2.10): flat
 * {@code RouteEntrys[]} and {@code TagResources[]}, wrapped ID lists in the attribute answers.
 */
final class HaResponses {

    private HaResponses() {
    }

    /** DescribeEnsRouteEntryList: flat {@code RouteEntrys[]}, integer paging. */
    record RouteEntriesResponse(
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("RouteEntrys") List<RouteEntry> routeEntries) {
        Page<RouteEntry> page(PageRequest request) {
            return EnsResponses.toPage(clean(routeEntries), pageNumber, pageSize, totalCount, request);
        }
    }

    /** ListTagResources: flat {@code TagResources[]} and {@code NextToken}. */
    record TagResourcesResponse(
            @JsonProperty("NextToken") String nextToken,
            @JsonProperty("TagResources") List<ResourceTag> tags) {
        TagPage page() {
            return new TagPage(clean(tags).stream().filter(t -> t.key() != null && t.resourceId() != null).toList(),
                    nextToken);
        }
    }

    /** {@code {"<Item>": ["…"]}}, one ID list wrapper whatever its item name; the bare array too. */
    record Ids(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Ids of(Object node) {
            if (node instanceof List<?> list) {
                return new Ids(list.stream().filter(String.class::isInstance).map(String.class::cast).toList());
            }
            if (node instanceof java.util.Map<?, ?> map && map.size() == 1) {
                return of(map.values().iterator().next());
            }
            return new Ids(List.of());
        }

        static List<String> of(Ids ids) {
            return ids == null ? List.of() : ids.values();
        }
    }

    /** DescribeVSwitchAttributes. */
    record VSwitchAttributesResponse(
            @JsonProperty("VSwitchId") String vSwitchId,
            @JsonProperty("VSwitchName") String name,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("NetworkId") String networkId,
            @JsonProperty("CidrBlock") String cidrBlock,
            @JsonProperty("AvailableIpAddressCount") Long available,
            @JsonProperty("Status") String status,
            @JsonProperty("HaVipIds") Ids haVipIds,
            @JsonProperty("InstanceIds") Ids instanceIds,
            @JsonProperty("NetworkInterfaceIds") Ids networkInterfaceIds) {
        VSwitchAttributes attributes() {
            return new VSwitchAttributes(vSwitchId, name, regionId, networkId, cidrBlock,
                    available == null ? 0 : available, status, Ids.of(haVipIds), Ids.of(instanceIds),
                    Ids.of(networkInterfaceIds));
        }
    }

    /** DescribeNetworkAttribute. */
    record NetworkAttributeResponse(
            @JsonProperty("NetworkId") String networkId,
            @JsonProperty("NetworkName") String name,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("CidrBlock") String cidrBlock,
            @JsonProperty("Status") String status,
            @JsonProperty("RouteTableId") String routeTableId,
            @JsonProperty("VSwitchIds") Ids vSwitchIds,
            @JsonProperty("HaVipIds") Ids haVipIds,
            @JsonProperty("InstanceIds") Ids instanceIds,
            @JsonProperty("NetworkInterfaceIds") Ids networkInterfaceIds) {
        NetworkAttributes attributes() {
            return new NetworkAttributes(networkId, name, regionId, cidrBlock, status, routeTableId,
                    Ids.of(vSwitchIds), Ids.of(haVipIds), Ids.of(instanceIds), Ids.of(networkInterfaceIds));
        }
    }

    private static <T> List<T> clean(List<T> items) {
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }
}
