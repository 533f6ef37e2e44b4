package io.enscope.binding;

/**
 * Where a {@link BindingJob} is in its life.
 *
 * <pre>
 *   QUEUED → SUBMITTING → ASSOCIATING | UNASSOCIATING → SUCCEEDED | FAILED | TIMED_OUT
 *   QUEUED → CANCELLED                (only before anything was sent)
 *   SUBMITTING | ASSOCIATING | UNASSOCIATING → DETACHED   (the user stopped watching)
 * </pre>
 *
 * A job resumed after a restart may also go from {@code QUEUED} or {@code SUBMITTING} straight
 * to {@code ASSOCIATING} / {@code UNASSOCIATING} (the change was found in progress),
 * {@code FAILED} or {@code CANCELLED}.
 */
public enum JobState {
    /** Waiting for the jobs before it on the same HaVip; nothing has been sent. */
    QUEUED,
    /** The AssociateHaVip / UnassociateHaVip call is being made, or its outcome is being reconciled. */
    SUBMITTING,
    /** A bind was accepted; the job polls until the association is {@code InUse}. */
    ASSOCIATING,
    /** An unbind was accepted; the job polls until the association is gone. */
    UNASSOCIATING,
    /** The association is {@code InUse} (bind) or gone (unbind). */
    SUCCEEDED,
    /** ENS refused the call, or the change did not happen; the job carries the {@code EnsError}. */
    FAILED,
    /** The change was still not final when the job's time was up. */
    TIMED_OUT,
    /** Withdrawn before it was sent; nothing was changed in ENS by this job. */
    CANCELLED,
    /**
     * The user stopped watching a job that had been (or was being) sent: ENS may still complete
     * the change, but this job no longer polls and is not resumed after a restart.
     */
    DETACHED;

    /** @return whether the job is over: no more calls will be made for it */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == CANCELLED || this == DETACHED;
    }

    /** @return whether the job polls ENS for a change it knows was accepted */
    public boolean isPolling() {
        return this == ASSOCIATING || this == UNASSOCIATING;
    }
}
