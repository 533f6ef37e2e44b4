package io.enscope.emulator.ops;

import java.util.ArrayList;
import java.util.List;

/** The mutable state of one HaVip inside the emulator; guarded by the {@link EmulatorState} lock. */
final class HaVipState {
    enum Lifecycle { CREATING, READY, DELETING }

    final String id;
    String name;
    final String description;
    final String ipAddress;
    final String vSwitchId;
    final String networkId;
    final String ensRegionId;
    final String creationTime;
    Lifecycle lifecycle;
    Pending pending;
    final List<AssociationState> associations = new ArrayList<>();

    HaVipState(String id, String name, String description, String ipAddress, String vSwitchId, String networkId,
               String ensRegionId, String creationTime, Lifecycle lifecycle) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.ipAddress = ipAddress;
        this.vSwitchId = vSwitchId;
        this.networkId = networkId;
        this.ensRegionId = ensRegionId;
        this.creationTime = creationTime;
        this.lifecycle = lifecycle;
    }

    /**
     * The HaVip's {@code Status} as DescribeHaVips shows it: lifecycle states first, then the
     * state of its associations (design.md, state model), or, with {@code transitional} false,
     * only the documented {@code InUse} / {@code Available}.
     */
    String status(boolean transitional) {
        switch (lifecycle) {
            case CREATING:
                return "Creating";
            case DELETING:
                return "Deleting";
            default:
                break;
        }
        if (!transitional) {
            return associations.isEmpty() ? "Available" : "InUse";
        }
        boolean unassociating = false;
        for (AssociationState a : associations) {
            if (a.status == AssociationState.Status.ASSOCIATING) {
                return "Associating";
            }
            unassociating |= a.status == AssociationState.Status.UNASSOCIATING;
        }
        if (unassociating) {
            return "Unassociating";
        }
        return associations.isEmpty() ? "Available" : "InUse";
    }

    boolean hasTransitionalAssociation() {
        return associations.stream().anyMatch(a -> a.status != AssociationState.Status.IN_USE);
    }

    AssociationState association(String targetId) {
        for (AssociationState a : associations) {
            if (a.instanceId.equals(targetId)) {
                return a;
            }
        }
        return null;
    }

    boolean isPending() {
        return pending != null || associations.stream().anyMatch(a -> a.pending != null);
    }
}
