package io.enscope.emulator.fault;

import java.time.Duration;
import java.util.Locale;

/**
 * One rule of the fault plan: for an action ({@code *} for any), a kind of fault that fires
 * either with a probability on every call or on each of the next N calls.
 *
 * <p>Spec form: {@code ACTION:KIND:p=0.1} or {@code ACTION:KIND:next=3}, optionally followed
 * by {@code :ms=N} (the slow delay, or the {@code x-acs-retry-after} value for throttling).
 *
 * @param action      the API action, or {@code *}
 * @param kind        what the fault does
 * @param probability the chance per call (0 to 1); ignored when {@code nextCalls} is positive
 * @param nextCalls   fire on each of the next N matching calls; 0 when the rule is probabilistic
 * @param delay       the slow delay, or the retry-after hint for throttling
 */
public record FaultRule(String action, FaultKind kind, double probability, int nextCalls, Duration delay) {
    public static final Duration DEFAULT_SLOW = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofMillis(1000);

    public FaultRule {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("a fault needs an action or *");
        }
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("a fault probability must be between 0 and 1");
        }
        if (nextCalls < 0) {
            throw new IllegalArgumentException("next must not be negative");
        }
        if (nextCalls == 0 && probability == 0) {
            throw new IllegalArgumentException("a fault needs p=PROBABILITY or next=N");
        }
        if (delay == null) {
            delay = kind == FaultKind.THROTTLING ? DEFAULT_RETRY_AFTER : DEFAULT_SLOW;
        }
    }

    /** A rule firing on each of the next {@code n} calls of {@code action}. */
    public static FaultRule next(String action, FaultKind kind, int n) {
        return new FaultRule(action, kind, 0, n, null);
    }

    /** A rule firing with probability {@code p} on every call of {@code action}. */
    public static FaultRule probability(String action, FaultKind kind, double p) {
        return new FaultRule(action, kind, p, 0, null);
    }

    public FaultRule withDelay(Duration d) {
        return new FaultRule(action, kind, probability, nextCalls, d);
    }

    public boolean matches(String requestAction) {
        return action.equals("*") || action.equals(requestAction);
    }

    /** Parses {@code ACTION:KIND:p=0.1[:ms=N]} or {@code ACTION:KIND:next=N[:ms=N]}. */
    public static FaultRule parse(String spec) {
        String[] parts = spec.trim().split(":");
        if (parts.length < 3) {
            throw new IllegalArgumentException("bad fault '" + spec
                    + "': use ACTION:KIND:p=PROBABILITY or ACTION:KIND:next=N, optionally :ms=N");
        }
        FaultKind kind = FaultKind.parse(parts[1]);
        double p = 0;
        int next = 0;
        Duration delay = null;
        for (int i = 2; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("bad fault option '" + parts[i] + "' in '" + spec + "'");
            }
            try {
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "p" -> p = Double.parseDouble(kv[1]);
                    case "next" -> next = Integer.parseInt(kv[1]);
                    case "ms" -> delay = Duration.ofMillis(Long.parseLong(kv[1]));
                    default -> throw new IllegalArgumentException("unknown fault option '" + kv[0] + "' in '" + spec
                            + "': use p, next or ms");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number in fault option '" + parts[i] + "'", e);
            }
        }
        return new FaultRule(parts[0].trim(), kind, p, next, delay);
    }

    @Override
    public String toString() {
        String trigger = nextCalls > 0 ? "next=" + nextCalls : "p=" + probability;
        return action + ":" + kind.spec() + ":" + trigger + ":ms=" + delay.toMillis();
    }
}
