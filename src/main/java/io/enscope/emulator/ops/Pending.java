package io.enscope.emulator.ops;

/**
 * When a transitional change completes: at a wall-clock time, or after a number of
 * DescribeHaVips calls that list the HaVip.
 */
final class Pending {
    private final long dueMillis;
    private int pollsLeft;

    private Pending(long dueMillis, int pollsLeft) {
        this.dueMillis = dueMillis;
        this.pollsLeft = pollsLeft;
    }

    static Pending at(long dueMillis) {
        return new Pending(dueMillis, -1);
    }

    static Pending afterPolls(int polls) {
        return new Pending(Long.MAX_VALUE, polls);
    }

    /** The same change, due at {@code dueMillis} at the latest (a poll-based one still completes on its polls too). */
    Pending dueNoLaterThan(long dueMillis) {
        return new Pending(Math.min(this.dueMillis, dueMillis), pollsLeft);
    }

    boolean isDue(long nowMillis) {
        return nowMillis >= dueMillis;
    }

    /** True for a change due at a wall-clock time, the only kind a state file can carry over a restart. */
    boolean isTimed() {
        return dueMillis != Long.MAX_VALUE;
    }

    long dueMillis() {
        return dueMillis;
    }

    /** Counts one DescribeHaVips call that listed the HaVip; true when that call completes the change. */
    boolean observePoll() {
        if (pollsLeft < 0) {
            return false;
        }
        pollsLeft--;
        return pollsLeft <= 0;
    }
}
