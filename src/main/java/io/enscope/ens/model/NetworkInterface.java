package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An elastic network interface (ENI), from {@code DescribeNetworkInterfaces}
 * {@code NetworkInterfaceSets.NetworkInterfaceSet[]}.
 *
 * @param id                 the ENI ID ({@code eni-…})
 * @param name               the ENI name
 * @param description        the description
 * @param type               primary or secondary, {@link NetworkInterfaceType#UNKNOWN} when not recognised
 * @param rawType            the type text as received, null when absent
 * @param status             the status, {@link NetworkInterfaceStatus#UNKNOWN} when not recognised
 * @param rawStatus          the status text as received, null when absent
 * @param instanceId         the instance it is attached to, null when detached
 * @param regionId           the ENS node ID
 * @param networkId          the network
 * @param vSwitchId          the vSwitch
 * @param primaryIpAddress   the primary private IPv4 address ({@code PrimaryIp})
 * @param macAddress         the MAC address
 * @param privateIpAddresses all private IPv4 addresses, the primary one first, never null
 * @param securityGroupIds   the security groups, never null
 * @param creationTime       when it was created, null when absent or unreadable
 */
public record NetworkInterface(
        String id,
        String name,
        String description,
        NetworkInterfaceType type,
        String rawType,
        NetworkInterfaceStatus status,
        String rawStatus,
        String instanceId,
        String regionId,
        String networkId,
        String vSwitchId,
        String primaryIpAddress,
        String macAddress,
        List<String> privateIpAddresses,
        List<String> securityGroupIds,
        Instant creationTime) {

    /** Fills in type and status from the raw text and makes the lists immutable and non-null. */
    public NetworkInterface {
        type = type == null ? NetworkInterfaceType.fromWire(rawType) : type;
        status = status == null ? NetworkInterfaceStatus.fromWire(rawStatus) : status;
        privateIpAddresses = WireValues.strings(privateIpAddresses);
        securityGroupIds = WireValues.strings(securityGroupIds);
    }

    /**
     * Reads one {@code NetworkInterfaceSet} item. The primary address is {@code PrimaryIp} here
     * but {@code PrimaryIpAddress} elsewhere in the API; either is accepted.
     */
    @JsonCreator
    static NetworkInterface fromJson(
            @JsonProperty("NetworkInterfaceId") String id,
            @JsonProperty("NetworkInterfaceName") String name,
            @JsonProperty("Description") String description,
            @JsonProperty("Type") String type,
            @JsonProperty("Status") String status,
            @JsonProperty("InstanceId") String instanceId,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("NetworkId") String networkId,
            @JsonProperty("VSwitchId") String vSwitchId,
            @JsonProperty("PrimaryIp") String primaryIp,
            @JsonProperty("PrimaryIpAddress") String primaryIpAddress,
            @JsonProperty("MacAddress") String macAddress,
            @JsonProperty("PrivateIpSets") Wire.PrivateIpSets privateIpSets,
            @JsonProperty("SecurityGroupIds") Wire.SecurityGroupIds securityGroupIds,
            @JsonProperty("CreationTime") String creationTime) {
        List<String> addresses = Wire.PrivateIpSets.addresses(privateIpSets);
        String primary = primaryIp != null ? primaryIp
                : primaryIpAddress != null ? primaryIpAddress
                : addresses.isEmpty() ? null : addresses.get(0);
        String attachedTo = instanceId == null || instanceId.isBlank() ? null : instanceId;
        return new NetworkInterface(id, name, description, null, type, null, status, attachedTo, regionId,
                networkId, vSwitchId, primary, macAddress, addresses, Wire.SecurityGroupIds.of(securityGroupIds),
                WireValues.parseTime(creationTime));
    }
}
