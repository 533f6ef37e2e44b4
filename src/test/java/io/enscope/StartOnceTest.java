package io.enscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartOnceTest {

    /** A started thing that knows whether it was closed. */
    private static final class Started implements AutoCloseable {
        volatile boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aSecondCallerThatComesWhileTheFirstStartsWaitsForTheSameInstance() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        StartOnce<Started> once = new StartOnce<>(() -> {
            starts.incrementAndGet();
            starting.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Started();
        });
        AtomicReference<Started> first = new AtomicReference<>();
        AtomicReference<Started> second = new AtomicReference<>();
        Thread connect = new Thread(() -> first.set(once.get()), "test-connect");
        Thread fallback = new Thread(() -> second.set(once.get()), "test-profile-fallback");

        connect.start();
        assertThat(starting.await(10, TimeUnit.SECONDS)).isTrue();
        fallback.start();
        // The second caller is held up (by the holder, or, unguarded, inside a second start).
        await().atMost(Duration.ofSeconds(10)).until(() -> fallback.getState() == Thread.State.BLOCKED
                || fallback.getState() == Thread.State.WAITING || fallback.getState() == Thread.State.TIMED_WAITING);
        finish.countDown();
        connect.join(10_000);
        fallback.join(10_000);

        assertThat(starts).hasValue(1);
        assertThat(first.get()).isNotNull().isSameAs(second.get());
        assertThat(once.ifStarted()).containsSame(first.get());
    }

    @Test
    void concurrentFirstUseStartsOneSandboxEmulator(@TempDir Path dir) throws Exception {
        AtomicInteger starts = new AtomicInteger();
        StartOnce<Sandbox> sandbox = new StartOnce<>(() -> {
            starts.incrementAndGet();
            return Sandbox.start(dir.resolve("state.json"));
        });
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Sandbox> a = callers.submit(() -> {
                go.await();
                return sandbox.get();
            });
            Future<Sandbox> b = callers.submit(() -> {
                go.await();
                return sandbox.get();
            });
            go.countDown();
            assertThat(a.get(60, TimeUnit.SECONDS)).isSameAs(b.get(60, TimeUnit.SECONDS));
            assertThat(starts).hasValue(1);
        } finally {
            callers.shutdownNow();
            sandbox.close();
        }
        assertThatThrownBy(sandbox::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeClosesWhatWasStartedAndNothingWhenNothingWas() throws Exception {
        StartOnce<Started> unused = new StartOnce<>(Started::new);
        unused.close();
        assertThat(unused.ifStarted()).isEmpty();

        StartOnce<Started> used = new StartOnce<>(Started::new);
        Started started = CompletableFuture.supplyAsync(used::get).get(10, TimeUnit.SECONDS);
        used.close();
        assertThat(started.closed).isTrue();
        assertThat(used.ifStarted()).isEmpty();
    }
}
