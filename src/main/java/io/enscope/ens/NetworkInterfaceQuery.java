package io.enscope.ens;

import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ens.model.NetworkInterfaceType;
import java.util.List;

/**
 * Filters of DescribeNetworkInterfaces; every filter is optional and they combine with AND. A null
 * or blank value, or an empty list, means "no filter".
 *
 * @param regionId            {@code EnsRegionId}: one node
 * @param regionIds           {@code EnsRegionIds.N}: several nodes
 * @param networkInterfaceId  {@code NetworkInterfaceId}
 * @param networkInterfaceIds {@code NetworkInterfaceIds.N}
 * @param instanceId          {@code InstanceId}: the instance the ENIs are attached to
 * @param networkId           {@code NetworkId}
 * @param vSwitchId           {@code VSwitchId}
 * @param type                {@code Type}; {@link NetworkInterfaceType#UNKNOWN} is not allowed
 * @param status              {@code Status}; {@link NetworkInterfaceStatus#UNKNOWN} is not allowed
 * @param primaryIpAddress    {@code PrimaryIpAddress}
 * @param name                {@code NetworkInterfaceName}
 */
public record NetworkInterfaceQuery(
        String regionId,
        List<String> regionIds,
        String networkInterfaceId,
        List<String> networkInterfaceIds,
        String instanceId,
        String networkId,
        String vSwitchId,
        NetworkInterfaceType type,
        NetworkInterfaceStatus status,
        String primaryIpAddress,
        String name) {

    /** Normalises blanks to null and copies the lists. */
    public NetworkInterfaceQuery {
        regionId = QueryValues.text(regionId);
        regionIds = QueryValues.ids(regionIds);
        networkInterfaceId = QueryValues.text(networkInterfaceId);
        networkInterfaceIds = QueryValues.ids(networkInterfaceIds);
        instanceId = QueryValues.text(instanceId);
        networkId = QueryValues.text(networkId);
        vSwitchId = QueryValues.text(vSwitchId);
        type = QueryValues.known(type, NetworkInterfaceType.UNKNOWN, "ENI type");
        status = QueryValues.known(status, NetworkInterfaceStatus.UNKNOWN, "ENI status");
        primaryIpAddress = QueryValues.text(primaryIpAddress);
        name = QueryValues.text(name);
    }

    /** @return a query without filters */
    public static NetworkInterfaceQuery all() {
        return builder().build();
    }

    /**
     * @param regionIds ENS node IDs
     * @return a query for the ENIs of those nodes
     */
    public static NetworkInterfaceQuery inRegions(List<String> regionIds) {
        return builder().regionIds(regionIds).build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NetworkInterfaceQuery}. */
    public static final class Builder {
        private String regionId;
        private List<String> regionIds;
        private String networkInterfaceId;
        private List<String> networkInterfaceIds;
        private String instanceId;
        private String networkId;
        private String vSwitchId;
        private NetworkInterfaceType type;
        private NetworkInterfaceStatus status;
        private String primaryIpAddress;
        private String name;

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
         * @param value {@code NetworkInterfaceId}
         * @return this builder
         */
        public Builder networkInterfaceId(String value) {
            networkInterfaceId = value;
            return this;
        }

        /**
         * @param values {@code NetworkInterfaceIds.N}
         * @return this builder
         */
        public Builder networkInterfaceIds(List<String> values) {
            networkInterfaceIds = values;
            return this;
        }

        /**
         * @param value {@code InstanceId}
         * @return this builder
         */
        public Builder instanceId(String value) {
            instanceId = value;
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
         * @param value {@code Type}
         * @return this builder
         */
        public Builder type(NetworkInterfaceType value) {
            type = value;
            return this;
        }

        /**
         * @param value {@code Status}
         * @return this builder
         */
        public Builder status(NetworkInterfaceStatus value) {
            status = value;
            return this;
        }

        /**
         * @param value {@code PrimaryIpAddress}
         * @return this builder
         */
        public Builder primaryIpAddress(String value) {
            primaryIpAddress = value;
            return this;
        }

        /**
         * @param value {@code NetworkInterfaceName}
         * @return this builder
         */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** @return the query */
        public NetworkInterfaceQuery build() {
            return new NetworkInterfaceQuery(regionId, regionIds, networkInterfaceId, networkInterfaceIds, instanceId,
                    networkId, vSwitchId, type, status, primaryIpAddress, name);
        }
    }
}
