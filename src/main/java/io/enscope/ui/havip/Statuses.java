package io.enscope.ui.havip;

import io.enscope.binding.JobState;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.Tone;

/**
 * The console's one vocabulary of statuses: for every status of a HaVip, a binding, an instance,
 * an ENI and a binding job, one tone (settled and usable green, idle grey, changing blue, waiting
 * violet, broken red, unknown or undecided amber) and one word key, shared by every kind that has
 * the status ({@code InUse} reads the same for a HaVip, a binding and an ENI). The explorer's
 * tables, the HaVip detail, the bind dialog and the Activities pane all ask this class, so one
 * status never reads or looks two ways. The tooltip says what the status means for the kind.
 */
public final class Statuses {
    /** Prefix of the word keys: {@code status.InUse}, {@code status.TimedOut}… */
    public static final String WORD_PREFIX = "status.";
    /** The word of a status ENS sent without a value. */
    public static final String UNKNOWN_KEY = WORD_PREFIX + "Unknown";

    private final I18n i18n;

    /** @param i18n the texts of the user's language */
    public Statuses(I18n i18n) {
        this.i18n = i18n;
    }

    /**
     * @param status the parsed status
     * @param raw    the text ENS sent, shown when the status is not known
     * @return the HaVip status as a pill
     */
    public StatusValue haVip(HaVipStatus status, String raw) {
        return value(status == HaVipStatus.UNKNOWN, status.wireValue(), raw, tone(status),
                "havip.status." + status.wireValue());
    }

    /**
     * @param status the parsed status
     * @param raw    the text ENS sent
     * @return the status of one binding as a pill
     */
    public StatusValue association(AssociationStatus status, String raw) {
        return value(status == AssociationStatus.UNKNOWN, status.wireValue(), raw, tone(status),
                "havip.association.status." + status.wireValue());
    }

    /**
     * @param status the parsed status
     * @param raw    the text ENS sent
     * @return the instance status as a pill
     */
    public StatusValue instance(InstanceStatus status, String raw) {
        return value(status == InstanceStatus.UNKNOWN, status.wireValue(), raw, tone(status),
                "explorer.instance.status." + status.wireValue());
    }

    /**
     * @param status the parsed status
     * @param raw    the text ENS sent
     * @return the ENI status as a pill
     */
    public StatusValue networkInterface(NetworkInterfaceStatus status, String raw) {
        return value(status == NetworkInterfaceStatus.UNKNOWN, status.wireValue(), raw, tone(status),
                "explorer.eni.status." + status.wireValue());
    }

    /**
     * @param state a binding job's state
     * @return the state as a pill
     */
    public StatusValue job(JobState state) {
        return new StatusValue(i18n.get(wordKey(state)), tone(state),
                i18n.get("havip.job.state." + state.name() + ".tooltip"), state.name());
    }

    /** @return the key of the word of a HaVip status; {@link #UNKNOWN_KEY} for an unknown one */
    public static String wordKey(HaVipStatus status) {
        return WORD_PREFIX + status.wireValue();
    }

    /** @return the key of the word of a binding's status */
    public static String wordKey(AssociationStatus status) {
        return WORD_PREFIX + status.wireValue();
    }

    /** @return the key of the word of an instance status */
    public static String wordKey(InstanceStatus status) {
        return WORD_PREFIX + status.wireValue();
    }

    /** @return the key of the word of an ENI status */
    public static String wordKey(NetworkInterfaceStatus status) {
        return WORD_PREFIX + status.wireValue();
    }

    /** @return the key of the word of a job state; a job binding or unbinding reads like the binding */
    public static String wordKey(JobState state) {
        return WORD_PREFIX + switch (state) {
            case QUEUED -> "Queued";
            case SUBMITTING -> "Submitting";
            case ASSOCIATING -> AssociationStatus.ASSOCIATING.wireValue();
            case UNASSOCIATING -> AssociationStatus.UNASSOCIATING.wireValue();
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case TIMED_OUT -> "TimedOut";
            case CANCELLED -> "Cancelled";
            case DETACHED -> "Detached";
        };
    }

    /** @return the tone of a HaVip status */
    public static Tone tone(HaVipStatus status) {
        return switch (status) {
            case AVAILABLE, IN_USE -> Tone.SUCCESS;
            case CREATING, ASSOCIATING, UNASSOCIATING, DELETING -> Tone.BUSY;
            case UNKNOWN -> Tone.WARNING;
        };
    }

    /** @return the tone of a binding's status */
    public static Tone tone(AssociationStatus status) {
        return switch (status) {
            case IN_USE -> Tone.SUCCESS;
            case ASSOCIATING, UNASSOCIATING -> Tone.BUSY;
            case UNKNOWN -> Tone.WARNING;
        };
    }

    /** @return the tone of an instance status */
    public static Tone tone(InstanceStatus status) {
        return switch (status) {
            case RUNNING -> Tone.SUCCESS;
            case STOPPED -> Tone.NEUTRAL;
            case PENDING, STARTING, STOPPING, RELEASING -> Tone.BUSY;
            case EXPIRED -> Tone.DANGER;
            case UNKNOWN -> Tone.WARNING;
        };
    }

    /** @return the tone of an ENI status */
    public static Tone tone(NetworkInterfaceStatus status) {
        return switch (status) {
            case AVAILABLE, IN_USE -> Tone.SUCCESS;
            case ATTACHING, DETACHING, DELETING -> Tone.BUSY;
            case UNKNOWN -> Tone.WARNING;
        };
    }

    /** @return the tone of a job state: a timed-out job's outcome is undecided, not a failure */
    public static Tone tone(JobState state) {
        return switch (state) {
            case QUEUED -> Tone.PENDING;
            case SUBMITTING, ASSOCIATING, UNASSOCIATING -> Tone.BUSY;
            case SUCCEEDED -> Tone.SUCCESS;
            case FAILED -> Tone.DANGER;
            case TIMED_OUT -> Tone.WARNING;
            case CANCELLED, DETACHED -> Tone.NEUTRAL;
        };
    }

    private StatusValue value(boolean unknown, String wire, String raw, Tone tone, String tooltipKey) {
        if (unknown) {
            // ENS sent a status Enscope does not know: its own word is the most precise one there is.
            String shown = raw == null || raw.isBlank() ? i18n.get(UNKNOWN_KEY) : raw;
            return new StatusValue(shown, tone, i18n.get("havip.status.unknown.tooltip", shown),
                    raw == null || raw.isBlank() ? wire : raw);
        }
        return new StatusValue(i18n.get(WORD_PREFIX + wire), tone, i18n.get(tooltipKey), wire);
    }
}
