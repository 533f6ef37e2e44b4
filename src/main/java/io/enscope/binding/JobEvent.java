package io.enscope.binding;

import io.enscope.ens.EnsError;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One state change of a job, with its time: what the Activities pane and the HaVip detail show,
 * and what the {@link ActivityLog} appends.
 *
 * @param jobId     the job
 * @param seq       1 for the job's first transition, then 2, 3…; unique per job, so a history
 *                  read from several log files can drop duplicates
 * @param kind      bind or unbind
 * @param haVipId   the HaVip
 * @param targetId  the instance or ENI
 * @param from      the state before
 * @param to        the state after
 * @param at        when it changed (the engine's clock)
 * @param error     the error that caused the change, if any
 * @param requestId the RequestId of the accepted write, null when there is none (yet)
 */
public record JobEvent(
        String jobId,
        int seq,
        JobKind kind,
        String haVipId,
        String targetId,
        JobState from,
        JobState to,
        Instant at,
        Optional<EnsError> error,
        String requestId) {

    /** Requires every field except the error and RequestId. */
    public JobEvent {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(haVipId, "haVipId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
        error = error == null ? Optional.empty() : error;
    }
}
