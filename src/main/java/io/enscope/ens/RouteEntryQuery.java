package io.enscope.ens;

/**
 * Filters of DescribeEnsRouteEntryList; null means "not filtered". The API has no region filter.
 *
 * @param routeTableId         the route table
 * @param routeEntryId         one route entry
 * @param destinationCidrBlock the destination
 * @param nextHopType          {@code Instance}, {@code HaVip} or {@code NetworkPeer}
 * @param nextHopId            the next hop's ID
 */
public record RouteEntryQuery(String routeTableId, String routeEntryId, String destinationCidrBlock,
                              String nextHopType, String nextHopId) {

    /** @return every route entry whose next hop is a HaVip */
    public static RouteEntryQuery toHaVips() {
        return new RouteEntryQuery(null, null, null, "HaVip", null);
    }

    /** @return the route entries whose next hop is this HaVip */
    public static RouteEntryQuery toHaVip(String haVipId) {
        return new RouteEntryQuery(null, null, null, "HaVip", haVipId);
    }
}
