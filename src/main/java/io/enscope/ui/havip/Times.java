package io.enscope.ui.havip;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the console shows them: local wall-clock time, ISO-like, never a raw {@code Instant}. */
public final class Times {
    private final DateTimeFormatter minutes;
    private final DateTimeFormatter seconds;

    /** @param zone the user's time zone */
    public Times(ZoneId zone) {
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** In the zone of this computer. */
    public static Times local() {
        return new Times(ZoneId.systemDefault());
    }

    /** @return e.g. {@code 2025-03-04 10:17}, empty for null */
    public String minutes(Instant time) {
        return time == null ? "" : minutes.format(time);
    }

    /** @return e.g. {@code 2025-03-04 10:17:41}, empty for null */
    public String seconds(Instant time) {
        return time == null ? "" : seconds.format(time);
    }
}
