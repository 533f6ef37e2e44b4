package io.enscope.ui.activity;

import io.enscope.binding.JobState;

/** Which jobs the Activities table shows. */
public enum ActivityFilter {
    /** Every job. */
    ALL,
    /** Jobs that are not finished: queued, being sent or polled. */
    RUNNING,
    /** Jobs that failed or timed out. */
    FAILED;

    /**
     * @param state a job's state
     * @return whether a job in that state passes this filter
     */
    public boolean accepts(JobState state) {
        return switch (this) {
            case ALL -> true;
            case RUNNING -> !state.isTerminal();
            case FAILED -> isFailure(state);
        };
    }

    /** @return whether the state counts as a failure (what Retry is for) */
    static boolean isFailure(JobState state) {
        return state == JobState.FAILED || state == JobState.TIMED_OUT;
    }
}
