package io.enscope.inventory;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable snapshot of what the console knows about the chosen ENS regions: regions,
 * networks, vSwitches, instances, ENIs and HaVips, indexed by ID, by vSwitch, by network and by
 * region, and, for every binding target, by the HaVips it is associated with. Every lookup is a
 * hash lookup or a precomputed list, so eligibility for one HaVip costs time in proportion to the
 * targets it looks at, not to the size of the inventory.
 *
 * <p>Lists keep the order of the source (the order ENS listed the items in) and never contain two
 * items with the same ID: the first one wins, items without an ID are dropped. An item whose
 * vSwitch, network or region is not itself in the snapshot is still listed and found by ID and
 * under the parent ID it names.
 *
 * <p>HaVips change while the console runs (binding jobs poll them); {@link #withHaVip} and
 * {@link #withoutHaVip} give a new snapshot that shares everything that did not change, and
 * {@link #withHaVips(Collection, Collection)} does the same for a burst of changes at once. Instances,
 * ENIs and the topology are only refreshed by a new load. Instances are safe to share between
 * threads.
 */
public final class Inventory {

    private static final Logger LOG = LoggerFactory.getLogger(Inventory.class);

    private static final Inventory EMPTY = of(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** Everything but the HaVips: shared unchanged by every snapshot derived with {@link #withHaVip}. */
    private final Topology topology;
    private final List<HaVip> haVips;
    private final ShardedMap<HaVip> haVipById;
    private final ShardedMap<List<HaVip>> haVipsByVSwitch;
    private final ShardedMap<List<HaVip>> haVipsByRegion;
    /** Target ID → IDs of the HaVips that list an association with it, in any status. */
    private final ShardedMap<List<String>> haVipIdsByTarget;

    private Inventory(Topology topology, List<HaVip> haVips, ShardedMap<HaVip> haVipById,
            ShardedMap<List<HaVip>> haVipsByVSwitch, ShardedMap<List<HaVip>> haVipsByRegion,
            ShardedMap<List<String>> haVipIdsByTarget) {
        this.topology = topology;
        this.haVips = haVips;
        this.haVipById = haVipById;
        this.haVipsByVSwitch = haVipsByVSwitch;
        this.haVipsByRegion = haVipsByRegion;
        this.haVipIdsByTarget = haVipIdsByTarget;
    }

    /** @return a snapshot without any resource */
    public static Inventory empty() {
        return EMPTY;
    }

    /**
     * Builds a snapshot and all its indexes.
     *
     * @param regions           the regions
     * @param networks          the networks
     * @param vSwitches         the vSwitches
     * @param instances         the instances
     * @param networkInterfaces the ENIs
     * @param haVips            the HaVips
     * @return the snapshot
     */
    public static Inventory of(Collection<Region> regions, Collection<Network> networks,
            Collection<VSwitch> vSwitches, Collection<Instance> instances,
            Collection<NetworkInterface> networkInterfaces, Collection<HaVip> haVips) {
        Topology topology = new Topology(
                distinct(regions, Region::id, "region"),
                distinct(networks, Network::id, "network"),
                distinct(vSwitches, VSwitch::id, "vSwitch"),
                distinct(instances, Instance::id, "instance"),
                distinct(networkInterfaces, NetworkInterface::id, "network interface"));
        Map<String, HaVip> haVipsById = distinct(haVips, HaVip::id, "HaVip");
        List<HaVip> haVipList = List.copyOf(haVipsById.values());
        Map<String, List<String>> byTarget = new HashMap<>();
        for (HaVip haVip : haVipList) {
            for (String target : targetsOf(haVip)) {
                byTarget.computeIfAbsent(target, k -> new ArrayList<>(2)).add(haVip.id());
            }
        }
        return new Inventory(topology, haVipList,
                ShardedMap.copyOf(haVipsById),
                ShardedMap.copyOf(groupBy(haVipList, HaVip::vSwitchId)),
                ShardedMap.copyOf(groupBy(haVipList, HaVip::regionId)),
                ShardedMap.copyOf(freeze(byTarget)));
    }

    /** @return the regions, in source order */
    public List<Region> regions() {
        return topology.regions;
    }

    /** @return the networks, in source order */
    public List<Network> networks() {
        return topology.networks;
    }

    /** @return the vSwitches, in source order */
    public List<VSwitch> vSwitches() {
        return topology.vSwitches;
    }

    /** @return the instances, in source order */
    public List<Instance> instances() {
        return topology.instances;
    }

    /** @return the ENIs, in source order */
    public List<NetworkInterface> networkInterfaces() {
        return topology.networkInterfaces;
    }

    /** @return the HaVips, in source order; an HaVip added by {@link #withHaVip} comes last */
    public List<HaVip> haVips() {
        return haVips;
    }

    /**
     * @param regionId an ENS node ID
     * @return the region, if loaded
     */
    public Optional<Region> region(String regionId) {
        return Optional.ofNullable(get(topology.regionById, regionId));
    }

    /**
     * @param networkId a network ID
     * @return the network, if loaded
     */
    public Optional<Network> network(String networkId) {
        return Optional.ofNullable(get(topology.networkById, networkId));
    }

    /**
     * @param vSwitchId a vSwitch ID
     * @return the vSwitch, if loaded
     */
    public Optional<VSwitch> vSwitch(String vSwitchId) {
        return Optional.ofNullable(get(topology.vSwitchById, vSwitchId));
    }

    /**
     * @param instanceId an instance ID
     * @return the instance, if loaded
     */
    public Optional<Instance> instance(String instanceId) {
        return Optional.ofNullable(get(topology.instanceById, instanceId));
    }

    /**
     * @param networkInterfaceId an ENI ID
     * @return the ENI, if loaded
     */
    public Optional<NetworkInterface> networkInterface(String networkInterfaceId) {
        return Optional.ofNullable(get(topology.networkInterfaceById, networkInterfaceId));
    }

    /**
     * @param haVipId an HaVip ID
     * @return the HaVip, if loaded
     */
    public Optional<HaVip> haVip(String haVipId) {
        return Optional.ofNullable(haVipById.get(haVipId));
    }

    /**
     * @param regionId an ENS node ID
     * @return its networks, empty when none or unknown
     */
    public List<Network> networksIn(String regionId) {
        return list(topology.networksByRegion, regionId);
    }

    /**
     * @param networkId a network ID
     * @return its vSwitches, empty when none or unknown
     */
    public List<VSwitch> vSwitchesIn(String networkId) {
        return list(topology.vSwitchesByNetwork, networkId);
    }

    /**
     * @param vSwitchId a vSwitch ID
     * @return the instances in it, empty when none or unknown
     */
    public List<Instance> instancesIn(String vSwitchId) {
        return list(topology.instancesByVSwitch, vSwitchId);
    }

    /**
     * @param vSwitchId a vSwitch ID
     * @return the ENIs in it, empty when none or unknown
     */
    public List<NetworkInterface> networkInterfacesIn(String vSwitchId) {
        return list(topology.networkInterfacesByVSwitch, vSwitchId);
    }

    /**
     * @param vSwitchId a vSwitch ID
     * @return the HaVips in it, empty when none or unknown
     */
    public List<HaVip> haVipsIn(String vSwitchId) {
        List<HaVip> found = vSwitchId == null ? null : haVipsByVSwitch.get(vSwitchId);
        return found == null ? List.of() : found;
    }

    /**
     * @param regionId an ENS node ID
     * @return the instances of that region, empty when none or unknown
     */
    public List<Instance> instancesInRegion(String regionId) {
        return list(topology.instancesByRegion, regionId);
    }

    /**
     * @param regionId an ENS node ID
     * @return the ENIs of that region, empty when none or unknown
     */
    public List<NetworkInterface> networkInterfacesInRegion(String regionId) {
        return list(topology.networkInterfacesByRegion, regionId);
    }

    /**
     * @param regionId an ENS node ID
     * @return the HaVips of that region, empty when none or unknown
     */
    public List<HaVip> haVipsInRegion(String regionId) {
        List<HaVip> found = regionId == null ? null : haVipsByRegion.get(regionId);
        return found == null ? List.of() : found;
    }

    /**
     * @param vSwitchId a vSwitch ID
     * @return how many instances, ENIs and HaVips it holds
     */
    public VSwitchCounts countsIn(String vSwitchId) {
        int instances = instancesIn(vSwitchId).size();
        int enis = networkInterfacesIn(vSwitchId).size();
        int haVipCount = haVipsIn(vSwitchId).size();
        return instances == 0 && enis == 0 && haVipCount == 0
                ? VSwitchCounts.NONE
                : new VSwitchCounts(instances, enis, haVipCount);
    }

    /**
     * The HaVips that list an association with a target, whatever the association's status; the
     * target need not be in the snapshot itself.
     *
     * @param targetId an instance or ENI ID
     * @return the HaVip IDs, in HaVip order, empty when none
     */
    public List<String> haVipIdsOf(String targetId) {
        List<String> found = targetId == null ? null : haVipIdsByTarget.get(targetId);
        return found == null ? List.of() : found;
    }

    /**
     * @param targetId an instance or ENI ID
     * @return how many HaVips list an association with it, whatever its status
     */
    public int haVipCountOf(String targetId) {
        return haVipIdsOf(targetId).size();
    }

    /**
     * A snapshot in which one HaVip is replaced, or added when its ID is new, e.g. from a
     * DescribeHaVips poll. Only the HaVip indexes are copied, and of them only the part holding
     * the changed entries; the rest is shared with this snapshot.
     *
     * @param updated the HaVip as ENS now lists it
     * @return the new snapshot; this one when nothing changes
     */
    public Inventory withHaVip(HaVip updated) {
        Objects.requireNonNull(updated, "updated");
        if (updated.id() == null || updated.id().isBlank()) {
            throw new IllegalArgumentException("an HaVip without ID cannot be indexed");
        }
        HaVip old = haVipById.get(updated.id());
        if (updated.equals(old)) {
            return this;
        }
        List<HaVip> all = new ArrayList<>(haVips.size() + (old == null ? 1 : 0));
        if (old == null) {
            all.addAll(haVips);
            all.add(updated);
        } else {
            for (HaVip haVip : haVips) {
                all.add(haVip.id().equals(updated.id()) ? updated : haVip);
            }
        }
        return new Inventory(topology, List.copyOf(all), haVipById.with(updated.id(), updated),
                regroup(haVipsByVSwitch, old, updated, HaVip::vSwitchId),
                regroup(haVipsByRegion, old, updated, HaVip::regionId),
                retarget(haVipIdsByTarget, old, updated));
    }

    /**
     * A snapshot without one HaVip, e.g. after it was deleted.
     *
     * @param haVipId the HaVip ID
     * @return the new snapshot; this one when the HaVip is not in it
     */
    public Inventory withoutHaVip(String haVipId) {
        HaVip old = haVipById.get(haVipId);
        if (old == null) {
            return this;
        }
        List<HaVip> all = haVips.stream().filter(haVip -> !haVip.id().equals(haVipId)).toList();
        return new Inventory(topology, all, haVipById.without(haVipId),
                regroup(haVipsByVSwitch, old, null, HaVip::vSwitchId),
                regroup(haVipsByRegion, old, null, HaVip::regionId),
                retarget(haVipIdsByTarget, old, null));
    }

    /**
     * A snapshot in which many HaVips are replaced or added at once, e.g. a burst of poll
     * results: the same snapshot as {@link #withHaVip} called for each in turn, but the HaVip list
     * is copied once and each index entry (vSwitch, region, target) they touch is rebuilt once,
     * instead of once per HaVip.
     *
     * @param updated the HaVips as ENS now lists them; of two with the same ID the later wins
     * @return the new snapshot; this one when nothing changes
     */
    public Inventory withHaVips(Collection<HaVip> updated) {
        return withHaVips(updated, List.of());
    }

    /**
     * A snapshot without several HaVips, with each index rebuilt once (see {@link #withHaVips(Collection)}).
     *
     * @param haVipIds the HaVip IDs; those not in this snapshot are ignored
     * @return the new snapshot; this one when none of them is in it
     */
    public Inventory withoutHaVips(Collection<String> haVipIds) {
        return withHaVips(List.of(), haVipIds);
    }

    /**
     * A snapshot in which some HaVips are replaced or added and others removed, in one step: the
     * same snapshot as {@link #withHaVip} for each updated HaVip in turn followed by
     * {@link #withoutHaVip} for each removed ID, with each index rebuilt once.
     *
     * @param updated the HaVips as ENS now lists them; of two with the same ID the later wins
     * @param removed the IDs of HaVips ENS no longer lists; an ID that is also updated is kept
     * @return the new snapshot; this one when nothing changes
     */
    public Inventory withHaVips(Collection<HaVip> updated, Collection<String> removed) {
        Map<String, HaVip> latest = new LinkedHashMap<>();
        for (HaVip haVip : updated) {
            Objects.requireNonNull(haVip, "updated");
            if (haVip.id() == null || haVip.id().isBlank()) {
                throw new IllegalArgumentException("an HaVip without ID cannot be indexed");
            }
            latest.put(haVip.id(), haVip);
        }
        // id → the HaVip as it is to be (null: removed), only for what really changes
        Map<String, HaVip> changes = new LinkedHashMap<>();
        latest.forEach((id, haVip) -> {
            if (!haVip.equals(haVipById.get(id))) {
                changes.put(id, haVip);
            }
        });
        Set<String> gone = new LinkedHashSet<>();
        for (String id : removed) {
            if (id != null && !latest.containsKey(id) && haVipById.get(id) != null) {
                gone.add(id);
            }
        }
        if (changes.isEmpty() && gone.isEmpty()) {
            return this;
        }
        List<HaVip> all = new ArrayList<>(haVips.size() + changes.size());
        for (HaVip haVip : haVips) {
            if (!gone.contains(haVip.id())) {
                HaVip changed = changes.get(haVip.id());
                all.add(changed != null ? changed : haVip);
            }
        }
        for (HaVip changed : changes.values()) {
            if (haVipById.get(changed.id()) == null) {
                all.add(changed);
            }
        }
        return new Inventory(topology, List.copyOf(all), haVipById.withAll(changes, gone),
                regroupAll(haVipsByVSwitch, changes, gone, HaVip::vSwitchId),
                regroupAll(haVipsByRegion, changes, gone, HaVip::regionId),
                retargetAll(changes, gone));
    }

    /** Equal when every list holds equal items in the same order. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Inventory that)) {
            return false;
        }
        return topology.regions.equals(that.topology.regions)
                && topology.networks.equals(that.topology.networks)
                && topology.vSwitches.equals(that.topology.vSwitches)
                && topology.instances.equals(that.topology.instances)
                && topology.networkInterfaces.equals(that.topology.networkInterfaces)
                && haVips.equals(that.haVips);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topology.regions, topology.networks, topology.vSwitches, topology.instances.size(),
                topology.networkInterfaces.size(), haVips);
    }

    @Override
    public String toString() {
        return "Inventory[regions=" + topology.regions.size() + ", networks=" + topology.networks.size()
                + ", vSwitches=" + topology.vSwitches.size() + ", instances=" + topology.instances.size()
                + ", networkInterfaces=" + topology.networkInterfaces.size() + ", haVips=" + haVips.size() + "]";
    }

    // ---- building and copy-on-write helpers ----------------------------------------------------

    /** Each ID once, the first item winning, in source order; the map is also the by-ID index. */
    private static <T> Map<String, T> distinct(Collection<T> items, Function<T, String> id, String what) {
        if (items == null || items.isEmpty()) {
            return Map.of();
        }
        Map<String, T> seen = new LinkedHashMap<>(items.size() * 4 / 3 + 1);
        int dropped = 0;
        for (T item : items) {
            String key = item == null ? null : id.apply(item);
            if (key == null || key.isBlank() || seen.putIfAbsent(key, item) != null) {
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.debug("{} {} item(s) dropped: no ID or a duplicate ID", dropped, what);
        }
        return Collections.unmodifiableMap(seen);
    }

    private static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new HashMap<>();
        for (T item : items) {
            String k = key.apply(item);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(item);
            }
        }
        return freeze(groups);
    }

    private static <T> Map<String, List<T>> freeze(Map<String, List<T>> groups) {
        Map<String, List<T>> frozen = new HashMap<>(groups.size() * 4 / 3 + 1);
        groups.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return frozen;
    }

    private static <T> T get(Map<String, T> map, String id) {
        return id == null ? null : map.get(id);
    }

    private static <T> List<T> list(Map<String, List<T>> map, String id) {
        List<T> found = id == null ? null : map.get(id);
        return found == null ? List.of() : found;
    }

    private static Set<String> targetsOf(HaVip haVip) {
        if (haVip == null) {
            return Set.of();
        }
        Set<String> targets = new LinkedHashSet<>();
        for (HaVipAssociation association : haVip.associations()) {
            targets.add(association.instanceId());
        }
        return targets;
    }

    /** Moves {@code old} out of its group and {@code updated} into its own, copying only those groups. */
    private static ShardedMap<List<HaVip>> regroup(ShardedMap<List<HaVip>> index, HaVip old, HaVip updated,
            Function<HaVip, String> key) {
        String oldKey = old == null ? null : key.apply(old);
        String newKey = updated == null ? null : key.apply(updated);
        ShardedMap<List<HaVip>> result = index;
        if (oldKey != null && oldKey.equals(newKey)) {
            List<HaVip> group = new ArrayList<>(index.get(oldKey));
            group.replaceAll(haVip -> haVip.id().equals(updated.id()) ? updated : haVip);
            return result.with(oldKey, List.copyOf(group));
        }
        if (oldKey != null) {
            List<HaVip> group = index.get(oldKey).stream().filter(haVip -> !haVip.id().equals(old.id())).toList();
            result = group.isEmpty() ? result.without(oldKey) : result.with(oldKey, group);
        }
        if (newKey != null) {
            List<HaVip> group = new ArrayList<>(result.get(newKey) == null ? List.of() : result.get(newKey));
            group.add(updated);
            result = result.with(newKey, List.copyOf(group));
        }
        return result;
    }

    /** Updates the target index for the targets whose association with this HaVip appeared or went. */
    private static ShardedMap<List<String>> retarget(ShardedMap<List<String>> index, HaVip old, HaVip updated) {
        String haVipId = old != null ? old.id() : updated.id();
        Set<String> before = targetsOf(old);
        Set<String> after = targetsOf(updated);
        ShardedMap<List<String>> result = index;
        for (String target : before) {
            if (!after.contains(target)) {
                List<String> remaining = result.get(target).stream().filter(id -> !id.equals(haVipId)).toList();
                result = remaining.isEmpty() ? result.without(target) : result.with(target, remaining);
            }
        }
        for (String target : after) {
            if (!before.contains(target)) {
                List<String> current = result.get(target);
                List<String> grown = new ArrayList<>(current == null ? List.of() : current);
                grown.add(haVipId);
                result = result.with(target, List.copyOf(grown));
            }
        }
        return result;
    }

    /**
     * {@link #regroup} for many HaVips: every group they leave or join is rebuilt once, in place
     * for a HaVip that stays, appended (in change order) for one that joins.
     */
    private ShardedMap<List<HaVip>> regroupAll(ShardedMap<List<HaVip>> index, Map<String, HaVip> changes,
            Set<String> gone, Function<HaVip, String> key) {
        Set<String> affected = new LinkedHashSet<>();
        Map<String, List<HaVip>> joining = new HashMap<>();
        for (Map.Entry<String, HaVip> change : changes.entrySet()) {
            HaVip old = haVipById.get(change.getKey());
            String oldKey = old == null ? null : key.apply(old);
            String newKey = key.apply(change.getValue());
            if (oldKey != null) {
                affected.add(oldKey);
            }
            if (newKey != null) {
                affected.add(newKey);
                if (!newKey.equals(oldKey)) {
                    joining.computeIfAbsent(newKey, k -> new ArrayList<>()).add(change.getValue());
                }
            }
        }
        for (String id : gone) {
            String oldKey = key.apply(haVipById.get(id));
            if (oldKey != null) {
                affected.add(oldKey);
            }
        }
        Map<String, List<HaVip>> rebuilt = new HashMap<>();
        for (String groupKey : affected) {
            List<HaVip> before = index.get(groupKey);
            List<HaVip> group = new ArrayList<>((before == null ? 0 : before.size()) + 1);
            if (before != null) {
                for (HaVip haVip : before) {
                    HaVip changed = changes.get(haVip.id());
                    if (changed == null) {
                        if (!gone.contains(haVip.id())) {
                            group.add(haVip);
                        }
                    } else if (groupKey.equals(key.apply(changed))) {
                        group.add(changed);
                    }
                }
            }
            group.addAll(joining.getOrDefault(groupKey, List.of()));
            rebuilt.put(groupKey, group);
        }
        return withGroups(index, rebuilt);
    }

    /** {@link #retarget} for many HaVips: every target whose HaVips change is rebuilt once. */
    private ShardedMap<List<String>> retargetAll(Map<String, HaVip> changes, Set<String> gone) {
        Map<String, Set<String>> leaving = new HashMap<>();
        Map<String, List<String>> joining = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(changes.keySet());
        ids.addAll(gone);
        for (String id : ids) {
            Set<String> before = targetsOf(haVipById.get(id));
            Set<String> after = targetsOf(changes.get(id));
            for (String target : before) {
                if (!after.contains(target)) {
                    leaving.computeIfAbsent(target, k -> new HashSet<>()).add(id);
                }
            }
            for (String target : after) {
                if (!before.contains(target)) {
                    joining.computeIfAbsent(target, k -> new ArrayList<>()).add(id);
                }
            }
        }
        Set<String> targets = new LinkedHashSet<>(leaving.keySet());
        targets.addAll(joining.keySet());
        Map<String, List<String>> rebuilt = new HashMap<>();
        for (String target : targets) {
            List<String> current = haVipIdsByTarget.get(target);
            List<String> list = new ArrayList<>(current == null ? List.of() : current);
            Set<String> left = leaving.get(target);
            if (left != null) {
                list.removeIf(left::contains);
            }
            list.addAll(joining.getOrDefault(target, List.of()));
            rebuilt.put(target, list);
        }
        return withGroups(haVipIdsByTarget, rebuilt);
    }

    /** {@code index} with the {@code rebuilt} groups in one batch: an emptied group leaves it. */
    private static <T> ShardedMap<List<T>> withGroups(ShardedMap<List<T>> index, Map<String, List<T>> rebuilt) {
        Map<String, List<T>> puts = new HashMap<>();
        List<String> emptied = new ArrayList<>();
        rebuilt.forEach((key, group) -> {
            if (group.isEmpty()) {
                emptied.add(key);
            } else {
                puts.put(key, List.copyOf(group));
            }
        });
        return index.withAll(puts, emptied);
    }

    /** The part of a snapshot that only a full load changes. */
    private static final class Topology {
        final List<Region> regions;
        final List<Network> networks;
        final List<VSwitch> vSwitches;
        final List<Instance> instances;
        final List<NetworkInterface> networkInterfaces;
        final Map<String, Region> regionById;
        final Map<String, Network> networkById;
        final Map<String, VSwitch> vSwitchById;
        final Map<String, Instance> instanceById;
        final Map<String, NetworkInterface> networkInterfaceById;
        final Map<String, List<Network>> networksByRegion;
        final Map<String, List<VSwitch>> vSwitchesByNetwork;
        final Map<String, List<Instance>> instancesByVSwitch;
        final Map<String, List<NetworkInterface>> networkInterfacesByVSwitch;
        final Map<String, List<Instance>> instancesByRegion;
        final Map<String, List<NetworkInterface>> networkInterfacesByRegion;

        Topology(Map<String, Region> regionById, Map<String, Network> networkById, Map<String, VSwitch> vSwitchById,
                Map<String, Instance> instanceById, Map<String, NetworkInterface> networkInterfaceById) {
            this.regionById = regionById;
            this.networkById = networkById;
            this.vSwitchById = vSwitchById;
            this.instanceById = instanceById;
            this.networkInterfaceById = networkInterfaceById;
            this.regions = List.copyOf(regionById.values());
            this.networks = List.copyOf(networkById.values());
            this.vSwitches = List.copyOf(vSwitchById.values());
            this.instances = List.copyOf(instanceById.values());
            this.networkInterfaces = List.copyOf(networkInterfaceById.values());
            this.networksByRegion = groupBy(networks, Network::regionId);
            this.vSwitchesByNetwork = groupBy(vSwitches, VSwitch::networkId);
            this.instancesByVSwitch = groupBy(instances, Instance::vSwitchId);
            this.networkInterfacesByVSwitch = groupBy(networkInterfaces, NetworkInterface::vSwitchId);
            this.instancesByRegion = groupBy(instances, Instance::regionId);
            this.networkInterfacesByRegion = groupBy(networkInterfaces, NetworkInterface::regionId);
        }
    }
}
