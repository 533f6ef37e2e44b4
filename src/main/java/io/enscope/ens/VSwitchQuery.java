package io.enscope.ens;

import java.util.List;

/**
 * Filters of DescribeVSwitches; every filter is optional and they combine with AND. A null or
 * blank value, or an empty list, means "no filter".
 *
 * @param regionId    {@code EnsRegionId}: one node
 * @param regionIds   {@code EnsRegionIds.N}: several nodes
 * @param networkId   {@code NetworkId}
 * @param vSwitchId   {@code VSwitchId}
 * @param vSwitchIds  {@code VSwitchIds.N}
 * @param vSwitchName {@code VSwitchName}
 */
public record VSwitchQuery(
        String regionId,
        List<String> regionIds,
        String networkId,
        String vSwitchId,
        List<String> vSwitchIds,
        String vSwitchName) {

    /** Normalises blanks to null and copies the lists. */
    public VSwitchQuery {
        regionId = QueryValues.text(regionId);
        regionIds = QueryValues.ids(regionIds);
        networkId = QueryValues.text(networkId);
        vSwitchId = QueryValues.text(vSwitchId);
        vSwitchIds = QueryValues.ids(vSwitchIds);
        vSwitchName = QueryValues.text(vSwitchName);
    }

    /** @return a query without filters */
    public static VSwitchQuery all() {
        return builder().build();
    }

    /**
     * @param regionIds ENS node IDs
     * @return a query for the vSwitches of those nodes
     */
    public static VSwitchQuery inRegions(List<String> regionIds) {
        return builder().regionIds(regionIds).build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link VSwitchQuery}. */
    public static final class Builder {
        private String regionId;
        private List<String> regionIds;
        private String networkId;
        private String vSwitchId;
        private List<String> vSwitchIds;
        private String vSwitchName;

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
         * @param value {@code VSwitchId}
         * @return this builder
         */
        public Builder vSwitchId(String value) {
            vSwitchId = value;
            return this;
        }

        /**
         * @param values {@code VSwitchIds.N}
         * @return this builder
         */
        public Builder vSwitchIds(List<String> values) {
            vSwitchIds = values;
            return this;
        }

        /**
         * @param value {@code VSwitchName}
         * @return this builder
         */
        public Builder vSwitchName(String value) {
            vSwitchName = value;
            return this;
        }

        /** @return the query */
        public VSwitchQuery build() {
            return new VSwitchQuery(regionId, regionIds, networkId, vSwitchId, vSwitchIds, vSwitchName);
        }
    }
}
