package io.enscope.ens;

import java.util.List;

/**
 * Filters of DescribeEnsEipAddresses (ens-api-ha.md §2.1); empty lists and nulls mean "no filter".
 *
 * @param regionIds            {@code EnsRegionIds.N}
 * @param allocationIds        {@code AllocationId}, comma-separated, at most 50
 * @param associatedInstanceId {@code AssociatedInstanceId}
 */
public record EipQuery(List<String> regionIds, List<String> allocationIds, String associatedInstanceId) {
    /** The most EIP IDs one call may name. */
    public static final int MAX_ALLOCATION_IDS = 50;

    /** Normalises blanks and copies the lists. */
    public EipQuery {
        regionIds = QueryValues.ids(regionIds);
        allocationIds = QueryValues.ids(allocationIds);
        if (allocationIds.size() > MAX_ALLOCATION_IDS) {
            throw new IllegalArgumentException("at most " + MAX_ALLOCATION_IDS + " EIP IDs per call");
        }
        associatedInstanceId = QueryValues.text(associatedInstanceId);
    }

    /** @return the EIPs of those nodes */
    public static EipQuery inRegions(List<String> regionIds) {
        return new EipQuery(regionIds, List.of(), null);
    }
}
