package io.enscope.emulator.gateway;

import io.enscope.emulator.RateLimits;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's flow control: a token bucket per operation and scope (the whole API, the account,
 * one AccessKey). A call takes one token from each of its buckets, or from none when any of them
 * is empty; it is then refused with {@code Throttling.User} (user or account scope) or
 * {@code Throttling.Api} (operation-wide), with the wait until a token is back as
 * {@code x-acs-retry-after} in milliseconds.
 */
public final class FlowControl {
    /** Past this many buckets (each AccessKey ever seen has its own) the idle ones start over full. */
    private static final int MAX_BUCKETS = 10_000;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private RateLimits limits;

    public FlowControl(RateLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public synchronized RateLimits limits() {
        return limits;
    }

    /** Replaces the limits; every bucket starts over full. */
    public synchronized void setLimits(RateLimits newLimits) {
        this.limits = Objects.requireNonNull(newLimits, "limits");
        buckets.clear();
    }

    /**
     * Takes one token for a call of {@code action} by {@code accessKeyId}.
     *
     * @throws ApiException {@code Throttling.User} or {@code Throttling.Api} when over a limit
     */
    public synchronized void admit(String action, String accessKeyId) {
        RateLimits.Rate rate = limits.of(action);
        if (rate.unlimited()) {
            return;
        }
        long now = clock.millis();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket user = bucket("user|" + action + "|" + accessKeyId, rate.user(), now);
        Bucket account = bucket("account|" + action, rate.account(), now);
        Bucket api = bucket("api|" + action, rate.api(), now);
        long wait = wait(user);
        if (wait == 0) {
            wait = wait(account);
        }
        if (wait > 0) {
            throw new ApiException(400, "Throttling.User", "Request was denied due to user flow control.",
                    Map.of("x-acs-retry-after", String.valueOf(wait)));
        }
        wait = wait(api);
        if (wait > 0) {
            throw new ApiException(400, "Throttling.Api", "Request was denied due to api flow control.",
                    Map.of("x-acs-retry-after", String.valueOf(wait)));
        }
        for (Bucket b : new Bucket[] {user, account, api}) {
            if (b != null) {
                b.tokens -= 1;
            }
        }
    }

    private Bucket bucket(String key, double perSecond, long now) {
        if (perSecond <= 0) {
            return null;
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(perSecond, now));
        b.refill(now);
        return b;
    }

    /** Milliseconds until the bucket holds a whole token; 0 when it does (or there is no bucket). */
    private static long wait(Bucket b) {
        if (b == null || b.tokens >= 1) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b.tokens) * 1000 / b.perSecond));
    }

    private static final class Bucket {
        final double perSecond;
        final double capacity;
        double tokens;
        long last;

        Bucket(double perSecond, long now) {
            this.perSecond = perSecond;
            // A limit below one call per second still lets one call through.
            this.capacity = Math.max(1, perSecond);
            this.tokens = capacity;
            this.last = now;
        }

        void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * perSecond / 1000);
                last = now;
            }
        }
    }
}
