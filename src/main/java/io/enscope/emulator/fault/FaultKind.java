package io.enscope.emulator.fault;

import java.util.Locale;

/** What an injected fault does to a request. */
public enum FaultKind {
    /** HTTP 400 {@code Throttling.User} with an {@code x-acs-retry-after} header in milliseconds. */
    THROTTLING("throttling"),
    /** HTTP 400 {@code SystemError}, as in the seed's AssociateHaVip table; nothing is applied. */
    SYSTEM_ERROR("system-error"),
    /** HTTP 503 {@code ServiceUnavailable}; nothing is applied. */
    SERVICE_UNAVAILABLE("unavailable"),
    /** The response is held back for a while (to trigger client read timeouts), then served normally. */
    SLOW("slow"),
    /** The request is applied, then the connection is closed without a response. */
    DROP_AFTER_WRITE("drop");

    private final String spec;

    FaultKind(String spec) {
        this.spec = spec;
    }

    /** The name used in fault specs, e.g. {@code system-error}. */
    public String spec() {
        return spec;
    }

    public static FaultKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (FaultKind kind : values()) {
            if (kind.spec.equals(t) || kind.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(t)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text
                + "': use throttling, system-error, unavailable, slow or drop");
    }
}
