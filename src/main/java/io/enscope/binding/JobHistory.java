package io.enscope.binding;

import java.util.List;
import java.util.Objects;

/**
 * One job as the {@link ActivityLog} remembers it: its latest snapshot and every transition, in
 * order.
 *
 * @param job         the job as of its last recorded transition
 * @param transitions its transitions, oldest first
 */
public record JobHistory(BindingJob job, List<JobEvent> transitions) {

    /** Copies the list. */
    public JobHistory {
        Objects.requireNonNull(job, "job");
        transitions = List.copyOf(transitions);
    }
}
