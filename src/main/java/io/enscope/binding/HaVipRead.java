package io.enscope.binding;

import io.enscope.ens.model.HaVip;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One DescribeHaVips read of a HaVip made by a job (a poll, or a read to learn the outcome of a
 * write): the HaVip as ENS listed it, and when the read was sent. {@link JobListener#haVipRead}
 * hands every such read to the listeners, so that one that keeps its own copy of the HaVips (the
 * console's inventory) can apply it instead of reading the HaVip again.
 *
 * <p>Reads reach a listener in the order each job made them, but reads of one HaVip made by
 * others (another job, a refresh of the console's own) may be older or newer: compare
 * {@link #sentNanos()} so that a stale read never overwrites a newer state. The send time is the
 * right key: ENS answered with a state at least as new as the moment the request left, so a read
 * sent after another one ended never shows an older state.
 *
 * @param jobId     the job that made the read
 * @param haVipId   the HaVip
 * @param haVip     the HaVip as listed; empty when ENS no longer lists it
 * @param at        when the read was sent, on the engine's clock
 * @param sentNanos {@link System#nanoTime()} when the read was sent: orders reads made in this
 *                  JVM, whatever the wall clock does; compare with {@link #isNewerThan(long)}
 */
public record HaVipRead(String jobId, String haVipId, Optional<HaVip> haVip, Instant at, long sentNanos) {

    /** Requires every field. */
    public HaVipRead {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(haVipId, "haVipId");
        Objects.requireNonNull(haVip, "haVip");
        Objects.requireNonNull(at, "at");
    }

    /**
     * @param otherSentNanos the {@link System#nanoTime()} at which another read of the same HaVip was sent
     * @return whether this read was sent strictly later (overflow-safe, as {@code nanoTime} values must be compared)
     */
    public boolean isNewerThan(long otherSentNanos) {
        return sentNanos - otherSentNanos > 0;
    }
}
