package io.enscope.emulator.scenario;

import io.enscope.emulator.scenario.Scenario.AssociationRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.SecurityGroupRec.PermissionRec;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The HA neighbourhood of a built-in scenario, derived from its topology so that the demo and the
 * large scenario stay deterministic: a security group per group id the instances name (most let
 * the peers of a pair talk, some do not), EIPs on some running instances and a few free ones, EIPs
 * on bound HaVips when the emulator allows that binding, and events on members of bound HaVips.
 */
public final class HaNeighbourhood {
    /** Events are dated after every demo timestamp, so they read as upcoming. */
    private static final Instant EVENTS_FROM = Instant.parse("2027-01-12T18:00:00Z");
    private static final String IN_USE = "InUse";
    private static final int MAX_INSTANCE_EIPS = 200;
    private static final int MAX_HAVIP_EIPS = 20;
    private static final int MAX_EVENT_HAVIPS = 30;

    private HaNeighbourhood() {
    }

    /**
     * @param base        the topology
     * @param eipOnHaVip  whether to bind EIPs to HaVips (only when the emulator accepts that binding)
     * @param restrictive which security groups (by order of first use) do not admit the pair's peers
     */
    static Scenario addTo(Scenario base, boolean eipOnHaVip, IntPredicate restrictive) {
        List<EventRec> events = events(base);
        return base.withNeighbourhood(eips(base, eipOnHaVip, events), securityGroups(base, restrictive), events);
    }

    private static List<SecurityGroupRec> securityGroups(Scenario s, IntPredicate restrictive) {
        Map<String, String> cidrByNetwork = new HashMap<>();
        for (NetworkRec n : s.networks()) {
            cidrByNetwork.put(n.networkId(), n.cidrBlock());
        }
        Map<String, String> networkBySg = new LinkedHashMap<>();
        for (InstanceRec i : s.instances()) {
            if (i.securityGroupId() != null) {
                networkBySg.putIfAbsent(i.securityGroupId(), i.networkId());
            }
        }
        for (EniRec e : s.networkInterfaces()) {
            if (e.securityGroupId() != null) {
                networkBySg.putIfAbsent(e.securityGroupId(), e.networkId());
            }
        }
        List<SecurityGroupRec> groups = new ArrayList<>(networkBySg.size());
        int index = 0;
        for (Map.Entry<String, String> entry : networkBySg.entrySet()) {
            String sg = entry.getKey();
            String cidr = cidrByNetwork.getOrDefault(entry.getValue(), "10.0.0.0/8");
            String created = "2025-03-03T02:10:00Z";
            List<PermissionRec> rules = new ArrayList<>();
            boolean closed = restrictive.test(index++);
            rules.add(rule("ingress", "Accept", 1, "TCP", "443/443", "0.0.0.0/0", null, created, "HTTPS"));
            rules.add(rule("ingress", "Accept", 1, "TCP", "22/22", "10.0.0.0/8", null, created, "SSH from ops"));
            if (closed) {
                rules.add(rule("ingress", "Drop", 100, "ALL", "-1/-1", "0.0.0.0/0", null, created,
                        "everything else, VRRP between peers included"));
            } else {
                rules.add(rule("ingress", "Accept", 1, "ALL", "-1/-1", cidr, null, created,
                        "peers in the network, VRRP (IP protocol 112) included"));
                rules.add(rule("ingress", "Accept", 2, "ALL", "-1/-1", null, sg, created, "members of this group"));
            }
            rules.add(rule("egress", "Accept", 1, "ALL", "-1/-1", null, null, created, "all outbound"));
            groups.add(new SecurityGroupRec(sg, (closed ? "locked-" : "ha-peers-") + sg.substring(3, 9),
                    closed ? "Admits HTTPS and SSH only" : "Lets keepalived peers talk", created, rules));
        }
        return groups;
    }

    private static PermissionRec rule(String direction, String policy, int priority, String protocol, String ports,
                                      String sourceCidr, String sourceGroup, String created, String description) {
        boolean ingress = direction.equals("ingress");
        return new PermissionRec(direction, policy, priority, protocol, ports, "-1/-1",
                ingress ? sourceCidr : null, ingress ? null : "0.0.0.0/0", sourceGroup, created, description);
    }

    private static List<EipRec> eips(Scenario s, boolean eipOnHaVip, List<EventRec> events) {
        List<EipRec> eips = new ArrayList<>();
        Map<String, Integer> perRegion = new HashMap<>();
        int running = 0;
        for (InstanceRec i : s.instances()) {
            if ("Running".equals(i.status()) && running++ % 7 == 0 && eips.size() < MAX_INSTANCE_EIPS) {
                eips.add(eip(i.ensRegionId(), perRegion, IN_USE, i.instanceId(), "EnsInstance"));
            }
        }
        for (var region : s.regions()) {
            for (int k = 0; k < 2; k++) {
                eips.add(eip(region.ensRegionId(), perRegion, "Available", null, null));
            }
        }
        if (eipOnHaVip) {
            // HaVips whose members have an upcoming event get one, so the detail shows both together.
            Set<String> withEvents = new HashSet<>();
            for (EventRec e : events) {
                if (!"Executed".equals(e.eventStatus())) {
                    withEvents.add(e.resourceId());
                }
            }
            int bound = 0;
            int added = 0;
            for (HaVipRec h : boundHaVips(s)) {
                boolean eventful = h.associatedInstances().stream().anyMatch(a -> withEvents.contains(a.instanceId()));
                if ((eventful || bound++ % 3 == 0) && added++ < MAX_HAVIP_EIPS) {
                    eips.add(eip(h.ensRegionId(), perRegion, IN_USE, h.haVipId(), "HaVip"));
                }
            }
        }
        return eips;
    }

    private static EipRec eip(String region, Map<String, Integer> perRegion, String status, String instanceId,
                              String instanceType) {
        int n = perRegion.merge(region, 1, Integer::sum);
        int regionNumber = Math.floorMod(region.hashCode(), 120);
        String ip = "47." + (100 + regionNumber) + "." + (n / 250) + "." + (n % 250 + 1);
        String isp = region.endsWith("unicom") ? "unicom" : region.endsWith("cmcc") ? "cmcc" : "telecom";
        String id = Rng.forKey("eip:" + region + "/" + n).id("eip-");
        long allocated = Instant.parse("2025-03-04T08:00:00Z").plus(n, ChronoUnit.HOURS).toEpochMilli();
        return new EipRec(id, ip, "eip-" + region + "-" + n, "", region, isp, status, instanceId, instanceType, false,
                50, "PostPaid", "95BandwidthByMonth", Long.toString(allocated));
    }

    /** HaVips with at least one binding in use, in scenario order. */
    private static List<HaVipRec> boundHaVips(Scenario s) {
        List<HaVipRec> bound = new ArrayList<>();
        for (HaVipRec h : s.haVips()) {
            if (h.associatedInstances().stream().anyMatch(a -> IN_USE.equals(a.status()))) {
                bound.add(h);
            }
        }
        return bound;
    }

    private static List<EventRec> events(Scenario s) {
        List<EventRec> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int k = 0;
        for (HaVipRec h : boundHaVips(s)) {
            if (k >= MAX_EVENT_HAVIPS) {
                break;
            }
            List<String> members = h.associatedInstances().stream()
                    .filter(a -> "EnsInstance".equals(a.instanceType()))
                    .map(AssociationRec::instanceId)
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            int kind = k % 3;
            String resource = kind == 1 ? members.get(members.size() - 1) : members.get(0);
            // An instance bound to several HaVips gets one event, not one per HaVip.
            if (!seen.add(resource)) {
                continue;
            }
            Instant at = EVENTS_FROM.plus(k++, ChronoUnit.DAYS);
            switch (kind) {
                case 0 -> events.add(event(resource, "Instance:SystemMaintenance.Redeploy", "WARN", "Scheduled",
                        "planned hardware maintenance", at));
                case 1 -> events.add(event(resource, "Instance:SystemUpgrade.Migrate", "WARN", "Inquiring",
                        "underlying platform upgrade", at));
                default -> events.add(event(resource, "Instance:SystemFailure.Reboot", "CRITICAL", "Executed",
                        "host error, restarted", at.minus(40, ChronoUnit.DAYS)));
            }
        }
        return events;
    }

    private static EventRec event(String resourceId, String type, String level, String status, String reason,
                                  Instant notBefore) {
        return new EventRec(Rng.forKey("event:" + resourceId + "/" + type).id("e-"), type, level, status, resourceId,
                reason, "{}", notBefore.toEpochMilli(), notBefore.minus(3, ChronoUnit.DAYS).toEpochMilli());
    }
}
