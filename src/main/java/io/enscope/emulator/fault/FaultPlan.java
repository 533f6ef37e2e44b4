package io.enscope.emulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The faults the emulator injects, per action. Thread-safe; rules can be changed at any time
 * (from code, the command line, the control endpoint or the console's Sandbox menu). Rules are
 * tried in the order they were added; the first that fires wins. Counted rules fire on each of
 * their next N calls and then disappear.
 */
public final class FaultPlan {
    private final List<MutableRule> rules = new ArrayList<>();
    private final Random random;

    public FaultPlan(long seed) {
        this.random = new Random(seed);
    }

    public synchronized void add(FaultRule rule) {
        rules.add(new MutableRule(rule));
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The rules now in force, with counted rules showing how many calls they still affect. */
    public synchronized List<FaultRule> rules() {
        List<FaultRule> out = new ArrayList<>();
        for (MutableRule r : rules) {
            out.add(r.rule.nextCalls() > 0
                    ? new FaultRule(r.rule.action(), r.rule.kind(), 0, r.remaining, r.rule.delay())
                    : r.rule);
        }
        return out;
    }

    /** Decides whether a call of {@code action} gets a fault; counted rules are used up by this. */
    public synchronized Optional<FaultRule> draw(String action) {
        for (int i = 0; i < rules.size(); i++) {
            MutableRule r = rules.get(i);
            if (!r.rule.matches(action)) {
                continue;
            }
            if (r.rule.nextCalls() > 0) {
                r.remaining--;
                if (r.remaining <= 0) {
                    rules.remove(i);
                }
                return Optional.of(r.rule);
            }
            if (random.nextDouble() < r.rule.probability()) {
                return Optional.of(r.rule);
            }
        }
        return Optional.empty();
    }

    private static final class MutableRule {
        final FaultRule rule;
        int remaining;

        MutableRule(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.nextCalls();
        }
    }
}
