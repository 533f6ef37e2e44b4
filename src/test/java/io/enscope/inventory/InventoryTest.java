package io.enscope.inventory;

import static io.enscope.inventory.Models.bound;
import static io.enscope.inventory.Models.eni;
import static io.enscope.inventory.Models.haVip;
import static io.enscope.inventory.Models.instance;
import static io.enscope.inventory.Models.network;
import static io.enscope.inventory.Models.region;
import static io.enscope.inventory.Models.vSwitch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ens.model.NetworkInterfaceType;
import io.enscope.ens.model.VSwitch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The snapshot's indexes, and that {@link Inventory#withHaVip} keeps them true. */
class InventoryTest {

    private final VSwitch web = vSwitch("vsw-web", "n-1", "r-1");
    private final VSwitch app = vSwitch("vsw-app", "n-1", "r-1");
    private final VSwitch other = vSwitch("vsw-other", "n-2", "r-2");
    private final Instance web1 = instance("i-web1", web, InstanceStatus.RUNNING);
    private final Instance web2 = instance("i-web2", web, InstanceStatus.STOPPED);
    private final Instance app1 = instance("i-app1", app, InstanceStatus.RUNNING);
    private final Instance far1 = instance("i-far1", other, InstanceStatus.RUNNING);
    private final NetworkInterface webEni = eni("eni-web1", web, NetworkInterfaceType.SECONDARY,
            NetworkInterfaceStatus.AVAILABLE, null);
    private final NetworkInterface appEni = eni("eni-app1", app, NetworkInterfaceType.PRIMARY,
            NetworkInterfaceStatus.IN_USE, "i-app1");
    private final HaVip vipWeb = haVip("havip-web", web, HaVipStatus.IN_USE, bound("i-web1"));
    private final HaVip vipWeb2 = haVip("havip-web2", web, HaVipStatus.IN_USE, bound("i-web1"), bound("eni-web1"));
    private final HaVip vipApp = haVip("havip-app", app, HaVipStatus.AVAILABLE);

    private Inventory sample() {
        return Inventory.of(List.of(region("r-1"), region("r-2")),
                List.of(network("n-1", "r-1"), network("n-2", "r-2")),
                List.of(web, app, other),
                List.of(web1, web2, app1, far1),
                List.of(webEni, appEni),
                List.of(vipWeb, vipWeb2, vipApp));
    }

    @Test
    void everyResourceIsFoundByIdAndUnderItsParents() {
        Inventory inventory = sample();

        assertThat(inventory.instance("i-web2")).contains(web2);
        assertThat(inventory.networkInterface("eni-app1")).contains(appEni);
        assertThat(inventory.haVip("havip-app")).contains(vipApp);
        assertThat(inventory.vSwitch("vsw-other")).contains(other);
        assertThat(inventory.network("n-2")).isPresent();
        assertThat(inventory.region("r-1")).isPresent();
        assertThat(inventory.instance("i-nope")).isEmpty();
        assertThat(inventory.haVip(null)).isEmpty();

        assertThat(inventory.networksIn("r-1")).extracting("id").containsExactly("n-1");
        assertThat(inventory.vSwitchesIn("n-1")).containsExactly(web, app);
        assertThat(inventory.instancesIn("vsw-web")).containsExactly(web1, web2);
        assertThat(inventory.networkInterfacesIn("vsw-web")).containsExactly(webEni);
        assertThat(inventory.haVipsIn("vsw-web")).containsExactly(vipWeb, vipWeb2);
        assertThat(inventory.haVipsIn("vsw-unknown")).isEmpty();
        assertThat(inventory.instancesInRegion("r-1")).containsExactly(web1, web2, app1);
        assertThat(inventory.networkInterfacesInRegion("r-1")).containsExactly(webEni, appEni);
        assertThat(inventory.haVipsInRegion("r-1")).containsExactly(vipWeb, vipWeb2, vipApp);
        assertThat(inventory.haVipsInRegion("r-2")).isEmpty();

        assertThat(inventory.countsIn("vsw-web")).isEqualTo(new VSwitchCounts(2, 1, 2));
        assertThat(inventory.countsIn("vsw-other")).isEqualTo(new VSwitchCounts(1, 0, 0));
        assertThat(inventory.countsIn("vsw-unknown")).isEqualTo(VSwitchCounts.NONE);
        assertThat(inventory.countsIn("vsw-web").targets()).isEqualTo(3);

        assertThat(inventory.haVipCountOf("i-web1")).isEqualTo(2);
        assertThat(inventory.haVipIdsOf("i-web1")).containsExactly("havip-web", "havip-web2");
        assertThat(inventory.haVipCountOf("eni-web1")).isEqualTo(1);
        assertThat(inventory.haVipCountOf("i-web2")).isZero();
        assertThat(inventory.toString()).contains("instances=4", "haVips=3");
    }

    @Test
    void duplicatesKeepTheFirstAndItemsWithoutIdAreDropped() {
        Instance web1Again = instance("i-web1", app, InstanceStatus.EXPIRED);
        Instance noId = new Instance(null, "nameless", null, InstanceStatus.RUNNING, "Running", "r-1", "n-1", "vsw-web",
                List.of(), List.of(), List.of(), null, null, null, null, null);
        Inventory inventory = Inventory.of(List.of(), List.of(), List.of(web), List.of(web1, web1Again, noId),
                List.of(), List.of());

        assertThat(inventory.instances()).containsExactly(web1);
        assertThat(inventory.instancesIn("vsw-app")).isEmpty();
    }

    @Test
    void aHaVipAssociationThatAppearsOrGoesMovesTheTargetCounts() {
        Inventory before = sample();
        HaVip appBound = haVip("havip-app", app, HaVipStatus.IN_USE, bound("i-app1"), bound("i-web1"));

        Inventory after = before.withHaVip(appBound);

        assertThat(after.haVip("havip-app")).contains(appBound);
        assertThat(after.haVipCountOf("i-app1")).isEqualTo(1);
        assertThat(after.haVipCountOf("i-web1")).isEqualTo(3);
        assertThat(after.haVipIdsOf("i-web1")).containsExactly("havip-web", "havip-web2", "havip-app");
        assertThat(after.haVipsIn("vsw-app")).containsExactly(appBound);
        assertThat(after.haVips()).containsExactly(vipWeb, vipWeb2, appBound);
        // The snapshot it came from is untouched, and the topology is shared, not copied.
        assertThat(before.haVip("havip-app")).contains(vipApp);
        assertThat(before.haVipCountOf("i-web1")).isEqualTo(2);
        assertThat(after.instances()).isSameAs(before.instances());
        assertThat(after.networkInterfacesIn("vsw-web")).isSameAs(before.networkInterfacesIn("vsw-web"));

        Inventory unbound = after.withHaVip(haVip("havip-web2", web, HaVipStatus.IN_USE, bound("eni-web1")));
        assertThat(unbound.haVipIdsOf("i-web1")).containsExactly("havip-web", "havip-app");
        assertThat(unbound.haVipCountOf("eni-web1")).isEqualTo(1);
    }

    @Test
    void aHaVipCanMoveBeAddedAndBeRemoved() {
        Inventory inventory = sample();
        HaVip moved = haVip("havip-web", app, HaVipStatus.IN_USE, bound("i-web1"));
        HaVip added = haVip("havip-new", other, HaVipStatus.AVAILABLE, bound("i-far1"));

        Inventory changed = inventory.withHaVip(moved).withHaVip(added);

        assertThat(changed.haVipsIn("vsw-web")).containsExactly(vipWeb2);
        assertThat(changed.haVipsIn("vsw-app")).containsExactly(vipApp, moved);
        assertThat(changed.haVipsIn("vsw-other")).containsExactly(added);
        assertThat(changed.haVipsInRegion("r-2")).containsExactly(added);
        assertThat(changed.haVips()).containsExactly(moved, vipWeb2, vipApp, added);
        assertThat(changed.countsIn("vsw-other").haVips()).isEqualTo(1);
        assertThat(changed.haVipCountOf("i-far1")).isEqualTo(1);

        Inventory removed = changed.withoutHaVip("havip-new").withoutHaVip("havip-web2");

        assertThat(removed.haVip("havip-new")).isEmpty();
        assertThat(removed.haVipsIn("vsw-other")).isEmpty();
        assertThat(removed.haVipsIn("vsw-web")).isEmpty();
        assertThat(removed.haVipsInRegion("r-2")).isEmpty();
        assertThat(removed.haVipCountOf("i-far1")).isZero();
        assertThat(removed.haVipIdsOf("i-web1")).containsExactly("havip-web");
        assertThat(removed.haVipIdsOf("eni-web1")).isEmpty();
        assertThat(removed.haVips()).containsExactly(moved, vipApp);
    }

    @Test
    void anUnchangedHaVipOrAnUnknownIdGivesTheSameSnapshot() {
        Inventory inventory = sample();

        assertThat(inventory.withHaVip(vipWeb)).isSameAs(inventory);
        assertThat(inventory.withoutHaVip("havip-unknown")).isSameAs(inventory);
        assertThatThrownBy(() -> inventory.withHaVip(haVip(" ", web, HaVipStatus.AVAILABLE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotsWithEqualContentAreEqual() {
        assertThat(sample()).isEqualTo(sample()).hasSameHashCodeAs(sample());
        assertThat(sample().withHaVip(vipApp.withAssociations(List.of(bound("i-app1"))))).isNotEqualTo(sample());
        assertThat(Inventory.empty().haVips()).isEmpty();
    }

    /** Many random updates give the same indexes as building the final state from scratch. */
    @Test
    void randomUpdatesKeepEveryIndexEqualToAFreshBuild() {
        Random random = new Random(7);
        List<VSwitch> vSwitches = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            VSwitch vs = vSwitch("vsw-" + v, "n-" + (v % 3), "r-" + (v % 2));
            vSwitches.add(vs);
            for (int i = 0; i < 5; i++) {
                instances.add(instance("i-" + v + "-" + i, vs, InstanceStatus.RUNNING));
            }
        }
        Map<String, HaVip> current = new LinkedHashMap<>();
        for (int h = 0; h < 300; h++) {
            current.put("havip-" + h, randomHaVip("havip-" + h, random, vSwitches, instances));
        }
        Inventory inventory = Inventory.of(List.of(), List.of(), vSwitches, instances, List.of(),
                List.copyOf(current.values()));

        for (int step = 0; step < 2_000; step++) {
            String id = "havip-" + random.nextInt(400);
            if (random.nextInt(5) == 0) {
                inventory = inventory.withoutHaVip(id);
                current.remove(id);
            } else {
                HaVip next = randomHaVip(id, random, vSwitches, instances);
                inventory = inventory.withHaVip(next);
                current.put(id, next);
            }
        }

        Inventory fresh = Inventory.of(List.of(), List.of(), vSwitches, instances, List.of(),
                List.copyOf(current.values()));
        assertThat(Set.copyOf(inventory.haVips())).isEqualTo(Set.copyOf(fresh.haVips()));
        for (VSwitch vs : vSwitches) {
            assertThat(new HashSet<>(inventory.haVipsIn(vs.id()))).as(vs.id())
                    .isEqualTo(new HashSet<>(fresh.haVipsIn(vs.id())));
        }
        for (String regionId : List.of("r-0", "r-1")) {
            assertThat(new HashSet<>(inventory.haVipsInRegion(regionId)))
                    .isEqualTo(new HashSet<>(fresh.haVipsInRegion(regionId)));
        }
        for (Instance instance : instances) {
            assertThat(new HashSet<>(inventory.haVipIdsOf(instance.id()))).as(instance.id())
                    .isEqualTo(new HashSet<>(fresh.haVipIdsOf(instance.id())));
        }
        for (String id : current.keySet()) {
            assertThat(inventory.haVip(id)).contains(current.get(id));
        }
        assertThat(inventory.haVip("havip-399").isPresent()).isEqualTo(current.containsKey("havip-399"));
    }

    /**
     * A burst applied with {@link Inventory#withHaVips(java.util.Collection, java.util.Collection)}
     * gives exactly the snapshot that one {@code withHaVip} per HaVip (then one {@code withoutHaVip}
     * per removed ID) gives: same lists in the same order, same indexes in the same order.
     */
    @Test
    void aBatchGivesExactlyTheSnapshotOfTheSameChangesMadeOneByOne() {
        Random random = new Random(11);
        List<VSwitch> vSwitches = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        for (int v = 0; v < 12; v++) {
            VSwitch vs = vSwitch("vsw-" + v, "n-" + (v % 3), "r-" + (v % 3));
            vSwitches.add(vs);
            for (int i = 0; i < 4; i++) {
                instances.add(instance("i-" + v + "-" + i, vs, InstanceStatus.RUNNING));
            }
        }
        List<HaVip> start = new ArrayList<>();
        for (int h = 0; h < 120; h++) {
            start.add(randomHaVip("havip-" + h, random, vSwitches, instances));
        }
        Inventory batched = Inventory.of(List.of(), List.of(), vSwitches, instances, List.of(), start);
        Inventory oneByOne = batched;

        for (int burst = 0; burst < 200; burst++) {
            Map<String, HaVip> updated = new LinkedHashMap<>();
            Set<String> removed = new HashSet<>();
            int size = 1 + random.nextInt(burst % 10 == 0 ? 60 : 8);
            for (int k = 0; k < size; k++) {
                String id = "havip-" + random.nextInt(160);
                if (random.nextInt(6) == 0) {
                    removed.add(id);
                } else if (random.nextInt(4) == 0 && oneByOne.haVip(id).isPresent()) {
                    updated.put(id, oneByOne.haVip(id).get());
                } else {
                    updated.put(id, randomHaVip(id, random, vSwitches, instances));
                }
            }
            removed.removeAll(updated.keySet());
            Inventory before = batched;
            batched = batched.withHaVips(updated.values(), removed);
            for (HaVip haVip : updated.values()) {
                oneByOne = oneByOne.withHaVip(haVip);
            }
            for (String id : removed) {
                oneByOne = oneByOne.withoutHaVip(id);
            }
            if (oneByOne.equals(before)) {
                assertThat(batched).as("nothing changed").isSameAs(before);
            }
            assertSameIndexes(batched, oneByOne, vSwitches, instances);
        }
    }

    @Test
    void aBatchThatChangesNothingGivesTheSameSnapshotAndOneWithoutIdIsRefused() {
        Inventory inventory = sample();
        assertThat(inventory.withHaVips(List.of(vipWeb, vipApp), List.of("havip-absent"))).isSameAs(inventory);
        assertThat(inventory.withHaVips(List.of())).isSameAs(inventory);
        assertThat(inventory.withoutHaVips(List.of())).isSameAs(inventory);
        assertThatThrownBy(() -> inventory.withHaVips(List.of(vipWeb, haVip("", web, HaVipStatus.AVAILABLE))))
                .isInstanceOf(IllegalArgumentException.class);
        HaVip moved = haVip("havip-web", other, HaVipStatus.AVAILABLE);
        Inventory changed = inventory.withHaVips(List.of(moved), List.of("havip-app", "havip-web"));
        assertThat(changed.haVips()).as("an ID both updated and removed is updated")
                .containsExactly(moved, vipWeb2);
        assertThat(changed.haVipsIn("vsw-other")).containsExactly(moved);
        assertThat(changed.haVipsIn("vsw-app")).isEmpty();
        assertThat(changed.haVipsInRegion("r-2")).containsExactly(moved);
        assertThat(changed.haVipIdsOf("i-web1")).containsExactly("havip-web2");
        assertThat(inventory.withoutHaVips(List.of("havip-web", "havip-web2")).haVipIdsOf("i-web1")).isEmpty();
    }

    private static void assertSameIndexes(Inventory actual, Inventory expected, List<VSwitch> vSwitches,
            List<Instance> instances) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.haVips()).containsExactlyElementsOf(expected.haVips());
        for (HaVip haVip : expected.haVips()) {
            assertThat(actual.haVip(haVip.id())).contains(haVip);
        }
        for (int h = 0; h < 160; h++) {
            assertThat(actual.haVip("havip-" + h)).isEqualTo(expected.haVip("havip-" + h));
        }
        for (VSwitch vs : vSwitches) {
            assertThat(actual.haVipsIn(vs.id())).as(vs.id()).containsExactlyElementsOf(expected.haVipsIn(vs.id()));
            assertThat(actual.countsIn(vs.id())).isEqualTo(expected.countsIn(vs.id()));
        }
        for (String regionId : List.of("r-0", "r-1", "r-2")) {
            assertThat(actual.haVipsInRegion(regionId)).as(regionId)
                    .containsExactlyElementsOf(expected.haVipsInRegion(regionId));
        }
        for (Instance instance : instances) {
            assertThat(actual.haVipIdsOf(instance.id())).as(instance.id())
                    .containsExactlyElementsOf(expected.haVipIdsOf(instance.id()));
        }
    }

    private static HaVip randomHaVip(String id, Random random, List<VSwitch> vSwitches, List<Instance> instances) {
        VSwitch vs = vSwitches.get(random.nextInt(vSwitches.size()));
        int count = random.nextInt(4);
        HaVipAssociation[] associations = new HaVipAssociation[count];
        for (int i = 0; i < count; i++) {
            associations[i] = bound(instances.get(random.nextInt(instances.size())).id());
        }
        return haVip(id, vs, count == 0 ? HaVipStatus.AVAILABLE : HaVipStatus.IN_USE, associations);
    }
}
