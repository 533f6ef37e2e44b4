package io.enscope.binding;

import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ens.model.NetworkInterfaceType;
import io.enscope.inventory.Inventory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Predicts what AssociateHaVip answers for an (HaVip, target) pair, from an {@link Inventory}
 * snapshot and a {@link LimitPolicy}, following design.md's binding rules table:
 *
 * <ol>
 *   <li>{@code HaVipNotFound}: the HaVip is not in the snapshot;</li>
 *   <li>{@code InstanceNotFound} / {@code NetworkInterfaceNotFound}: the target is not;</li>
 *   <li>{@code IncorrectHaVipStatus}: the HaVip is not {@code Available} or {@code InUse}, or one of
 *       its associations is not {@code InUse} (transitional, or a status this version does not
 *       know);</li>
 *   <li>{@code NetworkInterfaceTypeNotSupported}: an ENI that is not {@code Secondary};</li>
 *   <li>{@code IncorrectInstanceStatus}: an instance that is not {@code Running} or
 *       {@code Stopped};</li>
 *   <li>{@code IncorrectNetworkInterfaceStatus}: an ENI that is not {@code Available} or
 *       {@code InUse};</li>
 *   <li>{@code IncorrectInstanceVSwitch}: the target is not in the HaVip's vSwitch;</li>
 *   <li>{@code InstanceAlreadyAssociated}: the HaVip lists an association with the target;</li>
 *   <li>{@code CountLimitExceed.InstanceOnHaVip}: the HaVip has
 *       {@link LimitPolicy#maxTargetsPerHaVip()} associations or more;</li>
 *   <li>{@code CountLimitExceed.HaVipOnInstance}: the target is associated with
 *       {@link LimitPolicy#maxHaVipsPerTarget()} HaVips or more.</li>
 * </ol>
 *
 * <p>Status values this version does not know ({@code UNKNOWN}) fail their rule: the console never
 * offers a target it cannot vouch for. Associations count whatever their status.
 *
 * <p>Candidates: {@link #evaluate(Inventory, HaVip)} lists every instance and ENI of the HaVip's
 * region ({@link CandidateScope#REGION}), those of its vSwitch first, so that the console can show
 * why a neighbour is not offered. Targets of other regions are not listed (they cannot be in the
 * HaVip's vSwitch); {@link #check} still answers for any target ID, also one the snapshot does not
 * hold. The cost is one pass over the listed targets with hash lookups only; the HaVip's own rules
 * are evaluated once per report.
 *
 * <p>Stateless apart from the policy, and thread-safe.
 */
public final class EligibilityEngine {

    private static final int HAVIP_STATUS = Verdict.bit(Reason.INCORRECT_HAVIP_STATUS);
    private static final int ENI_TYPE = Verdict.bit(Reason.NETWORK_INTERFACE_TYPE_NOT_SUPPORTED);
    private static final int INSTANCE_STATUS = Verdict.bit(Reason.INCORRECT_INSTANCE_STATUS);
    private static final int ENI_STATUS = Verdict.bit(Reason.INCORRECT_NETWORK_INTERFACE_STATUS);
    private static final int VSWITCH = Verdict.bit(Reason.INCORRECT_INSTANCE_VSWITCH);
    private static final int ALREADY = Verdict.bit(Reason.INSTANCE_ALREADY_ASSOCIATED);
    private static final int TARGETS_ON_HAVIP = Verdict.bit(Reason.COUNT_LIMIT_INSTANCE_ON_HAVIP);
    private static final int HAVIPS_ON_TARGET = Verdict.bit(Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE);
    /** Above this many associations a hash set beats scanning the list. */
    private static final int SCAN_LIMIT = 8;

    private final LimitPolicy policy;

    /** An engine with the {@link LimitPolicy#DEFAULT default} limits. */
    public EligibilityEngine() {
        this(LimitPolicy.DEFAULT);
    }

    /**
     * @param policy the count limits to assume
     */
    public EligibilityEngine(LimitPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the count limits assumed */
    public LimitPolicy policy() {
        return policy;
    }

    /**
     * Predicts one pair, including the "not found" codes.
     *
     * @param inventory  the snapshot
     * @param haVipId    the HaVip ID
     * @param targetId   the instance or ENI ID
     * @param targetType what the target is; null or {@code UNKNOWN} guesses it from the ID as the
     *                   API client does ({@code eni-…} is an ENI)
     * @return the verdict
     */
    public Verdict check(Inventory inventory, String haVipId, String targetId, InstanceType targetType) {
        Objects.requireNonNull(targetId, "targetId");
        InstanceType type = targetType == null || targetType == InstanceType.UNKNOWN
                ? InstanceType.ofTargetId(targetId)
                : targetType;
        Optional<HaVip> haVip = inventory.haVip(haVipId);
        if (haVip.isEmpty()) {
            return new Verdict(targetId, type, Verdict.bit(Reason.HAVIP_NOT_FOUND));
        }
        HaVipFacts facts = new HaVipFacts(haVip.get());
        if (type == InstanceType.NETWORK_INTERFACE) {
            return inventory.networkInterface(targetId)
                    .map(eni -> verdict(inventory, facts, eni))
                    .orElseGet(() -> new Verdict(targetId, type, Verdict.bit(Reason.NETWORK_INTERFACE_NOT_FOUND)));
        }
        return inventory.instance(targetId)
                .map(instance -> verdict(inventory, facts, instance))
                .orElseGet(() -> new Verdict(targetId, type, Verdict.bit(Reason.INSTANCE_NOT_FOUND)));
    }

    /**
     * Every instance and ENI of the HaVip's region, each with its verdict.
     *
     * @param inventory the snapshot
     * @param haVip     the HaVip, as listed in the snapshot or fresher
     * @return the report, scope {@link CandidateScope#REGION}
     */
    public EligibilityReport evaluate(Inventory inventory, HaVip haVip) {
        return evaluate(inventory, haVip, CandidateScope.REGION);
    }

    /**
     * The targets of a scope, each with its verdict.
     *
     * @param inventory the snapshot
     * @param haVip     the HaVip, as listed in the snapshot or fresher
     * @param scope     which targets to list
     * @return the report
     */
    public EligibilityReport evaluate(Inventory inventory, HaVip haVip, CandidateScope scope) {
        HaVipFacts facts = new HaVipFacts(haVip);
        String vSwitchId = haVip.vSwitchId();
        List<Instance> instancesHere = inventory.instancesIn(vSwitchId);
        List<NetworkInterface> enisHere = inventory.networkInterfacesIn(vSwitchId);
        List<Verdict> verdicts = new ArrayList<>(scope == CandidateScope.VSWITCH
                ? instancesHere.size() + enisHere.size()
                : inventory.instancesInRegion(haVip.regionId()).size()
                        + inventory.networkInterfacesInRegion(haVip.regionId()).size());
        for (Instance instance : instancesHere) {
            verdicts.add(verdict(inventory, facts, instance));
        }
        for (NetworkInterface eni : enisHere) {
            verdicts.add(verdict(inventory, facts, eni));
        }
        if (scope != CandidateScope.VSWITCH) {
            addOutsideVSwitch(inventory, facts, true, verdicts);
            if (scope == CandidateScope.REGION) {
                addOutsideVSwitch(inventory, facts, false, verdicts);
            }
        }
        return new EligibilityReport(haVip, scope, verdicts);
    }

    /**
     * The fast path for a region overview: every HaVip of the region with the targets of its own
     * vSwitch ({@link CandidateScope#VSWITCH}), which are the only ones that can be eligible. The
     * cost is one pass over each HaVip's vSwitch, thanks to the snapshot's vSwitch index.
     *
     * @param inventory the snapshot
     * @param regionId  the ENS node ID
     * @return HaVip ID → report, in the snapshot's HaVip order
     */
    public Map<String, EligibilityReport> evaluateRegion(Inventory inventory, String regionId) {
        Map<String, EligibilityReport> reports = new LinkedHashMap<>();
        for (HaVip haVip : inventory.haVipsInRegion(regionId)) {
            reports.put(haVip.id(), evaluate(inventory, haVip, CandidateScope.VSWITCH));
        }
        return Collections.unmodifiableMap(reports);
    }

    /** Adds the region's targets outside the HaVip's vSwitch: those of its network, or the others. */
    private void addOutsideVSwitch(Inventory inventory, HaVipFacts facts, boolean sameNetwork, List<Verdict> out) {
        HaVip haVip = facts.haVip;
        for (Instance instance : inventory.instancesInRegion(haVip.regionId())) {
            if (!Objects.equals(instance.vSwitchId(), haVip.vSwitchId())
                    && Objects.equals(instance.networkId(), haVip.networkId()) == sameNetwork) {
                out.add(verdict(inventory, facts, instance));
            }
        }
        for (NetworkInterface eni : inventory.networkInterfacesInRegion(haVip.regionId())) {
            if (!Objects.equals(eni.vSwitchId(), haVip.vSwitchId())
                    && Objects.equals(eni.networkId(), haVip.networkId()) == sameNetwork) {
                out.add(verdict(inventory, facts, eni));
            }
        }
    }

    private Verdict verdict(Inventory inventory, HaVipFacts facts, Instance instance) {
        int bits = facts.bits;
        if (instance.status() != InstanceStatus.RUNNING && instance.status() != InstanceStatus.STOPPED) {
            bits |= INSTANCE_STATUS;
        }
        bits |= targetRules(inventory, facts, instance.id(), instance.vSwitchId());
        return new Verdict(instance.id(), InstanceType.ENS_INSTANCE, bits);
    }

    private Verdict verdict(Inventory inventory, HaVipFacts facts, NetworkInterface eni) {
        int bits = facts.bits;
        if (eni.type() != NetworkInterfaceType.SECONDARY) {
            bits |= ENI_TYPE;
        }
        if (eni.status() != NetworkInterfaceStatus.AVAILABLE && eni.status() != NetworkInterfaceStatus.IN_USE) {
            bits |= ENI_STATUS;
        }
        bits |= targetRules(inventory, facts, eni.id(), eni.vSwitchId());
        return new Verdict(eni.id(), InstanceType.NETWORK_INTERFACE, bits);
    }

    /** The rules shared by instances and ENIs: vSwitch, existing association, HaVips per target. */
    private int targetRules(Inventory inventory, HaVipFacts facts, String targetId, String vSwitchId) {
        int bits = 0;
        if (vSwitchId == null || !vSwitchId.equals(facts.haVip.vSwitchId())) {
            bits |= VSWITCH;
        }
        if (facts.isAssociatedWith(targetId)) {
            bits |= ALREADY;
        }
        if (inventory.haVipCountOf(targetId) >= policy.maxHaVipsPerTarget()) {
            bits |= HAVIPS_ON_TARGET;
        }
        return bits;
    }

    /** What the rules need of the HaVip, worked out once per report rather than once per target. */
    private final class HaVipFacts {
        final HaVip haVip;
        final int bits;
        final List<HaVipAssociation> associations;
        final Set<String> associatedIds;

        HaVipFacts(HaVip haVip) {
            this.haVip = haVip;
            this.associations = haVip.associations();
            int rules = 0;
            if (haVip.status() != HaVipStatus.AVAILABLE && haVip.status() != HaVipStatus.IN_USE) {
                rules |= HAVIP_STATUS;
            }
            for (HaVipAssociation association : associations) {
                // Transitional or unknown: either way ENS is not known to accept a new binding now.
                if (association.status() != AssociationStatus.IN_USE) {
                    rules |= HAVIP_STATUS;
                }
            }
            if (associations.size() >= policy.maxTargetsPerHaVip()) {
                rules |= TARGETS_ON_HAVIP;
            }
            this.bits = rules;
            if (associations.size() > SCAN_LIMIT) {
                Set<String> ids = new HashSet<>();
                associations.forEach(association -> ids.add(association.instanceId()));
                this.associatedIds = ids;
            } else {
                this.associatedIds = null;
            }
        }

        boolean isAssociatedWith(String targetId) {
            if (associatedIds != null) {
                return associatedIds.contains(targetId);
            }
            for (HaVipAssociation association : associations) {
                if (targetId.equals(association.instanceId())) {
                    return true;
                }
            }
            return false;
        }
    }
}
