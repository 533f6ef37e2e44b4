package io.enscope.emulator.scenario;

import io.enscope.emulator.scenario.Scenario.AssociationRec;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A scenario at the scale the console's budgets are measured on: 20 regions × 5 networks ×
 * 10 VSwitches (1,000), 10 instances per VSwitch (10,000), one primary and one secondary ENI
 * per instance (20,000) and two HaVips per VSwitch (2,000), with keepalived-style associations.
 *
 * <p>Everything is drawn from the seed, so the same seed always gives an equal scenario. The
 * generator builds strings by concatenation and from precomputed pools (timestamps, host
 * numbers) rather than formatting, to stay far below the time budget.
 */
public final class LargeScenario {
    /** ENS regions in the scenario. */
    public static final int REGIONS = 20;
    /** Networks in each region. */
    public static final int NETWORKS_PER_REGION = 5;
    /** VSwitches in each network, one per tier. */
    public static final int VSWITCHES_PER_NETWORK = 10;
    /** Instances in each VSwitch; each has one primary and one secondary ENI. */
    public static final int INSTANCES_PER_VSWITCH = 10;
    /** HaVips in each VSwitch. */
    public static final int HAVIPS_PER_VSWITCH = 2;

    private static final String[][] REGION_DATA = {
            {"cn-hangzhou-telecom", "杭州电信", "Hangzhou Telecom", "EastChina", "浙江省", "hz", "115.238."},
            {"cn-beijing-unicom", "北京联通", "Beijing Unicom", "NorthChina", "北京市", "bj", "123.125."},
            {"cn-guangzhou-cmcc", "广州移动", "Guangzhou CMCC", "SouthChina", "广东省", "gz", "120.196."},
            {"cn-shanghai-telecom", "上海电信", "Shanghai Telecom", "EastChina", "上海市", "sh", "101.227."},
            {"cn-shenzhen-unicom", "深圳联通", "Shenzhen Unicom", "SouthChina", "广东省", "sz", "112.95."},
            {"cn-chengdu-telecom", "成都电信", "Chengdu Telecom", "SouthWestChina", "四川省", "cd", "118.116."},
            {"cn-wuhan-unicom", "武汉联通", "Wuhan Unicom", "CentralChina", "湖北省", "wh", "58.49."},
            {"cn-xian-cmcc", "西安移动", "Xi'an CMCC", "NorthWestChina", "陕西省", "xa", "117.36."},
            {"cn-nanjing-telecom", "南京电信", "Nanjing Telecom", "EastChina", "江苏省", "nj", "180.101."},
            {"cn-chongqing-unicom", "重庆联通", "Chongqing Unicom", "SouthWestChina", "重庆市", "cq", "113.207."},
            {"cn-tianjin-cmcc", "天津移动", "Tianjin CMCC", "NorthChina", "天津市", "tj", "111.33."},
            {"cn-zhengzhou-telecom", "郑州电信", "Zhengzhou Telecom", "CentralChina", "河南省", "zz", "171.8."},
            {"cn-changsha-unicom", "长沙联通", "Changsha Unicom", "CentralChina", "湖南省", "cs", "110.53."},
            {"cn-jinan-cmcc", "济南移动", "Jinan CMCC", "EastChina", "山东省", "jn", "120.221."},
            {"cn-shenyang-unicom", "沈阳联通", "Shenyang Unicom", "NorthEastChina", "辽宁省", "sy", "124.95."},
            {"cn-hefei-telecom", "合肥电信", "Hefei Telecom", "EastChina", "安徽省", "hf", "61.132."},
            {"cn-fuzhou-cmcc", "福州移动", "Fuzhou CMCC", "EastChina", "福建省", "fz", "112.5."},
            {"cn-kunming-telecom", "昆明电信", "Kunming Telecom", "SouthWestChina", "云南省", "km", "116.52."},
            {"cn-nanning-unicom", "南宁联通", "Nanning Unicom", "SouthChina", "广西壮族自治区", "nn", "121.31."},
            {"cn-harbin-cmcc", "哈尔滨移动", "Harbin CMCC", "NorthEastChina", "黑龙江省", "hrb", "111.40."},
    };
    private static final String[][] NETWORK_DATA = {
            {"prod-edge", "生产边缘网络", "10"},
            {"staging-edge", "预发边缘网络", "20"},
            {"media-edge", "音视频边缘网络", "30"},
            {"iot-edge", "物联网接入网络", "40"},
            {"ops-mgmt", "运维管理网络", "50"},
    };

    /** One VSwitch per tier; a tier fixes the instance sizing and whether instances face the internet. */
    private enum Tier {
        LB("负载均衡层", "ens.sn1.medium", "2", 4096, 40960, true),
        WEB("Web 层", "ens.sn1.medium", "2", 4096, 40960, true),
        API("API 网关层", "ens.sn1.medium", "2", 4096, 40960, true),
        APP("应用服务层", "ens.sn1.large", "4", 8192, 81920, false),
        DB("数据库层", "ens.sn1.xlarge", "8", 16384, 307200, false),
        CACHE("缓存层", "ens.sn1.large", "4", 8192, 40960, false),
        MQ("消息队列层", "ens.sn1.large", "4", 8192, 81920, false),
        MEDIA("音视频转码层", "ens.sn1.xlarge", "8", 16384, 204800, true),
        LOG("日志采集层", "ens.sn1.small", "1", 2048, 81920, false),
        MGMT("运维管理层", "ens.sn1.stiny", "1", 1024, 20480, false);

        final String label = name().toLowerCase(Locale.ROOT);
        /** Shared by every instance of the tier: 10,000 instances need only ten tag lists. */
        final List<TagRec> tags = List.of(new TagRec("env", "prod"), new TagRec("tier", label));
        final String description;
        final String spec;
        final String cpu;
        final Integer memory;
        final Integer disk;
        final boolean publicFacing;

        Tier(String description, String spec, String cpu, int memory, int disk, boolean publicFacing) {
            this.description = description;
            this.spec = spec;
            this.cpu = cpu;
            this.memory = memory;
            this.disk = disk;
            this.publicFacing = publicFacing;
        }
    }

    private static final String[] IMAGE_IDS = {
            "centos_7_9_x64_20G_alibase_20240628", "ubuntu_22_04_x64_20G_alibase_20240710"};
    private static final String[] OS_NAMES = {"CentOS 7.9 64位", "Ubuntu 22.04 64位"};

    /** Decimal texts of 0..255, so an IP is one concatenation instead of a format call. */
    private static final String[] OCTETS = new String[256];
    /** Two-digit texts of 0..99 for names. */
    private static final String[] TWO_DIGITS = new String[100];
    /** Ascending creation times over 2023-01 .. 2026-06; an index into it orders events. */
    private static final String[] CREATED = new String[2048];
    /** Expiry times of live subscriptions (2027 .. 2029), at midnight Beijing time. */
    private static final String[] EXPIRES_FUTURE = new String[256];
    /** Expiry times already past (2025-01 .. 2026-10), for Expired instances. */
    private static final String[] EXPIRES_PAST = new String[256];

    static {
        for (int i = 0; i < OCTETS.length; i++) {
            OCTETS[i] = Integer.toString(i);
        }
        for (int i = 0; i < TWO_DIGITS.length; i++) {
            TWO_DIGITS[i] = i < 10 ? "0" + i : Integer.toString(i);
        }
        fillTimes(CREATED, Instant.parse("2023-01-04T01:23:17Z"), Instant.parse("2026-06-28T09:41:53Z"), false);
        fillTimes(EXPIRES_FUTURE, Instant.parse("2027-01-01T16:00:00Z"), Instant.parse("2029-12-01T16:00:00Z"), true);
        fillTimes(EXPIRES_PAST, Instant.parse("2025-01-01T16:00:00Z"), Instant.parse("2026-10-30T16:00:00Z"), true);
    }

    private static void fillTimes(String[] pool, Instant from, Instant to, boolean midnightBeijing) {
        long span = to.getEpochSecond() - from.getEpochSecond();
        for (int i = 0; i < pool.length; i++) {
            // A fixed irregular jitter so consecutive entries do not share a minute pattern.
            long offset = span * i / pool.length + (i * 7919L) % 3571;
            Instant t = from.plusSeconds(offset);
            if (midnightBeijing) {
                t = t.truncatedTo(ChronoUnit.DAYS).plus(16, ChronoUnit.HOURS);
            }
            pool[i] = t.toString();
        }
    }

    private LargeScenario() {
    }

    /** The large scenario for {@code seed}; equal scenarios for equal seeds. */
    public static Scenario create(long seed) {
        return create(seed, false);
    }

    /**
     * @param eipOnHaVip whether some bound HaVips carry an EIP (an undocumented binding, see the README)
     * @return the large scenario for {@code seed} with its HA neighbourhood (one group in five does
     *         not admit the peers of a pair)
     */
    public static Scenario create(long seed, boolean eipOnHaVip) {
        return HaNeighbourhood.addTo(new Generator(seed).generate(), eipOnHaVip, index -> index % 5 == 4);
    }

    private static final class Generator {
        private final Rng rng;
        private final Set<String> ids = new HashSet<>(64_000);
        private final List<RegionRec> regions = new ArrayList<>(REGIONS);
        private final List<NetworkRec> networks = new ArrayList<>(REGIONS * NETWORKS_PER_REGION);
        private final List<VSwitchRec> vSwitches = new ArrayList<>(REGIONS * NETWORKS_PER_REGION
                * VSWITCHES_PER_NETWORK);
        private final List<InstanceRec> instances = new ArrayList<>(vSwitchCount() * INSTANCES_PER_VSWITCH);
        private final List<EniRec> enis = new ArrayList<>(vSwitchCount() * INSTANCES_PER_VSWITCH * 2);
        private final List<HaVipRec> haVips = new ArrayList<>(vSwitchCount() * HAVIPS_PER_VSWITCH);
        private final List<RouteEntryRec> routes = new ArrayList<>(REGIONS * NETWORKS_PER_REGION);
        private final InstanceRec[] vswInstances = new InstanceRec[INSTANCES_PER_VSWITCH];
        private final EniRec[] vswSecondaries = new EniRec[INSTANCES_PER_VSWITCH];

        Generator(long seed) {
            this.rng = new Rng(seed);
        }

        private static int vSwitchCount() {
            return REGIONS * NETWORKS_PER_REGION * VSWITCHES_PER_NETWORK;
        }

        Scenario generate() {
            for (String[] r : REGION_DATA) {
                RegionRec region = new RegionRec(r[0], r[1], r[2], r[3], r[4]);
                regions.add(region);
                int publicCounter = 0;
                for (int k = 0; k < NETWORKS_PER_REGION; k++) {
                    publicCounter = network(region, r[5], r[6], k, publicCounter);
                }
            }
            return new Scenario(regions, networks, vSwitches, instances, enis, haVips, routes);
        }

        private String newId(String prefix) {
            String id = rng.id(prefix);
            while (!ids.add(id)) {
                id = rng.id(prefix);
            }
            return id;
        }

        private String created() {
            return CREATED[rng.nextInt(CREATED.length)];
        }

        /** A creation time not earlier than {@code after} (both from the ascending pool). */
        private String createdAfter(String after) {
            int from = indexOf(after);
            return CREATED[from + rng.nextInt(CREATED.length - from)];
        }

        private static int indexOf(String createdTime) {
            // The pool is ascending ISO text, so text order is time order.
            int i = Arrays.binarySearch(CREATED, createdTime);
            return i < 0 ? 0 : i;
        }

        private int network(RegionRec region, String shortName, String publicPrefix, int k, int publicCounter) {
            String[] data = NETWORK_DATA[k];
            String secondOctet = data[2];
            String networkId = newId("n-");
            String sg = newId("sg-");
            String netCreated = CREATED[rng.nextInt(CREATED.length / 4)];
            networks.add(new NetworkRec(networkId, data[0], region.name() + data[1], region.ensRegionId(),
                    "10." + secondOctet + ".0.0/16", "Available", netCreated));
            String netTag = shortName + "-n" + (k + 1) + "-";
            Tier[] tiers = Tier.values();
            int firstHaVip = haVips.size();
            for (int v = 0; v < VSWITCHES_PER_NETWORK; v++) {
                Tier tier = tiers[v % tiers.length];
                String prefix = "10." + secondOctet + "." + OCTETS[v + 1] + ".";
                String vswId = newId("vsw-");
                VSwitchRec vsw = new VSwitchRec(vswId, data[0] + "-" + tier.label + "-a", tier.description,
                        region.ensRegionId(), networkId, prefix + "0/24", "Available", createdAfter(netCreated));
                vSwitches.add(vsw);
                publicCounter = fillVSwitch(vsw, tier, prefix, tier.label + "-" + netTag, sg, publicPrefix,
                        publicCounter);
            }
            // One custom route per network towards its first HaVip (the LB tier's keepalived VIP);
            // its id derives from the network's, so the seed's sequence of ids is unchanged.
            HaVipRec vip = haVips.get(firstHaVip);
            String bare = networkId.substring(2);
            routes.add(new RouteEntryRec("rte-" + bare, "to-idc-" + netTag.substring(0, netTag.length() - 1),
                    Scenario.routeTableIdOf(networkId), "172.16." + k + ".0/24", null, "Custom", "Available",
                    "经 keepalived VIP 回源 IDC", vip.creationTime(),
                    List.of(new NextHopRec("HaVip", vip.haVipId(), vip.name()))));
            return publicCounter;
        }

        private int fillVSwitch(VSwitchRec vsw, Tier tier, String prefix, String namePrefix, String sg,
                                String publicPrefix, int publicCounter) {
            for (int i = 0; i < INSTANCES_PER_VSWITCH; i++) {
                String name = namePrefix + TWO_DIGITS[i + 1];
                double roll = rng.nextDouble();
                String status = roll < 0.85 ? "Running" : roll < 0.95 ? "Stopped" : "Expired";
                boolean expired = roll >= 0.95;
                String created = expired ? CREATED[rng.nextInt(CREATED.length / 2)] : created();
                String expires = expired ? EXPIRES_PAST[rng.nextInt(EXPIRES_PAST.length)]
                        : EXPIRES_FUTURE[rng.nextInt(EXPIRES_FUTURE.length)];
                String publicIp = null;
                if (tier.publicFacing && !expired) {
                    publicIp = publicPrefix + OCTETS[96 + publicCounter / 250] + "." + OCTETS[publicCounter % 250 + 2];
                    publicCounter++;
                }
                int os = rng.nextInt(2);
                String ip = prefix + OCTETS[10 + i];
                // Disks, bandwidths and the rest are left to DescribeInstances' defaults: less to hold.
                InstanceRec inst = new InstanceRec(newId("i-"), name, name, vsw.ensRegionId(), vsw.networkId(),
                        vsw.vSwitchId(), status, ip, publicIp, tier.spec, IMAGE_IDS[os], OS_NAMES[os], tier.cpu,
                        tier.memory, tier.disk, sg, created, expires, null, null, null, null, null, null, null, null,
                        null, tier.tags);
                instances.add(inst);
                vswInstances[i] = inst;
                enis.add(new EniRec(newId("eni-"), name + "-eth0", "主网卡", vsw.ensRegionId(), vsw.networkId(),
                        vsw.vSwitchId(), inst.instanceId(), "Primary", "InUse", ip, rng.mac(), sg, created));
                vswSecondaries[i] = secondary(vsw, inst, name, prefix + OCTETS[50 + i], sg);
            }
            haVips(vsw, namePrefix, prefix);
            return publicCounter;
        }

        /** Mostly attached and InUse or spare and Available; a few in each transitional status. */
        private EniRec secondary(VSwitchRec vsw, InstanceRec owner, String ownerName, String ip, String sg) {
            double roll = rng.nextDouble();
            String status;
            boolean attached;
            if (roll < 0.60) {
                status = "InUse";
                attached = true;
            } else if (roll < 0.90) {
                status = "Available";
                attached = false;
            } else if (roll < 0.94) {
                status = "Attaching";
                attached = true;
            } else if (roll < 0.97) {
                status = "Detaching";
                attached = true;
            } else {
                status = "Deleting";
                attached = false;
            }
            EniRec eni = new EniRec(newId("eni-"), ownerName + "-eth1", "业务网卡", vsw.ensRegionId(),
                    vsw.networkId(), vsw.vSwitchId(), attached ? owner.instanceId() : null, "Secondary", status, ip,
                    rng.mac(), sg, createdAfter(owner.creationTime()));
            enis.add(eni);
            return eni;
        }

        /**
         * Two HaVips per VSwitch: a keepalived VIP on the first two instances and a VIP for the
         * secondary ENIs of the next two, with a few Creating, Deleting or Associating ones.
         */
        private void haVips(VSwitchRec vsw, String namePrefix, String prefix) {
            String baseName = "vip-" + namePrefix.substring(0, namePrefix.length() - 1);
            String created = created();
            double roll = rng.nextDouble();
            List<AssociationRec> assocs = new ArrayList<>(2);
            String status;
            if (roll < 0.01) {
                status = "Creating";
            } else if (roll < 0.02) {
                status = "Deleting";
            } else if (roll < 0.80) {
                boolean associating = roll < 0.04;
                assocs.add(assoc(vswInstances[0], created, "InUse"));
                assocs.add(assoc(vswInstances[1], created, associating ? "Associating" : "InUse"));
                status = associating ? "Associating" : "InUse";
            } else {
                status = "Available";
            }
            haVips.add(new HaVipRec(newId("havip-"), baseName, "keepalived 主备 VIP", prefix + OCTETS[100], status,
                    vsw.vSwitchId(), vsw.networkId(), vsw.ensRegionId(), created, assocs));

            String eniCreated = created();
            List<AssociationRec> eniAssocs = new ArrayList<>(2);
            boolean bind = rng.nextDouble() < 0.5;
            for (int i = 2; bind && i < 4; i++) {
                EniRec e = vswSecondaries[i];
                if ("InUse".equals(e.status())) {
                    eniAssocs.add(new AssociationRec(e.networkInterfaceId(), "NetworkInterface", e.primaryIp(),
                            "InUse", createdAfter(later(eniCreated, e.creationTime()))));
                }
            }
            haVips.add(new HaVipRec(newId("havip-"), baseName + "-eni", "弹性网卡主备 VIP", prefix + OCTETS[101],
                    eniAssocs.isEmpty() ? "Available" : "InUse", vsw.vSwitchId(), vsw.networkId(),
                    vsw.ensRegionId(), eniCreated, eniAssocs));
        }

        private AssociationRec assoc(InstanceRec target, String haVipCreated, String status) {
            return new AssociationRec(target.instanceId(), "EnsInstance", target.privateIpAddress(), status,
                    createdAfter(later(haVipCreated, target.creationTime())));
        }

        /** The later of two pool timestamps; ISO text of one format sorts like time. */
        private static String later(String a, String b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
