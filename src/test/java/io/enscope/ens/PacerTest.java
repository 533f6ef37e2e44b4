package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The client's pacing on a fake clock: waiting moves the clock, nothing sleeps. */
class PacerTest {

    private long now = 5_000_000_000L;
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        waits.add(d);
        now += d.toNanos();
    };

    private Pacer pacer(PacingSettings settings) {
        return new Pacer(settings, () -> now, sleeper);
    }

    /** The calls of {@code op} that start within one second, when the caller calls in a loop. */
    private int callsInOneSecond(Pacer pacer, EnsOperation op) throws InterruptedException {
        long end = now + 1_000_000_000L;
        int calls = 0;
        while (true) {
            pacer.acquire(op);
            if (now >= end) {
                return calls;
            }
            calls++;
        }
    }

    @Test
    void aLoopIsKeptBelowTheDocumentedRateWithOnlyASmallBurst() throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented());
        assertThat(callsInOneSecond(pacer, EnsOperation.DESCRIBE_INSTANCES)).isBetween(80, 100);
        assertThat(callsInOneSecond(pacer, EnsOperation.DESCRIBE_NETWORKS)).isBetween(8, 10);
        // any window of one second, even the first, stays within the limit of 10
        Pacer fresh = pacer(PacingSettings.documented());
        assertThat(callsInOneSecond(fresh, EnsOperation.DESCRIBE_NETWORKS)).isLessThanOrEqualTo(10);
    }

    @Test
    void operationsHaveBucketsOfTheirOwnAndOffPacesNothing() throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented());
        callsInOneSecond(pacer, EnsOperation.DESCRIBE_NETWORKS);
        waits.clear();
        pacer.acquire(EnsOperation.DESCRIBE_HAVIPS);
        assertThat(waits).isEmpty();
        Pacer off = pacer(PacingSettings.off());
        for (int i = 0; i < 10_000; i++) {
            off.acquire(EnsOperation.DESCRIBE_INSTANCES);
        }
        assertThat(waits).isEmpty();
        assertThat(off.rate(EnsOperation.DESCRIBE_INSTANCES)).isZero();
    }

    @Test
    void aThrottlingHoldsTheOperationForTheServersWaitThenHalvesItsRateAndRecoversGently()
            throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented());
        double full = pacer.rate(EnsOperation.DESCRIBE_INSTANCES);
        assertThat(full).isEqualTo(90.0);
        long before = now;
        pacer.throttled(EnsOperation.DESCRIBE_INSTANCES, Duration.ofMillis(700));
        assertThat(pacer.rate(EnsOperation.DESCRIBE_INSTANCES)).isEqualTo(45.0);
        pacer.acquire(EnsOperation.DESCRIBE_INSTANCES);
        assertThat(now - before).as("held for x-acs-retry-after").isGreaterThanOrEqualTo(700_000_000L);
        pacer.throttled(EnsOperation.DESCRIBE_INSTANCES, null);
        assertThat(pacer.rate(EnsOperation.DESCRIBE_INSTANCES)).isEqualTo(22.5);
        pacer.answered(EnsOperation.DESCRIBE_INSTANCES);
        assertThat(pacer.rate(EnsOperation.DESCRIBE_INSTANCES)).as("one step back, not all at once")
                .isEqualTo(22.5 + 90 * Pacer.RECOVERY_STEP);
        for (int i = 0; i < 100; i++) {
            pacer.answered(EnsOperation.DESCRIBE_INSTANCES);
        }
        assertThat(pacer.rate(EnsOperation.DESCRIBE_INSTANCES)).as("never above the target").isEqualTo(full);
    }

    private void inBackground(Pacer pacer, EnsOperation op) {
        Pacer.inBackground(() -> {
            try {
                pacer.acquire(op);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
    }

    /** How long the next call waits after an inventory load drained the DescribeHaVips bucket. */
    private long waitAfterALoad(boolean background) throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented());
        for (int i = 0; i < 50; i++) {
            inBackground(pacer, EnsOperation.DESCRIBE_HAVIPS);
        }
        long start = now;
        if (background) {
            inBackground(pacer, EnsOperation.DESCRIBE_HAVIPS);
        } else {
            pacer.acquire(EnsOperation.DESCRIBE_HAVIPS);
        }
        return now - start;
    }

    @Test
    void aPollWaitsLessBehindALoadThanTheLoadsNextPage() throws InterruptedException {
        long poll = waitAfterALoad(false);
        long page = waitAfterALoad(true);
        assertThat(page).isPositive();
        assertThat(poll * 3).as("poll %d ns, page %d ns", poll, page).isLessThan(page);
    }

    @Test
    void raisedLimitsAreHonoured() throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented().withLimit(EnsOperation.DESCRIBE_INSTANCES, 400));
        assertThat(callsInOneSecond(pacer, EnsOperation.DESCRIBE_INSTANCES)).isBetween(350, 400);
    }

    private Pacer.Call startInBackground(Pacer pacer, EnsOperation op) {
        return Pacer.inBackground(() -> {
            try {
                return pacer.start(op);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theWindowHalvesOncePerRoundOfThrottledCallsAndGrowsByOneCallPerTenAnswers()
            throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented().withMaxInFlight(8));
        EnsOperation op = EnsOperation.DESCRIBE_INSTANCES;
        assertThat(pacer.windowLimit()).isEqualTo(8);
        List<Pacer.Call> round = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            round.add(startInBackground(pacer, op));
        }
        assertThat(pacer.inFlight()).isEqualTo(8);
        round.get(0).throttled(null);
        assertThat(pacer.windowLimit()).isEqualTo(4);
        round.get(1).throttled(null);
        assertThat(pacer.windowLimit()).as("a call sent before the cut does not cut again").isEqualTo(4);
        round.subList(2, 8).forEach(Pacer.Call::answered);
        round.get(2).throttled(null);
        assertThat(pacer.inFlight()).as("each call leaves once").isZero();
        startInBackground(pacer, op).throttled(null);
        assertThat(pacer.windowLimit()).isEqualTo(2);
        startInBackground(pacer, op).throttled(null);
        startInBackground(pacer, op).throttled(null);
        assertThat(pacer.windowLimit()).as("never below one call").isEqualTo(1);
        for (int i = 0; i < 9; i++) {
            startInBackground(pacer, op).answered();
        }
        assertThat(pacer.windowLimit()).as("nine answers are not yet a step").isEqualTo(1);
        startInBackground(pacer, op).answered();
        assertThat(pacer.windowLimit()).isEqualTo(2);
        for (int i = 0; i < 100; i++) {
            startInBackground(pacer, op).answered();
        }
        assertThat(pacer.windowLimit()).as("never above the ceiling").isEqualTo(8);
    }

    @Test
    void aThrottledCallHoldsTheNextOnesForTheServersRetryAfter() throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented());
        long before = now;
        startInBackground(pacer, EnsOperation.DESCRIBE_HAVIPS).throttled(Duration.ofSeconds(2));
        startInBackground(pacer, EnsOperation.DESCRIBE_HAVIPS).answered();
        assertThat(now - before).isGreaterThanOrEqualTo(2_000_000_000L);
        assertThat(pacer.windowLimit()).isEqualTo(PacingSettings.DEFAULT_MAX_IN_FLIGHT / 2);
    }

    @Test
    void aFullWindowHoldsTheLoadsNextPageButNotAPoll() throws Exception {
        Pacer pacer = pacer(PacingSettings.documented().withMaxInFlight(1));
        EnsOperation op = EnsOperation.DESCRIBE_INSTANCES;
        Pacer.Call page = startInBackground(pacer, op);
        Pacer.Call poll = pacer.start(op);
        assertThat(pacer.inFlight()).as("the poll passed the full window").isEqualTo(2);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Pacer.Call> nextPage = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return startInBackground(pacer, op);
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);
        assertThat(nextPage).isNotDone();
        poll.answered();
        assertThat(nextPage).as("one page and the poll were in flight").isNotDone();
        page.answered();
        Pacer.Call next = nextPage.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(pacer.inFlight()).isEqualTo(1);
        next.answered();
    }

    @Test
    void newLimitsApplyToTheNextCall() throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented());
        pacer.throttled(EnsOperation.DESCRIBE_INSTANCES, null);
        pacer.reconfigure(PacingSettings.documented().withLimit(EnsOperation.DESCRIBE_INSTANCES, 400)
                .withMaxInFlight(3));
        assertThat(pacer.rate(EnsOperation.DESCRIBE_INSTANCES)).isEqualTo(360.0);
        assertThat(pacer.windowLimit()).isEqualTo(3);
        assertThat(callsInOneSecond(pacer, EnsOperation.DESCRIBE_INSTANCES)).isBetween(350, 400);
    }

    @Test
    void aWaitIsAWholeNumberOfMillisecondsSoTheSystemSleeperNeverSpins() throws InterruptedException {
        Pacer pacer = pacer(PacingSettings.documented());
        int calls = 0;
        for (int i = 0; i < 200; i++) {
            inBackground(pacer, EnsOperation.DESCRIBE_NETWORK_INTERFACES);
            pacer.acquire(EnsOperation.DESCRIBE_INSTANCES);
            calls++;
        }
        assertThat(calls).isEqualTo(200);
        assertThat(waits).isNotEmpty().allSatisfy(wait -> {
            assertThat(wait.toMillis()).isPositive();
            assertThat(wait.toNanos() % 1_000_000).isZero();
        });
        Pacer fresh = pacer(PacingSettings.documented());
        long start = now;
        for (int i = 0; i < 181; i++) {
            inBackground(fresh, EnsOperation.DESCRIBE_NETWORK_INTERFACES);
        }
        assertThat((now - start) / 1e9).as("the rate holds despite the rounding").isBetween(9.5, 10.5);
    }
}
