package io.enscope.ui.havip;

import java.time.Instant;

/**
 * One line of a HaVip's timeline: a state change of a bind or unbind job, newest first.
 *
 * @param jobId        the job
 * @param seq          the job's transition number
 * @param at           when it changed
 * @param timeText     {@code at} as local time
 * @param action       "Bind i-…" or "Unbind eni-…", localized
 * @param targetId     the instance or ENI of the job
 * @param from         the state before, localized
 * @param to           the state after, as a pill
 * @param errorCode    the ENS error code of the change, empty when none
 * @param errorMessage the localized error, empty when none
 * @param requestId    the RequestId of the job's accepted write, empty when none
 */
public record TransitionRow(String jobId, int seq, Instant at, String timeText, String action, String targetId,
                            String from, StatusValue to, String errorCode, String errorMessage,
                            String requestId) {

    /** @return the first eight characters of the job id, enough to tell jobs apart in a list */
    public String shortJobId() {
        return jobId.length() <= 8 ? jobId : jobId.substring(0, 8);
    }

    /** @return "from → to" */
    public String change() {
        return from + " \u2192 " + to.text();
    }

    String key() {
        return jobId + "#" + seq;
    }
}
