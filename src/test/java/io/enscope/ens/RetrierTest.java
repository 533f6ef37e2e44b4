package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private static final RetrySettings SETTINGS =
            new RetrySettings(4, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));

    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper recorder = sleeps::add;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void retriesThrottlingHonouringRetryAfterThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(SETTINGS, recorder, () -> 0.5);

        String result = retrier.call(EnsOperation.DESCRIBE_HAVIPS, () -> {
            if (calls.incrementAndGet() < 3) {
                throw failure(EnsError.of("Throttling.User", "flow control", "r", 400)
                        .withRetryAfter(Duration.ofMillis(1500)));
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(1500));
    }

    @Test
    void aReadRefusedForAResentNonceIsAskedAgainButAWriteIsNot() {
        AtomicInteger reads = new AtomicInteger();
        Retrier retrier = new Retrier(SETTINGS, recorder, () -> 1.0);
        String result = retrier.call(EnsOperation.DESCRIBE_HAVIPS, () -> {
            if (reads.incrementAndGet() == 1) {
                throw failure(EnsError.of("SignatureNonceUsed", "nonce used", "r", 400));
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(reads).hasValue(2);

        AtomicInteger writes = new AtomicInteger();
        assertThatThrownBy(() -> retrier.call(EnsOperation.ASSOCIATE_HAVIP, () -> {
            writes.incrementAndGet();
            throw failure(EnsError.of("SignatureNonceUsed", "nonce used", "r", 400));
        })).isInstanceOf(EnsException.class);
        assertThat(writes).hasValue(1);
    }

    @Test
    void retriesServerAndNetworkErrorsWithBoundedExponentialBackoff() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(SETTINGS, recorder, () -> 1.0);

        assertThatThrownBy(() -> retrier.call(EnsOperation.DESCRIBE_INSTANCES, () -> {
            calls.incrementAndGet();
            throw failure(EnsError.of("ServiceUnavailable", null, null, 503));
        })).isInstanceOf(EnsException.class);

        assertThat(calls).as("maxAttempts calls in all").hasValue(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void backoffIsJitteredBetweenHalfAndAllOfTheCappedDelay() {
        Retrier low = new Retrier(SETTINGS, recorder, () -> 0.0);
        Retrier high = new Retrier(SETTINGS, recorder, () -> 0.999999);
        EnsError error = EnsError.of("SDK.ReadTimeout", null, null, 0);

        assertThat(low.delayBeforeRetry(1, error)).isEqualTo(Duration.ofMillis(50));
        assertThat(high.delayBeforeRetry(1, error)).isEqualTo(Duration.ofMillis(100));
        assertThat(low.delayBeforeRetry(5, error)).as("capped").isEqualTo(Duration.ofMillis(500));
        assertThat(high.delayBeforeRetry(5, error)).isEqualTo(Duration.ofMillis(1000));
        assertThat(high.delayBeforeRetry(80, error)).as("no overflow").isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void aRetryAfterLongerThanAllowedEndsTheRetries() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(SETTINGS, recorder, () -> 0.5);

        assertThatThrownBy(() -> retrier.call(EnsOperation.DESCRIBE_HAVIPS, () -> {
            calls.incrementAndGet();
            throw failure(EnsError.of("Throttling.User", null, null, 400).withRetryAfter(Duration.ofMinutes(5)));
        })).isInstanceOf(EnsException.class);

        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void neverRetriesWritesEvenWhenTheErrorIsRetryable() {
        for (EnsOperation write : List.of(EnsOperation.ASSOCIATE_HAVIP, EnsOperation.UNASSOCIATE_HAVIP,
                EnsOperation.CREATE_HAVIP, EnsOperation.DELETE_HAVIPS, EnsOperation.MODIFY_HAVIP_ATTRIBUTE)) {
            AtomicInteger calls = new AtomicInteger();
            Retrier retrier = new Retrier(SETTINGS, recorder, () -> 0.5);

            assertThatThrownBy(() -> retrier.call(write, () -> {
                calls.incrementAndGet();
                throw failure(EnsError.of("Throttling.User", null, null, 400));
            })).isInstanceOf(EnsException.class);

            assertThat(calls).as(write.action()).hasValue(1);
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void neverRetriesErrorsThatWouldRepeat() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(SETTINGS, recorder, () -> 0.5);

        for (String code : List.of("InvalidParameter.HaVipId", "NoPermission", "SignatureDoesNotMatch",
                "HaVipNotFound", "SDK.InterruptedException")) {
            assertThatThrownBy(() -> retrier.call(EnsOperation.DESCRIBE_HAVIPS, () -> {
                calls.incrementAndGet();
                throw failure(EnsError.of(code, null, null, 400));
            })).isInstanceOf(EnsException.class);
        }

        assertThat(calls).hasValue(5);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anInterruptDuringTheWaitStopsRetryingAndKeepsTheFlag() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(SETTINGS, duration -> {
            throw new InterruptedException();
        }, () -> 0.5);
        Supplier<String> failing = () -> {
            calls.incrementAndGet();
            throw failure(EnsError.of("InternalError", null, null, 500));
        };

        assertThatThrownBy(() -> retrier.call(EnsOperation.DESCRIBE_HAVIPS, failing))
                .isInstanceOfSatisfying(EnsException.class,
                        e -> assertThat(e.error().code()).isEqualTo("InternalError"));

        assertThat(calls).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void noneMeansOneAttempt() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(RetrySettings.none(), recorder, () -> 0.5);

        assertThatThrownBy(() -> retrier.call(EnsOperation.DESCRIBE_HAVIPS, () -> {
            calls.incrementAndGet();
            throw failure(EnsError.of("InternalError", null, null, 500));
        })).isInstanceOf(EnsException.class);

        assertThat(calls).hasValue(1);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySettings(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetrySettings.defaults().maxAttempts()).isEqualTo(4);
    }

    private static EnsException failure(EnsError error) {
        return new EnsException(error);
    }
}
