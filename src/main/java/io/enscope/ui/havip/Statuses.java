package io.enscope.ui.havip;

import io.enscope.binding.JobState;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.Tone;

/**
 * How every status of the console reads: the API word (admins know {@code InUse} and
 * {@code Associating}), a tone (settled and usable green, idle grey, changing blue, broken red,
 * unknown amber) and a localized tooltip. Job states are Enscope's own, so their words are
 * localized too.
 */
public final class Statuses {
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
        Tone tone = switch (status) {
            case AVAILABLE, IN_USE -> Tone.SUCCESS;
            case CREATING, ASSOCIATING, UNASSOCIATING, DELETING -> Tone.BUSY;
            case UNKNOWN -> Tone.WARNING;
        };
        return value(status == HaVipStatus.UNKNOWN, status.wireValue(), raw, tone, "havip.status." + status.wireValue());
    }

    /**
     * @param status the parsed status
     * @param raw    the text ENS sent
     * @return the status of one binding as a pill
     */
    public StatusValue association(AssociationStatus status, String raw) {
        Tone tone = switch (status) {
            case IN_USE -> Tone.SUCCESS;
            case ASSOCIATING, UNASSOCIATING -> Tone.BUSY;
            case UNKNOWN -> Tone.WARNING;
        };
        return value(status == AssociationStatus.UNKNOWN, status.wireValue(), raw, tone,
                "havip.association.status." + status.wireValue());
    }

    /**
     * @param status the parsed status
     * @param raw    the text ENS sent
     * @return the instance status as a pill
     */
    public StatusValue instance(InstanceStatus status, String raw) {
        Tone tone = switch (status) {
            case RUNNING -> Tone.SUCCESS;
            case STOPPED -> Tone.NEUTRAL;
            case PENDING, STARTING, STOPPING, RELEASING -> Tone.BUSY;
            case EXPIRED -> Tone.DANGER;
            case UNKNOWN -> Tone.WARNING;
        };
        return value(status == InstanceStatus.UNKNOWN, status.wireValue(), raw, tone,
                "explorer.instance.status." + status.wireValue());
    }

    /**
     * @param status the parsed status
     * @param raw    the text ENS sent
     * @return the ENI status as a pill
     */
    public StatusValue networkInterface(NetworkInterfaceStatus status, String raw) {
        Tone tone = switch (status) {
            case AVAILABLE, IN_USE -> Tone.SUCCESS;
            case ATTACHING, DETACHING, DELETING -> Tone.BUSY;
            case UNKNOWN -> Tone.WARNING;
        };
        return value(status == NetworkInterfaceStatus.UNKNOWN, status.wireValue(), raw, tone,
                "explorer.eni.status." + status.wireValue());
    }

    /**
     * @param state a binding job's state
     * @return the state as a pill, its word localized
     */
    public StatusValue job(JobState state) {
        Tone tone = switch (state) {
            case QUEUED -> Tone.PENDING;
            case SUBMITTING, ASSOCIATING, UNASSOCIATING -> Tone.BUSY;
            case SUCCEEDED -> Tone.SUCCESS;
            case FAILED -> Tone.DANGER;
            case TIMED_OUT -> Tone.WARNING;
            case CANCELLED, DETACHED -> Tone.NEUTRAL;
        };
        return new StatusValue(i18n.get("havip.job.state." + state.name()), tone,
                i18n.get("havip.job.state." + state.name() + ".tooltip"));
    }

    private StatusValue value(boolean unknown, String word, String raw, Tone tone, String key) {
        if (unknown) {
            String shown = raw == null || raw.isBlank() ? word : raw;
            return new StatusValue(shown, tone, i18n.get("havip.status.unknown.tooltip", shown));
        }
        return new StatusValue(word, tone, i18n.get(key));
    }
}
