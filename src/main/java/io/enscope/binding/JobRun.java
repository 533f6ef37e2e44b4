package io.enscope.binding;

import io.enscope.ens.EnsError;
import io.enscope.ens.model.InstanceType;
import java.time.Instant;
import java.util.Optional;

/**
 * The mutable working state of one job inside the {@link JobEngine}. Every field that changes is
 * guarded by the engine's lock; steps read what they need under the lock, call ENS without it,
 * and apply the result under it again.
 */
final class JobRun {

    /** What the job's next step does. */
    enum Phase {
        /** Send the write (again, after throttling). */
        SUBMIT,
        /** Read the HaVip to learn whether a write of unknown outcome took effect. */
        RECONCILE,
        /** Poll an accepted change to its end. */
        POLL
    }

    final String id;
    final JobKind kind;
    final String haVipId;
    final String targetId;
    final InstanceType instanceType;
    final Instant createdAt;
    final String retryOf;
    /** Whether the job comes from the activity log of an earlier run of the application. */
    final boolean resumed;

    JobState state;
    EnsError error;
    String requestId;
    Instant updatedAt;
    int polls;
    int revision;

    Phase phase = Phase.SUBMIT;
    /** Whether it has reached the head of its HaVip's queue. */
    boolean started;
    /** Whether its write is being sent now; the HaVip is not handed to the next job meanwhile. */
    boolean writeInFlight;
    /**
     * After an ambiguous write, the server may still be working on the request the client gave up
     * on; the next job on the HaVip waits until then, so that a late write cannot undo its change.
     */
    Instant holdHaVipUntil;
    Instant deadline;
    /** When ENS accepted the change (or the job found it in progress): the poll schedule's origin. */
    Instant acceptedAt;
    /** Until then a missing change may still show up; only a read after it is conclusive. */
    Instant settleUntil;
    int pollsSinceAccepted;
    int reconcileReads;
    int throttleRetries;
    /** The error of the write being reconciled; the job's error if the write turns out not to have happened. */
    EnsError pendingError;
    /** The error of the last poll, if it failed; a timeout reports it. */
    EnsError lastReadError;
    /** Whether the write was certainly never sent, so that "not done" means CANCELLED rather than FAILED. */
    boolean neverSent;
    JobScheduler.Cancellable pending;

    JobRun(String id, JobKind kind, String haVipId, String targetId, InstanceType instanceType, Instant createdAt,
            String retryOf) {
        this.id = id;
        this.kind = kind;
        this.haVipId = haVipId;
        this.targetId = targetId;
        this.instanceType = instanceType;
        this.createdAt = createdAt;
        this.retryOf = retryOf;
        this.resumed = false;
        this.state = JobState.QUEUED;
        this.updatedAt = createdAt;
    }

    /** A job read back from the activity log, in the state it was left in. */
    JobRun(BindingJob job) {
        this.id = job.id();
        this.kind = job.kind();
        this.haVipId = job.haVipId();
        this.targetId = job.targetId();
        this.instanceType = job.instanceType() == null ? InstanceType.ofTargetId(job.targetId()) : job.instanceType();
        this.createdAt = job.createdAt();
        this.retryOf = job.retryOf();
        this.resumed = true;
        this.state = job.state();
        this.error = job.error().orElse(null);
        this.requestId = job.requestId();
        this.updatedAt = job.updatedAt();
        this.revision = job.revision();
    }

    BindingJob snapshot() {
        return new BindingJob(id, kind, haVipId, targetId, instanceType, state, Optional.ofNullable(error), requestId,
                createdAt, updatedAt, polls, revision, retryOf);
    }

    String describe() {
        return id + " (" + kind + " " + haVipId + " ↔ " + targetId + ")";
    }
}
