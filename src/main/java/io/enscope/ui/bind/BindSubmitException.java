package io.enscope.ui.bind;

import java.util.List;

/**
 * The binds chosen in the bind dialog could not all be queued (the job engine is stopped, or
 * the activity log cannot be written). Queuing stops at the first target that fails, so the
 * targets after it are not bound out of the order the user chose.
 */
public final class BindSubmitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String haVipId;
    private final List<String> queued;
    private final List<String> notQueued;

    /**
     * @param haVipId   the HaVip
     * @param queued    the targets whose bind jobs were queued, in order
     * @param notQueued the targets that were not, the failing one first
     * @param cause     why the first of {@code notQueued} failed
     */
    public BindSubmitException(String haVipId, List<String> queued, List<String> notQueued, Throwable cause) {
        super("could not queue the binds of " + haVipId + " to " + notQueued + " (queued: " + queued + ")", cause);
        this.haVipId = haVipId;
        this.queued = List.copyOf(queued);
        this.notQueued = List.copyOf(notQueued);
    }

    /** @return the HaVip */
    public String haVipId() {
        return haVipId;
    }

    /** @return the targets whose bind jobs were queued, in order */
    public List<String> queued() {
        return queued;
    }

    /** @return the targets that were not queued, the failing one first */
    public List<String> notQueued() {
        return notQueued;
    }
}
