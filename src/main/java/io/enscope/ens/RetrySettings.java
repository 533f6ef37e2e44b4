package io.enscope.ens;

import java.time.Duration;
import java.util.Objects;

/**
 * How reads are retried after throttling, server errors and I/O errors: at most
 * {@code maxAttempts} calls in all, waiting a jittered {@code baseDelay · 2^(n-1)}, capped at
 * {@code maxDelay}, between them. When the server names a wait in {@code x-acs-retry-after}, that
 * wait is used instead, up to {@code maxRetryAfter}. Writes are never retried.
 *
 * @param maxAttempts   calls in all, at least 1 (1 = no retry)
 * @param baseDelay     the first backoff before jitter
 * @param maxDelay      the largest computed backoff
 * @param maxRetryAfter the longest server-requested wait honoured; longer ones end the retries
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** Checks the bounds. */
    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must not be shorter than baseDelay");
        }
    }

    /**
     * A few attempts with a doubling wait, capped so that a user is not left waiting long, and
     * server waits honoured up to the bound the aliyun CLI applies to {@code x-acs-retry-after}.
     *
     * @return the default settings
     */
    public static RetrySettings defaults() {
        return new RetrySettings(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** @return settings that never retry */
    public static RetrySettings none() {
        return new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
