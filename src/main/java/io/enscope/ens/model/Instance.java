package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An ENS instance, from {@code DescribeInstances} {@code Instances.Instance[]}.
 *
 * @param id                   the instance ID ({@code i-…})
 * @param name                 the instance name
 * @param hostName             the host name
 * @param status               the status, {@link InstanceStatus#UNKNOWN} when not recognised
 * @param rawStatus            the status text as received, null when absent
 * @param regionId             the ENS node ID
 * @param networkId            the network ({@code NetworkAttributes.NetworkId})
 * @param vSwitchId            the vSwitch ({@code NetworkAttributes.VSwitchId})
 * @param privateIpAddresses   the private IPv4 addresses, never null
 * @param publicIpAddresses    the public IPv4 addresses, never null
 * @param networkInterfaces    the ENIs attached to it, never null
 * @param creationTime         when it was created, null when absent or unreadable
 * @param specName             the instance specification, e.g. {@code ens.sn1.stiny}
 * @param instanceResourceType {@code EnsInstance}, {@code EnsService}, {@code BuildMachine}, …
 * @param imageId              the image
 * @param osName               the operating system
 * @param securityGroupIds     the security groups ({@code SecurityGroupIds.SecurityGroupId[]}), never null
 * @param tags                 its tags ({@code Tags.Tags[]}), never null
 */
public record Instance(
        String id,
        String name,
        String hostName,
        InstanceStatus status,
        String rawStatus,
        String regionId,
        String networkId,
        String vSwitchId,
        List<String> privateIpAddresses,
        List<String> publicIpAddresses,
        List<InstanceNetworkInterface> networkInterfaces,
        Instant creationTime,
        String specName,
        String instanceResourceType,
        String imageId,
        String osName,
        List<String> securityGroupIds,
        List<ResourceTag> tags) {

    /** Fills in the status from the raw text and makes the lists immutable and non-null. */
    public Instance {
        status = status == null ? InstanceStatus.fromWire(rawStatus) : status;
        privateIpAddresses = WireValues.strings(privateIpAddresses);
        publicIpAddresses = WireValues.strings(publicIpAddresses);
        networkInterfaces = WireValues.list(networkInterfaces);
        securityGroupIds = WireValues.strings(securityGroupIds);
        tags = WireValues.list(tags);
    }

    /** An instance without security groups and tags. */
    public Instance(String id, String name, String hostName, InstanceStatus status, String rawStatus,
            String regionId, String networkId, String vSwitchId, List<String> privateIpAddresses,
            List<String> publicIpAddresses, List<InstanceNetworkInterface> networkInterfaces, Instant creationTime,
            String specName, String instanceResourceType, String imageId, String osName) {
        this(id, name, hostName, status, rawStatus, regionId, networkId, vSwitchId, privateIpAddresses,
                publicIpAddresses, networkInterfaces, creationTime, specName, instanceResourceType, imageId, osName,
                List.of(), List.of());
    }

    /** {@code {"Tags": [...]}}, the tag list of an instance; the bare array is accepted too. */
    record TagList(List<ResourceTag> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static TagList wrapped(@JsonProperty("Tags") List<ResourceTag> values) {
            return new TagList(WireValues.list(values).stream().filter(t -> t.key() != null).toList());
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static TagList flat(List<ResourceTag> values) {
            return wrapped(values);
        }
    }

    /** @return the primary private IPv4 address, or null when there is none */
    public String primaryPrivateIpAddress() {
        return privateIpAddresses.isEmpty() ? null : privateIpAddresses.get(0);
    }

    /**
     * Reads one {@code Instance} item. Private addresses come from
     * {@code NetworkAttributes.PrivateIpAddress.IpAddress[]}; older responses only fill
     * {@code PrivateIpAddresses} or {@code InnerIpAddress}, which are used as fallbacks.
     */
    @JsonCreator
    static Instance fromJson(
            @JsonProperty("InstanceId") String id,
            @JsonProperty("InstanceName") String name,
            @JsonProperty("HostName") String hostName,
            @JsonProperty("Status") String status,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("NetworkAttributes") Wire.NetworkAttributes networkAttributes,
            @JsonProperty("PrivateIpAddresses") Wire.PrivateIpEntries privateIpAddresses,
            @JsonProperty("InnerIpAddress") Wire.IpAddressList innerIpAddress,
            @JsonProperty("PublicIpAddresses") Wire.PublicIpEntries publicIpAddresses,
            @JsonProperty("PublicIpAddress") Wire.IpAddressList publicIpAddress,
            @JsonProperty("NetworkInterfaces") Wire.InstanceInterfaces networkInterfaces,
            @JsonProperty("CreationTime") String creationTime,
            @JsonProperty("SpecName") String specName,
            @JsonProperty("InstanceResourceType") String instanceResourceType,
            @JsonProperty("ImageId") String imageId,
            @JsonProperty("OSName") String osName,
            @JsonProperty("SecurityGroupIds") Wire.SecurityGroupIds securityGroupIds,
            @JsonProperty("Tags") TagList tags) {
        String networkId = networkAttributes == null ? null : networkAttributes.networkId();
        String vSwitchId = networkAttributes == null ? null : networkAttributes.vSwitchId();
        List<String> privateIps = WireValues.firstNonEmpty(
                networkAttributes == null ? null : Wire.IpAddressList.of(networkAttributes.privateIpAddress()),
                Wire.PrivateIpEntries.of(privateIpAddresses),
                Wire.IpAddressList.of(innerIpAddress));
        List<String> publicIps = WireValues.firstNonEmpty(
                Wire.IpAddressList.of(publicIpAddress),
                Wire.PublicIpEntries.of(publicIpAddresses));
        return new Instance(id, name, hostName, null, status, regionId, networkId, vSwitchId, privateIps, publicIps,
                Wire.InstanceInterfaces.of(networkInterfaces), WireValues.parseTime(creationTime), specName,
                instanceResourceType, imageId, osName, Wire.SecurityGroupIds.of(securityGroupIds),
                tags == null ? List.of() : tags.values());
    }
}
