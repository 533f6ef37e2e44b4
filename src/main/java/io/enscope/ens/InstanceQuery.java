package io.enscope.ens;

import io.enscope.ens.model.InstanceStatus;
import java.util.List;

/**
 * Filters of DescribeInstances; every filter is optional and they combine with AND. A null or
 * blank value, or an empty list, means "no filter" (ENS itself would treat an empty
 * {@code InstanceIds} array as "match nothing", so an empty list is never sent).
 *
 * @param regionId             {@code EnsRegionId}: one node
 * @param regionIds            {@code EnsRegionIds}: several nodes, sent as a JSON array string
 * @param instanceId           {@code InstanceId}
 * @param instanceIds          {@code InstanceIds}: at most 100, sent as a JSON array string
 * @param instanceName         {@code InstanceName}
 * @param networkId            {@code NetworkId}
 * @param vSwitchId            {@code VSwitchId}
 * @param status               {@code Status}; {@link InstanceStatus#UNKNOWN} is not allowed
 * @param instanceResourceType {@code InstanceResourceType}, e.g. {@code EnsInstance}
 */
public record InstanceQuery(
        String regionId,
        List<String> regionIds,
        String instanceId,
        List<String> instanceIds,
        String instanceName,
        String networkId,
        String vSwitchId,
        InstanceStatus status,
        String instanceResourceType) {

    /** Normalises blanks to null and copies the lists. */
    public InstanceQuery {
        regionId = QueryValues.text(regionId);
        regionIds = QueryValues.ids(regionIds);
        instanceId = QueryValues.text(instanceId);
        instanceIds = QueryValues.ids(instanceIds);
        instanceName = QueryValues.text(instanceName);
        networkId = QueryValues.text(networkId);
        vSwitchId = QueryValues.text(vSwitchId);
        status = QueryValues.known(status, InstanceStatus.UNKNOWN, "instance status");
        instanceResourceType = QueryValues.text(instanceResourceType);
    }

    /** @return a query without filters */
    public static InstanceQuery all() {
        return builder().build();
    }

    /**
     * @param regionIds ENS node IDs
     * @return a query for the instances of those nodes
     */
    public static InstanceQuery inRegions(List<String> regionIds) {
        return builder().regionIds(regionIds).build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InstanceQuery}. */
    public static final class Builder {
        private String regionId;
        private List<String> regionIds;
        private String instanceId;
        private List<String> instanceIds;
        private String instanceName;
        private String networkId;
        private String vSwitchId;
        private InstanceStatus status;
        private String instanceResourceType;

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
         * @param values {@code EnsRegionIds}
         * @return this builder
         */
        public Builder regionIds(List<String> values) {
            regionIds = values;
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
         * @param values {@code InstanceIds}
         * @return this builder
         */
        public Builder instanceIds(List<String> values) {
            instanceIds = values;
            return this;
        }

        /**
         * @param value {@code InstanceName}
         * @return this builder
         */
        public Builder instanceName(String value) {
            instanceName = value;
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
        public Builder status(InstanceStatus value) {
            status = value;
            return this;
        }

        /**
         * @param value {@code InstanceResourceType}
         * @return this builder
         */
        public Builder instanceResourceType(String value) {
            instanceResourceType = value;
            return this;
        }

        /** @return the query */
        public InstanceQuery build() {
            return new InstanceQuery(regionId, regionIds, instanceId, instanceIds, instanceName, networkId,
                    vSwitchId, status, instanceResourceType);
        }
    }
}
