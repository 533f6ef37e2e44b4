package io.enscope.emulator.ops;

import io.enscope.emulator.Limits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.Scenario.AssociationRec;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.HaVipRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.Scenario.RegionRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;

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
    private volatile Runnable changeListener = () -> { };

    final Map<String, RegionRec> regions = new LinkedHashMap<>();
    final Map<String, NetworkRec> networks = new LinkedHashMap<>();
    final Map<String, VSwitchRec> vSwitches = new LinkedHashMap<>();
    final Map<String, InstanceRec> instances = new LinkedHashMap<>();
    final Map<String, EniRec> enis = new LinkedHashMap<>();
    final Map<String, HaVipState> haVips = new LinkedHashMap<>();
    final Map<String, List<EniRec>> enisByInstance = new HashMap<>();
    final Map<String, Set<String>> usedIpsByVSwitch = new HashMap<>();
    private final Set<String> pendingHaVips = new LinkedHashSet<>();
    private volatile long generation;

    /**
     * @param scenario the topology to start from
     * @param timings  how long transitions last, also applied to transitional states in the scenario
     * @param limits   the AssociateHaVip count limits
     * @param clock    the emulator's clock (tests may pass a fixed or fake one)
     * @param seed     seed of the random numbers used for ids and random delays
     * @throws IllegalArgumentException if the scenario is inconsistent (dangling ids, duplicates)
     */
    public EmulatorState(Scenario scenario, Timings timings, Limits limits, Clock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
        this.timings = timings;
        this.limits = limits;
        load(scenario);
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

    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    /** Called after every change of state (outside the lock), e.g. to persist it. */
    public void setChangeListener(Runnable listener) {
        this.changeListener = listener == null ? () -> { } : listener;
    }

    void fireChanged() {
        changeListener.run();
    }

    /** Replaces the whole state by a scenario (the sandbox's "reset"). */
    public void reset(Scenario scenario) {
        lock.lock();
        try {
            regions.clear();
            networks.clear();
            vSwitches.clear();
            instances.clear();
            enis.clear();
            haVips.clear();
            enisByInstance.clear();
            usedIpsByVSwitch.clear();
            pendingHaVips.clear();
            generation++;
            load(scenario);
        } finally {
            lock.unlock();
        }
        fireChanged();
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
            HaVipState.Lifecycle lifecycle = switch (String.valueOf(h.status())) {
                case "Creating" -> HaVipState.Lifecycle.CREATING;
                case "Deleting" -> HaVipState.Lifecycle.DELETING;
                default -> HaVipState.Lifecycle.READY;
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
                AssociationState.Status status = AssociationState.Status.fromWire(a.status() == null ? "InUse" : a.status());
                AssociationState as = new AssociationState(a.instanceId(), a.instanceType(), a.ipAddress(),
                        a.creationTime(), status);
                state.associations.add(as);
                if (status == AssociationState.Status.ASSOCIATING) {
                    as.pending = schedule(timings.associate(), now);
                } else if (status == AssociationState.Status.UNASSOCIATING) {
                    as.pending = schedule(timings.unassociate(), now);
                }
            }
            if (lifecycle == HaVipState.Lifecycle.CREATING) {
                state.pending = schedule(timings.create(), now);
            } else if (lifecycle == HaVipState.Lifecycle.DELETING) {
                state.pending = schedule(timings.delete(), now);
            }
            if (state.isPending()) {
                pendingHaVips.add(state.id);
            }
        }
        settle(now);
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
        if (h.isPending()) {
            pendingHaVips.add(h.id);
        } else {
            pendingHaVips.remove(h.id);
        }
    }

    /** Completes every time-based change that is due. Caller holds the lock. */
    boolean settle(long now) {
        boolean changed = false;
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
        boolean changed;
        T result;
        lock.lock();
        try {
            changed = settle(clock.millis());
            result = action.get();
        } finally {
            lock.unlock();
        }
        if (changed) {
            fireChanged();
        }
        return result;
    }

    /** A snapshot of the whole state as a scenario (what the state file persists). */
    public Scenario snapshot() {
        return read(() -> {
            List<HaVipRec> list = new ArrayList<>(haVips.size());
            for (HaVipState h : haVips.values()) {
                List<AssociationRec> assocs = new ArrayList<>();
                for (AssociationState a : h.associations) {
                    assocs.add(new AssociationRec(a.instanceId, a.instanceType, a.ipAddress, a.status.wire,
                            a.creationTime));
                }
                list.add(new HaVipRec(h.id, h.name, h.description, h.ipAddress, h.status(), h.vSwitchId,
                        h.networkId, h.ensRegionId, h.creationTime, assocs));
            }
            return new Scenario(new ArrayList<>(regions.values()), new ArrayList<>(networks.values()),
                    new ArrayList<>(vSwitches.values()), new ArrayList<>(instances.values()),
                    new ArrayList<>(enis.values()), list);
        });
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
