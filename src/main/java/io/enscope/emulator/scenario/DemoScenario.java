package io.enscope.emulator.scenario;

import io.enscope.emulator.scenario.Scenario.AssociationRec;
import io.enscope.emulator.scenario.Scenario.DiskRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.Scenario.NextHopRec;
import io.enscope.emulator.scenario.Scenario.RegionRec;
import io.enscope.emulator.scenario.Scenario.RouteEntryRec;
import io.enscope.emulator.scenario.Scenario.TagRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sandbox's first impression: a small, hand-written edge deployment across three ENS
 * regions (web, load-balancer, app, database, cache, CDN and ops tiers, with keepalived pairs
 * behind HaVips), in which every rule of the AssociateHaVip table can be seen.
 *
 * <p>The scenario is fully deterministic. Ids look random but are derived from each object's
 * name, so editing one part of the demo never renames the rest; {@link #showcases()} names, for
 * every outcome of AssociateHaVip that depends on data, a (HaVip, target) pair that produces it.
 */
public final class DemoScenario {
    /** The {@link Showcase#outcome()} of a pair that AssociateHaVip accepts. */
    public static final String SUCCESS = "Success";

    private static final String ENS_INSTANCE = "EnsInstance";
    private static final String NETWORK_INTERFACE = "NetworkInterface";
    private static final String RUNNING = "Running";
    private static final String STOPPED = "Stopped";
    private static final String EXPIRED = "Expired";
    private static final String IN_USE = "InUse";
    private static final String AVAILABLE = "Available";
    private static final String ASSOCIATING = "Associating";
    /** Every demo timestamp lies before this, so Expired instances really have expired. */
    private static final Instant EXPIRED_BEFORE = Instant.parse("2026-11-01T00:00:00Z");

    private DemoScenario() {
    }

    /**
     * A (HaVip, target) pair of the demo and what AssociateHaVip answers for it on a freshly
     * loaded demo with the default limits.
     *
     * @param outcome      {@link #SUCCESS} or the error code
     * @param haVipId      the HaVip
     * @param targetId     the instance ({@code i-…}) or ENI ({@code eni-…})
     * @param instanceType {@code EnsInstance} or {@code NetworkInterface}
     * @param why          what makes the pair produce the outcome, for people reading tests or docs
     */
    public record Showcase(String outcome, String haVipId, String targetId, String instanceType, String why) {
    }

    /** The demo topology; equal on every call. */
    public static Scenario create() {
        return create(false);
    }

    /**
     * The demo topology with its HA neighbourhood; equal on every call with the same argument.
     *
     * @param eipOnHaVip whether some bound HaVips carry an EIP (an undocumented binding, see the README)
     */
    public static Scenario create(boolean eipOnHaVip) {
        Scenario topology = new Builder().build();
        // The last group (ops network) is the one that does not admit the peers of a pair.
        int groups = (int) topology.instances().stream().map(InstanceRec::securityGroupId).distinct().count();
        return HaNeighbourhood.addTo(topology, eipOnHaVip, index -> index == groups - 1);
    }

    /** One pair per data-dependent outcome of AssociateHaVip (some outcomes have several). */
    public static List<Showcase> showcases() {
        return List.of(
                new Showcase(SUCCESS, haVipId("vip-web-hz"), instanceId("web-hz-01"), ENS_INSTANCE,
                        "Available HaVip and a Running instance in its VSwitch"),
                new Showcase(SUCCESS, haVipId("vip-web-hz"), eniId("web-hz-spare-eni"), NETWORK_INTERFACE,
                        "Available HaVip and an unattached secondary ENI in its VSwitch"),
                new Showcase(SUCCESS, haVipId("vip-sso-bj"), instanceId("lb-bj-02"), ENS_INSTANCE,
                        "lb-bj-02 holds 3 HaVips, below the default limit of 5"),
                new Showcase("IncorrectHaVipStatus", haVipId("vip-stg-web-hz"), instanceId("stg-web-hz-01"),
                        ENS_INSTANCE, "the HaVip is still Creating"),
                new Showcase("IncorrectHaVipStatus", haVipId("vip-lb-gz"), instanceId("web-gz-01"), ENS_INSTANCE,
                        "one association of the HaVip is still Associating"),
                new Showcase("IncorrectHaVipStatus", haVipId("vip-grafana-old-gz"), instanceId("monitor-gz-02"),
                        ENS_INSTANCE, "the HaVip is Deleting"),
                new Showcase("NetworkInterfaceTypeNotSupported", haVipId("vip-web-hz"), eniId("web-hz-01-eth0"),
                        NETWORK_INTERFACE, "a primary ENI is bound through its instance"),
                new Showcase("IncorrectInstanceStatus", haVipId("vip-web-hz"), instanceId("web-hz-05"), ENS_INSTANCE,
                        "the instance is Expired"),
                new Showcase("IncorrectNetworkInterfaceStatus", haVipId("vip-web-hz"), eniId("web-hz-03-eth1"),
                        NETWORK_INTERFACE, "the ENI is Attaching"),
                new Showcase("IncorrectNetworkInterfaceStatus", haVipId("vip-app-gz"), eniId("app-gz-02-eth1"),
                        NETWORK_INTERFACE, "the ENI is Detaching"),
                new Showcase("IncorrectInstanceVSwitch", haVipId("vip-web-hz"), instanceId("app-hz-01"), ENS_INSTANCE,
                        "the instance is in the app VSwitch, the HaVip in the web VSwitch"),
                new Showcase("InstanceAlreadyAssociated", haVipId("vip-lb-hz"), instanceId("lb-hz-01"), ENS_INSTANCE,
                        "lb-hz-01 is already bound to this HaVip"),
                new Showcase("CountLimitExceed.InstanceOnHaVip", haVipId("vip-cdn-bj"), instanceId("cdn-bj-11"),
                        ENS_INSTANCE, "the HaVip already has 10 associations (the default limit)"),
                new Showcase("CountLimitExceed.HaVipOnInstance", haVipId("vip-sso-bj"), instanceId("lb-bj-01"),
                        ENS_INSTANCE, "lb-bj-01 already holds 5 HaVips (the default limit)"));
    }

    // Ids are derived from names so that showcases() and create() agree without sharing state.
    static String instanceId(String name) {
        return Rng.forKey("instance:" + name).id("i-");
    }

    static String eniId(String name) {
        return Rng.forKey("eni:" + name).id("eni-");
    }

    static String haVipId(String name) {
        return Rng.forKey("havip:" + name).id("havip-");
    }

    /** Sizing of an instance by tier: spec, CPU count, memory (MB), system disk (MiB) and OS. */
    private enum Profile {
        LB("ens.sn1.medium", "2", 4096, 40960, Os.CENTOS, 0, "netops"),
        WEB("ens.sn1.medium", "2", 4096, 40960, Os.UBUNTU, 0, "web"),
        APP("ens.sn1.large", "4", 8192, 81920, Os.CENTOS, 102400, "app"),
        DB("ens.sn1.xlarge", "8", 16384, 307200, Os.CENTOS, 512000, "dba"),
        CACHE("ens.sn1.large", "4", 8192, 40960, Os.UBUNTU, 0, "dba"),
        CDN("ens.sn1.xlarge", "8", 16384, 512000, Os.UBUNTU, 1024000, "cdn"),
        OPS("ens.sn1.small", "1", 2048, 40960, Os.UBUNTU, 0, "sre"),
        TINY("ens.sn1.stiny", "1", 1024, 20480, Os.CENTOS, 0, "qa");

        final String spec;
        final String cpu;
        final int memory;
        final int disk;
        final Os os;
        /** Size of the one data disk in MiB; 0 for none. */
        final int dataDisk;
        /** The team in the {@code owner} tag. */
        final String owner;

        Profile(String spec, String cpu, int memory, int disk, Os os, int dataDisk, String owner) {
            this.spec = spec;
            this.cpu = cpu;
            this.memory = memory;
            this.disk = disk;
            this.os = os;
            this.dataDisk = dataDisk;
            this.owner = owner;
        }
    }

    private enum Os {
        CENTOS("centos_7_9_x64_20G_alibase_20240628", "CentOS 7.9 64位"),
        UBUNTU("ubuntu_22_04_x64_20G_alibase_20240710", "Ubuntu 22.04 64位");

        final String imageId;
        final String name;

        Os(String imageId, String name) {
            this.imageId = imageId;
            this.name = name;
        }
    }

    /** A region while it is being built: hands out its carrier's public IPs. */
    private static final class Region {
        final RegionRec rec;
        final String publicPrefix;
        int nextPublicHost = 37;

        Region(RegionRec rec, String publicPrefix) {
            this.rec = rec;
            this.publicPrefix = publicPrefix;
        }
    }

    /** A network while it is being built. */
    private record Net(Region region, NetworkRec rec, String securityGroupId, int secondOctet) {
    }

    /**
     * A VSwitch while it is being built. Its /24 is split into bands (instances from .10,
     * secondary ENIs from .50, HaVips from .100) so addresses never clash and read naturally.
     */
    private static final class Vsw {
        final Net net;
        final VSwitchRec rec;
        final String prefix;
        int nextInstanceHost = 10;
        int nextEniHost = 50;
        int nextHaVipHost = 100;

        Vsw(Net net, VSwitchRec rec, String prefix) {
            this.net = net;
            this.rec = rec;
            this.prefix = prefix;
        }

        String take(int host, int bandEnd) {
            if (host >= bandEnd) {
                throw new IllegalStateException("address band of " + rec.vSwitchName() + " is full");
            }
            return prefix + host;
        }
    }

    private static final class Builder {
        private final List<RegionRec> regions = new ArrayList<>();
        private final List<NetworkRec> networks = new ArrayList<>();
        private final List<VSwitchRec> vSwitches = new ArrayList<>();
        private final List<InstanceRec> instances = new ArrayList<>();
        private final List<EniRec> enis = new ArrayList<>();
        private final List<HaVipRec> haVips = new ArrayList<>();
        private final List<RouteEntryRec> routes = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        // Objects get increasing creation times in the order they are built, as a real rollout would.
        private Instant clock = Instant.parse("2025-03-03T02:17:41Z");
        private Vsw stagingWeb;

        Scenario build() {
            hangzhou();
            beijing();
            guangzhou();
            // Built after everything else, so it is the newest HaVip: the one still being created.
            haVipInLifecycle(stagingWeb, "vip-stg-web-hz", "预发 Web VIP（创建中）", "Creating");
            // Routes last, so that adding them shifted no creation time of the objects above.
            route("cn-hangzhou-telecom", "prod-edge", "to-idc-hz", "172.16.0.0/16", "经 keepalived 主机回源 IDC",
                    "HaVip", haVipId("vip-lb-hz"), "vip-lb-hz");
            route("cn-hangzhou-telecom", "prod-edge", "db-replica-hz", "10.99.0.0/24", "异地复制流量走数据库 VIP",
                    "HaVip", haVipId("vip-db-hz"), "vip-db-hz");
            route("cn-hangzhou-telecom", "prod-edge", "mirror-hz", "192.168.50.0/24", "流量镜像到 lb-hz-01",
                    "Instance", instanceId("lb-hz-01"), "lb-hz-01");
            route("cn-beijing-unicom", "prod-edge", "to-idc-bj", "172.17.0.0/16", "经开放 API 入口回源 IDC",
                    "HaVip", haVipId("vip-api-bj"), "vip-api-bj");
            return new Scenario(regions, networks, vSwitches, instances, enis, haVips, routes);
        }

        /** A custom route of a network's route table with one next hop. */
        private void route(String regionId, String networkName, String name, String destination, String description,
                           String nextHopType, String nextHopId, String nextHopName) {
            claim("route:" + name);
            NetworkRec network = networks.stream()
                    .filter(n -> n.ensRegionId().equals(regionId) && n.networkName().equals(networkName))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no network " + networkName));
            routes.add(new RouteEntryRec(Rng.forKey("route:" + name).id("rte-"), name,
                    Scenario.routeTableIdOf(network.networkId()), destination, null, "Custom", AVAILABLE, description,
                    tick(), List.of(new NextHopRec(nextHopType, nextHopId, nextHopName))));
        }

        // ---- the three regions -------------------------------------------------------------

        private void hangzhou() {
            Region hz = region("cn-hangzhou-telecom", "杭州电信", "Hangzhou Telecom", "EastChina", "浙江省",
                    "122.224.153.");
            Net prod = network(hz, "prod-edge", "杭州电信生产边缘网络", 10);
            Vsw web = vSwitch(prod, "prod-web-a", "Web 与负载均衡层", 1);
            Vsw app = vSwitch(prod, "prod-app-a", "应用服务层", 2);
            Vsw db = vSwitch(prod, "prod-db-a", "数据库与缓存层", 3);

            InstanceRec lb1 = instance(web, "lb-hz-01", Profile.LB, RUNNING, true);
            InstanceRec lb2 = instance(web, "lb-hz-02", Profile.LB, RUNNING, true);
            instance(web, "web-hz-01", Profile.WEB, RUNNING, true);
            instance(web, "web-hz-02", Profile.WEB, RUNNING, true);
            InstanceRec web3 = instance(web, "web-hz-03", Profile.WEB, RUNNING, false);
            instance(web, "web-hz-04", Profile.WEB, STOPPED, false);
            instance(web, "web-hz-05", Profile.WEB, EXPIRED, false);
            secondary(web, "lb-hz-01-eth1", "keepalived 心跳网卡", lb1, IN_USE);
            secondary(web, "lb-hz-02-eth1", "keepalived 心跳网卡", lb2, IN_USE);
            secondary(web, "web-hz-03-eth1", "日志采集网卡", web3, "Attaching");
            secondary(web, "web-hz-spare-eni", "备用弹性网卡", null, AVAILABLE);
            haVip(web, "vip-lb-hz", "Nginx 入口 keepalived VIP", assoc(lb1, IN_USE), assoc(lb2, IN_USE));
            haVip(web, "vip-web-hz", "新站点 VIP（待绑定）");

            InstanceRec app1 = instance(app, "app-hz-01", Profile.APP, RUNNING, false);
            InstanceRec app2 = instance(app, "app-hz-02", Profile.APP, RUNNING, false);
            instance(app, "app-hz-03", Profile.APP, RUNNING, false);
            InstanceRec app4 = instance(app, "app-hz-04", Profile.APP, STOPPED, false);
            EniRec app1Eth1 = secondary(app, "app-hz-01-eth1", "服务网卡", app1, IN_USE);
            EniRec app2Eth1 = secondary(app, "app-hz-02-eth1", "服务网卡", app2, IN_USE);
            secondary(app, "app-hz-04-eth1", "服务网卡", app4, "Detaching");
            haVip(app, "vip-app-hz", "应用层 VIP（网卡主备）", assoc(app1Eth1, IN_USE), assoc(app2Eth1, IN_USE));

            InstanceRec db1 = instance(db, "db-hz-01", Profile.DB, RUNNING, false);
            InstanceRec db2 = instance(db, "db-hz-02", Profile.DB, RUNNING, false);
            InstanceRec cache1 = instance(db, "cache-hz-01", Profile.CACHE, RUNNING, false);
            InstanceRec cache2 = instance(db, "cache-hz-02", Profile.CACHE, RUNNING, false);
            EniRec db1Eth1 = secondary(db, "db-hz-01-eth1", "MySQL 复制网卡", db1, IN_USE);
            EniRec db2Eth1 = secondary(db, "db-hz-02-eth1", "MySQL 复制网卡", db2, IN_USE);
            haVip(db, "vip-cache-hz", "Redis 主备 VIP", assoc(cache1, IN_USE), assoc(cache2, IN_USE));
            // The standby's binding was just submitted: it finishes shortly after the sandbox starts.
            haVip(db, "vip-db-hz", "MySQL 主备 VIP", assoc(db1Eth1, IN_USE), assoc(db2Eth1, ASSOCIATING));

            Net staging = network(hz, "staging-edge", "杭州电信预发边缘网络", 11);
            Vsw stgWeb = vSwitch(staging, "stg-web-a", "预发 Web 层", 1);
            Vsw stgApp = vSwitch(staging, "stg-app-a", "预发应用层", 2);
            instance(stgWeb, "stg-web-hz-01", Profile.TINY, RUNNING, false);
            instance(stgWeb, "stg-web-hz-02", Profile.TINY, STOPPED, false);
            secondary(stgWeb, "stg-web-hz-old-eni", "已下线的测试网卡", null, "Deleting");
            instance(stgApp, "stg-app-hz-01", Profile.TINY, RUNNING, false);
            instance(stgApp, "stg-app-hz-02", Profile.TINY, EXPIRED, false);
            haVip(stgApp, "vip-stg-app-hz", "预发应用 VIP");
            stagingWeb = stgWeb;
        }

        private void beijing() {
            Region bj = region("cn-beijing-unicom", "北京联通", "Beijing Unicom", "NorthChina", "北京市",
                    "123.125.46.");
            Net prod = network(bj, "prod-edge", "北京联通生产边缘网络", 20);
            Vsw ingress = vSwitch(prod, "prod-ingress-a", "统一接入层（Nginx Ingress）", 1);
            Vsw cdn = vSwitch(prod, "prod-cdn-a", "边缘缓存节点池", 2);
            Vsw db = vSwitch(prod, "prod-db-a", "数据库层", 3);

            InstanceRec lb1 = instance(ingress, "lb-bj-01", Profile.LB, RUNNING, true);
            InstanceRec lb2 = instance(ingress, "lb-bj-02", Profile.LB, RUNNING, true);
            secondary(ingress, "lb-bj-01-eth1", "keepalived 心跳网卡", lb1, IN_USE);
            secondary(ingress, "lb-bj-02-eth1", "keepalived 心跳网卡", lb2, IN_USE);
            // One service VIP per product on the shared ingress pair: lb-bj-01 reaches the limit of 5.
            haVip(ingress, "vip-api-bj", "开放 API 入口", assoc(lb1, IN_USE), assoc(lb2, IN_USE));
            haVip(ingress, "vip-auth-bj", "登录认证入口", assoc(lb1, IN_USE), assoc(lb2, IN_USE));
            haVip(ingress, "vip-push-bj", "消息推送入口", assoc(lb1, IN_USE), assoc(lb2, IN_USE));
            haVip(ingress, "vip-live-bj", "直播推流入口", assoc(lb1, IN_USE));
            haVip(ingress, "vip-pay-bj", "支付回调入口", assoc(lb1, IN_USE));
            haVip(ingress, "vip-sso-bj", "单点登录入口（待绑定）");

            List<AssociationRec> pool = new ArrayList<>();
            for (int i = 1; i <= 11; i++) {
                InstanceRec node = instance(cdn, "cdn-bj-" + twoDigits(i), Profile.CDN, RUNNING, true);
                // The eleventh node joined after the pool's VIP was full.
                if (i <= 10) {
                    pool.add(assoc(node, IN_USE));
                }
            }
            secondary(cdn, "cdn-bj-spare-eni", "备用弹性网卡", null, AVAILABLE);
            haVip(cdn, "vip-cdn-bj", "边缘缓存节点池 VIP", pool.toArray(new AssociationRec[0]));

            InstanceRec db1 = instance(db, "db-bj-01", Profile.DB, RUNNING, false);
            InstanceRec db2 = instance(db, "db-bj-02", Profile.DB, STOPPED, false);
            EniRec db1Eth1 = secondary(db, "db-bj-01-eth1", "PostgreSQL 服务网卡", db1, IN_USE);
            secondary(db, "db-bj-02-eth1", "PostgreSQL 服务网卡", db2, IN_USE);
            haVip(db, "vip-db-bj", "PostgreSQL 主库 VIP", assoc(db1Eth1, IN_USE));
        }

        private void guangzhou() {
            Region gz = region("cn-guangzhou-cmcc", "广州移动", "Guangzhou CMCC", "SouthChina", "广东省",
                    "120.196.212.");
            Net prod = network(gz, "prod-edge", "广州移动生产边缘网络", 30);
            Vsw web = vSwitch(prod, "prod-web-a", "Web 与负载均衡层", 1);
            Vsw app = vSwitch(prod, "prod-app-a", "应用服务层", 2);

            InstanceRec lb1 = instance(web, "lb-gz-01", Profile.LB, RUNNING, true);
            InstanceRec lb2 = instance(web, "lb-gz-02", Profile.LB, RUNNING, true);
            instance(web, "web-gz-01", Profile.WEB, RUNNING, true);
            instance(web, "web-gz-02", Profile.WEB, RUNNING, true);
            instance(web, "web-gz-03", Profile.WEB, EXPIRED, false);
            secondary(web, "lb-gz-01-eth1", "keepalived 心跳网卡", lb1, IN_USE);
            secondary(web, "lb-gz-02-eth1", "keepalived 心跳网卡", lb2, IN_USE);
            // The backup LB was being added when the snapshot was taken: Associating at start.
            haVip(web, "vip-lb-gz", "Nginx 入口 keepalived VIP", assoc(lb1, IN_USE), assoc(lb2, ASSOCIATING));

            InstanceRec app1 = instance(app, "app-gz-01", Profile.APP, RUNNING, false);
            InstanceRec app2 = instance(app, "app-gz-02", Profile.APP, RUNNING, false);
            secondary(app, "app-gz-01-eth1", "服务网卡", app1, IN_USE);
            secondary(app, "app-gz-02-eth1", "服务网卡", app2, "Detaching");
            secondary(app, "app-gz-spare-eni", "备用弹性网卡", null, AVAILABLE);
            haVip(app, "vip-app-gz", "应用层 VIP（待绑定）");

            Net ops = network(gz, "ops-mgmt", "运维管理网络", 31);
            Vsw mgmtA = vSwitch(ops, "mgmt-a", "堡垒机与监控", 1);
            Vsw mgmtB = vSwitch(ops, "mgmt-b", "日志平台", 2);
            instance(mgmtA, "bastion-gz-01", Profile.OPS, RUNNING, true);
            InstanceRec mon1 = instance(mgmtA, "monitor-gz-01", Profile.OPS, RUNNING, false);
            instance(mgmtA, "monitor-gz-02", Profile.OPS, STOPPED, false);
            secondary(mgmtA, "mgmt-legacy-eni", "旧监控网卡（释放中）", null, "Deleting");
            haVip(mgmtA, "vip-monitor-gz", "Prometheus 主备 VIP", assoc(mon1, IN_USE));
            haVipInLifecycle(mgmtA, "vip-grafana-old-gz", "旧 Grafana VIP（删除中）", "Deleting");
            InstanceRec log1 = instance(mgmtB, "log-gz-01", Profile.APP, RUNNING, false);
            InstanceRec log2 = instance(mgmtB, "log-gz-02", Profile.APP, RUNNING, false);
            haVip(mgmtB, "vip-log-gz", "日志采集入口 VIP", assoc(log1, IN_USE), assoc(log2, IN_USE));
        }

        // ---- building blocks ---------------------------------------------------------------

        private String tick() {
            // An irregular step so that timestamps look like a real rollout, not a grid.
            clock = clock.plus(26, ChronoUnit.HOURS).plusSeconds(47 * 60 + 13);
            return clock.toString();
        }

        private void claim(String key) {
            if (!keys.add(key)) {
                throw new IllegalStateException("duplicate demo name " + key);
            }
        }

        private Region region(String id, String name, String enName, String area, String province,
                              String publicPrefix) {
            RegionRec rec = new RegionRec(id, name, enName, area, province);
            regions.add(rec);
            return new Region(rec, publicPrefix);
        }

        private Net network(Region region, String name, String description, int secondOctet) {
            String key = region.rec.ensRegionId() + "/" + name;
            claim("network:" + key);
            NetworkRec rec = new NetworkRec(Rng.forKey("network:" + key).id("n-"), name, description,
                    region.rec.ensRegionId(), "10." + secondOctet + ".0.0/16", AVAILABLE, tick());
            networks.add(rec);
            return new Net(region, rec, Rng.forKey("sg:" + key).id("sg-"), secondOctet);
        }

        private Vsw vSwitch(Net net, String name, String description, int thirdOctet) {
            String key = net.rec.ensRegionId() + "/" + net.rec.networkName() + "/" + name;
            claim("vsw:" + key);
            String prefix = "10." + net.secondOctet + "." + thirdOctet + ".";
            VSwitchRec rec = new VSwitchRec(Rng.forKey("vsw:" + key).id("vsw-"), name, description,
                    net.rec.ensRegionId(), net.rec.networkId(), prefix + "0/24", AVAILABLE, tick());
            vSwitches.add(rec);
            return new Vsw(net, rec, prefix);
        }

        /** An instance and its primary ENI, which shares its VSwitch, IP and creation time. */
        private InstanceRec instance(Vsw v, String name, Profile p, String status, boolean publicIp) {
            claim("instance:" + name);
            String ip = v.take(v.nextInstanceHost++, 50);
            String created = tick();
            Instant createdAt = Instant.parse(created);
            String expires;
            if (EXPIRED.equals(status)) {
                // Subscriptions end at midnight Beijing time (16:00 UTC), one year after purchase.
                expires = createdAt.truncatedTo(ChronoUnit.DAYS).plus(365, ChronoUnit.DAYS).plus(16, ChronoUnit.HOURS)
                        .toString();
                if (!Instant.parse(expires).isBefore(EXPIRED_BEFORE)) {
                    throw new IllegalStateException(name + " would expire in the future");
                }
            } else {
                expires = createdAt.truncatedTo(ChronoUnit.DAYS).plus(3 * 365, ChronoUnit.DAYS)
                        .plus(16, ChronoUnit.HOURS).toString();
            }
            Region region = v.net.region;
            String publicAddress = publicIp ? region.publicPrefix + region.nextPublicHost++ : null;
            boolean staging = v.net.rec.networkName().startsWith("staging");
            List<TagRec> tags = List.of(new TagRec("env", staging ? "staging" : "prod"),
                    new TagRec("tier", p.name().toLowerCase(Locale.ROOT)), new TagRec("owner", p.owner));
            List<DiskRec> dataDisks = p.dataDisk == 0 ? List.of()
                    : List.of(new DiskRec(Rng.forKey("disk:" + name + "/data").id("d-"), name + "-data", "cloud_ssd",
                    p.dataDisk));
            // The CDN pool is an edge service (EnsService with its service id); the rest are plain instances.
            boolean service = p == Profile.CDN;
            InstanceRec rec = new InstanceRec(instanceId(name), name, name, v.rec.ensRegionId(), v.rec.networkId(),
                    v.rec.vSwitchId(), status, ip, publicAddress, p.spec, p.os.imageId, p.os.name, p.cpu, p.memory,
                    p.disk, v.net.securityGroupId, created, expires,
                    service ? "EnsService" : "EnsInstance", service ? "ens-svc-cdn-bj" : null,
                    publicIp ? 200 : 10, publicIp ? 100 : 5, staging ? null : "ops-" + v.rec.ensRegionId(),
                    staging && STOPPED.equals(status) ? expires : null, EXPIRED.equals(status) ? "Expired" : "Normal",
                    new DiskRec(Rng.forKey("disk:" + name + "/system").id("d-"), name + "-system", "cloud_efficiency",
                            p.disk),
                    dataDisks, tags);
            instances.add(rec);
            String primaryName = name + "-eth0";
            claim("eni:" + primaryName);
            enis.add(new EniRec(eniId(primaryName), primaryName, "主网卡", v.rec.ensRegionId(), v.rec.networkId(),
                    v.rec.vSwitchId(), rec.instanceId(), "Primary", IN_USE, ip,
                    Rng.forKey("mac:" + primaryName).mac(), v.net.securityGroupId, created));
            return rec;
        }

        /** A secondary ENI, attached to {@code owner} or (when {@code null}) unattached. */
        private EniRec secondary(Vsw v, String name, String description, InstanceRec owner, String status) {
            claim("eni:" + name);
            if (owner != null && !owner.vSwitchId().equals(v.rec.vSwitchId())) {
                throw new IllegalStateException(name + " is not in the VSwitch of " + owner.instanceName());
            }
            EniRec rec = new EniRec(eniId(name), name, description, v.rec.ensRegionId(), v.rec.networkId(),
                    v.rec.vSwitchId(), owner == null ? null : owner.instanceId(), "Secondary", status,
                    v.take(v.nextEniHost++, 100), Rng.forKey("mac:" + name).mac(), v.net.securityGroupId, tick());
            enis.add(rec);
            return rec;
        }

        private AssociationRec assoc(InstanceRec target, String status) {
            return new AssociationRec(target.instanceId(), ENS_INSTANCE, target.privateIpAddress(), status, tick());
        }

        private AssociationRec assoc(EniRec target, String status) {
            return new AssociationRec(target.networkInterfaceId(), NETWORK_INTERFACE, target.primaryIp(), status,
                    tick());
        }

        /** A ready HaVip; its status follows from its associations, as the emulator reports it. */
        private void haVip(Vsw v, String name, String description, AssociationRec... associations) {
            String status = associations.length == 0 ? AVAILABLE : IN_USE;
            for (AssociationRec a : associations) {
                if (ASSOCIATING.equals(a.status())) {
                    status = ASSOCIATING;
                }
            }
            addHaVip(v, name, description, status, List.of(associations));
        }

        private void haVipInLifecycle(Vsw v, String name, String description, String status) {
            addHaVip(v, name, description, status, List.of());
        }

        private void addHaVip(Vsw v, String name, String description, String status,
                              List<AssociationRec> associations) {
            claim("havip:" + name);
            for (AssociationRec a : associations) {
                boolean inVSwitch = instances.stream().anyMatch(i -> i.instanceId().equals(a.instanceId())
                        && i.vSwitchId().equals(v.rec.vSwitchId()))
                        || enis.stream().anyMatch(e -> e.networkInterfaceId().equals(a.instanceId())
                        && e.vSwitchId().equals(v.rec.vSwitchId()));
                if (!inVSwitch) {
                    throw new IllegalStateException(name + " is associated with a target outside its VSwitch");
                }
            }
            // The HaVip is older than its associations: take its time before theirs were taken.
            String created = associations.isEmpty() ? tick() : earlier(associations.get(0).creationTime());
            haVips.add(new HaVipRec(haVipId(name), name, description, v.take(v.nextHaVipHost++, 255), status,
                    v.rec.vSwitchId(), v.rec.networkId(), v.rec.ensRegionId(), created, associations));
        }

        private static String earlier(String time) {
            return Instant.parse(time).minus(2, ChronoUnit.HOURS).minusSeconds(11 * 60 + 5).toString();
        }

        private static String twoDigits(int i) {
            return i < 10 ? "0" + i : Integer.toString(i);
        }
    }
}
