package io.enscope.ens.model;

import java.util.List;

/**
 * {@code DescribeVSwitchAttributes}: one vSwitch and the IDs of what sits in it.
 *
 * @param vSwitchId               the vSwitch
 * @param name                    its name
 * @param regionId                the ENS node
 * @param networkId               its network
 * @param cidrBlock               its CIDR block
 * @param availableIpAddressCount free addresses
 * @param status                  {@code Pending}, {@code Available} or {@code Releasing}, as received
 * @param haVipIds                its HaVips, never null
 * @param instanceIds             its instances, never null
 * @param networkInterfaceIds     its ENIs, never null
 */
public record VSwitchAttributes(
        String vSwitchId,
        String name,
        String regionId,
        String networkId,
        String cidrBlock,
        long availableIpAddressCount,
        String status,
        List<String> haVipIds,
        List<String> instanceIds,
        List<String> networkInterfaceIds) {

    /** Makes the lists immutable and non-null. */
    public VSwitchAttributes {
        haVipIds = WireValues.strings(haVipIds);
        instanceIds = WireValues.strings(instanceIds);
        networkInterfaceIds = WireValues.strings(networkInterfaceIds);
    }
}
