package io.enscope.ens;

import io.enscope.ens.model.HaVipStatus;
import java.util.List;

/**
 * Filters of DescribeHaVips; every filter is optional and they combine with AND. A null or blank
 * value, or an empty list, means "no filter".
 *
 * @param regionId     {@code EnsRegionId}: one node
 * @param regionIds    {@code EnsRegionIds.N}: several nodes
 * @param haVipId      {@code HaVipId}
 * @param haVipAddress {@code HaVipAddress}: the virtual IP
 * @param name         {@code Name}
 * @param networkId    {@code NetworkId}
 * @param vSwitchId    {@code VSwitchId}
 * @param status       {@code Status}; {@link HaVipStatus#UNKNOWN} is not allowed
 */
public record HaVipQuery(
        String regionId,
        List<String> regionIds,
        String haVipId,
        String haVipAddress,
        String name,
        String networkId,
        String vSwitchId,
        HaVipStatus status) {

    /** Normalises blanks to null and copies the list. */
    public HaVipQuery {
        regionId = QueryValues.text(regionId);
        regionIds = QueryValues.ids(regionIds);
        haVipId = QueryValues.text(haVipId);
        haVipAddress = QueryValues.text(haVipAddress);
        name = QueryValues.text(name);
        networkId = QueryValues.text(networkId);
        vSwitchId = QueryValues.text(vSwitchId);
        status = QueryValues.known(status, HaVipStatus.UNKNOWN, "HaVip status");
    }

    /** @return a query without filters */
    public static HaVipQuery all() {
        return builder().build();
    }

    /**
     * @param haVipId an HaVip ID
     * @return a query for that HaVip alone, as used when polling a binding
     */
    public static HaVipQuery ofHaVip(String haVipId) {
        return builder().haVipId(haVipId).build();
    }

    /**
     * @param regionIds ENS node IDs
     * @return a query for the HaVips of those nodes
     */
    public static HaVipQuery inRegions(List<String> regionIds) {
        return builder().regionIds(regionIds).build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link HaVipQuery}. */
    public static final class Builder {
        private String regionId;
        private List<String> regionIds;
        private String haVipId;
        private String haVipAddress;
        private String name;
        private String networkId;
        private String vSwitchId;
        private HaVipStatus status;

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
         * @param value {@code HaVipId}
         * @return this builder
         */
        public Builder haVipId(String value) {
            haVipId = value;
            return this;
        }

        /**
         * @param value {@code HaVipAddress}
         * @return this builder
         */
        public Builder haVipAddress(String value) {
            haVipAddress = value;
            return this;
        }

        /**
         * @param value {@code Name}
         * @return this builder
         */
        public Builder name(String value) {
            name = value;
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
         * @param value {@code Status}
         * @return this builder
         */
        public Builder status(HaVipStatus value) {
            status = value;
            return this;
        }

        /** @return the query */
        public HaVipQuery build() {
            return new HaVipQuery(regionId, regionIds, haVipId, haVipAddress, name, networkId, vSwitchId, status);
        }
    }
}
