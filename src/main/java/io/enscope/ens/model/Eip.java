package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An elastic IP, from {@code DescribeEnsEipAddresses} {@code EipAddresses.EipAddress[]}
 * (ens-api-ha.md §2.1). Status and binding type are kept as sent: the documented enumerations are
 * known to be incomplete.
 *
 * @param allocationId   the EIP ID ({@code eip-…})
 * @param ipAddress      the public address
 * @param name           the name
 * @param regionId       the ENS node ID
 * @param isp            {@code cmcc}, {@code unicom}, {@code telecom}
 * @param status         {@code Associating}, {@code Unassociating}, {@code InUse}, {@code Available}
 * @param instanceId     what it is bound to, null when unbound
 * @param instanceType   {@code EnsInstance}, {@code SlbInstance}, …, null when unbound
 * @param standby        whether it is a standby EIP
 * @param bandwidth      Mbit/s, 0 when absent
 * @param allocationTime when it was allocated (sent as epoch milliseconds in a string), null when unreadable
 */
public record Eip(
        String allocationId,
        String ipAddress,
        String name,
        String regionId,
        String isp,
        String status,
        String instanceId,
        String instanceType,
        boolean standby,
        int bandwidth,
        Instant allocationTime) {

    @JsonCreator
    static Eip fromJson(
            @JsonProperty("AllocationId") String allocationId,
            @JsonProperty("IpAddress") String ipAddress,
            @JsonProperty("Name") String name,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("Isp") String isp,
            @JsonProperty("Status") String status,
            @JsonProperty("InstanceId") String instanceId,
            @JsonProperty("InstanceType") String instanceType,
            @JsonProperty("Standby") Boolean standby,
            @JsonProperty("Bandwidth") Integer bandwidth,
            @JsonProperty("AllocationTime") String allocationTime) {
        return new Eip(allocationId, ipAddress, name, regionId, isp, status, blankToNull(instanceId),
                blankToNull(instanceType), Boolean.TRUE.equals(standby), bandwidth == null ? 0 : bandwidth,
                epochMillisOrTime(allocationTime));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** {@code AllocationTime} is documented with an epoch-millisecond example; ISO text is read as well. */
    private static Instant epochMillisOrTime(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.chars().allMatch(Character::isDigit) && raw.length() <= 15) {
            return Instant.ofEpochMilli(Long.parseLong(raw));
        }
        return WireValues.parseTime(raw);
    }
}
