package io.enscope.binding;

/**
 * Hears about jobs of a {@link JobEngine}.
 *
 * <p>Called on an engine thread while the engine holds its lock, so that every listener sees
 * the transitions of a job in order: implementations must return quickly (a UI hands the event
 * to its own thread) and must not wait for another thread that calls the engine. An exception
 * thrown here is logged and does not affect the job.
 */
public interface JobListener {

    /**
     * A job was submitted, retried or resumed after a restart.
     *
     * @param job the job as it is now
     */
    default void jobAdded(BindingJob job) {
    }

    /**
     * A job changed state.
     *
     * @param event the transition
     * @param job   the job after it
     */
    void jobChanged(JobEvent event, BindingJob job);

    /**
     * A job read its HaVip: every DescribeHaVips call of a job that was answered (its polls, and
     * the reads that learn the outcome of a write), including the many that change nothing. It is
     * called before the transition the read leads to, if any, whose {@link JobEvent#read()} is
     * the same read. A listener that shows HaVips applies it instead of reading the HaVip itself.
     *
     * @param read the HaVip as ENS listed it, with when the read was sent
     */
    default void haVipRead(HaVipRead read) {
    }
}
