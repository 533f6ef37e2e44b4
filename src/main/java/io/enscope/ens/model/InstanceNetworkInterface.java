package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An ENI as listed under its instance ({@code Instance[].NetworkInterfaces.NetworkInterfaces[]});
 * DescribeNetworkInterfaces gives the full {@link NetworkInterface}.
 *
 * @param id                 the ENI ID ({@code eni-…})
 * @param type               primary or secondary, {@link NetworkInterfaceType#UNKNOWN} when not recognised
 * @param rawType            the type text as received, null when absent
 * @param macAddress         the MAC address
 * @param primaryIpAddress   the primary private IPv4 address
 * @param privateIpAddresses all private IPv4 addresses, the primary one first, never null
 */
public record InstanceNetworkInterface(
        String id,
        NetworkInterfaceType type,
        String rawType,
        String macAddress,
        String primaryIpAddress,
        List<String> privateIpAddresses) {

    /** Fills in the type from the raw text and makes the list immutable and non-null. */
    public InstanceNetworkInterface {
        type = type == null ? NetworkInterfaceType.fromWire(rawType) : type;
        privateIpAddresses = WireValues.strings(privateIpAddresses);
    }

    @JsonCreator
    static InstanceNetworkInterface fromJson(
            @JsonProperty("NetworkInterfaceId") String id,
            @JsonProperty("Type") String type,
            @JsonProperty("MacAddress") String macAddress,
            @JsonProperty("PrimaryIpAddress") String primaryIpAddress,
            @JsonProperty("PrimaryIp") String primaryIp,
            @JsonProperty("PrivateIpSets") Wire.PrivateIpSets privateIpSets) {
        List<String> addresses = Wire.PrivateIpSets.addresses(privateIpSets);
        String primary = primaryIpAddress != null ? primaryIpAddress
                : primaryIp != null ? primaryIp
                : addresses.isEmpty() ? null : addresses.get(0);
        return new InstanceNetworkInterface(id, null, type, macAddress, primary, addresses);
    }
}
