package io.enscope.binding;

import io.enscope.ens.model.HaVip;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdicts for one HaVip over the targets of a {@link CandidateScope}: those of the HaVip's
 * vSwitch first (instances, then ENIs), then, for the wider scopes, those of its network and of
 * its region, each group in inventory order.
 */
public final class EligibilityReport {

    private final HaVip haVip;
    private final CandidateScope scope;
    private final List<Verdict> verdicts;
    private final int eligibleCount;
    private final int advisoryCount;

    EligibilityReport(HaVip haVip, CandidateScope scope, List<Verdict> verdicts) {
        this.haVip = Objects.requireNonNull(haVip, "haVip");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.verdicts = List.copyOf(verdicts);
        int eligible = 0;
        int advisory = 0;
        for (Verdict verdict : this.verdicts) {
            eligible += verdict.isEligible() ? 1 : 0;
            advisory += verdict.isAdvisory() ? 1 : 0;
        }
        this.eligibleCount = eligible;
        this.advisoryCount = advisory;
    }

    /** @return the HaVip the verdicts are for */
    public HaVip haVip() {
        return haVip;
    }

    /** @return which targets are listed */
    public CandidateScope scope() {
        return scope;
    }

    /** @return one verdict per listed target */
    public List<Verdict> verdicts() {
        return verdicts;
    }

    /** @return the targets predicted to be accepted */
    public List<Verdict> eligible() {
        return verdicts.stream().filter(Verdict::isEligible).toList();
    }

    /** @return the targets held back by count limits only ("try anyway") */
    public List<Verdict> advisory() {
        return verdicts.stream().filter(Verdict::isAdvisory).toList();
    }

    /** @return the targets that cannot be bound, advisory ones included */
    public List<Verdict> ineligible() {
        return verdicts.stream().filter(verdict -> !verdict.isEligible()).toList();
    }

    /** @return how many targets are eligible */
    public int eligibleCount() {
        return eligibleCount;
    }

    /** @return how many targets are held back by count limits only */
    public int advisoryCount() {
        return advisoryCount;
    }

    /**
     * @param targetId an instance or ENI ID
     * @return its verdict, if the target is listed
     */
    public Optional<Verdict> verdictFor(String targetId) {
        return verdicts.stream().filter(verdict -> verdict.targetId().equals(targetId)).findFirst();
    }

    @Override
    public String toString() {
        return "EligibilityReport[" + haVip.id() + ", " + scope + ": " + verdicts.size() + " targets, "
                + eligibleCount + " eligible, " + advisoryCount + " advisory]";
    }
}
