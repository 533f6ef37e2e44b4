package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An ENS network (the VPC of an edge node), from {@code DescribeNetworks} {@code Networks.Network[]}.
 *
 * @param id          the network ID ({@code n-…})
 * @param name        the name
 * @param description the description
 * @param regionId    the ENS node ID
 * @param cidrBlock   the IPv4 CIDR block
 * @param status      the status, {@link NetworkStatus#UNKNOWN} when not recognised
 * @param rawStatus   the status text as received, null when absent
 * @param createdTime when it was created, null when absent or unreadable
 * @param vSwitchIds  the vSwitches in it ({@code VSwitchIds.VSwitchId[]}), never null
 */
public record Network(
        String id,
        String name,
        String description,
        String regionId,
        String cidrBlock,
        NetworkStatus status,
        String rawStatus,
        Instant createdTime,
        List<String> vSwitchIds) {

    /** Fills in the status from the raw text and makes the list immutable and non-null. */
    public Network {
        status = status == null ? NetworkStatus.fromWire(rawStatus) : status;
        vSwitchIds = WireValues.strings(vSwitchIds);
    }

    @JsonCreator
    static Network fromJson(
            @JsonProperty("NetworkId") String id,
            @JsonProperty("NetworkName") String name,
            @JsonProperty("Description") String description,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("CidrBlock") String cidrBlock,
            @JsonProperty("Status") String status,
            @JsonProperty("CreatedTime") String createdTime,
            @JsonProperty("VSwitchIds") Wire.VSwitchIds vSwitchIds) {
        return new Network(id, name, description, regionId, cidrBlock, null, status,
                WireValues.parseTime(createdTime), Wire.VSwitchIds.of(vSwitchIds));
    }
}
