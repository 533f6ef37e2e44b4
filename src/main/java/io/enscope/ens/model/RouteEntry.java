package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A route entry, from {@code DescribeEnsRouteEntryList} {@code RouteEntrys[]} (a flat array).
 *
 * @param id                   the route entry ID ({@code rte-…})
 * @param name                 the name
 * @param routeTableId         the route table
 * @param destinationCidrBlock where the route leads
 * @param type                 {@code Custom} or {@code System}, as received
 * @param status               the status as received (undocumented; {@code Available} in examples)
 * @param description          the description
 * @param creationTime         when it was created, null when absent or unreadable
 * @param nextHops             its next hops, never null
 */
public record RouteEntry(
        String id,
        String name,
        String routeTableId,
        String destinationCidrBlock,
        String type,
        String status,
        String description,
        Instant creationTime,
        List<RouteNextHop> nextHops) {

    /** Makes the list immutable and non-null. */
    public RouteEntry {
        nextHops = WireValues.list(nextHops);
    }

    /** @return whether one of its next hops is the given HaVip */
    public boolean leadsTo(String haVipId) {
        return nextHops.stream().anyMatch(h -> h.isHaVip(haVipId));
    }

    @JsonCreator
    static RouteEntry fromJson(
            @JsonProperty("RouteEntryId") String id,
            @JsonProperty("RouteEntryName") String name,
            @JsonProperty("RouteTableId") String routeTableId,
            @JsonProperty("DestinationCidrBlock") String destinationCidrBlock,
            @JsonProperty("Type") String type,
            @JsonProperty("Status") String status,
            @JsonProperty("Description") String description,
            @JsonProperty("CreationTime") String creationTime,
            @JsonProperty("NextHops") List<RouteNextHop> nextHops) {
        return new RouteEntry(id, name, routeTableId, destinationCidrBlock, type, status, description,
                WireValues.parseTime(creationTime), nextHops);
    }
}
