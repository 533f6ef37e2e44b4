package io.enscope.emulator.scenario;

/**
 * An elastic IP of a scenario, as DescribeEnsEipAddresses lists it (ens-api-ha.md §2.1).
 *
 * @param allocationId       {@code eip-…}
 * @param ipAddress          the public address
 * @param name               the name, may be null
 * @param description        the description, may be null
 * @param ensRegionId        the edge node
 * @param isp                {@code cmcc}, {@code unicom} or {@code telecom}
 * @param status             {@code Available}, {@code InUse}, {@code Associating} or {@code Unassociating}
 * @param instanceId         what it is bound to; null when {@code Available}
 * @param instanceType       {@code EnsInstance}, {@code NetworkInterface}, {@code HaVip} …; null when unbound
 * @param standby            bound as a standby (secondary) EIP
 * @param bandwidth          Mbit/s
 * @param chargeType         {@code PrePaid} or {@code PostPaid}
 * @param internetChargeType {@code 95BandwidthByMonth} or {@code PayByBandwidth}
 * @param allocationTime     epoch milliseconds as text, as the API sends it
 */
public record EipRec(String allocationId, String ipAddress, String name, String description, String ensRegionId,
                     String isp, String status, String instanceId, String instanceType, Boolean standby,
                     Integer bandwidth, String chargeType, String internetChargeType, String allocationTime) {
}
