package io.enscope.emulator.ops;

import io.enscope.emulator.Account;
import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.EipRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DescribeEnsEipAddresses, AssociateEnsEipAddress and UnAssociateEnsEipAddress (ens-api-ha.md §2.1–2.3),
 * and the {@code AssociatedEipAddresses} of DescribeHaVips (§2.11). Callers hold the state lock.
 */
final class EipOperations {
    /** The documented AssociateEnsEipAddress InstanceType values; {@code HaVip} is not one of them (§4). */
    private static final Set<String> TYPES = Set.of("EnsInstance", "NetworkInterface", "SlbInstance",
            "NatSlbInstance", "Nat");
    static final String HAVIP = "HaVip";

    private final EmulatorState state;

    EipOperations(EmulatorState state) {
        this.state = state;
    }

    Map<String, Object> describe(Params p) {
        List<String> ids = NeighbourParams.commaSeparated(p, "AllocationId", 50);
        List<String> addresses = NeighbourParams.commaSeparated(p, "EipAddress", 50);
        Optional<String> name = p.get("EipName");
        Optional<String> instanceId = p.get("AssociatedInstanceId");
        Optional<String> instanceType = p.get("AssociatedInstanceType");
        Optional<String> region = p.get("EnsRegionId");
        Set<String> regions = p.hasList("EnsRegionIds") ? new HashSet<>(p.list("EnsRegionIds")) : null;
        Boolean standby = NeighbourParams.bool(p, "Standby");
        Optional<String> status = p.get("Status");
        int pageNumber = p.intValue("PageNumber", 1, 1, 1_000_000);
        int pageSize = p.intValue("PageSize", 10, 1, 100);
        List<EipState> matching = new ArrayList<>();
        for (EipState e : state.eips.values()) {
            if ((ids.isEmpty() || ids.contains(e.rec.allocationId()))
                    && (addresses.isEmpty() || addresses.contains(e.rec.ipAddress()))
                    && name.map(n -> n.equals(e.rec.name())).orElse(true)
                    && instanceId.map(i -> i.equals(e.instanceId)).orElse(true)
                    && instanceType.map(t -> t.equals(e.instanceType)).orElse(true)
                    && region.map(r -> r.equals(e.rec.ensRegionId())).orElse(true)
                    && (regions == null || regions.contains(e.rec.ensRegionId()))
                    && (standby == null || standby == e.standby)
                    && status.map(s -> s.equals(e.status)).orElse(true)) {
                matching.add(e);
            }
        }
        List<EipState> onPage = NeighbourParams.slice(matching, pageNumber, pageSize);
        List<Map<String, Object>> items = new ArrayList<>();
        for (EipState e : onPage) {
            state.observePoll(e);
            items.add(shape(e));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PageNumber", pageNumber);
        body.put("PageSize", pageSize);
        body.put("TotalCount", matching.size());
        body.put("EipAddresses", Map.of("EipAddress", items));
        return body;
    }

    private static Map<String, Object> shape(EipState e) {
        EipRec r = e.rec;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AllocationId", r.allocationId());
        m.put("IpAddress", r.ipAddress());
        m.put("Name", r.name() == null ? "" : r.name());
        m.put("Description", r.description() == null ? "" : r.description());
        m.put("EnsRegionId", r.ensRegionId());
        m.put("Isp", r.isp() == null ? "" : r.isp());
        m.put("Status", e.status);
        m.put("InstanceId", e.instanceId == null ? "" : e.instanceId);
        m.put("InstanceType", e.instanceType == null ? "" : e.instanceType);
        m.put("Standby", e.standby);
        m.put("IpStatus", "Running");
        m.put("Bandwidth", r.bandwidth() == null ? 5 : r.bandwidth());
        m.put("ChargeType", r.chargeType() == null ? "PostPaid" : r.chargeType());
        m.put("InternetChargeType", r.internetChargeType() == null ? "95BandwidthByMonth" : r.internetChargeType());
        m.put("AllocationTime", r.allocationTime() == null ? "" : r.allocationTime());
        m.put("IcmpReplyEnabled", true);
        m.put("Tags", Map.of("Tag", List.of()));
        return m;
    }

    Map<String, Object> associate(Params p, Account caller) {
        String allocationId = EnsOperations.requireId(p, "AllocationId");
        String targetId = EnsOperations.requireId(p, "InstanceId");
        String type = p.get("InstanceType").orElse("EnsInstance");
        Boolean standby = NeighbourParams.bool(p, "Standby");
        if (!TYPES.contains(type) && !(type.equals(HAVIP) && state.eipOnHaVip())) {
            throw ApiException.invalidParameter("InstanceType",
                    "Use EnsInstance, NetworkInterface, SlbInstance, NatSlbInstance or Nat.");
        }
        EipState e = eip(allocationId);
        String targetRegion = switch (type) {
            case "EnsInstance" -> Optional.ofNullable(state.instances.get(targetId)).map(InstanceRec::ensRegionId)
                    .orElse(null);
            case "NetworkInterface" -> Optional.ofNullable(state.enis.get(targetId)).map(EniRec::ensRegionId)
                    .orElse(null);
            case HAVIP -> Optional.ofNullable(state.haVips.get(targetId)).map(h -> h.ensRegionId).orElse(null);
            // The emulator models no load balancers or NAT gateways.
            default -> null;
        };
        if (targetRegion == null) {
            throw ApiException.badRequest("InstanceNotFound", "The specified instance does not exist.");
        }
        if (!EipState.AVAILABLE.equals(e.status)) {
            throw ApiException.badRequest("IncorrectEipStatus", "The current status of the EIP does not support "
                    + "this operation.");
        }
        if (!targetRegion.equals(e.rec.ensRegionId())) {
            throw ApiException.invalidParameter("InstanceId", "The EIP and the instance must be in the same edge "
                    + "node.");
        }
        EnsOperations.requireWritePermission(caller);

        e.status = EipState.ASSOCIATING;
        e.instanceId = targetId;
        e.instanceType = type;
        e.standby = Boolean.TRUE.equals(standby);
        e.pending = state.schedule(state.timings().associate(), state.clock.millis());
        if (e.pending == null) {
            e.complete();
        }
        state.trackEip(e);
        return new LinkedHashMap<>();
    }

    Map<String, Object> unassociate(Params p, Account caller) {
        String allocationId = EnsOperations.requireId(p, "AllocationId");
        NeighbourParams.bool(p, "Force");
        EipState e = eip(allocationId);
        if (!EipState.IN_USE.equals(e.status)) {
            throw ApiException.badRequest("IncorrectEipStatus", "The current status of the EIP does not support "
                    + "this operation.");
        }
        EnsOperations.requireWritePermission(caller);

        e.status = EipState.UNASSOCIATING;
        e.pending = state.schedule(state.timings().unassociate(), state.clock.millis());
        if (e.pending == null) {
            e.complete();
        }
        state.trackEip(e);
        return new LinkedHashMap<>();
    }

    private EipState eip(String allocationId) {
        EipState e = state.eips.get(allocationId);
        if (e == null) {
            throw ApiException.badRequest("EipNotFound", "The specified EIP does not exist.");
        }
        return e;
    }

    /** {@code AssociatedEipAddresses} of one HaVip: the EIPs bound to it, in any binding status. */
    List<Map<String, Object>> ofHaVip(String haVipId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EipState e : state.eips.values()) {
            if (haVipId.equals(e.instanceId) && HAVIP.equals(e.instanceType)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("EipId", e.rec.allocationId());
                m.put("Eip", e.rec.ipAddress());
                list.add(m);
            }
        }
        return list;
    }
}
