package io.enscope.binding;

import io.enscope.ens.EnsError;
import io.enscope.ens.model.InstanceType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one bind or unbind job, as {@link JobEngine#jobs()}, the listeners
 * and the {@link ActivityLog} see it.
 *
 * @param id           the job ID, unique across restarts
 * @param kind         bind or unbind
 * @param haVipId      the HaVip
 * @param targetId     the instance ({@code i-…}) or ENI ({@code eni-…})
 * @param instanceType what the target is
 * @param state        where the job is now
 * @param error        why the job failed (or, for {@link JobState#TIMED_OUT} and
 *                     {@link JobState#CANCELLED}, the error that led there), empty otherwise
 * @param requestId    the RequestId of the accepted write, null when there is none (yet)
 * @param createdAt    when the job was submitted
 * @param updatedAt    when its state last changed
 * @param polls        the DescribeHaVips calls this job made in this process (0 in history)
 * @param revision     how many transitions the job has had; the next one is numbered
 *                     {@code revision + 1}
 * @param retryOf      the ID of the job this one repeats, null when it is not a retry
 */
public record BindingJob(
        String id,
        JobKind kind,
        String haVipId,
        String targetId,
        InstanceType instanceType,
        JobState state,
        Optional<EnsError> error,
        String requestId,
        Instant createdAt,
        Instant updatedAt,
        int polls,
        int revision,
        String retryOf) {

    /** Requires the identifying fields; a null error means none. */
    public BindingJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(haVipId, "haVipId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        error = error == null ? Optional.empty() : error;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** @return whether the job is over */
    public boolean isFinished() {
        return state.isTerminal();
    }

    /** @return the error code of a failed job, or null */
    public String errorCode() {
        return error.map(EnsError::code).orElse(null);
    }
}
