package io.enscope.emulator.scenario;

import io.enscope.emulator.Limits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.ops.EmulatorState;
import io.enscope.emulator.scenario.Scenario.AssociationRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Consistency checks that every generated scenario must pass, shared by the scenario tests. */
final class ScenarioChecks {
    static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    static final Pattern MAC = Pattern.compile("00:16:3e(:[0-9a-f]{2}){3}");

    private ScenarioChecks() {
    }

    /** The emulator as the tests of the brief configure it: transitions complete at the first poll. */
    static EmulatorState load(Scenario scenario) {
        return new EmulatorState(scenario, Timings.all(TransitionTiming.afterPolls(1)), Limits.DEFAULT,
                Clock.systemUTC(), 1L);
    }

    static Pattern idPattern(String prefix) {
        return Pattern.compile(Pattern.quote(prefix) + "[a-z0-9]{20}");
    }

    static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        for (T t : list) {
            assertThat(map.put(id.apply(t), t)).as("duplicate id %s", id.apply(t)).isNull();
        }
        return map;
    }

    /** Ids, formats, IP placement and uniqueness, primary ENIs and association consistency. */
    static void checkConsistency(Scenario s) {
        Map<String, VSwitchRec> vsw = byId(s.vSwitches(), VSwitchRec::vSwitchId);
        Map<String, InstanceRec> instances = byId(s.instances(), InstanceRec::instanceId);
        Map<String, EniRec> enis = byId(s.networkInterfaces(), EniRec::networkInterfaceId);
        byId(s.haVips(), HaVipRec::haVipId);
        s.networks().forEach(n -> {
            assertThat(n.networkId()).matches(idPattern("n-"));
            assertThat(n.cidrBlock()).matches("10\\.\\d{1,3}\\.0\\.0/16");
        });
        s.vSwitches().forEach(v -> {
            assertThat(v.vSwitchId()).matches(idPattern("vsw-"));
            assertThat(v.cidrBlock()).matches("\\d+\\.\\d+\\.\\d+\\.0/24");
            String network = s.networks().stream().filter(n -> n.networkId().equals(v.networkId())).findFirst()
                    .orElseThrow().cidrBlock();
            assertThat(inCidr(v.cidrBlock().replace("/24", ""), network)).as(v.vSwitchName()).isTrue();
        });

        // Every address of a VSwitch is used once; an instance shares its address with its primary ENI.
        Map<String, Set<String>> used = new HashMap<>();
        Map<String, Integer> primaries = new HashMap<>();
        for (EniRec e : s.networkInterfaces()) {
            assertThat(e.networkInterfaceId()).matches(idPattern("eni-"));
            assertThat(e.macAddress()).matches(MAC);
            assertThat(e.creationTime()).matches(ISO_TIME);
            assertHost(e.primaryIp(), vsw.get(e.vSwitchId()), e.networkInterfaceName());
            assertThat(used.computeIfAbsent(e.vSwitchId(), k -> new HashSet<>()).add(e.primaryIp()))
                    .as("IP %s of %s is unique in its VSwitch", e.primaryIp(), e.networkInterfaceName()).isTrue();
            if (e.instanceId() != null) {
                InstanceRec owner = instances.get(e.instanceId());
                assertThat(owner).as("owner of %s", e.networkInterfaceName()).isNotNull();
                assertThat(owner.vSwitchId()).isEqualTo(e.vSwitchId());
            }
            if ("Primary".equals(e.type())) {
                assertThat(e.status()).isEqualTo("InUse");
                InstanceRec owner = instances.get(e.instanceId());
                assertThat(e.primaryIp()).isEqualTo(owner.privateIpAddress());
                primaries.merge(e.instanceId(), 1, Integer::sum);
            } else {
                assertThat(e.type()).isEqualTo("Secondary");
                if (Set.of("InUse", "Attaching", "Detaching").contains(e.status())) {
                    assertThat(e.instanceId()).as("attached %s", e.networkInterfaceName()).isNotNull();
                } else {
                    assertThat(e.instanceId()).as("unattached %s", e.networkInterfaceName()).isNull();
                }
            }
        }
        for (InstanceRec i : s.instances()) {
            assertThat(i.instanceId()).matches(idPattern("i-"));
            assertThat(i.securityGroupId()).matches(idPattern("sg-"));
            assertThat(i.creationTime()).matches(ISO_TIME);
            assertThat(i.expiredTime()).matches(ISO_TIME);
            assertThat(i.cpu()).matches("\\d+");
            assertThat(i.memory()).isPositive();
            assertThat(i.disk()).isPositive();
            assertThat(i.status()).isIn("Running", "Stopped", "Expired");
            assertHost(i.privateIpAddress(), vsw.get(i.vSwitchId()), i.instanceName());
            assertThat(host(i.privateIpAddress())).isGreaterThanOrEqualTo(10);
            assertThat(primaries.get(i.instanceId())).as("primary ENIs of %s", i.instanceName()).isEqualTo(1);
            if ("Expired".equals(i.status())) {
                assertThat(i.expiredTime()).isLessThan("2026-11-01T00:00:00Z");
            } else {
                assertThat(i.expiredTime()).isGreaterThan("2027-01-01T00:00:00Z");
            }
            assertThat(i.creationTime()).isLessThan(i.expiredTime());
        }

        Map<String, Integer> haVipsPerTarget = new HashMap<>();
        for (HaVipRec h : s.haVips()) {
            assertThat(h.haVipId()).matches(idPattern("havip-"));
            assertThat(h.creationTime()).matches(ISO_TIME);
            VSwitchRec v = vsw.get(h.vSwitchId());
            assertThat(h.networkId()).isEqualTo(v.networkId());
            assertThat(h.ensRegionId()).isEqualTo(v.ensRegionId());
            assertHost(h.ipAddress(), v, h.name());
            assertThat(used.computeIfAbsent(h.vSwitchId(), k -> new HashSet<>()).add(h.ipAddress()))
                    .as("IP %s of %s is unique in its VSwitch", h.ipAddress(), h.name()).isTrue();
            assertThat(h.associatedInstances().size()).isLessThanOrEqualTo(Limits.DEFAULT.maxTargetsPerHaVip());
            if (Set.of("Creating", "Deleting", "Available").contains(h.status())) {
                assertThat(h.associatedInstances()).as(h.name()).isEmpty();
            } else {
                assertThat(h.associatedInstances()).as(h.name()).isNotEmpty();
            }
            for (AssociationRec a : h.associatedInstances()) {
                assertThat(a.creationTime()).matches(ISO_TIME).isGreaterThanOrEqualTo(h.creationTime());
                haVipsPerTarget.merge(a.instanceId(), 1, Integer::sum);
                if ("EnsInstance".equals(a.instanceType())) {
                    InstanceRec i = instances.get(a.instanceId());
                    assertThat(i).as("target of %s", h.name()).isNotNull();
                    assertThat(i.vSwitchId()).isEqualTo(h.vSwitchId());
                    assertThat(a.ipAddress()).isEqualTo(i.privateIpAddress());
                } else {
                    assertThat(a.instanceType()).isEqualTo("NetworkInterface");
                    EniRec e = enis.get(a.instanceId());
                    assertThat(e).as("target of %s", h.name()).isNotNull();
                    assertThat(e.type()).isEqualTo("Secondary");
                    assertThat(e.vSwitchId()).isEqualTo(h.vSwitchId());
                    assertThat(a.ipAddress()).isEqualTo(e.primaryIp());
                }
                assertThat(a.status()).isIn("InUse", "Associating");
            }
            boolean associating = h.associatedInstances().stream().anyMatch(a -> "Associating".equals(a.status()));
            if (associating) {
                assertThat(h.status()).isEqualTo("Associating");
            }
        }
        assertThat(haVipsPerTarget.values()).allSatisfy(n ->
                assertThat(n).isLessThanOrEqualTo(Limits.DEFAULT.maxHaVipsPerTarget()));
    }

    private static void assertHost(String ip, VSwitchRec v, String owner) {
        assertThat(v).as("VSwitch of %s", owner).isNotNull();
        assertThat(inCidr(ip, v.cidrBlock())).as("%s %s in %s", owner, ip, v.cidrBlock()).isTrue();
        assertThat(host(ip)).as("%s %s is a host address", owner, ip).isBetween(2, 254);
    }

    static int host(String ip) {
        return (int) (toLong(ip) & 0xff);
    }

    static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    static long toLong(String ip) {
        String[] octets = ip.split("\\.");
        assertThat(octets).hasSize(4);
        long v = 0;
        for (String o : octets) {
            int n = Integer.parseInt(o);
            assertThat(n).isBetween(0, 255);
            v = (v << 8) | n;
        }
        return v;
    }
}
