package io.enscope.binding;

import io.enscope.ens.EnsError;
import java.util.Optional;

/**
 * Why a target cannot be bound to an HaVip: each constant is the error code AssociateHaVip would
 * answer, and the constants are declared in the order design.md's binding rules table checks them,
 * so the first failing one is the code ENS returns.
 */
public enum Reason {
    /** The HaVip does not exist. */
    HAVIP_NOT_FOUND("HaVipNotFound", false),
    /** The instance does not exist. */
    INSTANCE_NOT_FOUND("InstanceNotFound", false),
    /** The ENI does not exist. */
    NETWORK_INTERFACE_NOT_FOUND("NetworkInterfaceNotFound", false),
    /** The HaVip is not Available or InUse, or one of its bindings is still being made or removed. */
    INCORRECT_HAVIP_STATUS("IncorrectHaVipStatus", false),
    /** The ENI is not a secondary one; a primary ENI is bound through its instance. */
    NETWORK_INTERFACE_TYPE_NOT_SUPPORTED("NetworkInterfaceTypeNotSupported", false),
    /** The instance is not Running or Stopped. */
    INCORRECT_INSTANCE_STATUS("IncorrectInstanceStatus", false),
    /** The ENI is not Available or InUse. */
    INCORRECT_NETWORK_INTERFACE_STATUS("IncorrectNetworkInterfaceStatus", false),
    /** The target is not in the HaVip's vSwitch. */
    INCORRECT_INSTANCE_VSWITCH("IncorrectInstanceVSwitch", false),
    /** The target is already bound to this HaVip. */
    INSTANCE_ALREADY_ASSOCIATED("InstanceAlreadyAssociated", false),
    /** The HaVip already has as many bindings as {@link LimitPolicy#maxTargetsPerHaVip()} allows. */
    COUNT_LIMIT_INSTANCE_ON_HAVIP("CountLimitExceed.InstanceOnHaVip", true),
    /** The target already has as many HaVips as {@link LimitPolicy#maxHaVipsPerTarget()} allows. */
    COUNT_LIMIT_HAVIP_ON_INSTANCE("CountLimitExceed.HaVipOnInstance", true);

    private final String code;
    private final boolean limit;

    Reason(String code, boolean limit) {
        this.code = code;
        this.limit = limit;
    }

    /** @return the ENS error code, e.g. {@code IncorrectHaVipStatus} */
    public String code() {
        return code;
    }

    /**
     * ENS does not publish its count limits; Enscope's are settings, so a reason that comes from
     * one is only a prediction the user may overrule ("try anyway").
     *
     * @return whether the reason comes from a count limit
     */
    public boolean isLimit() {
        return limit;
    }

    /** @return the key of the user message in the {@code i18n/messages} bundle, shared with {@link EnsError} */
    public String messageKey() {
        return EnsError.KEY_PREFIX + code;
    }

    /**
     * @param code an ENS error code
     * @return the reason with that code, empty for codes eligibility does not predict
     */
    public static Optional<Reason> fromCode(String code) {
        for (Reason reason : values()) {
            if (reason.code.equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
