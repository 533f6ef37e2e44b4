package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A security group, from {@code DescribeSecurityGroups} {@code SecurityGroups.SecurityGroup[]}
 * (ens-api-ha.md §2.4).
 *
 * @param id                  {@code sg-…}
 * @param name                the name
 * @param description         the description
 * @param instanceIds         the member instances, never null
 * @param networkInterfaceIds the member ENIs, never null
 */
public record SecurityGroup(
        String id,
        String name,
        String description,
        List<String> instanceIds,
        List<String> networkInterfaceIds) {

    /** Makes the lists immutable and non-null. */
    public SecurityGroup {
        instanceIds = WireValues.strings(instanceIds);
        networkInterfaceIds = WireValues.strings(networkInterfaceIds);
    }

    @JsonCreator
    static SecurityGroup fromJson(
            @JsonProperty("SecurityGroupId") String id,
            @JsonProperty("SecurityGroupName") String name,
            @JsonProperty("Description") String description,
            @JsonProperty("InstanceIds") InstanceIds instanceIds,
            @JsonProperty("NetworkInterfaceIds") NetworkInterfaceIds networkInterfaceIds) {
        return new SecurityGroup(id, name, description, instanceIds == null ? List.of() : instanceIds.values(),
                networkInterfaceIds == null ? List.of() : networkInterfaceIds.values());
    }

    /** {@code {"InstanceId": [...]}}, or the bare array. */
    record InstanceIds(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static InstanceIds wrapped(@JsonProperty("InstanceId") List<String> values) {
            return new InstanceIds(WireValues.strings(values));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static InstanceIds flat(List<String> values) {
            return wrapped(values);
        }
    }

    /** {@code {"NetworkInterfaceId": [...]}}, or the bare array. */
    record NetworkInterfaceIds(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static NetworkInterfaceIds wrapped(@JsonProperty("NetworkInterfaceId") List<String> values) {
            return new NetworkInterfaceIds(WireValues.strings(values));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static NetworkInterfaceIds flat(List<String> values) {
            return wrapped(values);
        }
    }
}
