package io.enscope.ens;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.enscope.ens.model.Eip;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SecurityGroupRule;
import io.enscope.ens.model.SystemEvent;
import io.enscope.ens.model.VSwitch;
import java.util.List;
import java.util.Objects;

/**
 * The envelopes of the ENS answers, exactly as ens-api.md shows them. The wrapped lists accept the
 * bare array as well, because some ENS pages document a wrapped list as flat.
 */
final class EnsResponses {

    private EnsResponses() {
    }

    /** {@code {"RequestId": "…"}}: the answer of the writes. */
    record RequestIdOnly(@JsonProperty("RequestId") String requestId) {
    }

    /** DescribeEnsRegions: {@code EnsRegions.EnsRegions[]}, the same name twice. */
    record RegionsResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("EnsRegions") RegionList regions) {
        List<Region> items() {
            return regions == null ? List.of() : regions.items();
        }
    }

    record RegionList(List<Region> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static RegionList wrapped(@JsonProperty("EnsRegions") List<Region> items) {
            return new RegionList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RegionList flat(List<Region> items) {
            return wrapped(items);
        }
    }

    /** DescribeNetworks: {@code Networks.Network[]}, integer paging. */
    record NetworksResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("Networks") NetworkList networks) {
        Page<Network> page(PageRequest request) {
            return toPage(networks == null ? List.of() : networks.items(), pageNumber, pageSize, totalCount, request);
        }
    }

    record NetworkList(List<Network> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static NetworkList wrapped(@JsonProperty("Network") List<Network> items) {
            return new NetworkList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static NetworkList flat(List<Network> items) {
            return wrapped(items);
        }
    }

    /** DescribeVSwitches: {@code VSwitches.VSwitch[]}, integer paging. */
    record VSwitchesResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("VSwitches") VSwitchList vSwitches) {
        Page<VSwitch> page(PageRequest request) {
            return toPage(vSwitches == null ? List.of() : vSwitches.items(), pageNumber, pageSize, totalCount,
                    request);
        }
    }

    record VSwitchList(List<VSwitch> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static VSwitchList wrapped(@JsonProperty("VSwitch") List<VSwitch> items) {
            return new VSwitchList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static VSwitchList flat(List<VSwitch> items) {
            return wrapped(items);
        }
    }

    /** DescribeInstances: {@code Instances.Instance[]}, integer paging. */
    record InstancesResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("Instances") InstanceList instances) {
        Page<Instance> page(PageRequest request) {
            return toPage(instances == null ? List.of() : instances.items(), pageNumber, pageSize, totalCount,
                    request);
        }
    }

    record InstanceList(List<Instance> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static InstanceList wrapped(@JsonProperty("Instance") List<Instance> items) {
            return new InstanceList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static InstanceList flat(List<Instance> items) {
            return wrapped(items);
        }
    }

    /** DescribeNetworkInterfaces: {@code NetworkInterfaceSets.NetworkInterfaceSet[]}, integer paging. */
    record NetworkInterfacesResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("NetworkInterfaceSets") NetworkInterfaceList networkInterfaces) {
        Page<NetworkInterface> page(PageRequest request) {
            return toPage(networkInterfaces == null ? List.of() : networkInterfaces.items(), pageNumber, pageSize,
                    totalCount, request);
        }
    }

    record NetworkInterfaceList(List<NetworkInterface> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static NetworkInterfaceList wrapped(@JsonProperty("NetworkInterfaceSet") List<NetworkInterface> items) {
            return new NetworkInterfaceList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static NetworkInterfaceList flat(List<NetworkInterface> items) {
            return wrapped(items);
        }
    }

    /** DescribeHaVips: a flat {@code HaVips[]}, paging numbers as strings. */
    record HaVipsResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("HaVips") List<HaVip> haVips) {
        Page<HaVip> page(PageRequest request) {
            return toPage(clean(haVips), pageNumber, pageSize, totalCount, request);
        }
    }

    /** DescribeEnsEipAddresses: {@code EipAddresses.EipAddress[]}, integer paging. */
    record EipsResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("EipAddresses") EipList eips) {
        Page<Eip> page(PageRequest request) {
            return toPage(eips == null ? List.of() : eips.items(), pageNumber, pageSize, totalCount, request);
        }
    }

    record EipList(List<Eip> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static EipList wrapped(@JsonProperty("EipAddress") List<Eip> items) {
            return new EipList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static EipList flat(List<Eip> items) {
            return wrapped(items);
        }
    }

    /** DescribeSecurityGroups: {@code SecurityGroups.SecurityGroup[]}, integer paging. */
    record SecurityGroupsResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("SecurityGroups") SecurityGroupList groups) {
        Page<SecurityGroup> page(PageRequest request) {
            return toPage(groups == null ? List.of() : groups.items(), pageNumber, pageSize, totalCount, request);
        }
    }

    record SecurityGroupList(List<SecurityGroup> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static SecurityGroupList wrapped(@JsonProperty("SecurityGroup") List<SecurityGroup> items) {
            return new SecurityGroupList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static SecurityGroupList flat(List<SecurityGroup> items) {
            return wrapped(items);
        }
    }

    /** DescribeSecurityGroupAttribute: {@code Permissions.Permission[]}, not paged. */
    record SecurityGroupAttributeResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("Permissions") RuleList permissions) {
        List<SecurityGroupRule> rules() {
            return permissions == null ? List.of() : permissions.items();
        }
    }

    record RuleList(List<SecurityGroupRule> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static RuleList wrapped(@JsonProperty("Permission") List<SecurityGroupRule> items) {
            return new RuleList(clean(items));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RuleList flat(List<SecurityGroupRule> items) {
            return wrapped(items);
        }
    }

    /** DescribeHistoryEvents: a flat {@code Events[]}, integer paging. */
    record EventsResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("TotalCount") Integer totalCount,
            @JsonProperty("Events") List<SystemEvent> events) {
        Page<SystemEvent> page(PageRequest request) {
            return toPage(clean(events), pageNumber, pageSize, totalCount, request);
        }
    }

    /** CreateHaVip: a flat {@code HaVipIds[]} of strings. */
    record CreateHaVipResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("HaVipIds") IdList haVipIds) {
        List<String> ids() {
            return haVipIds == null ? List.of() : haVipIds.items();
        }
    }

    /** A list of IDs, flat or wrapped as {@code {"HaVipId": [...]}}. */
    record IdList(List<String> items) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static IdList wrapped(@JsonProperty("HaVipId") List<String> items) {
            return new IdList(clean(items).stream().filter(id -> !id.isBlank()).toList());
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static IdList flat(List<String> items) {
            return wrapped(items);
        }
    }

    private static <T> List<T> clean(List<T> items) {
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }

    /**
     * Builds a page from the answer's numbers, falling back on the request's. Without a total the
     * page claims one more item exactly when it is full, so that paging goes on while pages come
     * back full and stops at the first short one.
     */
    static <T> Page<T> toPage(List<T> items, Integer pageNumber, Integer pageSize, Integer totalCount,
            PageRequest request) {
        int number = pageNumber != null && pageNumber > 0 ? pageNumber : request.pageNumber();
        int size = pageSize != null && pageSize > 0 ? pageSize : request.pageSize();
        int total;
        if (totalCount != null && totalCount >= 0) {
            total = totalCount;
        } else {
            long seen = (long) (number - 1) * size + items.size();
            total = (int) Math.min(Integer.MAX_VALUE, seen + (items.size() >= size ? 1 : 0));
        }
        return new Page<>(items, number, size, total);
    }
}
