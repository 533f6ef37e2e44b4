package io.enscope.ui.bind;

import io.enscope.binding.Verdict;

/**
 * How a candidate of the bind dialog reads at a glance. The constants are declared in the order
 * the dialog lists them: what can be bound first, then what only a count limit holds back, then
 * what cannot be bound.
 */
public enum Eligibility {
    /** AssociateHaVip is predicted to accept the target. */
    ELIGIBLE,
    /** Held back only by a count limit, which ENS does not publish: it may be tried anyway. */
    ADVISORY,
    /** AssociateHaVip is predicted to refuse the target; it cannot be selected. */
    INELIGIBLE;

    /**
     * @param verdict the eligibility engine's verdict
     * @return how the dialog shows it
     */
    public static Eligibility of(Verdict verdict) {
        if (verdict.isEligible()) {
            return ELIGIBLE;
        }
        return verdict.isAdvisory() ? ADVISORY : INELIGIBLE;
    }
}
