package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A high-availability virtual IP, from {@code DescribeHaVips} {@code HaVips[]} (a flat array).
 *
 * @param id           the HaVip ID ({@code havip-…})
 * @param name         the name
 * @param description  the description
 * @param ipAddress    the virtual IP address
 * @param status       the status, {@link HaVipStatus#UNKNOWN} when not recognised
 * @param rawStatus    the status text as received, null when absent
 * @param vSwitchId    the vSwitch it lives in; targets must be in the same one
 * @param networkId    the network
 * @param regionId     the ENS node ID
 * @param creationTime when it was created, null when absent or unreadable
 * @param associations its bindings to instances and ENIs, never null
 * @param eips         the EIPs bound to it, never null
 */
public record HaVip(
        String id,
        String name,
        String description,
        String ipAddress,
        HaVipStatus status,
        String rawStatus,
        String vSwitchId,
        String networkId,
        String regionId,
        Instant creationTime,
        List<HaVipAssociation> associations,
        List<HaVipEip> eips) {

    /** Fills in the status from the raw text and makes the lists immutable and non-null. */
    public HaVip {
        status = status == null ? HaVipStatus.fromWire(rawStatus) : status;
        associations = WireValues.list(associations);
        eips = WireValues.list(eips);
    }

    /**
     * @param targetId an instance or ENI ID
     * @return the binding to that target, if any
     */
    public Optional<HaVipAssociation> association(String targetId) {
        return associations.stream().filter(a -> targetId.equals(a.instanceId())).findFirst();
    }

    /** @return whether any binding is still being made or removed */
    public boolean hasTransitionalAssociation() {
        return associations.stream().anyMatch(a -> a.status().isTransitional());
    }

    /**
     * The status a console shows, the same whichever model ENS follows at the HaVip level (the
     * docs disagree): a HaVip that is neither being created nor deleted shows {@code Associating}
     * or {@code Unassociating} when one of its bindings does, and otherwise what ENS listed.
     * Both models list the bindings' own statuses, so only those decide.
     *
     * @return the status to show
     */
    public HaVipStatus liveStatus() {
        if (status == HaVipStatus.CREATING || status == HaVipStatus.DELETING) {
            return status;
        }
        if (associations.stream().anyMatch(a -> a.status() == AssociationStatus.ASSOCIATING)) {
            return HaVipStatus.ASSOCIATING;
        }
        if (associations.stream().anyMatch(a -> a.status() == AssociationStatus.UNASSOCIATING)) {
            return HaVipStatus.UNASSOCIATING;
        }
        return status;
    }

    /** @return the raw text of {@link #liveStatus()}: ENS's own text unless the bindings decided */
    public String liveRawStatus() {
        HaVipStatus live = liveStatus();
        return live == status ? rawStatus : live.wireValue();
    }

    /**
     * @param newAssociations the bindings to show instead
     * @return a copy of this HaVip with other bindings
     */
    public HaVip withAssociations(List<HaVipAssociation> newAssociations) {
        return new HaVip(id, name, description, ipAddress, status, rawStatus, vSwitchId, networkId, regionId,
                creationTime, newAssociations, eips);
    }

    /** Reads one {@code HaVips[]} item; bindings without a target ID are dropped as unusable. */
    @JsonCreator
    static HaVip fromJson(
            @JsonProperty("HaVipId") String id,
            @JsonProperty("Name") String name,
            @JsonProperty("Description") String description,
            @JsonProperty("IpAddress") String ipAddress,
            @JsonProperty("Status") String status,
            @JsonProperty("VSwitchId") String vSwitchId,
            @JsonProperty("NetworkId") String networkId,
            @JsonProperty("EnsRegionId") String regionId,
            @JsonProperty("CreationTime") String creationTime,
            @JsonProperty("AssociatedInstances") List<HaVipAssociation> associations,
            @JsonProperty("AssociatedEipAddresses") List<HaVipEip> eips) {
        List<HaVipAssociation> usable = WireValues.list(associations).stream()
                .filter(a -> a.instanceId() != null && !a.instanceId().isBlank())
                .toList();
        List<HaVipEip> usableEips = WireValues.list(eips).stream()
                .filter(e -> e.eipId() != null || e.ipAddress() != null)
                .toList();
        return new HaVip(id, name, description, ipAddress, null, status, vSwitchId, networkId, regionId,
                WireValues.parseTime(creationTime), usable, usableEips);
    }
}
