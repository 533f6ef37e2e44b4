package io.enscope.emulator.ops;

import io.enscope.emulator.scenario.EipRec;

/** An EIP and its binding, which AssociateEnsEipAddress and UnAssociateEnsEipAddress change. */
final class EipState {
    static final String AVAILABLE = "Available";
    static final String IN_USE = "InUse";
    static final String ASSOCIATING = "Associating";
    static final String UNASSOCIATING = "Unassociating";

    final EipRec rec;
    String status;
    String instanceId;
    String instanceType;
    boolean standby;
    /** The running Associating or Unassociating transition; null when settled. */
    Pending pending;

    EipState(EipRec rec) {
        this.rec = rec;
        boolean bound = rec.instanceId() != null && !rec.instanceId().isBlank();
        this.status = rec.status() == null ? (bound ? IN_USE : AVAILABLE) : rec.status();
        this.instanceId = bound ? rec.instanceId() : null;
        this.instanceType = rec.instanceType();
        this.standby = Boolean.TRUE.equals(rec.standby());
    }

    EipRec record() {
        return new EipRec(rec.allocationId(), rec.ipAddress(), rec.name(), rec.description(), rec.ensRegionId(),
                rec.isp(), status, instanceId, instanceType, standby, rec.bandwidth(), rec.chargeType(),
                rec.internetChargeType(), rec.allocationTime());
    }

    /** Completes the running transition. */
    void complete() {
        pending = null;
        if (ASSOCIATING.equals(status)) {
            status = IN_USE;
        } else if (UNASSOCIATING.equals(status)) {
            status = AVAILABLE;
            instanceId = null;
            instanceType = null;
            standby = false;
        }
    }
}
