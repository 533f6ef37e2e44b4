package io.enscope.ui.activity;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobState;
import io.enscope.ens.EnsError;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.Tone;
import io.enscope.ui.havip.StatusValue;
import io.enscope.ui.havip.Statuses;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything the Activities pane says about a job, in the user's language. */
final class ActivityTexts {
    static final String NO_VALUE = "\u2014";
    private static final String SEPARATOR = " \u00b7 ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final I18n i18n;
    private final Statuses statuses;
    private final ZoneId zone;

    ActivityTexts(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.statuses = new Statuses(i18n);
        this.zone = zone;
    }

    /** A notification about a job that ended. */
    record Notice(String title, String text, Tone tone) {
    }

    String kind(JobKind kind) {
        return kind == JobKind.BIND ? i18n.get("activity.kind.bind") : i18n.get("activity.kind.unbind");
    }

    /** The chip: the job's state in the console's one vocabulary of statuses. */
    StatusValue state(JobState state) {
        return statuses.job(state);
    }

    /** The time of day for today's instants, the date as well for older ones. */
    String time(Instant at, Instant now) {
        ZonedDateTime local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TIME : DATE_TIME).format(local);
    }

    String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 10_000) {
            return i18n.get("activity.duration.seconds", String.format(i18n.locale(), "%.1f", millis / 1000.0));
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return i18n.get("activity.duration.seconds", String.valueOf(seconds));
        }
        if (seconds < 3600) {
            return i18n.get("activity.duration.minutes", String.valueOf(seconds / 60),
                    String.format(Locale.ROOT, "%02d", seconds % 60));
        }
        return i18n.get("activity.duration.hours", String.valueOf(seconds / 3600),
                String.format(Locale.ROOT, "%02d", seconds / 60 % 60));
    }

    String polls(int polls) {
        return polls > 0 ? String.valueOf(polls) : NO_VALUE;
    }

    String errorMessage(EnsError error) {
        return error == null ? "" : error.localizedMessage(i18n.bundle());
    }

    String summary(int running, int failed, int done) {
        List<String> parts = new ArrayList<>();
        if (running > 0) {
            parts.add(i18n.get("activity.summary.running", String.valueOf(running)));
        }
        if (failed > 0) {
            parts.add(i18n.get("activity.summary.failed", String.valueOf(failed)));
        }
        if (done > 0) {
            parts.add(i18n.get("activity.summary.done", String.valueOf(done)));
        }
        return parts.isEmpty() ? i18n.get("activity.summary.none") : String.join(SEPARATOR, parts);
    }

    String title(String summary, boolean empty) {
        return empty ? i18n.get("activity.title") : i18n.get("activity.title.summary", summary);
    }

    /** What "Copy error details" puts on the clipboard: message, code, RequestId and the job. */
    String errorDetails(ActivityRow row) {
        String job = i18n.get("activity.copy.job", kind(row.getKind()), row.getHaVipId(), row.getTargetId(),
                DATE_TIME.format(row.getUpdatedAt().atZone(zone)));
        String requestId = row.getRequestId().isEmpty() ? NO_VALUE : row.getRequestId();
        return i18n.get("activity.copy.details", row.getErrorMessage(), row.getErrorCode(), requestId,
                row.getJobId(), job);
    }

    /** The notification for a job that has just ended. */
    Notice ended(BindingJob job, EnsError error) {
        boolean bind = job.kind() == JobKind.BIND;
        String haVip = job.haVipId();
        String target = job.targetId();
        Tone tone = Statuses.tone(job.state());
        return switch (job.state()) {
            case SUCCEEDED -> bind
                    ? new Notice(i18n.get("activity.notify.bound.title"), i18n.get("activity.notify.bound", haVip, target), tone)
                    : new Notice(i18n.get("activity.notify.unbound.title"),
                    i18n.get("activity.notify.unbound", haVip, target), tone);
            case FAILED -> {
                String message = error == null ? i18n.get("activity.error.unknown") : errorMessage(error);
                String code = error == null ? NO_VALUE : error.code();
                yield bind
                        ? new Notice(i18n.get("activity.notify.bindFailed.title"),
                        i18n.get("activity.notify.bindFailed", haVip, target, message, code), tone)
                        : new Notice(i18n.get("activity.notify.unbindFailed.title"),
                        i18n.get("activity.notify.unbindFailed", haVip, target, message, code), tone);
            }
            case TIMED_OUT -> bind
                    ? new Notice(i18n.get("activity.notify.bindTimedOut.title"),
                    i18n.get("activity.notify.bindTimedOut", haVip, target), tone)
                    : new Notice(i18n.get("activity.notify.unbindTimedOut.title"),
                    i18n.get("activity.notify.unbindTimedOut", haVip, target), tone);
            case CANCELLED -> bind
                    ? new Notice(i18n.get("activity.notify.bindCancelled.title"),
                    i18n.get("activity.notify.bindCancelled", haVip, target), tone)
                    : new Notice(i18n.get("activity.notify.unbindCancelled.title"),
                    i18n.get("activity.notify.unbindCancelled", haVip, target), tone);
            case DETACHED -> bind
                    ? new Notice(i18n.get("activity.notify.detached.title"),
                    i18n.get("activity.notify.bindDetached", haVip, target), tone)
                    : new Notice(i18n.get("activity.notify.detached.title"),
                    i18n.get("activity.notify.unbindDetached", haVip, target), tone);
            default -> throw new IllegalArgumentException("job " + job.id() + " has not ended: " + job.state());
        };
    }
}
