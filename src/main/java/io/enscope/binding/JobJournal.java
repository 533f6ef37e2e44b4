package io.enscope.binding;

/**
 * Durable record of jobs, written by the {@link JobEngine} before it acts: a job's
 * {@link JobState#SUBMITTING} transition is on disk before the write is sent, so that a
 * restart knows the write may have happened. {@link ActivityLog} is the implementation.
 *
 * <p>Called in order, one call at a time, outside the engine's lock (a slow disk must not hold up
 * readers of the engine's state). A method that cannot record throws; the engine then refuses to
 * send the job's write.
 */
public interface JobJournal {

    /** Records nothing; for engines that need no history. */
    JobJournal NONE = new JobJournal() {
        @Override
        public void recordCreated(BindingJob job) {
        }

        @Override
        public void recordTransition(JobEvent event, BindingJob job) {
        }
    };

    /**
     * @param job a new job with its parameters
     * @throws java.io.UncheckedIOException when it cannot be recorded
     */
    void recordCreated(BindingJob job);

    /**
     * @param event the transition
     * @param job   the job after it
     * @throws java.io.UncheckedIOException when it cannot be recorded
     */
    void recordTransition(JobEvent event, BindingJob job);
}
