package io.enscope.ui.common;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watchdog on the real FX thread (headless Monocle): a stall made on purpose, by work that
 * keeps the FX thread on a CPU for a known time, is measured with that work.
 */
@Tag("benchmark")
class FxStallWatchdogTest {
    private static final long WORK_MILLIS = 300;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Keeps the calling thread on a CPU until it has used {@code millis} of CPU time. */
    private static void work(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aStallIsMeasuredInWallTimeAndInTheFxThreadsOwnWork() throws Exception {
        FxStallWatchdog watchdog = FxStallWatchdog.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> watchdog.pings() > 0);
            Platform.runLater(() -> work(WORK_MILLIS));
            // the ping posted next after the work began (pings are 10 ms apart) waits for the rest of it
            long atLeast = WORK_MILLIS - 50;
            await().atMost(Duration.ofSeconds(10)).until(() -> watchdog.maxStall().toMillis() >= atLeast);
            assertThat(watchdog.maxBusyStall().toMillis()).isBetween(atLeast, watchdog.maxStall().toMillis());
            assertThat(watchdog.longestStalls()).isNotEmpty();
        } finally {
            watchdog.stop();
        }
    }

    @Test
    void aStallGoingOnWhenTheWatchdogStartsCountsTheWorkDoneInIt() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        Platform.runLater(() -> {
            working.countDown();
            work(2 * WORK_MILLIS);
        });
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        FxStallWatchdog watchdog = FxStallWatchdog.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> watchdog.pings() > 0);
            // its first ping waited for the rest of that work: most of it, on the FX thread's CPU
            assertThat(watchdog.maxStall().toMillis()).isGreaterThan(WORK_MILLIS);
            assertThat(watchdog.maxBusyStall().toMillis()).as("the FX thread's work in that stall")
                    .isGreaterThan(WORK_MILLIS * 2 / 3);
        } finally {
            watchdog.stop();
        }
    }
}
