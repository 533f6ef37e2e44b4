package io.enscope.binding;

import io.enscope.ens.EnsError;

/**
 * The errors a job reports that do not come from an ENS answer. Their codes start with
 * {@code Enscope.}; like every {@link EnsError} they have a message key (that of their kind until
 * the bundle gives them one of their own).
 */
public final class JobErrors {

    /** The application stopped while the job was being submitted; the write did not take effect. */
    public static final String INTERRUPTED = "Enscope.Interrupted";
    /**
     * After ENS accepted the change, the association went the other way: a bound target vanished,
     * or an unbound one stayed {@code InUse}, past the settle window.
     */
    public static final String UNEXPECTED_STATE = "Enscope.UnexpectedAssociationState";
    /** The activity log could not record that the job is about to be sent, so it was not sent. */
    public static final String ACTIVITY_LOG_FAILED = "Enscope.ActivityLogUnavailable";
    /** A bug: an unexpected exception in the job engine or the gateway. */
    public static final String INTERNAL = "Enscope.InternalError";
    /** The ENS code for a missing HaVip, used when the HaVip disappears while a bind is watched. */
    public static final String HAVIP_NOT_FOUND = "HaVipNotFound";

    private JobErrors() {
    }

    static EnsError interrupted(String message) {
        return new EnsError(INTERRUPTED, message, null, 0, EnsError.Kind.NETWORK, false, false, null);
    }

    static EnsError unexpectedState(String message) {
        return new EnsError(UNEXPECTED_STATE, message, null, 0, EnsError.Kind.STATE, false, false, null);
    }

    static EnsError activityLogFailed(String message) {
        return new EnsError(ACTIVITY_LOG_FAILED, message, null, 0, EnsError.Kind.UNKNOWN, false, false, null);
    }

    static EnsError internal(Throwable cause) {
        return new EnsError(INTERNAL, cause.getClass().getSimpleName(), null, 0, EnsError.Kind.UNKNOWN, false,
                false, null);
    }

    static EnsError haVipNotFound(String haVipId) {
        return EnsError.of(HAVIP_NOT_FOUND, "The HaVip " + haVipId + " is no longer listed.", null, 0);
    }
}
