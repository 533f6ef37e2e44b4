package io.enscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What happens to a task that fails: expected failures go to its handler, errors are never swallowed. */
class ExecutorTaskRunnerTest {

    private Thread.UncaughtExceptionHandler previous;
    private ExecutorTaskRunner tasks;

    @BeforeEach
    void setUp() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        tasks = new ExecutorTaskRunner(1, new DirectUiThread());
    }

    @AfterEach
    void tearDown() {
        tasks.shutdown();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void anErrorInATaskGoesToTheUncaughtExceptionHandler() throws Exception {
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        CountDownLatch reported = new CountDownLatch(1);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            uncaught.set(error);
            reported.countDown();
        });
        CompletableFuture<Throwable> handled = new CompletableFuture<>();
        AssertionError bug = new AssertionError("a bug in the task");

        tasks.submit("buggy", p -> {
            throw bug;
        }, ok -> { }, handled::complete);

        assertThat(reported.await(10, TimeUnit.SECONDS)).as("reported as uncaught").isTrue();
        assertThat(uncaught.get()).isSameAs(bug);
        assertThat(handled).as("not passed off as an expected failure").isNotDone();
    }

    @Test
    void anExceptionGoesToTheTasksFailureHandler() throws Exception {
        CompletableFuture<Throwable> handled = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("refused");

        tasks.submit("failing", p -> {
            throw failure;
        }, ok -> { }, handled::complete);

        assertThat(handled.get(10, TimeUnit.SECONDS)).isSameAs(failure);
    }
}
