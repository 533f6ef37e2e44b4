package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A vSwitch of an ENS network, from {@code DescribeVSwitches} {@code VSwitches.VSwitch[]}. HaVips
 * and their targets must share one.
 *
 * @param id          the vSwitch ID ({@code vsw-…})
 * @param name        the name
 * @param description the description
 * @param regionId    the ENS node ID
 * @param networkId   the network it belongs to
 * @param cidrBlock   the IPv4 CIDR block
 * @param freeIpCount how many addresses are still free, null when absent
 * @param status      the status, {@link VSwitchStatus#UNKNOWN} when not recognised
 * @param rawStatus   the status text as received, null when absent
 * @param createdTime when it was created, null when absent or unreadable
 */
public record VSwitch(
        String id,
        String name,
        String description,
        String regionId,
        String networkId,
        String cidrBlock,
        Long freeIpCount,
        VSwitchStatus status,
        String rawStatus,
        Instant createdTime) {

    /** Fills in the status from the raw text when it is not given. */
    public VSwitch {
        status = status == null ? VSwitchStatus.fromWire(rawStatus) : status;
    }

    @JsonCreator
    static VSwitch fromJson(
            @JsonProperty("VSwitchId") String id,
            @JsonProperty("VSwitchName") String name,
            @JsonProperty("Description") String description,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("NetworkId") String networkId,
            @JsonProperty("CidrBlock") String cidrBlock,
            @JsonProperty("FreeIpCount") Long freeIpCount,
            @JsonProperty("Status") String status,
            @JsonProperty("CreatedTime") String createdTime) {
        return new VSwitch(id, name, description, regionId, networkId, cidrBlock, freeIpCount, null, status,
                WireValues.parseTime(createdTime));
    }
}
