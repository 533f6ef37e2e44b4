package io.enscope.ens.model;

import java.util.List;

/**
 * {@code DescribeNetworkAttribute}: one network, its route table and the IDs of its members.
 *
 * @param networkId           the network
 * @param name                its name
 * @param regionId            the ENS node
 * @param cidrBlock           its CIDR block
 * @param status              {@code Pending} or {@code Available}, as received
 * @param routeTableId        its route table ({@code RouteTableId})
 * @param vSwitchIds          its vSwitches, never null
 * @param haVipIds            its HaVips, never null
 * @param instanceIds         its instances, never null
 * @param networkInterfaceIds its ENIs, never null
 */
public record NetworkAttributes(
        String networkId,
        String name,
        String regionId,
        String cidrBlock,
        String status,
        String routeTableId,
        List<String> vSwitchIds,
        List<String> haVipIds,
        List<String> instanceIds,
        List<String> networkInterfaceIds) {

    /** Makes the lists immutable and non-null. */
    public NetworkAttributes {
        vSwitchIds = WireValues.strings(vSwitchIds);
        haVipIds = WireValues.strings(haVipIds);
        instanceIds = WireValues.strings(instanceIds);
        networkInterfaceIds = WireValues.strings(networkInterfaceIds);
    }
}
