package io.enscope.emulator.ops;

import io.enscope.emulator.HaVipStatuses;
import io.enscope.emulator.Limits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.EipRec;
import io.enscope.emulator.scenario.EventRec;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.Scenario.AssociationRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.Scenario.RegionRec;
import io.enscope.emulator.scenario.Scenario.RouteEntryRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;
import io.enscope.emulator.scenario.SecurityGroupRec;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulated cloud: the topology of a {@link Scenario} plus the mutable HaVips, with the
 * transitions that are still running. Every access holds one lock; the operations are short
 * and the emulator serves one developer or one test, so one lock is simpler than finer ones.
 */
public final class EmulatorState {
    final ReentrantLock lock = new ReentrantLock();
    final Clock clock;
    final Random random;
    private volatile Timings timings;
    private volatile Limits limits;
    private volatile HaVipStatuses haVipStatuses = HaVipStatuses.TRANSITIONAL;
    private volatile ChangeLog changeLog = ChangeLog.NONE;
    /** HaVips changed since the last entry given to the change log; guarded by the lock. */
    private final Set<String> touched = new LinkedHashSet<>();
    private boolean replaced;
    private Map<String, Long> dueTimes = Map.of();

    final Map<String, RegionRec> regions = new LinkedHashMap<>();
    final Map<String, NetworkRec> networks = new LinkedHashMap<>();
    final Map<String, VSwitchRec> vSwitches = new LinkedHashMap<>();
    final Map<String, InstanceRec> instances = new LinkedHashMap<>();
    final Map<String, EniRec> enis = new LinkedHashMap<>();
    final Map<String, HaVipState> haVips = new LinkedHashMap<>();
    final Map<String, RouteEntryRec> routeEntries = new LinkedHashMap<>();
    final Map<String, List<EniRec>> enisByInstance = new HashMap<>();
    final Map<String, Set<String>> usedIpsByVSwitch = new HashMap<>();
    private final Set<String> pendingHaVips = new LinkedHashSet<>();
    private volatile long generation;
    final Map<String, EipState> eips = new LinkedHashMap<>();
    final Map<String, SecurityGroupRec> securityGroups = new LinkedHashMap<>();
    final Map<String, EventRec> events = new LinkedHashMap<>();
    final Map<String, List<String>> instancesBySecurityGroup = new HashMap<>();
    final Map<String, List<String>> enisBySecurityGroup = new HashMap<>();
    /** EIPs and events changed since the last entry given to the change log; guarded by the lock. */
    private final Set<String> touchedEips = new LinkedHashSet<>();
    private final Set<String> touchedEvents = new LinkedHashSet<>();
    private final Set<String> pendingEips = new LinkedHashSet<>();
    private volatile boolean eipOnHaVip;

    /**
     * @param scenario the topology to start from
     * @param timings  how long transitions last, also applied to transitional states in the scenario
     * @param limits   the AssociateHaVip count limits
     * @param clock    the emulator's clock (tests may pass a fixed or fake one)
     * @param seed     seed of the random numbers used for ids and random delays
     * @throws IllegalArgumentException if the scenario is inconsistent (dangling ids, duplicates)
     */
    public EmulatorState(Scenario scenario, Timings timings, Limits limits, Clock clock, long seed) {
        this(scenario, Map.of(), timings, limits, clock, seed);
    }

    /**
     * A state restored from a state file.
     *
     * @param dueTimes when the transitional changes of the file were due, by {@link #dueTimes()} key;
     *                 they complete then at the latest, whatever the timings
     */
    public EmulatorState(Scenario scenario, Map<String, Long> dueTimes, Timings timings, Limits limits, Clock clock,
                         long seed) {
        this.clock = clock;
        this.random = new Random(seed);
        this.timings = timings;
        this.limits = limits;
        this.dueTimes = dueTimes;
        load(scenario);
        this.dueTimes = Map.of();
    }

    public Timings timings() {
        return timings;
    }

    public void setTimings(Timings timings) {
        this.timings = timings;
    }

    public Limits limits() {
        return limits;
    }

    /** Which HaVip-level statuses DescribeHaVips shows during a binding change. */
    public HaVipStatuses haVipStatuses() {
        return haVipStatuses;
    }

    public void setHaVipStatuses(HaVipStatuses statuses) {
        this.haVipStatuses = java.util.Objects.requireNonNull(statuses);
    }

    /** A HaVip's status as DescribeHaVips shows it, per {@link #haVipStatuses()}. */
    String statusOf(HaVipState h) {
        return h.status(haVipStatuses == HaVipStatuses.TRANSITIONAL);
    }

    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    /** Whether AssociateEnsEipAddress accepts {@code InstanceType=HaVip}, which ENS does not document. */
    public boolean eipOnHaVip() {
        return eipOnHaVip;
    }

    public void setEipOnHaVip(boolean allowed) {
        this.eipOnHaVip = allowed;
    }

    /**
     * Where every change goes, in the order of the changes, before the call that made it returns.
     * Changes made while loading (transitions that the timings complete at once) are logged by
     * {@link #logLoadChanges()}.
     */
    public void setChangeLog(ChangeLog log) {
        this.changeLog = log == null ? ChangeLog.NONE : log;
    }

    /** Hands the changes made while loading to the change log and waits until it holds them. */
    public void logLoadChanges() {
        long ticket;
        lock.lock();
        try {
            ticket = logChanges();
        } finally {
            lock.unlock();
        }
        awaitLogged(ticket);
    }

    /** Marks a HaVip as changed. Caller holds the lock. */
    void touch(String haVipId) {
        touched.add(haVipId);
    }

    /**
     * Gives what changed since the last call to the change log; returns its ticket, or -1 if nothing
     * changed. Caller holds the lock, so the log sees the changes in the order they were made.
     */
    long logChanges() {
        if (!replaced && touched.isEmpty() && touchedEips.isEmpty() && touchedEvents.isEmpty()) {
            return -1;
        }
        Change change;
        if (replaced) {
            change = new Change(List.of(), List.of(), dueTimes(), snapshotLocked());
        } else {
            List<EipRec> changedEips = new ArrayList<>();
            List<EventRec> changedEvents = new ArrayList<>();
            List<HaVipRec> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            Map<String, Long> due = new LinkedHashMap<>();
            for (String id : touched) {
                HaVipState h = haVips.get(id);
                if (h == null) {
                    removed.add(id);
                } else {
                    changed.add(record(h));
                    addDueTimes(h, due);
                }
            }
            for (String id : touchedEips) {
                EipState e = eips.get(id);
                if (e != null) {
                    changedEips.add(e.record());
                    if (e.pending != null && e.pending.isTimed()) {
                        due.put(id, e.pending.dueMillis());
                    }
                }
            }
            for (String id : touchedEvents) {
                EventRec e = events.get(id);
                if (e != null) {
                    changedEvents.add(e);
                }
            }
            change = new Change(changed, removed, due, null, changedEips, changedEvents);
        }
        replaced = false;
        touched.clear();
        touchedEips.clear();
        touchedEvents.clear();
        return changeLog.append(change);
    }

    /** Returns once the change log holds the change of {@code ticket} (from {@link #logChanges()}). */
    void awaitLogged(long ticket) {
        if (ticket >= 0) {
            changeLog.awaitDurable(ticket);
        }
    }

    /** Replaces the whole state by a scenario (the sandbox's "reset"). */
    public void reset(Scenario scenario) {
        long ticket;
        lock.lock();
        try {
            regions.clear();
            networks.clear();
            vSwitches.clear();
            instances.clear();
            enis.clear();
            haVips.clear();
            routeEntries.clear();
            enisByInstance.clear();
            usedIpsByVSwitch.clear();
            pendingHaVips.clear();
            eips.clear();
            securityGroups.clear();
            events.clear();
            instancesBySecurityGroup.clear();
            enisBySecurityGroup.clear();
            touchedEips.clear();
            touchedEvents.clear();
            pendingEips.clear();
            generation++;
            load(scenario);
            replaced = true;
            ticket = logChanges();
        } finally {
            lock.unlock();
        }
        awaitLogged(ticket);
    }

    private void load(Scenario s) {
        for (RegionRec r : s.regions()) {
            putUnique(regions, require(r.ensRegionId(), "region id"), r, "region");
        }
        for (NetworkRec n : s.networks()) {
            requireRef(regions, n.ensRegionId(), "network " + n.networkId(), "region");
            putUnique(networks, require(n.networkId(), "network id"), n, "network");
        }
        for (VSwitchRec v : s.vSwitches()) {
            requireRef(networks, v.networkId(), "vSwitch " + v.vSwitchId(), "network");
            putUnique(vSwitches, require(v.vSwitchId(), "vSwitch id"), v, "vSwitch");
        }
        for (InstanceRec i : s.instances()) {
            requireRef(vSwitches, i.vSwitchId(), "instance " + i.instanceId(), "vSwitch");
            putUnique(instances, require(i.instanceId(), "instance id"), i, "instance");
            markUsed(i.vSwitchId(), i.privateIpAddress());
        }
        for (EniRec e : s.networkInterfaces()) {
            requireRef(vSwitches, e.vSwitchId(), "network interface " + e.networkInterfaceId(), "vSwitch");
            if (e.instanceId() != null && !e.instanceId().isEmpty()) {
                requireRef(instances, e.instanceId(), "network interface " + e.networkInterfaceId(), "instance");
                enisByInstance.computeIfAbsent(e.instanceId(), k -> new ArrayList<>()).add(e);
            }
            putUnique(enis, require(e.networkInterfaceId(), "network interface id"), e, "network interface");
            markUsed(e.vSwitchId(), e.primaryIp());
        }
        long now = clock.millis();
        for (HaVipRec h : s.haVips()) {
            requireRef(vSwitches, h.vSwitchId(), "HaVip " + h.haVipId(), "vSwitch");
            // A scenario may leave Status out: it follows from the associations then.
            HaVipState.Lifecycle lifecycle = h.status() == null ? HaVipState.Lifecycle.READY : switch (h.status()) {
                case "Creating" -> HaVipState.Lifecycle.CREATING;
                case "Deleting" -> HaVipState.Lifecycle.DELETING;
                case "Available", "InUse", "Associating", "Unassociating" -> HaVipState.Lifecycle.READY;
                default -> throw new IllegalArgumentException("HaVip " + h.haVipId() + ": Status '" + h.status()
                        + "' is unknown (use Available, InUse, Associating, Unassociating, Creating or Deleting)");
            };
            HaVipState state = new HaVipState(require(h.haVipId(), "HaVip id"), h.name(), h.description(),
                    h.ipAddress(), h.vSwitchId(), h.networkId(), h.ensRegionId(), h.creationTime(), lifecycle);
            if (haVips.putIfAbsent(state.id, state) != null) {
                throw new IllegalArgumentException("duplicate HaVip id " + state.id);
            }
            markUsed(h.vSwitchId(), h.ipAddress());
            for (AssociationRec a : h.associatedInstances()) {
                if (!instances.containsKey(a.instanceId()) && !enis.containsKey(a.instanceId())) {
                    throw new IllegalArgumentException("HaVip " + h.haVipId() + " is associated with unknown target "
                            + a.instanceId());
                }
                if (state.association(a.instanceId()) != null) {
                    throw new IllegalArgumentException("HaVip " + h.haVipId() + ": AssociatedInstances lists "
                            + a.instanceId() + " twice");
                }
                AssociationState.Status status;
                try {
                    status = AssociationState.Status.fromWire(a.status() == null ? "InUse" : a.status());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("HaVip " + h.haVipId() + ": AssociatedInstances " + a.instanceId()
                            + ": Status '" + a.status() + "' is unknown (use InUse, Associating or Unassociating)", e);
                }
                AssociationState as = new AssociationState(a.instanceId(), a.instanceType(), a.ipAddress(),
                        a.creationTime(), status);
                state.associations.add(as);
                if (status == AssociationState.Status.ASSOCIATING) {
                    as.pending = resume(timings.associate(), dueTimes.get(h.haVipId() + "/" + a.instanceId()), now);
                } else if (status == AssociationState.Status.UNASSOCIATING) {
                    as.pending = resume(timings.unassociate(), dueTimes.get(h.haVipId() + "/" + a.instanceId()), now);
                }
            }
            if (lifecycle == HaVipState.Lifecycle.CREATING) {
                state.pending = resume(timings.create(), dueTimes.get(h.haVipId()), now);
            } else if (lifecycle == HaVipState.Lifecycle.DELETING) {
                state.pending = resume(timings.delete(), dueTimes.get(h.haVipId()), now);
            }
            if (state.isPending()) {
                pendingHaVips.add(state.id);
            }
        }
        loadNeighbourhood(s, now);
        for (RouteEntryRec r : s.routeEntries()) {
            String table = require(r.routeTableId(), "route table id");
            if (networks.values().stream().noneMatch(n -> Scenario.routeTableIdOf(n.networkId()).equals(table))) {
                throw new IllegalArgumentException("route entry " + r.routeEntryId() + " refers to unknown route table "
                        + table + " (a network's route table is vtb- and its id without n-)");
            }
            putUnique(routeEntries, require(r.routeEntryId(), "route entry id"), r, "route entry");
        }
        settle(now);
    }

    private void loadNeighbourhood(Scenario s, long now) {
        for (SecurityGroupRec g : s.securityGroups()) {
            putUnique(securityGroups, require(g.securityGroupId(), "security group id"), g, "security group");
        }
        // Instances of files older than security groups name groups that are not listed: they keep them.
        for (InstanceRec i : instances.values()) {
            if (i.securityGroupId() != null && !i.securityGroupId().isEmpty()) {
                instancesBySecurityGroup.computeIfAbsent(i.securityGroupId(), k -> new ArrayList<>())
                        .add(i.instanceId());
            }
        }
        for (EniRec e : enis.values()) {
            if (e.securityGroupId() != null && !e.securityGroupId().isEmpty()) {
                enisBySecurityGroup.computeIfAbsent(e.securityGroupId(), k -> new ArrayList<>())
                        .add(e.networkInterfaceId());
            }
        }
        for (EipRec r : s.eips()) {
            String id = require(r.allocationId(), "EIP id");
            if (r.ipAddress() == null || r.ipAddress().isBlank()) {
                throw new IllegalArgumentException("EIP " + id + ": IpAddress is missing");
            }
            EipState e = new EipState(r);
            switch (e.status) {
                case EipState.AVAILABLE, EipState.IN_USE, EipState.ASSOCIATING, EipState.UNASSOCIATING -> { }
                default -> throw new IllegalArgumentException("EIP " + id + ": Status '" + e.status
                        + "' is unknown (use Available, InUse, Associating or Unassociating)");
            }
            if (!e.status.equals(EipState.AVAILABLE) && (e.instanceId == null || e.instanceId.isBlank())) {
                throw new IllegalArgumentException("EIP " + id + " is " + e.status + " but names no InstanceId");
            }
            if (e.instanceId != null && !e.instanceId.isBlank() && !instances.containsKey(e.instanceId)
                    && !enis.containsKey(e.instanceId) && !haVips.containsKey(e.instanceId)) {
                throw new IllegalArgumentException("EIP " + id + " is bound to unknown resource " + e.instanceId);
            }
            putUnique(eips, id, e, "EIP");
            if (e.status.equals(EipState.ASSOCIATING)) {
                e.pending = resume(timings.associate(), dueTimes.get(id), now);
            } else if (e.status.equals(EipState.UNASSOCIATING)) {
                e.pending = resume(timings.unassociate(), dueTimes.get(id), now);
            }
            if (e.pending != null) {
                pendingEips.add(id);
            }
        }
        for (EventRec e : s.events()) {
            String id = require(e.eventId(), "event id");
            if (e.eventType() == null || e.eventType().isBlank() || e.resourceId() == null
                    || e.resourceId().isBlank()) {
                throw new IllegalArgumentException("event " + id + ": EventType and ResourceId are required");
            }
            putUnique(events, id, e, "event");
        }
    }

    /** Marks an EIP as changed and notes whether it has a transition running. Caller holds the lock. */
    void trackEip(EipState e) {
        touchedEips.add(e.rec.allocationId());
        if (e.pending != null) {
            pendingEips.add(e.rec.allocationId());
        } else {
            pendingEips.remove(e.rec.allocationId());
        }
    }

    /** Adds an event. Caller holds the lock. */
    void addEvent(EventRec e) {
        events.put(e.eventId(), e);
        touchedEvents.add(e.eventId());
    }

    /** Counts a DescribeEnsEipAddresses call listing {@code e}; completes a poll-based change. Caller holds the lock. */
    void observePoll(EipState e) {
        if (e.pending != null && e.pending.observePoll()) {
            e.complete();
            trackEip(e);
        }
    }


    /**
     * The pending change of a transitional state read from a scenario or a state file: per the timing
     * in force, but no later than the due time it had when it was persisted. It is never "none": a
     * change that the timing completes at once is due now, and the {@link #settle} that ends loading
     * completes it.
     */
    private Pending resume(TransitionTiming timing, Long persistedDue, long now) {
        Pending fresh = schedule(timing, now);
        if (fresh == null) {
            return Pending.at(now);
        }
        return persistedDue == null ? fresh : fresh.dueNoLaterThan(persistedDue);
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is missing");
        }
        return value;
    }

    private static <T> void putUnique(Map<String, T> map, String id, T value, String what) {
        if (map.putIfAbsent(id, value) != null) {
            throw new IllegalArgumentException("duplicate " + what + " id " + id);
        }
    }

    private static void requireRef(Map<String, ?> map, String id, String owner, String what) {
        if (id == null || !map.containsKey(id)) {
            throw new IllegalArgumentException(owner + " refers to unknown " + what + " " + id);
        }
    }

    void markUsed(String vSwitchId, String ip) {
        if (ip != null && !ip.isEmpty()) {
            usedIpsByVSwitch.computeIfAbsent(vSwitchId, k -> new HashSet<>()).add(ip);
        }
    }

    /**
     * A pending change per the timing; {@code null} means "complete now". Time-based timings
     * with a zero delay complete now as well.
     */
    Pending schedule(TransitionTiming timing, long now) {
        if (timing instanceof TransitionTiming.AfterPolls p) {
            return p.polls() == 0 ? null : Pending.afterPolls(p.polls());
        }
        long delay = timing.delayMillis(random);
        return delay <= 0 ? null : Pending.at(now + delay);
    }

    void trackPending(HaVipState h) {
        touched.add(h.id);
        if (h.isPending()) {
            pendingHaVips.add(h.id);
        } else {
            pendingHaVips.remove(h.id);
        }
    }

    /** Completes every time-based change that is due. Caller holds the lock. */
    boolean settle(long now) {
        boolean changed = false;
        for (String id : new ArrayList<>(pendingEips)) {
            EipState e = eips.get(id);
            if (e == null) {
                pendingEips.remove(id);
            } else if (e.pending != null && e.pending.isDue(now)) {
                e.complete();
                trackEip(e);
                changed = true;
            }
        }
        for (String id : new ArrayList<>(pendingHaVips)) {
            HaVipState h = haVips.get(id);
            if (h == null) {
                pendingHaVips.remove(id);
                continue;
            }
            for (AssociationState a : new ArrayList<>(h.associations)) {
                if (a.pending != null && a.pending.isDue(now)) {
                    complete(h, a);
                    changed = true;
                }
            }
            if (h.pending != null && h.pending.isDue(now)) {
                complete(h);
                changed = true;
            }
        }
        return changed;
    }

    /** Counts a DescribeHaVips call listing {@code h}; completes poll-based changes. Caller holds the lock. */
    boolean observePoll(HaVipState h) {
        boolean changed = false;
        for (AssociationState a : new ArrayList<>(h.associations)) {
            if (a.pending != null && a.pending.observePoll()) {
                complete(h, a);
                changed = true;
            }
        }
        if (h.pending != null && h.pending.observePoll()) {
            complete(h);
            changed = true;
        }
        return changed;
    }

    void complete(HaVipState h, AssociationState a) {
        a.pending = null;
        if (a.status == AssociationState.Status.ASSOCIATING) {
            a.status = AssociationState.Status.IN_USE;
        } else if (a.status == AssociationState.Status.UNASSOCIATING) {
            h.associations.remove(a);
        }
        trackPending(h);
    }

    void complete(HaVipState h) {
        touched.add(h.id);
        h.pending = null;
        if (h.lifecycle == HaVipState.Lifecycle.CREATING) {
            h.lifecycle = HaVipState.Lifecycle.READY;
            trackPending(h);
        } else if (h.lifecycle == HaVipState.Lifecycle.DELETING) {
            haVips.remove(h.id);
            pendingHaVips.remove(h.id);
            Set<String> used = usedIpsByVSwitch.get(h.vSwitchId);
            if (used != null) {
                used.remove(h.ipAddress);
            }
        }
    }

    /** Changes when the topology is replaced, so caches of filtered topology lists can tell. */
    long generation() {
        return generation;
    }

    /** Number of HaVips a target (instance or ENI) is associated with, in any association status. */
    int haVipCountOf(String targetId) {
        int count = 0;
        for (HaVipState h : haVips.values()) {
            if (h.association(targetId) != null) {
                count++;
            }
        }
        return count;
    }

    String nowText() {
        return Instant.ofEpochMilli(clock.millis()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String newId(String prefix, Collection<String> taken) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        while (true) {
            StringBuilder sb = new StringBuilder(prefix);
            for (int i = 0; i < 20; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String id = sb.toString();
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    /** Runs {@code action} under the lock, after completing due changes; fires the change listener if it wrote. */
    public <T> T read(Supplier<T> action) {
        long ticket;
        T result;
        lock.lock();
        try {
            settle(clock.millis());
            result = action.get();
        } finally {
            ticket = logChanges();
            lock.unlock();
            awaitLogged(ticket);
        }
        return result;
    }

    /** A snapshot of the whole state as a scenario (what the state file persists). */
    public Scenario snapshot() {
        return read(this::snapshotLocked);
    }

    /**
     * Runs {@code action} with a snapshot of the state and its due times, under the lock: no change
     * happens in between, so the action can note how far the change log went (a compaction).
     */
    public <T> T withSnapshot(java.util.function.BiFunction<Scenario, Map<String, Long>, T> action) {
        return read(() -> action.apply(snapshotLocked(), dueTimes()));
    }

    private Scenario snapshotLocked() {
        List<HaVipRec> list = new ArrayList<>(haVips.size());
        for (HaVipState h : haVips.values()) {
            list.add(record(h));
        }
        List<EipRec> eipList = new ArrayList<>(eips.size());
        for (EipState e : eips.values()) {
            eipList.add(e.record());
        }
        return new Scenario(new ArrayList<>(regions.values()), new ArrayList<>(networks.values()),
                new ArrayList<>(vSwitches.values()), new ArrayList<>(instances.values()),
                new ArrayList<>(enis.values()), list, eipList, new ArrayList<>(securityGroups.values()),
                new ArrayList<>(events.values()), new ArrayList<>(routeEntries.values()));
    }

    private static HaVipRec record(HaVipState h) {
        List<AssociationRec> assocs = new ArrayList<>();
        for (AssociationState a : h.associations) {
            assocs.add(new AssociationRec(a.instanceId, a.instanceType, a.ipAddress, a.status.wire,
                    a.creationTime));
        }
        return new HaVipRec(h.id, h.name, h.description, h.ipAddress, h.status(true), h.vSwitchId,
                h.networkId, h.ensRegionId, h.creationTime, assocs);
    }

    /**
     * When the time-based transitions still running are due, keyed by HaVip id (its creation or
     * deletion) or {@code haVipId/targetId} (an association). Poll-based ones have no due time: a
     * restart starts their count again. Caller holds the lock.
     */
    private Map<String, Long> dueTimes() {
        Map<String, Long> due = new LinkedHashMap<>();
        for (String id : pendingHaVips) {
            HaVipState h = haVips.get(id);
            if (h != null) {
                addDueTimes(h, due);
            }
        }
        for (String id : pendingEips) {
            EipState e = eips.get(id);
            if (e != null && e.pending != null && e.pending.isTimed()) {
                due.put(id, e.pending.dueMillis());
            }
        }
        return due;
    }

    private static void addDueTimes(HaVipState h, Map<String, Long> due) {
        if (h.pending != null && h.pending.isTimed()) {
            due.put(h.id, h.pending.dueMillis());
        }
        for (AssociationState a : h.associations) {
            if (a.pending != null && a.pending.isTimed()) {
                due.put(h.id + "/" + a.instanceId, a.pending.dueMillis());
            }
        }
    }

    /**
     * One change for the change log: the HaVips as they are after it and those removed, with the due
     * times of their transitions; or, after a reset, the whole new state.
     *
     * @param haVips   the changed HaVips, complete
     * @param removed  ids of the HaVips that no longer exist
     * @param dueTimes due times of the transitions of {@code haVips} (all of them after a reset)
     * @param replaced the whole state after a reset; {@code null} otherwise
     * @param eips     the changed EIPs, complete (their due times are in {@code dueTimes} by EIP id)
     * @param events   the added events
     */
    public record Change(List<HaVipRec> haVips, List<String> removed, Map<String, Long> dueTimes,
                         Scenario replaced, List<EipRec> eips, List<EventRec> events) {
        public Change(List<HaVipRec> haVips, List<String> removed, Map<String, Long> dueTimes, Scenario replaced) {
            this(haVips, removed, dueTimes, replaced, List.of(), List.of());
        }
    }

    /** Receives every change of the state, e.g. to make it durable. */
    public interface ChangeLog {
        ChangeLog NONE = new ChangeLog() {
            @Override
            public long append(Change change) {
                return -1;
            }

            @Override
            public void awaitDurable(long ticket) {
            }
        };

        /** Records a change; called under the state lock, in the order of the changes. Returns a ticket. */
        long append(Change change);

        /** Returns once the change of {@code ticket} is durable; throws if it cannot be made durable. */
        void awaitDurable(long ticket);
    }

    /** How many of each resource the emulator holds. */
    public Counts counts() {
        return read(() -> new Counts(regions.size(), networks.size(), vSwitches.size(), instances.size(),
                enis.size(), haVips.size()));
    }

    /** Resource counts, for the sandbox window and the command line. */
    public record Counts(int regions, int networks, int vSwitches, int instances, int networkInterfaces,
                         int haVips) {
        @Override
        public String toString() {
            return regions + " regions, " + networks + " networks, " + vSwitches + " vSwitches, " + instances
                    + " instances, " + networkInterfaces + " network interfaces, " + haVips + " HaVips";
        }
    }
}
