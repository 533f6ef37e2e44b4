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

    boolean isDue(long nowMillis) {
        return pollsLeft < 0 && nowMillis >= dueMillis;
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
