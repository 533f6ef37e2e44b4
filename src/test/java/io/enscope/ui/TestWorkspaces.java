package io.enscope.ui;

import io.enscope.Sandbox;
import io.enscope.binding.ActivityLog;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.JobEngine;
import io.enscope.binding.PollPolicy;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.SdkEnsApi;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.ui.common.ExecutorTaskRunner;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.TaskRunner;
import io.enscope.ui.common.UiThread;
import io.enscope.ui.common.Workspace;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A real {@link Workspace} on the sandbox (embedded emulator, demo scenario) for UI tests: the
 * real SDK, loader, job engine and activity log. The inventory is loaded before it is returned.
 */
public final class TestWorkspaces implements AutoCloseable {
    private final Sandbox sandbox;
    private final SdkEnsApi api;
    private final JobEngine jobs;
    private final ActivityLog log;
    private final Workspace workspace;
    /** The task runner this made itself ({@link #onFx}) and shuts down on close; else null. */
    private ExecutorTaskRunner ownTasks;

    private TestWorkspaces(Sandbox sandbox, SdkEnsApi api, JobEngine jobs, ActivityLog log, Workspace workspace) {
        this.sandbox = sandbox;
        this.api = api;
        this.jobs = jobs;
        this.log = log;
        this.workspace = workspace;
    }

    /**
     * For TestFX tests: registers the primary stage, starts the workspace with a task runner of its
     * own (two threads, results on the FX thread; shut down by {@link #close}) and waits until the
     * FX thread has applied the loaded inventory.
     */
    public static TestWorkspaces onFx(Path dataDir) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(2, UiThread.fx());
        TestWorkspaces started = start(dataDir, tasks, UiThread.fx());
        started.ownTasks = tasks;
        WaitForAsyncUtils.waitForFxEvents();
        return started;
    }

    /**
     * @param dataDir  where the activity log goes (a @TempDir)
     * @param tasks    the task runner (synchronous for ViewModel tests, an executor for TestFX)
     * @param ui       the UI thread (direct for ViewModel tests, fx for TestFX)
     * @param timings  emulator timings, e.g. {@code Timings.all(TransitionTiming.afterPolls(2))}
     */
    public static TestWorkspaces start(Path dataDir, TaskRunner tasks, UiThread ui, Locale locale, Timings timings) {
        return start(dataDir, tasks, ui, locale, timings,
                PollPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    /** @param policy the jobs' polling, e.g. a first poll late enough to see what shows before it */
    public static TestWorkspaces start(Path dataDir, TaskRunner tasks, UiThread ui, Locale locale, Timings timings,
            PollPolicy policy) {
        Sandbox sandbox = Sandbox.start();
        sandbox.emulator().setTimings(timings);
        SdkEnsApi api = new SdkEnsApi(EnsClientConfig.local(sandbox.endpoint()), EnsCredentialsProvider.of(
                EnsCredentials.of(sandbox.adminAccount().accessKeyId(), sandbox.adminAccount().accessKeySecret())));
        ActivityLog log;
        try {
            log = ActivityLog.open(dataDir.resolve("activity"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JobEngine jobs = JobEngine.builder(api).journal(log)
                .pollPolicy(policy)
                .build();
        InventoryLoader loader = new InventoryLoader(api);
        Workspace ws = new Workspace(new Workspace.Services("Sandbox", Optional.of(sandbox), api, loader, jobs, log,
                new EligibilityEngine()), tasks, ui, new I18n(locale), 0);
        List<String> regions = api.describeRegions().stream().map(r -> r.id()).toList();
        Inventory inventory = loader.load(regions);
        ui.run(() -> {
            ws.regions().setAll(api.describeRegions());
            ws.selectedRegions().setAll(regions);
            ws.setInventory(inventory);
        });
        return new TestWorkspaces(sandbox, api, jobs, log, ws);
    }

    /** With transitions completing at the second DescribeHaVips call that lists the HaVip. */
    public static TestWorkspaces start(Path dataDir, TaskRunner tasks, UiThread ui) {
        return start(dataDir, tasks, ui, Locale.ENGLISH, Timings.all(TransitionTiming.afterPolls(2)));
    }

    public Workspace workspace() {
        return workspace;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public SdkEnsApi api() {
        return api;
    }

    @Override
    public void close() {
        workspace.close();
        jobs.shutdown();
        log.close();
        api.close();
        sandbox.close();
        if (ownTasks != null) {
            ownTasks.shutdown();
        }
    }
}
