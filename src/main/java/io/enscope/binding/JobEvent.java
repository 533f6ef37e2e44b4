package io.enscope.binding;

import io.enscope.ens.EnsError;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One state change of a job, with its time: what the Activities pane and the HaVip detail show,
 * and what the {@link ActivityLog} appends.
 *
 * <p>{@link #read()} is for live listeners only: the activity log does not write it (a whole
 * HaVip on every line would tell nothing the next start needs: a resumed job reads ENS again),
 * so an event read back from the log has none, and it takes no part in {@link #equals}: the
 * event a listener saw and the same event read back from the log are equal.
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
 * @param read      the DescribeHaVips read that led to this change (the poll that saw the
 *                  association {@code InUse}, the read that found a write's outcome…), already
 *                  handed to {@link JobListener#haVipRead}; empty when the change came from
 *                  anything else (the write's answer, a cancel, a failed read) and in events read
 *                  back from the log
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
        String requestId,
        Optional<HaVipRead> read) {

    /** Requires every field except the error, the RequestId and the read. */
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
        read = read == null ? Optional.empty() : read;
    }

    /** An event without a read, e.g. as read back from the activity log. */
    public JobEvent(String jobId, int seq, JobKind kind, String haVipId, String targetId, JobState from, JobState to,
            Instant at, Optional<EnsError> error, String requestId) {
        this(jobId, seq, kind, haVipId, targetId, from, to, at, error, requestId, Optional.empty());
    }

    /** Equal when every field but {@link #read()} is equal. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof JobEvent that && seq == that.seq && jobId.equals(that.jobId) && kind == that.kind
                && haVipId.equals(that.haVipId) && targetId.equals(that.targetId) && from == that.from
                && to == that.to && at.equals(that.at) && error.equals(that.error)
                && Objects.equals(requestId, that.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, seq, kind, haVipId, targetId, from, to, at, error, requestId);
    }
}
