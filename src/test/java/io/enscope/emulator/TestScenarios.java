package io.enscope.emulator;

import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.Scenario.AssociationRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.Scenario.RegionRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;

import java.util.ArrayList;
import java.util.List;

/** A small hand-made topology in which every binding rule has exactly one obvious example. */
final class TestScenarios {
    static final String REGION = "cn-test-telecom";
    static final String VSW_A = "vsw-a";
    static final String VSW_B = "vsw-b";

    private TestScenarios() {
    }

    static Scenario small() {
        List<RegionRec> regions = List.of(
                new RegionRec(REGION, "测试电信", "Test Telecom", "EastChina", "浙江省"),
                new RegionRec("cn-other-unicom", "其他联通", "Other Unicom", "NorthChina", "北京市"));
        List<NetworkRec> networks = List.of(
                new NetworkRec("n-test", "test-net", "", REGION, "10.0.0.0/16", "Available", "2024-01-01T00:00:00Z"),
                new NetworkRec("n-other", "other-net", "", "cn-other-unicom", "10.9.0.0/16", "Available",
                        "2024-01-01T00:00:00Z"));
        List<VSwitchRec> vSwitches = List.of(
                new VSwitchRec(VSW_A, "vsw-a", "", REGION, "n-test", "10.0.1.0/24", "Available", "2024-01-01T00:00:00Z"),
                new VSwitchRec(VSW_B, "vsw-b", "", REGION, "n-test", "10.0.2.0/24", "Available", "2024-01-01T00:00:00Z"),
                new VSwitchRec("vsw-o", "vsw-o", "", "cn-other-unicom", "n-other", "10.9.1.0/24", "Available",
                        "2024-01-01T00:00:00Z"));
        List<InstanceRec> instances = new ArrayList<>();
        instances.add(instance("i-run", VSW_A, "Running", "10.0.1.10"));
        instances.add(instance("i-stop", VSW_A, "Stopped", "10.0.1.11"));
        instances.add(instance("i-exp", VSW_A, "Expired", "10.0.1.12"));
        instances.add(instance("i-otherVsw", VSW_B, "Running", "10.0.2.10"));
        instances.add(instance("i-busy", VSW_A, "Running", "10.0.1.13"));
        for (int i = 0; i < 30; i++) {
            instances.add(new InstanceRec("i-other-" + i, "other-" + i, "other-" + i, "cn-other-unicom", "n-other",
                    "vsw-o", "Running", "10.9.1." + (10 + i), null, "ens.sn1.small", "img", "CentOS", "2", 2048,
                    40960, "sg-o", "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
        }
        List<EniRec> enis = new ArrayList<>();
        enis.add(eni("eni-primary", VSW_A, "i-run", "Primary", "InUse", "10.0.1.10"));
        enis.add(eni("eni-sec", VSW_A, null, "Secondary", "Available", "10.0.1.20"));
        enis.add(eni("eni-sec-inuse", VSW_A, "i-stop", "Secondary", "InUse", "10.0.1.21"));
        enis.add(eni("eni-attaching", VSW_A, null, "Secondary", "Attaching", "10.0.1.22"));
        enis.add(eni("eni-otherVsw", VSW_B, null, "Secondary", "Available", "10.0.2.20"));
        List<HaVipRec> haVips = new ArrayList<>();
        haVips.add(haVip("havip-free", VSW_A, "10.0.1.100", "Available", List.of()));
        haVips.add(haVip("havip-bound", VSW_A, "10.0.1.101", "InUse",
                List.of(assoc("i-stop", "EnsInstance", "10.0.1.11", "InUse"))));
        haVips.add(haVip("havip-creating", VSW_A, "10.0.1.102", "Creating", List.of()));
        haVips.add(haVip("havip-associating", VSW_A, "10.0.1.103", "Associating",
                List.of(assoc("i-stop", "EnsInstance", "10.0.1.11", "Associating"))));
        haVips.add(haVip("havip-full", VSW_A, "10.0.1.104", "InUse",
                List.of(assoc("i-stop", "EnsInstance", "10.0.1.11", "InUse"))));
        for (int i = 0; i < 5; i++) {
            haVips.add(haVip("havip-busy-" + i, VSW_A, "10.0.1." + (110 + i), "InUse",
                    List.of(assoc("i-busy", "EnsInstance", "10.0.1.13", "InUse"))));
        }
        return new Scenario(regions, networks, vSwitches, instances, enis, haVips);
    }

    static InstanceRec instance(String id, String vsw, String status, String ip) {
        return new InstanceRec(id, id + "-name", id + "-host", REGION, "n-test", vsw, status, ip, null,
                "ens.sn1.stiny", "img-centos", "CentOS 7.9 64位", "2", 2048, 40960, "sg-test",
                "2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
    }

    static EniRec eni(String id, String vsw, String instance, String type, String status, String ip) {
        return new EniRec(id, id + "-name", "", REGION, "n-test", vsw, instance, type, status, ip,
                "00:16:3e:00:00:01", "sg-test", "2024-01-01T00:00:00Z");
    }

    static HaVipRec haVip(String id, String vsw, String ip, String status, List<AssociationRec> assocs) {
        return new HaVipRec(id, id + "-name", "", ip, status, vsw, "n-test", REGION, "2024-01-01T00:00:00Z", assocs);
    }

    static AssociationRec assoc(String target, String type, String ip, String status) {
        return new AssociationRec(target, type, ip, status, "2024-01-01T00:00:00Z");
    }
}
