package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.HaVipStatuses;
import io.enscope.emulator.Limits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.Scenario.AssociationRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.Scenario.RegionRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.EnsException;
import io.enscope.ens.RetrySettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.inventory.LoadOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The differential test of design.md: for every (HaVip, target) pair of a scenario, the code the
 * eligibility engine predicts from an inventory loaded over HTTP equals what the emulator answers
 * to a real AssociateHaVip through {@link SdkEnsApi}. The two rule implementations were written
 * separately from the table; this is where they must agree.
 *
 * <p>Transitions are frozen (one hour), so the transitional states of the scenario stay put and
 * a successful association stays {@code Associating}; the emulator is reset after every call that
 * succeeded, so every pair is tried against the scenario as loaded. The emulator's limits are set
 * equal to the policy's. The random scenario's seed can be changed with
 * {@code -Denscope.differential.seed=N} to explore other topologies.
 */
class EligibilityDifferentialTest {

    private static final Logger LOG = LoggerFactory.getLogger(EligibilityDifferentialTest.class);
    private static final Timings FROZEN = Timings.all(TransitionTiming.fixed(Duration.ofHours(1)));
    private static final String ELIGIBLE = "eligible";

    @Test
    void predictionsEqualTheEmulatorOnTheDemoScenario() {
        Outcome outcome = compare(DemoScenario.create(), LimitPolicy.DEFAULT);

        assertThat(outcome.mismatches).as(outcome.summary()).isEmpty();
        // The demo is built to show every data-dependent outcome; make sure the test saw them.
        assertThat(outcome.byCode.keySet()).contains(ELIGIBLE, "IncorrectHaVipStatus",
                "NetworkInterfaceTypeNotSupported", "IncorrectInstanceStatus", "IncorrectNetworkInterfaceStatus",
                "IncorrectInstanceVSwitch", "InstanceAlreadyAssociated", "CountLimitExceed.InstanceOnHaVip",
                "CountLimitExceed.HaVipOnInstance", "HaVipNotFound", "InstanceNotFound", "NetworkInterfaceNotFound");
    }

    @Test
    void predictionsEqualTheEmulatorWithOnlyTheDocumentedHaVipStatuses() {
        Outcome outcome = compare(DemoScenario.create(), LimitPolicy.DEFAULT, HaVipStatuses.DOCUMENTED);

        assertThat(outcome.mismatches).as(outcome.summary()).isEmpty();
        assertThat(outcome.byCode.keySet()).contains(ELIGIBLE, "IncorrectHaVipStatus");
    }

    @Test
    void predictionsEqualTheEmulatorOnARandomScenario() {
        long seed = Long.getLong("enscope.differential.seed", 20_240_611L);
        LimitPolicy policy = new LimitPolicy(4, 3);
        Scenario random = new RandomScenario(seed, policy).build();

        Outcome outcome = compare(random, policy);

        assertThat(outcome.mismatches).as("seed " + seed + ": " + outcome.summary()).isEmpty();
        assertThat(outcome.byCode.keySet()).as("seed " + seed).contains(ELIGIBLE, "IncorrectHaVipStatus",
                "NetworkInterfaceTypeNotSupported", "IncorrectInstanceStatus", "IncorrectNetworkInterfaceStatus",
                "IncorrectInstanceVSwitch", "InstanceAlreadyAssociated", "CountLimitExceed.InstanceOnHaVip",
                "CountLimitExceed.HaVipOnInstance");
    }

    /** Loads the scenario through the loader and tries every pair for real. */
    private static Outcome compare(Scenario scenario, LimitPolicy policy) {
        return compare(scenario, policy, HaVipStatuses.TRANSITIONAL);
    }

    private static Outcome compare(Scenario scenario, LimitPolicy policy, HaVipStatuses statuses) {
        long start = System.nanoTime();
        try (EnsEmulator emulator = EnsEmulator.builder()
                .scenario(scenario)
                .haVipStatuses(statuses)
                .timings(FROZEN)
                .limits(new Limits(policy.maxTargetsPerHaVip(), policy.maxHaVipsPerTarget()))
                .account(Account.generate(false))
                .port(0)
                .start();
             SdkEnsApi api = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint()).withRetry(RetrySettings.none())
                     .withPacing(PacingSettings.off()),
                     EnsCredentialsProvider.of(EnsCredentials.of(emulator.adminAccount().accessKeyId(),
                             emulator.adminAccount().accessKeySecret())))) {
            Inventory inventory = new InventoryLoader(api, LoadOptions.defaults()).load(List.of());
            EligibilityEngine engine = new EligibilityEngine(policy);
            Outcome outcome = new Outcome();

            List<Pair> pairs = new ArrayList<>();
            for (HaVip haVip : inventory.haVips()) {
                for (Instance instance : inventory.instances()) {
                    pairs.add(new Pair(haVip.id(), instance.id(), InstanceType.ENS_INSTANCE));
                }
                for (NetworkInterface eni : inventory.networkInterfaces()) {
                    pairs.add(new Pair(haVip.id(), eni.id(), InstanceType.NETWORK_INTERFACE));
                }
            }
            // Targets and an HaVip the inventory does not hold: the "not found" codes.
            for (HaVip haVip : inventory.haVips().subList(0, Math.min(3, inventory.haVips().size()))) {
                pairs.add(new Pair(haVip.id(), "i-doesnotexist", InstanceType.ENS_INSTANCE));
                pairs.add(new Pair(haVip.id(), "eni-doesnotexist", InstanceType.NETWORK_INTERFACE));
            }
            pairs.add(new Pair("havip-doesnotexist", inventory.instances().get(0).id(), InstanceType.ENS_INSTANCE));

            for (Pair pair : pairs) {
                Verdict verdict = engine.check(inventory, pair.haVipId, pair.targetId, pair.type);
                String predicted = verdict.isEligible() ? ELIGIBLE : verdict.code();
                String actual;
                try {
                    api.associateHaVip(pair.haVipId, pair.targetId, pair.type);
                    actual = ELIGIBLE;
                    // A binding was made: put the scenario back before the next pair.
                    emulator.reset();
                    outcome.resets++;
                } catch (EnsException e) {
                    actual = e.error().code();
                }
                outcome.record(pair, predicted, actual, inventory);
            }
            outcome.millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("differential test: {}", outcome.summary());
            return outcome;
        }
    }

    private record Pair(String haVipId, String targetId, InstanceType type) {
    }

    private static final class Outcome {
        final List<String> mismatches = new ArrayList<>();
        final Map<String, Integer> byCode = new TreeMap<>();
        int pairs;
        int resets;
        long millis;

        void record(Pair pair, String predicted, String actual, Inventory inventory) {
            pairs++;
            byCode.merge(actual, 1, Integer::sum);
            if (!predicted.equals(actual)) {
                mismatches.add(pair.haVipId + " + " + pair.targetId + " (" + pair.type.wireValue() + "): predicted "
                        + predicted + ", emulator answered " + actual + " | " + describe(pair, inventory));
            }
        }

        String summary() {
            return pairs + " pairs, " + resets + " resets, " + millis + " ms, outcomes " + byCode
                    + (mismatches.isEmpty() ? "" : ", " + mismatches.size() + " mismatch(es), first: "
                    + mismatches.subList(0, Math.min(20, mismatches.size())));
        }

        private static String describe(Pair pair, Inventory inventory) {
            String haVip = inventory.haVip(pair.haVipId)
                    .map(h -> h.rawStatus() + " in " + h.vSwitchId() + " with " + h.associations().stream()
                            .map(a -> a.instanceId() + ":" + a.rawStatus()).toList())
                    .orElse("no such HaVip");
            String target = inventory.instance(pair.targetId)
                    .map(i -> i.rawStatus() + " in " + i.vSwitchId())
                    .or(() -> inventory.networkInterface(pair.targetId)
                            .map(e -> e.rawType() + "/" + e.rawStatus() + " in " + e.vSwitchId()))
                    .orElse("no such target");
            return "HaVip " + haVip + "; target " + target + ", on " + inventory.haVipCountOf(pair.targetId)
                    + " HaVip(s)";
        }
    }

    /**
     * A random but consistent topology: two regions, a few networks and vSwitches, instances and
     * ENIs in every status and type (including values this version does not know), and HaVips in
     * every lifecycle state with bindings in every state, some at or near both count limits.
     */
    private static final class RandomScenario {
        private static final String[] INSTANCE_STATUSES = {"Running", "Running", "Stopped", "Pending", "Starting",
                "Stopping", "Expired", "Releasing", "Migrating"};
        private static final String[] ENI_STATUSES = {"Available", "InUse", "InUse", "Attaching", "Detaching",
                "Deleting", "Flapping"};
        private static final String[] ENI_TYPES = {"Secondary", "Secondary", "Secondary", "Primary", "Trunk"};
        private static final String[] HAVIP_STATES = {"Available", "Available", "Available", "Available",
                "Creating", "Deleting"};
        private static final String[] ASSOCIATION_STATES = {"InUse", "InUse", "InUse", "InUse", "InUse",
                "Associating", "Unassociating"};
        private static final String TIME = "2025-01-01T00:00:00Z";

        private final Random random;
        private final LimitPolicy policy;
        private final List<RegionRec> regions = new ArrayList<>();
        private final List<NetworkRec> networks = new ArrayList<>();
        private final List<VSwitchRec> vSwitches = new ArrayList<>();
        private final List<InstanceRec> instances = new ArrayList<>();
        private final List<EniRec> enis = new ArrayList<>();
        private final List<HaVipRec> haVips = new ArrayList<>();
        private final Map<String, Integer> haVipsPerTarget = new TreeMap<>();
        private int hostNumber = 10;

        RandomScenario(long seed, LimitPolicy policy) {
            this.random = new Random(seed);
            this.policy = policy;
        }

        Scenario build() {
            for (int r = 0; r < 2; r++) {
                String regionId = "rnd-region-" + r;
                regions.add(new RegionRec(regionId, "随机" + r, "Random " + r, "Test", "Test"));
                for (int n = 0; n < 2; n++) {
                    String networkId = "n-rnd" + r + n;
                    networks.add(new NetworkRec(networkId, networkId, "", regionId, "10." + (r * 2 + n) + ".0.0/16",
                            "Available", TIME));
                    int vSwitchCount = r == 0 && n == 0 ? 3 : 1;
                    for (int v = 0; v < vSwitchCount; v++) {
                        String cidr = "10." + (r * 2 + n) + "." + v + ".0/24";
                        vSwitches.add(new VSwitchRec("vsw-rnd" + r + n + v, "vsw" + r + n + v, "", regionId, networkId,
                                cidr, "Available", TIME));
                    }
                }
            }
            // The first vSwitch gets a dozen usable instances, so the limit cases below have targets.
            VSwitchRec main = vSwitches.get(0);
            for (int i = 0; i < 36; i++) {
                VSwitchRec vs = i < 12 ? main : pick(vSwitches);
                String status = i < 12 ? (i % 2 == 0 ? "Running" : "Stopped") : pick(INSTANCE_STATUSES);
                String id = "i-rnd" + i;
                instances.add(new InstanceRec(id, "rnd-" + i, "host" + i, vs.ensRegionId(), vs.networkId(),
                        vs.vSwitchId(), status, ip(vs), null, "ens.sn1.small", "img", "CentOS", "1", 1024, 20480,
                        "sg-rnd", TIME, "2099-01-01T00:00:00Z"));
                enis.add(eni("eni-rnd" + i + "p", vs, id, "Primary", random.nextInt(6) == 0 ? pick(ENI_STATUSES)
                        : "InUse"));
            }
            for (int e = 0; e < 30; e++) {
                VSwitchRec vs = pick(vSwitches);
                List<InstanceRec> sameVSwitch = instances.stream().filter(i -> i.vSwitchId().equals(vs.vSwitchId()))
                        .toList();
                String attachedTo = !sameVSwitch.isEmpty() && random.nextBoolean()
                        ? pick(sameVSwitch).instanceId() : null;
                enis.add(eni("eni-rnd" + e + "s", vs, attachedTo, pick(ENI_TYPES), pick(ENI_STATUSES)));
            }
            // Always present, whatever the seed: an HaVip at its target limit, a target at its HaVip
            // limit (bound by HaVips that are otherwise free), and an HaVip without bindings.
            int full = policy.maxTargetsPerHaVip();
            haVips.add(fixedHaVip("havip-rnd-full", main, instances.subList(0, full)));
            for (int k = 0; k < policy.maxHaVipsPerTarget(); k++) {
                haVips.add(fixedHaVip("havip-rnd-hot" + k, main, instances.subList(full, full + 1)));
            }
            haVips.add(fixedHaVip("havip-rnd-free", main, List.of()));
            // A couple of favourite targets that many HaVips bind to, to reach the per-target limit.
            List<String> favourites = List.of(instances.get(0).instanceId(), enis.get(enis.size() - 1)
                    .networkInterfaceId());
            for (int h = 0; h < 14; h++) {
                VSwitchRec vs = h < 6 ? vSwitches.get(0) : pick(vSwitches);
                List<String> candidates = new ArrayList<>();
                instances.stream().filter(i -> i.vSwitchId().equals(vs.vSwitchId()))
                        .forEach(i -> candidates.add(i.instanceId()));
                enis.stream().filter(e -> e.vSwitchId().equals(vs.vSwitchId()))
                        .forEach(e -> candidates.add(e.networkInterfaceId()));
                // Mostly targets of its own vSwitch; the emulator stores whatever the scenario says.
                Set<String> chosen = new LinkedHashSet<>();
                if (h % 3 == 0) {
                    favourites.stream().filter(this::belowTargetLimit).forEach(chosen::add);
                }
                int wanted = h % 5 == 0 ? policy.maxTargetsPerHaVip() : random.nextInt(policy.maxTargetsPerHaVip());
                for (int tries = 0; chosen.size() < wanted && tries < 40 && !candidates.isEmpty(); tries++) {
                    String target = pick(candidates);
                    if (belowTargetLimit(target) || random.nextInt(4) == 0) {
                        chosen.add(target);
                    }
                }
                String state = pick(HAVIP_STATES);
                List<AssociationRec> associations = new ArrayList<>();
                for (String target : chosen) {
                    haVipsPerTarget.merge(target, 1, Integer::sum);
                    String type = target.startsWith("eni-") ? "NetworkInterface" : "EnsInstance";
                    associations.add(new AssociationRec(target, type, "10.9.9." + associations.size(),
                            random.nextInt(8) == 0 ? pick(ASSOCIATION_STATES) : "InUse", TIME));
                }
                haVips.add(new HaVipRec("havip-rnd" + h, "rnd-vip-" + h, "", ip(vs), state, vs.vSwitchId(),
                        vs.networkId(), vs.ensRegionId(), TIME, associations));
            }
            return new Scenario(regions, networks, vSwitches, instances, enis, haVips);
        }

        private HaVipRec fixedHaVip(String id, VSwitchRec vs, List<InstanceRec> targets) {
            List<AssociationRec> associations = new ArrayList<>();
            for (InstanceRec target : targets) {
                haVipsPerTarget.merge(target.instanceId(), 1, Integer::sum);
                associations.add(new AssociationRec(target.instanceId(), "EnsInstance", target.privateIpAddress(),
                        "InUse", TIME));
            }
            return new HaVipRec(id, id, "", ip(vs), "Available", vs.vSwitchId(), vs.networkId(), vs.ensRegionId(),
                    TIME, associations);
        }

        private boolean belowTargetLimit(String target) {
            return haVipsPerTarget.getOrDefault(target, 0) < policy.maxHaVipsPerTarget();
        }

        private EniRec eni(String id, VSwitchRec vs, String instanceId, String type, String status) {
            return new EniRec(id, id, "", vs.ensRegionId(), vs.networkId(), vs.vSwitchId(), instanceId, type, status,
                    ip(vs), String.format("00:16:3e:00:%02x:%02x", hostNumber / 256, hostNumber % 256), "sg-rnd",
                    TIME);
        }

        private String ip(VSwitchRec vs) {
            String prefix = vs.cidrBlock().substring(0, vs.cidrBlock().lastIndexOf('.'));
            return prefix + "." + (hostNumber++ % 250 + 2);
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private String pick(String[] items) {
            return items[random.nextInt(items.length)];
        }
    }
}
