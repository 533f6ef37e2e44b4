package io.enscope.binding;

/**
 * Which targets an {@link EligibilityReport} lists for an HaVip. Only targets in the HaVip's own
 * vSwitch can ever be eligible; the wider scopes add the others so the console can show them with
 * their reason ({@code IncorrectInstanceVSwitch} at the latest).
 */
public enum CandidateScope {
    /** The instances and ENIs of the HaVip's vSwitch: every target that can be eligible. */
    VSWITCH,
    /** Those, then the other instances and ENIs of the HaVip's network. */
    NETWORK,
    /** Those, then every other instance and ENI of the HaVip's region. */
    REGION
}
