package io.enscope.emulator.ops;

import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DescribeVSwitchAttributes and DescribeNetworkAttribute (ens-api-ha.md §2.8, §2.9): one vSwitch
 * or network with the wrapped ID lists of its members. The scenarios hold no load balancers or
 * NAT gateways, so those lists are empty. Caller holds the state lock.
 */
final class NetworkAttributeOperations {
    private final EmulatorState state;

    NetworkAttributeOperations(EmulatorState state) {
        this.state = state;
    }

    Map<String, Object> describeVSwitchAttributes(Params p) {
        String id = p.require("VSwitchId");
        VSwitchRec v = state.vSwitches.get(id);
        if (v == null) {
            // ⚠ Not documented for vSwitches; the network's documented code, by analogy.
            throw ApiException.badRequest("InvalidVSwitchId.NotFound", "The specified VSwitchId does not exist.");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("VSwitchId", v.vSwitchId());
        m.put("VSwitchName", orEmpty(v.vSwitchName()));
        m.put("Description", orEmpty(v.description()));
        m.put("EnsRegionId", v.ensRegionId());
        m.put("NetworkId", v.networkId());
        m.put("CidrBlock", v.cidrBlock());
        Cidr cidr = Cidr.parse(v.cidrBlock());
        long total = cidr == null ? 0 : cidr.hostCount();
        Set<String> used = state.usedIpsByVSwitch.getOrDefault(v.vSwitchId(), Set.of());
        m.put("AvailableIpAddressCount", Math.max(0L, total - used.size()));
        m.put("Status", v.status());
        m.put("CreatedTime", v.createdTime());
        putMembers(m, vsw -> vsw.equals(v.vSwitchId()));
        return m;
    }

    Map<String, Object> describeNetworkAttribute(Params p) {
        String id = p.require("NetworkId");
        NetworkRec n = state.networks.get(id);
        if (n == null) {
            throw ApiException.badRequest("InvalidNetworkId.NotFound", "The specified NetworkId does not exist.");
        }
        String bare = n.networkId().startsWith("n-") ? n.networkId().substring(2) : n.networkId();
        String routeTable = Scenario.routeTableIdOf(n.networkId());
        List<String> vSwitchIds = new ArrayList<>();
        for (VSwitchRec v : state.vSwitches.values()) {
            if (v.networkId().equals(n.networkId())) {
                vSwitchIds.add(v.vSwitchId());
            }
        }
        Set<String> inNetwork = Set.copyOf(vSwitchIds);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("NetworkId", n.networkId());
        m.put("NetworkName", orEmpty(n.networkName()));
        m.put("Description", orEmpty(n.description()));
        m.put("EnsRegionId", n.ensRegionId());
        m.put("CidrBlock", n.cidrBlock());
        m.put("Status", n.status());
        m.put("CreatedTime", n.createdTime());
        m.put("NetworkAclId", "nacl-" + bare);
        // ⚠ Three route-table fields the docs do not tell apart; the scenario has one table per network.
        m.put("RouteTableId", routeTable);
        m.put("RouterTableId", routeTable);
        m.put("GatewayRouteTableId", "");
        m.put("RouteTableIds", Map.of("RouteTableId", List.of(routeTable)));
        m.put("SecondaryCidrBlocks", Map.of("SecondaryCidrBlock", List.of()));
        m.put("VSwitchIds", Map.of("VSwitchId", vSwitchIds));
        putMembers(m, inNetwork::contains);
        Map<String, Object> vswCount = new LinkedHashMap<>();
        vswCount.put("ResourceType", "VSwitch");
        vswCount.put("ResourceCount", vSwitchIds.size());
        m.put("CloudResources", Map.of("CloudResourceSetType", List.of(vswCount)));
        return m;
    }

    /** The wrapped ID lists of what sits in the matching vSwitches. */
    private void putMembers(Map<String, Object> m, Predicate<String> vSwitch) {
        List<String> haVips = new ArrayList<>();
        for (HaVipState h : state.haVips.values()) {
            if (vSwitch.test(h.vSwitchId)) {
                haVips.add(h.id);
            }
        }
        List<String> instances = new ArrayList<>();
        for (InstanceRec i : state.instances.values()) {
            if (vSwitch.test(i.vSwitchId())) {
                instances.add(i.instanceId());
            }
        }
        List<String> enis = new ArrayList<>();
        for (EniRec e : state.enis.values()) {
            if (vSwitch.test(e.vSwitchId())) {
                enis.add(e.networkInterfaceId());
            }
        }
        m.put("HaVipIds", Map.of("HaVipId", haVips));
        m.put("InstanceIds", Map.of("InstanceId", instances));
        m.put("NetworkInterfaceIds", Map.of("NetworkInterfaceId", enis));
        m.put("LoadBalancerIds", Map.of("LoadBalancerId", List.of()));
        m.put("NatGatewayIds", Map.of("NatGatewayId", List.of()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
