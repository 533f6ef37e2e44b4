package io.enscope.binding;

import io.enscope.ens.model.InstanceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one target can be bound to one HaVip, and if not, why. {@link #reasons()} lists every
 * rule the target fails, in the order of design.md's table; the first, {@link #reason()}, is the
 * error code AssociateHaVip would answer. A verdict whose reasons all come from count limits is
 * {@linkplain #isAdvisory() advisory}: the console offers to submit it anyway.
 *
 * <p>Immutable. The reasons are kept as a bit set because a report holds one verdict per target of
 * a region and the "all HaVips of a region" path makes thousands of them.
 */
public final class Verdict {

    private static final int LIMIT_BITS = bit(Reason.COUNT_LIMIT_INSTANCE_ON_HAVIP)
            | bit(Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE);
    private static final Reason[] REASONS = Reason.values();

    private final String targetId;
    private final InstanceType targetType;
    private final int reasonBits;

    Verdict(String targetId, InstanceType targetType, int reasonBits) {
        this.targetId = Objects.requireNonNull(targetId, "targetId");
        this.targetType = Objects.requireNonNull(targetType, "targetType");
        this.reasonBits = reasonBits;
    }

    /**
     * @param targetId   the instance or ENI ID
     * @param targetType what the target is
     * @param reasons    the rules it fails, in any order; empty when eligible
     * @return the verdict
     */
    public static Verdict of(String targetId, InstanceType targetType, Collection<Reason> reasons) {
        int bits = 0;
        for (Reason reason : reasons) {
            bits |= bit(reason);
        }
        return new Verdict(targetId, targetType, bits);
    }

    static int bit(Reason reason) {
        return 1 << reason.ordinal();
    }

    /** @return the instance ({@code i-…}) or ENI ({@code eni-…}) ID */
    public String targetId() {
        return targetId;
    }

    /** @return whether the target is an instance or an ENI */
    public InstanceType targetType() {
        return targetType;
    }

    /** @return whether AssociateHaVip is predicted to accept the pair */
    public boolean isEligible() {
        return reasonBits == 0;
    }

    /**
     * @return whether the target is held back by count limits only, so it may be submitted anyway
     */
    public boolean isAdvisory() {
        return reasonBits != 0 && (reasonBits & ~LIMIT_BITS) == 0;
    }

    /** @return whether the console lets the user submit the pair: eligible, or advisory only */
    public boolean isSubmittable() {
        return (reasonBits & ~LIMIT_BITS) == 0;
    }

    /** @return the error code AssociateHaVip is predicted to answer, empty when eligible */
    public Optional<Reason> reason() {
        return reasonBits == 0 ? Optional.empty() : Optional.of(REASONS[Integer.numberOfTrailingZeros(reasonBits)]);
    }

    /** @return the predicted error code text, or null when eligible */
    public String code() {
        return reasonBits == 0 ? null : REASONS[Integer.numberOfTrailingZeros(reasonBits)].code();
    }

    /** @return every rule the target fails, in table order; empty when eligible */
    public List<Reason> reasons() {
        if (reasonBits == 0) {
            return List.of();
        }
        List<Reason> reasons = new ArrayList<>(Integer.bitCount(reasonBits));
        for (Reason reason : REASONS) {
            if ((reasonBits & bit(reason)) != 0) {
                reasons.add(reason);
            }
        }
        return List.copyOf(reasons);
    }

    /**
     * @param reason a rule
     * @return whether the target fails it
     */
    public boolean fails(Reason reason) {
        return (reasonBits & bit(reason)) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Verdict that && targetId.equals(that.targetId) && targetType == that.targetType
                && reasonBits == that.reasonBits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(targetId, targetType, reasonBits);
    }

    @Override
    public String toString() {
        return "Verdict[" + targetId + " (" + targetType.wireValue() + "): "
                + (isEligible() ? "eligible" : reasons() + (isAdvisory() ? ", advisory" : "")) + "]";
    }
}
