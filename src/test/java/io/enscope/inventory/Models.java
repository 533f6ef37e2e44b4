package io.enscope.inventory;

import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ens.model.NetworkInterfaceType;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import java.util.List;

/**
 * Small factories of model records for hand-built inventories. IDs name their parents so a test
 * reads like the topology: region {@code r1}, network {@code n1} in it, vSwitch {@code vsw1} in
 * that network.
 */
public final class Models {

    private Models() {
    }

    public static Region region(String id) {
        return new Region(id, id, id, "Area", "Province");
    }

    public static Network network(String id, String regionId) {
        return new Network(id, id, null, regionId, "10.0.0.0/16", null, "Available", null, List.of());
    }

    public static VSwitch vSwitch(String id, String networkId, String regionId) {
        return new VSwitch(id, id, null, regionId, networkId, "10.0.1.0/24", 200L, null, "Available", null);
    }

    public static Instance instance(String id, VSwitch vSwitch, InstanceStatus status) {
        return new Instance(id, id, id, status, status.wireValue(), vSwitch.regionId(), vSwitch.networkId(),
                vSwitch.id(), List.of("10.0.1.10"), List.of(), List.of(), null, "ens.sn1.small", "EnsInstance",
                "img", "os");
    }

    /** An instance whose status text this version does not know. */
    public static Instance instanceWithRawStatus(String id, VSwitch vSwitch, String rawStatus) {
        return new Instance(id, id, id, null, rawStatus, vSwitch.regionId(), vSwitch.networkId(), vSwitch.id(),
                List.of("10.0.1.11"), List.of(), List.of(), null, "ens.sn1.small", "EnsInstance", "img", "os");
    }

    public static NetworkInterface eni(String id, VSwitch vSwitch, NetworkInterfaceType type,
            NetworkInterfaceStatus status, String instanceId) {
        return new NetworkInterface(id, id, null, type, type.wireValue(), status, status.wireValue(), instanceId,
                vSwitch.regionId(), vSwitch.networkId(), vSwitch.id(), "10.0.1.20", "00:16:3e:00:00:01",
                List.of("10.0.1.20"), List.of(), null);
    }

    /** An ENI whose type and status texts are as given, known or not. */
    public static NetworkInterface eniWithRaw(String id, VSwitch vSwitch, String rawType, String rawStatus) {
        return new NetworkInterface(id, id, null, null, rawType, null, rawStatus, null, vSwitch.regionId(),
                vSwitch.networkId(), vSwitch.id(), "10.0.1.21", "00:16:3e:00:00:02", List.of("10.0.1.21"),
                List.of(), null);
    }

    public static HaVip haVip(String id, VSwitch vSwitch, HaVipStatus status, HaVipAssociation... associations) {
        return new HaVip(id, id, null, "10.0.1.100", status, status.wireValue(), vSwitch.id(), vSwitch.networkId(),
                vSwitch.regionId(), null, List.of(associations), List.of());
    }

    /** An HaVip whose status text is as given, known or not. */
    public static HaVip haVipWithRawStatus(String id, VSwitch vSwitch, String rawStatus,
            HaVipAssociation... associations) {
        return new HaVip(id, id, null, "10.0.1.101", null, rawStatus, vSwitch.id(), vSwitch.networkId(),
                vSwitch.regionId(), null, List.of(associations), List.of());
    }

    public static HaVipAssociation bound(String targetId) {
        return association(targetId, AssociationStatus.IN_USE);
    }

    public static HaVipAssociation association(String targetId, AssociationStatus status) {
        return new HaVipAssociation(targetId, InstanceType.ofTargetId(targetId), null, "10.0.1.10", status,
                status.wireValue(), null);
    }

    /** An association whose status text is as given, known or not. */
    public static HaVipAssociation associationWithRawStatus(String targetId, String rawStatus) {
        return new HaVipAssociation(targetId, null, null, "10.0.1.10", null, rawStatus, null);
    }
}
