package io.enscope.binding;

/** What a {@link BindingJob} does to an HaVip. */
public enum JobKind {
    /** AssociateHaVip: bind the HaVip to an instance or ENI. */
    BIND(JobState.ASSOCIATING),
    /** UnassociateHaVip: remove the binding. */
    UNBIND(JobState.UNASSOCIATING);

    private final JobState pollingState;

    JobKind(JobState pollingState) {
        this.pollingState = pollingState;
    }

    /** @return the state in which the job polls after ENS accepted the call */
    public JobState pollingState() {
        return pollingState;
    }
}
