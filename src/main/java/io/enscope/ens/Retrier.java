package io.enscope.ens;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats reads that failed for a passing reason (throttling, server error, network) with
 * jittered, bounded exponential backoff, honouring a server-named wait. Writes pass through
 * untouched: a write is never sent twice by this class.
 */
final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetrySettings settings;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param settings the bounds
     * @param sleeper  how to wait
     * @param random   uniform values in [0, 1) for the jitter
     */
    Retrier(RetrySettings settings, Sleeper sleeper, DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    <T> T call(EnsOperation operation, Supplier<T> attempt) {
        int attempts = 1;
        while (true) {
            try {
                return attempt.get();
            } catch (EnsException failure) {
                EnsError error = failure.error();
                if (operation.isWrite() || !(error.retryable() || isResentRead(error))
                        || attempts >= settings.maxAttempts()
                        || Thread.currentThread().isInterrupted()) {
                    throw failure;
                }
                Duration delay = delayBeforeRetry(attempts, error);
                if (delay == null) {
                    LOG.info("{} failed with {}; the server asks to wait {}, longer than allowed, so no retry",
                            operation.action(), error.code(), error.retryAfter());
                    throw failure;
                }
                LOG.info("{} failed with {} (attempt {} of {}); retrying in {} ms", operation.action(),
                        error.code(), attempts, settings.maxAttempts(), delay.toMillis());
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
                attempts++;
            }
        }
    }

    /**
     * The JDK HTTP client silently re-sends an idempotent GET once when its pooled connection
     * turns out closed; when the first copy did arrive, the server refuses the copy's reused nonce.
     * A read can safely be asked again with a fresh signature, so that refusal is retried.
     */
    private static boolean isResentRead(EnsError error) {
        return "SignatureNonceUsed".equals(error.code());
    }

    /**
     * The wait before retry number {@code retry} (1 = the first retry). A server-named wait is
     * honoured as given when within {@link RetrySettings#maxRetryAfter()}; otherwise the wait is
     * {@code d/2 + random·d/2} with {@code d = min(maxDelay, baseDelay·2^(retry-1))}, so that
     * clients throttled together do not come back together.
     *
     * @return the wait, or null when the server asks for longer than allowed
     */
    Duration delayBeforeRetry(int retry, EnsError error) {
        Duration retryAfter = error.retryAfter();
        if (retryAfter != null) {
            return retryAfter.compareTo(settings.maxRetryAfter()) <= 0 ? retryAfter : null;
        }
        long base = settings.baseDelay().toMillis();
        long cap = settings.maxDelay().toMillis();
        long exponential = base << Math.min(Math.max(retry - 1, 0), 30);
        long bounded = exponential < 0 || exponential > cap ? cap : exponential;
        double jitter = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(bounded / 2 + Math.round(jitter * (bounded - bounded / 2)));
    }
}
