package io.enscope.binding;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.enscope.ens.EnsError;
import io.enscope.ens.model.InstanceType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the activity log. Two types share the shape: {@code job} (a job was created, with
 * its parameters) and {@code transition} (it changed state). A transition repeats the job's kind,
 * HaVip and target, so that its line alone still tells what happened. Unknown fields are ignored
 * on reading, so that a later version may add some.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record ActivityRecord(
        @JsonProperty("v") int version,
        @JsonProperty("type") String type,
        @JsonProperty("jobId") String jobId,
        @JsonProperty("kind") String kind,
        @JsonProperty("haVipId") String haVipId,
        @JsonProperty("targetId") String targetId,
        @JsonProperty("instanceType") String instanceType,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("retryOf") String retryOf,
        @JsonProperty("seq") Integer seq,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("at") String at,
        @JsonProperty("requestId") String requestId,
        @JsonProperty("error") ErrorRecord error) {

    static final int VERSION = 1;
    static final String JOB = "job";
    static final String TRANSITION = "transition";

    /** An {@link EnsError} as written; its message was redacted when the error was made. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorRecord(
            @JsonProperty("code") String code,
            @JsonProperty("message") String message,
            @JsonProperty("requestId") String requestId,
            @JsonProperty("httpStatus") int httpStatus,
            @JsonProperty("kind") String kind,
            @JsonProperty("retryable") boolean retryable,
            @JsonProperty("ambiguous") boolean ambiguous,
            @JsonProperty("retryAfterMillis") Long retryAfterMillis) {

        static ErrorRecord of(EnsError error) {
            return new ErrorRecord(error.code(), error.message(), error.requestId(), error.httpStatus(),
                    error.kind().name(), error.retryable(), error.ambiguous(),
                    error.retryAfter() == null ? null : error.retryAfter().toMillis());
        }

        EnsError toError() {
            EnsError.Kind errorKind;
            try {
                errorKind = EnsError.Kind.valueOf(kind);
            } catch (IllegalArgumentException | NullPointerException unknown) {
                errorKind = EnsError.Kind.UNKNOWN;
            }
            return new EnsError(code, message, requestId, httpStatus, errorKind, retryable && !ambiguous, ambiguous,
                    retryAfterMillis == null ? null : Duration.ofMillis(retryAfterMillis));
        }
    }

    static ActivityRecord created(BindingJob job) {
        return new ActivityRecord(VERSION, JOB, job.id(), job.kind().name(), job.haVipId(), job.targetId(),
                job.instanceType() == null ? null : job.instanceType().name(), job.createdAt().toString(),
                job.retryOf(), null, null, null, null, null, null);
    }

    static ActivityRecord transition(JobEvent event) {
        return new ActivityRecord(VERSION, TRANSITION, event.jobId(), event.kind().name(), event.haVipId(),
                event.targetId(), null, null, null, event.seq(), event.from().name(), event.to().name(),
                event.at().toString(), event.requestId(), event.error().map(ErrorRecord::of).orElse(null));
    }

    /**
     * Checks what a reader relies on.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    ActivityRecord validate() {
        require(jobId, "jobId");
        require(haVipId, "haVipId");
        require(targetId, "targetId");
        jobKind();
        if (JOB.equals(type)) {
            createdAtInstant();
            if (instanceType != null) {
                InstanceType.valueOf(instanceType);
            }
        } else if (TRANSITION.equals(type)) {
            if (seq == null || seq < 1) {
                throw new IllegalArgumentException("a transition needs a seq of at least 1");
            }
            toEvent();
        } else {
            throw new IllegalArgumentException("unknown record type " + type);
        }
        return this;
    }

    JobKind jobKind() {
        return JobKind.valueOf(require(kind, "kind"));
    }

    Instant createdAtInstant() {
        return Instant.parse(require(createdAt, "createdAt"));
    }

    InstanceType instanceTypeOrGuess() {
        return instanceType == null ? InstanceType.ofTargetId(targetId) : InstanceType.valueOf(instanceType);
    }

    JobEvent toEvent() {
        return new JobEvent(jobId, seq, jobKind(), haVipId, targetId, JobState.valueOf(require(from, "from")),
                JobState.valueOf(require(to, "to")), Instant.parse(require(at, "at")),
                Optional.ofNullable(error).map(ErrorRecord::toError), requestId);
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }
}
