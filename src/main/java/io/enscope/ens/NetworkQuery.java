package io.enscope.ens;

import java.util.List;

/**
 * Filters of DescribeNetworks; every filter is optional and they combine with AND. A null or blank
 * value, or an empty list, means "no filter".
 *
 * @param regionId    {@code EnsRegionId}: one node
 * @param regionIds   {@code EnsRegionIds.N}: several nodes
 * @param networkId   {@code NetworkId}
 * @param networkIds  {@code NetworkIds.N}
 * @param networkName {@code NetworkName}
 */
public record NetworkQuery(
        String regionId,
        List<String> regionIds,
        String networkId,
        List<String> networkIds,
        String networkName) {

    /** Normalises blanks to null and copies the lists. */
    public NetworkQuery {
        regionId = QueryValues.text(regionId);
        regionIds = QueryValues.ids(regionIds);
        networkId = QueryValues.text(networkId);
        networkIds = QueryValues.ids(networkIds);
        networkName = QueryValues.text(networkName);
    }

    /** @return a query without filters */
    public static NetworkQuery all() {
        return builder().build();
    }

    /**
     * @param regionIds ENS node IDs
     * @return a query for the networks of those nodes
     */
    public static NetworkQuery inRegions(List<String> regionIds) {
        return builder().regionIds(regionIds).build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NetworkQuery}. */
    public static final class Builder {
        private String regionId;
        private List<String> regionIds;
        private String networkId;
        private List<String> networkIds;
        private String networkName;

        private Builder() {
        }

        /**
         * @param value {@code EnsRegionId}
         * @return this builder
         */
        public Builder regionId(String value) {
            regionId = value;
            return this;
        }

        /**
         * @param values {@code EnsRegionIds.N}
         * @return this builder
         */
        public Builder regionIds(List<String> values) {
            regionIds = values;
            return this;
        }

        /**
         * @param value {@code NetworkId}
         * @return this builder
         */
        public Builder networkId(String value) {
            networkId = value;
            return this;
        }

        /**
         * @param values {@code NetworkIds.N}
         * @return this builder
         */
        public Builder networkIds(List<String> values) {
            networkIds = values;
            return this;
        }

        /**
         * @param value {@code NetworkName}
         * @return this builder
         */
        public Builder networkName(String value) {
            networkName = value;
            return this;
        }

        /** @return the query */
        public NetworkQuery build() {
            return new NetworkQuery(regionId, regionIds, networkId, networkIds, networkName);
        }
    }
}
