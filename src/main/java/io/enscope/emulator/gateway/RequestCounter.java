package io.enscope.emulator.gateway;

import io.enscope.emulator.fault.FaultKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what reached the gateway, as the server saw it: answers per action and outcome, faults
 * injected per kind, and, for AssociateHaVip and UnassociateHaVip, every call that reached the
 * operation per (HaVip, target) with its outcome. A client cannot count this itself: it does not
 * know whether a write it gave up on arrived. Soak tests and benchmarks read it; thread-safe.
 */
public final class RequestCounter {
    /** The outcome of an answered call. */
    public static final String OK = "OK";
    /** The outcome of a call whose connection the fault plan dropped after applying it. */
    public static final String DROPPED = "dropped";

    /** A write on one (HaVip, target) pair. */
    public record Pair(String action, String haVipId, String instanceId) {
    }

    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<FaultKind, LongAdder> faults = new ConcurrentHashMap<>();
    private final Map<Pair, Map<String, LongAdder>> writes = new ConcurrentHashMap<>();

    void answered(String action, String outcome) {
        answers.computeIfAbsent(action + " " + outcome, k -> new LongAdder()).increment();
    }

    void faultInjected(FaultKind kind) {
        faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A binding write that reached the operation (it passed authentication and the fault plan). */
    void reachedOperation(String action, Params params, String outcome) {
        if (!"AssociateHaVip".equals(action) && !"UnassociateHaVip".equals(action)) {
            return;
        }
        Pair pair = new Pair(action, params.get("HaVipId").orElse(""), params.get("InstanceId").orElse(""));
        writes.computeIfAbsent(pair, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /**
     * @return how many calls were answered, by {@code "Action Outcome"}: outcome {@link #OK}, an error
     *         code or {@link #DROPPED}; the action is {@code ?} when the call failed before it was known
     */
    public Map<String, Long> answers() {
        Map<String, Long> out = new TreeMap<>();
        answers.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** @return how many faults the fault plan injected, by kind */
    public Map<FaultKind, Long> faults() {
        Map<FaultKind, Long> out = new EnumMap<>(FaultKind.class);
        faults.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * @param action     {@code AssociateHaVip} or {@code UnassociateHaVip}
     * @param haVipId    the HaVip
     * @param instanceId the target
     * @return the calls of that write on that pair which reached the operation, by outcome
     *         ({@link #OK} when it was applied, {@link #DROPPED} when applied and then dropped, else the error code)
     */
    public Map<String, Long> writes(String action, String haVipId, String instanceId) {
        Map<String, LongAdder> counts = writes.get(new Pair(action, haVipId, instanceId));
        Map<String, Long> out = new TreeMap<>();
        if (counts != null) {
            counts.forEach((k, v) -> out.put(k, v.sum()));
        }
        return out;
    }

    /** @return every pair written to, with its outcomes */
    public Map<Pair, Map<String, Long>> writes() {
        Map<Pair, Map<String, Long>> out = new ConcurrentHashMap<>();
        for (Pair pair : writes.keySet()) {
            out.put(pair, writes(pair.action(), pair.haVipId(), pair.instanceId()));
        }
        return out;
    }

    /** Forgets everything counted so far. */
    public void clear() {
        answers.clear();
        faults.clear();
        writes.clear();
    }

    @Override
    public String toString() {
        return "RequestCounter[answers=" + answers() + ", faults=" + faults() + "]";
    }
}
