package io.enscope.emulator.ops;

/** One association of a HaVip; guarded by the {@link EmulatorState} lock. */
final class AssociationState {
    enum Status {
        ASSOCIATING("Associating"), IN_USE("InUse"), UNASSOCIATING("Unassociating");

        final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        static Status fromWire(String s) {
            for (Status status : values()) {
                if (status.wire.equalsIgnoreCase(s)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown association status '" + s + "'");
        }
    }

    final String instanceId;
    final String instanceType;
    final String ipAddress;
    final String creationTime;
    Status status;
    Pending pending;

    AssociationState(String instanceId, String instanceType, String ipAddress, String creationTime, Status status) {
        this.instanceId = instanceId;
        this.instanceType = instanceType;
        this.ipAddress = ipAddress;
        this.creationTime = creationTime;
        this.status = status;
    }
}
