package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One binding of an HaVip to an instance or ENI ({@code HaVips[].AssociatedInstances[]}).
 *
 * @param instanceId      the bound instance ({@code i-…}) or ENI ({@code eni-…})
 * @param instanceType    what the target is; guessed from the ID when ENS leaves it out
 * @param rawInstanceType the type text as received, null when absent
 * @param ipAddress       the private address of the target
 * @param status          the binding status, {@link AssociationStatus#UNKNOWN} when not recognised
 * @param rawStatus       the status text as received, null when absent
 * @param creationTime    the time ENS reports with the binding, null when absent or unreadable
 */
public record HaVipAssociation(
        String instanceId,
        InstanceType instanceType,
        String rawInstanceType,
        String ipAddress,
        AssociationStatus status,
        String rawStatus,
        Instant creationTime) {

    /** Fills in type and status from the raw text when they are not given. */
    public HaVipAssociation {
        if (instanceType == null) {
            instanceType = rawInstanceType == null || rawInstanceType.isBlank()
                    ? InstanceType.ofTargetId(instanceId)
                    : InstanceType.fromWire(rawInstanceType);
        }
        status = status == null ? AssociationStatus.fromWire(rawStatus) : status;
    }

    @JsonCreator
    static HaVipAssociation fromJson(
            @JsonProperty("InstanceId") String instanceId,
            @JsonProperty("InstanceType") String instanceType,
            @JsonProperty("IpAddress") String ipAddress,
            @JsonProperty("Status") String status,
            @JsonProperty("CreationTime") String creationTime) {
        return new HaVipAssociation(instanceId, null, instanceType, ipAddress, null, status,
                WireValues.parseTime(creationTime));
    }
}
