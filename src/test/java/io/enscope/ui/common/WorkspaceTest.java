package io.enscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.binding.ActivityLog;
import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobState;
import io.enscope.binding.PollPolicy;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.UnsupportedEnsApi;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.InstanceQuery;
import io.enscope.ens.NetworkInterfaceQuery;
import io.enscope.ens.NetworkQuery;
import io.enscope.ens.VSwitchQuery;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.ui.TestWorkspaces;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the workspace keeps the inventory live: with the HaVips the binding jobs read (no
 * DescribeHaVips call of its own while a job watches a HaVip), a read of its own only after a
 * transition the job made without reading, bursts applied as one change, and stale reads
 * dropped. Against a fake ENS that tells who made each DescribeHaVips call, then through the real
 * SDK and the emulator, counting the calls the emulator answered.
 */
class WorkspaceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String H1 = "havip-1";
    private static final String H2 = "havip-2";

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private FakeEns ens;
    private JobEngine jobs;
    private Workspace workspace;
    /** The last transition of each job, as a listener added after the workspace's heard it. */
    private final Map<String, JobEvent> lastEvents = new ConcurrentHashMap<>();
    /** Every inventory the workspace published. */
    private final List<Inventory> published = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        ens = new FakeEns();
        ens.put(haVip(H1, HaVipStatus.AVAILABLE));
        ens.put(haVip(H2, HaVipStatus.AVAILABLE));
    }

    @AfterEach
    void tearDown() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    /** A workspace on the fake ENS showing both HaVips as they are now; tasks run on the caller's thread. */
    private void start(PollPolicy policy, UiThread ui) throws IOException {
        start(policy, ui, new SynchronousTaskRunner());
    }

    private void start(PollPolicy policy, UiThread ui, TaskRunner tasks) throws IOException {
        jobs = JobEngine.builder(ens).pollPolicy(policy).build();
        toClose.add(jobs::shutdown);
        ActivityLog activity = ActivityLog.open(dir.resolve("activity"));
        toClose.add(activity);
        workspace = new Workspace(new Workspace.Services("Test", Optional.empty(), ens, new InventoryLoader(ens), jobs,
                activity, new EligibilityEngine()), tasks, ui, new I18n(Locale.ENGLISH), 0);
        toClose.add(workspace);
        // Added after the workspace's: when it hears of a transition, the workspace has handled it
        // (its reads run on the same thread, the task runner being synchronous).
        jobs.addListener((event, job) -> lastEvents.put(event.jobId(), event));
        ui.run(() -> {
            workspace.setInventory(Inventory.of(List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(ens.get(H1), ens.get(H2))));
            workspace.inventoryProperty().addListener((obs, old, now) -> published.add(now));
        });
    }

    private void start() throws IOException {
        start(fastPolls(), new DirectUiThread());
    }

    private static PollPolicy fastPolls() {
        return PollPolicy.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(50));
    }

    private JobEvent awaitState(BindingJob job, JobState state) {
        await().atMost(PATIENCE).until(() -> lastEvents.containsKey(job.id())
                && lastEvents.get(job.id()).to() == state);
        return lastEvents.get(job.id());
    }

    private Optional<AssociationStatus> shown(String haVipId, String targetId) {
        return workspace.inventory().haVip(haVipId).flatMap(h -> h.association(targetId)).map(a -> a.status());
    }

    @Test
    void bindAndUnbindAreShownFromTheJobsOwnPollsWithoutAnyDescribeHaVipsOfTheWorkspace() throws IOException {
        start();
        ens.completeAtRead = 3;

        BindingJob bind = jobs.submitBind(H1, "i-1", InstanceType.ENS_INSTANCE);
        awaitState(bind, JobState.SUCCEEDED);

        assertThat(shown(H1, "i-1")).contains(AssociationStatus.IN_USE);
        assertThat(workspace.inventory().haVip(H1).orElseThrow().status()).isEqualTo(HaVipStatus.IN_USE);
        assertThat(published).as("Associating from the accepted write (then the first poll), InUse from the third")
                .extracting(inventory -> inventory.haVip(H1).flatMap(h -> h.association("i-1"))
                        .map(a -> a.status()).orElse(null))
                .startsWith(AssociationStatus.ASSOCIATING).endsWith(AssociationStatus.IN_USE)
                .containsOnly(AssociationStatus.ASSOCIATING, AssociationStatus.IN_USE);
        assertThat(ens.reads(Caller.JOB)).isEqualTo(jobs.job(bind.id()).orElseThrow().polls()).isEqualTo(3);
        assertThat(ens.reads(Caller.WORKSPACE)).as("DescribeHaVips of the workspace").isZero();

        ens.completeAtRead = 2;
        BindingJob unbind = jobs.submitUnbind(H1, "i-1");
        awaitState(unbind, JobState.SUCCEEDED);

        assertThat(shown(H1, "i-1")).isEmpty();
        assertThat(workspace.inventory().haVip(H1).orElseThrow().status()).isEqualTo(HaVipStatus.AVAILABLE);
        assertThat(ens.reads(Caller.JOB)).isEqualTo(3 + 2);
        assertThat(ens.reads(Caller.WORKSPACE)).isZero();
    }

    @Test
    void aRefusedWriteReadsNothingSoTheWorkspaceReadsTheHaVipOnce() throws IOException {
        start();
        // Someone else bound the HaVip since the inventory was loaded: ENS refuses, and the
        // console should show why.
        ens.put(haVip(H1, HaVipStatus.IN_USE, association("i-other", AssociationStatus.IN_USE)));
        ens.refuseWrites = EnsError.of("InstanceAlreadyAssociated", "refused", "req-x", 400);

        BindingJob bind = jobs.submitBind(H1, "i-other", InstanceType.ENS_INSTANCE);
        JobEvent failed = awaitState(bind, JobState.FAILED);

        assertThat(failed.read()).isEmpty();
        assertThat(ens.reads(Caller.JOB)).isZero();
        assertThat(ens.reads(Caller.WORKSPACE)).isEqualTo(1);
        assertThat(shown(H1, "i-other")).contains(AssociationStatus.IN_USE);
    }

    @Test
    void aCancelledJobIsFollowedByOneReadOfTheWorkspace() throws IOException {
        start();
        ens.completeAtRead = 2;
        CountDownLatch hold = new CountDownLatch(1);
        ens.beforeWrite = hold;
        BindingJob first = jobs.submitBind(H1, "i-1", InstanceType.ENS_INSTANCE);
        BindingJob second = jobs.submitBind(H1, "i-2", InstanceType.ENS_INSTANCE);

        assertThat(jobs.cancel(second.id())).isTrue();
        assertThat(ens.reads(Caller.WORKSPACE)).isEqualTo(1);
        hold.countDown();
        awaitState(first, JobState.SUCCEEDED);

        assertThat(ens.reads(Caller.WORKSPACE)).as("nothing more for the job that polled").isEqualTo(1);
        assertThat(shown(H1, "i-1")).contains(AssociationStatus.IN_USE);
    }

    @Test
    void whenTheFirstPollIsFarOffTheWorkspaceReadsTheAcceptedChangeItself() throws IOException {
        start(PollPolicy.defaults().withBackoff(Duration.ofSeconds(3), Duration.ofSeconds(5)), new DirectUiThread());
        ens.completeAtRead = 100;

        BindingJob bind = jobs.submitBind(H1, "i-1", InstanceType.ENS_INSTANCE);
        awaitState(bind, JobState.ASSOCIATING);

        assertThat(ens.reads(Caller.WORKSPACE)).isEqualTo(1);
        assertThat(shown(H1, "i-1")).contains(AssociationStatus.ASSOCIATING);
        assertThat(jobs.detach(bind.id())).isTrue();
        assertThat(ens.reads(Caller.WORKSPACE)).as("a stopped job reads no more").isEqualTo(2);
    }

    @Test
    void aBurstOfReadsIsAppliedInOneInventoryChange() throws IOException {
        Queue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(2, uiQueue::add);
        toClose.add(tasks::shutdown);
        start(fastPolls(), uiQueue::add, tasks);
        drain(uiQueue);
        List<String> ids = new ArrayList<>();
        for (int i = 3; i <= 8; i++) {
            ens.put(haVip("havip-" + i, HaVipStatus.AVAILABLE));
            ids.add("havip-" + i);
        }
        ens.completeAtRead = 1;

        List<BindingJob> binds = new ArrayList<>();
        for (String id : ids) {
            binds.add(jobs.submitBind(id, "i-1", InstanceType.ENS_INSTANCE));
        }
        for (BindingJob job : binds) {
            awaitState(job, JobState.SUCCEEDED);
        }

        assertThat(published).as("nothing changes off the UI thread").isEmpty();
        assertThat(uiQueue).as("six jobs' reads wait for the UI thread as one update").hasSize(1);
        drain(uiQueue);
        assertThat(published).as("one inventory change").hasSize(1);
        assertThat(ids).allSatisfy(id -> assertThat(shown(id, "i-1")).contains(AssociationStatus.IN_USE));
        assertThat(ens.reads(Caller.WORKSPACE)).isZero();
    }

    @Test
    void thePeriodicRefreshReadsTheChosenRegionsAndTheLoadingFlagOnTheUiThread() throws IOException {
        Queue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        start(fastPolls(), uiQueue::add, new SynchronousTaskRunner());
        uiQueue.add(() -> workspace.selectedRegions().setAll("cn-test-1"));
        drain(uiQueue);

        // The timer's thread (here the test's) fires: it may only hand the tick to the UI thread.
        workspace.refreshTimerFired();
        assertThat(ens.reads(Caller.WORKSPACE)).as("nothing read off the UI thread").isZero();
        assertThat(uiQueue).hasSize(1);

        drain(uiQueue);
        assertThat(ens.reads(Caller.WORKSPACE)).as("the UI thread read the regions and refreshed").isEqualTo(1);
    }

    @Test
    void aFailedLiveRefreshMarksTheStatusesStaleUntilTheNextGoodOne() throws IOException {
        start();
        workspace.selectedRegions().setAll("cn-test-1");
        assertThat(workspace.staleProperty().get()).isEmpty();

        ens.failReads = EnsError.of("ServiceUnavailable", "try later", "req-503", 503);
        workspace.refreshTimerFired();
        assertThat(workspace.staleProperty().get()).startsWith("Statuses may be out of date.")
                .contains("Last good refresh: never").contains("ENS is temporarily unavailable.");

        ens.failReads = null;
        workspace.refreshTimerFired();
        assertThat(workspace.staleProperty().get()).as("cleared by the next good refresh").isEmpty();

        ens.failReads = EnsError.of("SDK.ReadTimeout", "read timed out", null, 0).asAmbiguous();
        workspace.refreshTimerFired();
        assertThat(workspace.staleProperty().get()).matches(".*Last good refresh: \\d\\d:\\d\\d:\\d\\d\\..*")
                .contains("ENS did not answer in time.");
        ens.failReads = null;
        workspace.refreshHaVip(H1);
        assertThat(workspace.staleProperty().get()).as("one HaVip read does not vouch for all").isNotEmpty();
        workspace.refreshTimerFired();
        assertThat(workspace.staleProperty().get()).isEmpty();
    }

    /** Through the real SDK and the emulator's fault plan, in Chinese. */
    @Test
    void onTheEmulatorAFailingRefreshShowsTheStaleMarkerInChineseAndClearsItself() {
        TestWorkspaces env = TestWorkspaces.start(dir.resolve("sandbox"), new SynchronousTaskRunner(),
                new DirectUiThread(), Locale.SIMPLIFIED_CHINESE, Timings.all(TransitionTiming.afterPolls(2)));
        toClose.add(env);
        Workspace ws = env.workspace();
        env.sandbox().emulator().faults().add(FaultRule.next("DescribeHaVips", FaultKind.SYSTEM_ERROR, 20));

        ws.refreshTimerFired();
        assertThat(ws.staleProperty().get()).startsWith("状态可能已过时").contains("实时刷新失败");

        env.sandbox().emulator().faults().clear();
        ws.refreshTimerFired();
        assertThat(ws.staleProperty().get()).isEmpty();
    }

    @Test
    void aStalePollNeverOverwritesANewerStateInTheInventory() throws Exception {
        start();
        ens.completeAtRead = 1000;
        CountDownLatch firstPollRead = new CountDownLatch(1);
        CountDownLatch releaseFirstPoll = new CountDownLatch(1);
        CountDownLatch secondPollStarted = new CountDownLatch(1);
        CountDownLatch releaseSecondPoll = new CountDownLatch(1);
        AtomicInteger jobPolls = new AtomicInteger();
        ens.afterRead = caller -> {
            if (caller == Caller.JOB) {
                int poll = jobPolls.incrementAndGet();
                if (poll == 1) {
                    firstPollRead.countDown();
                    awaitLatch(releaseFirstPoll);
                } else if (poll == 2) {
                    secondPollStarted.countDown();
                    awaitLatch(releaseSecondPoll);
                }
            }
        };
        BindingJob bind = jobs.submitBind(H1, "i-1", InstanceType.ENS_INSTANCE);
        // The job's first poll has read "Associating" and is held before its answer comes back.
        assertThat(firstPollRead.await(20, TimeUnit.SECONDS)).isTrue();
        ens.complete(H1);
        workspace.refreshHaVip(H1);
        assertThat(shown(H1, "i-1")).as("a newer read, sent after the poll").contains(AssociationStatus.IN_USE);

        releaseFirstPoll.countDown();
        // The poll's answer has been handed to the workspace once the job polls again.
        assertThat(secondPollStarted.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(shown(H1, "i-1")).as("the poll's older answer is dropped").contains(AssociationStatus.IN_USE);

        releaseSecondPoll.countDown();
        awaitState(bind, JobState.SUCCEEDED);
        assertThat(shown(H1, "i-1")).contains(AssociationStatus.IN_USE);
    }

    @Test
    void aReloadDoesNotUndoAHaVipReadAfterTheLoadStarted() throws Exception {
        start();
        ens.put(haVip(H1, HaVipStatus.ASSOCIATING, association("i-1", AssociationStatus.ASSOCIATING)));
        workspace.selectedRegions().setAll("cn-test-1");
        CountDownLatch loadRead = new CountDownLatch(1);
        CountDownLatch releaseLoad = new CountDownLatch(1);
        ens.afterRead = caller -> {
            if (caller == Caller.LOADER) {
                loadRead.countDown();
                awaitLatch(releaseLoad);
            }
        };

        workspace.reload();
        // The load has read the HaVips ("Associating") and is held before it finishes.
        assertThat(loadRead.await(20, TimeUnit.SECONDS)).isTrue();
        ens.complete(H1);
        workspace.refreshHaVip(H1);
        assertThat(shown(H1, "i-1")).contains(AssociationStatus.IN_USE);

        releaseLoad.countDown();
        await().atMost(PATIENCE).until(() -> !workspace.loadingProperty().get());
        assertThat(workspace.inventory().haVips()).extracting(HaVip::id).containsExactly(H1, H2);
        assertThat(shown(H1, "i-1")).as("the load's older answer does not win").contains(AssociationStatus.IN_USE);
    }

    /** Through the real SDK and the emulator, whose association completes only after polls. */
    @Test
    void onTheEmulatorAnAcceptedBindShowsAssociatingBeforeAnyPoll() {
        PollPolicy lateFirstPoll = PollPolicy.defaults().withBackoff(Duration.ofMillis(1500), Duration.ofMillis(1900));
        TestWorkspaces env = TestWorkspaces.start(dir.resolve("sandbox"), new SynchronousTaskRunner(),
                new DirectUiThread(), Locale.ENGLISH, Timings.all(TransitionTiming.afterPolls(2)), lateFirstPoll);
        toClose.add(env);
        Workspace ws = env.workspace();
        DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS) && s.instanceType().equals("EnsInstance"))
                .findFirst().orElseThrow();
        AtomicLong readsWhenShown = new AtomicLong(-1);
        ws.inventoryProperty().addListener((obs, old, now) -> {
            boolean associating = now.haVip(pair.haVipId()).flatMap(h -> h.association(pair.targetId()))
                    .map(a -> a.status() == AssociationStatus.ASSOCIATING).orElse(false);
            if (associating) {
                readsWhenShown.compareAndSet(-1, describeHaVipsAnswered(env));
            }
        });
        long before = describeHaVipsAnswered(env);

        BindingJob bind = ws.jobs().submitBind(pair.haVipId(), pair.targetId(), null);

        await().atMost(PATIENCE).until(() -> readsWhenShown.get() >= 0);
        assertThat(readsWhenShown.get()).as("Associating shown before the job's first DescribeHaVips")
                .isEqualTo(before);
        // What the console shows follows the binding, whatever the HaVip-level model.
        assertThat(ws.inventory().haVip(pair.haVipId())).get().extracting(HaVip::liveStatus)
                .isIn(HaVipStatus.ASSOCIATING, HaVipStatus.IN_USE);
        // The polls then confirm it.
        await().atMost(PATIENCE).until(() -> ws.jobs().job(bind.id()).orElseThrow().state() == JobState.SUCCEEDED);
        await().atMost(PATIENCE).until(() -> ws.inventory().haVip(pair.haVipId())
                .flatMap(h -> h.association(pair.targetId())).map(a -> a.status() == AssociationStatus.IN_USE)
                .orElse(false));
        assertThat(describeHaVipsAnswered(env)).isGreaterThan(before);
    }

    /** Through the real SDK and the emulator: the DescribeHaVips calls it answered are the job's polls, no more. */
    @Test
    void onTheEmulatorABindCostsOnlyTheJobsPollsAndARefusalOneRead() {
        TestWorkspaces env = TestWorkspaces.start(dir.resolve("sandbox"), new SynchronousTaskRunner(),
                new DirectUiThread());
        toClose.add(env);
        Workspace ws = env.workspace();
        ws.jobs().addListener((event, job) -> lastEvents.put(event.jobId(), event));
        DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS) && s.instanceType().equals("EnsInstance"))
                .findFirst().orElseThrow();
        DemoScenario.Showcase wrong = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals("IncorrectInstanceVSwitch")).findFirst().orElseThrow();
        long before = describeHaVipsAnswered(env);

        BindingJob bind = ws.jobs().submitBind(pair.haVipId(), pair.targetId(), null);
        await().atMost(PATIENCE).until(() -> lastEvents.containsKey(bind.id())
                && lastEvents.get(bind.id()).to().isTerminal());

        BindingJob done = ws.jobs().job(bind.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(ws.inventory().haVip(pair.haVipId()).flatMap(h -> h.association(pair.targetId()))
                .map(a -> a.status())).contains(AssociationStatus.IN_USE);
        assertThat(done.polls()).as("polls:2: Associating, then InUse").isEqualTo(2);
        assertThat(describeHaVipsAnswered(env) - before).as("DescribeHaVips answered by the emulator")
                .isEqualTo(done.polls());

        long beforeRefusal = describeHaVipsAnswered(env);
        BindingJob refused = ws.jobs().submitBind(wrong.haVipId(), wrong.targetId(), null);
        await().atMost(PATIENCE).until(() -> lastEvents.containsKey(refused.id())
                && lastEvents.get(refused.id()).to().isTerminal());
        assertThat(ws.jobs().job(refused.id()).orElseThrow().errorCode()).isEqualTo("IncorrectInstanceVSwitch");
        assertThat(describeHaVipsAnswered(env) - beforeRefusal).as("the workspace's one read after the refusal")
                .isEqualTo(1);
    }

    private static long describeHaVipsAnswered(TestWorkspaces env) {
        return env.sandbox().emulator().requests().answers().getOrDefault("DescribeHaVips OK", 0L);
    }

    private static void drain(Queue<Runnable> queue) {
        for (Runnable action = queue.poll(); action != null; action = queue.poll()) {
            action.run();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the call");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HaVip haVip(String id, HaVipStatus status, HaVipAssociation... associations) {
        return new HaVip(id, "name-" + id, "", "10.0.0.100", status, null, "vsw-1", "n-1", "cn-test-1", null,
                List.of(associations), List.of());
    }

    static HaVipAssociation association(String targetId, AssociationStatus status) {
        return new HaVipAssociation(targetId, InstanceType.ofTargetId(targetId), null, "10.0.0.5", status, null, null);
    }

    /** Who made a DescribeHaVips call, from the stack. */
    enum Caller {
        JOB, WORKSPACE, LOADER, OTHER;

        static Caller ofCurrentThread() {
            String workspace = Workspace.class.getName();
            return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                    .map(name -> name.equals(workspace) || name.startsWith(workspace + "$")
                            ? WORKSPACE : name.startsWith("io.enscope.binding.") ? JOB
                            : name.startsWith("io.enscope.inventory.") ? LOADER : null)
                    .filter(caller -> caller != null).findFirst().orElse(OTHER));
        }
    }

    /** What the fake does right after reading, before answering; may block. */
    @FunctionalInterface
    interface ReadHook {
        void afterRead(Caller caller);
    }

    /**
     * An ENS that knows HaVips only. A change completes at the {@code completeAtRead}-th read of
     * its HaVip (as the emulator's {@code polls:N}), or by {@link #complete}.
     */
    static final class FakeEns extends UnsupportedEnsApi {
        private final Map<String, HaVip> haVips = new LinkedHashMap<>();
        private final Map<String, Integer> readsLeft = new HashMap<>();
        private final Map<Caller, AtomicInteger> reads = new ConcurrentHashMap<>();
        volatile int completeAtRead = 2;
        volatile EnsError refuseWrites;
        volatile EnsError failReads;
        volatile CountDownLatch beforeWrite;
        volatile ReadHook afterRead = caller -> { };

        synchronized void put(HaVip haVip) {
            haVips.put(haVip.id(), haVip);
        }

        synchronized HaVip get(String id) {
            return haVips.get(id);
        }

        int reads(Caller caller) {
            return reads.computeIfAbsent(caller, c -> new AtomicInteger()).get();
        }

        /** Completes the HaVip's transitional associations now. */
        synchronized void complete(String id) {
            readsLeft.remove(id);
            HaVip haVip = haVips.get(id);
            List<HaVipAssociation> done = new ArrayList<>();
            for (HaVipAssociation a : haVip.associations()) {
                if (a.status() == AssociationStatus.ASSOCIATING) {
                    done.add(association(a.instanceId(), AssociationStatus.IN_USE));
                } else if (a.status() != AssociationStatus.UNASSOCIATING) {
                    done.add(a);
                }
            }
            haVips.put(id, haVip(id, done.isEmpty() ? HaVipStatus.AVAILABLE : HaVipStatus.IN_USE,
                    done.toArray(HaVipAssociation[]::new)));
        }

        @Override
        public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
            Caller caller = Caller.ofCurrentThread();
            EnsError failure = failReads;
            if (failure != null) {
                throw new EnsException(failure);
            }
            List<HaVip> answer = new ArrayList<>();
            synchronized (this) {
                for (HaVip haVip : List.copyOf(haVips.values())) {
                    if (query.haVipId() == null || query.haVipId().equals(haVip.id())) {
                        Integer left = readsLeft.get(haVip.id());
                        if (left != null && left <= 1) {
                            complete(haVip.id());
                        } else if (left != null) {
                            readsLeft.put(haVip.id(), left - 1);
                        }
                        answer.add(haVips.get(haVip.id()));
                    }
                }
            }
            reads.computeIfAbsent(caller, c -> new AtomicInteger()).incrementAndGet();
            afterRead.afterRead(caller);
            return Page.single(answer);
        }

        @Override
        public String associateHaVip(String haVipId, String targetId, InstanceType type) {
            return write(haVipId, targetId, AssociationStatus.ASSOCIATING);
        }

        @Override
        public String unassociateHaVip(String haVipId, String targetId) {
            return write(haVipId, targetId, AssociationStatus.UNASSOCIATING);
        }

        private String write(String haVipId, String targetId, AssociationStatus status) {
            CountDownLatch hold = beforeWrite;
            if (hold != null) {
                awaitLatch(hold);
            }
            EnsError refusal = refuseWrites;
            if (refusal != null) {
                throw new EnsException(refusal);
            }
            synchronized (this) {
                HaVip haVip = haVips.get(haVipId);
                List<HaVipAssociation> associations = new ArrayList<>(haVip.associations());
                associations.removeIf(a -> a.instanceId().equals(targetId));
                associations.add(association(targetId, status));
                haVips.put(haVipId, haVip(haVipId, status == AssociationStatus.ASSOCIATING ? HaVipStatus.ASSOCIATING
                        : HaVipStatus.IN_USE, associations.toArray(HaVipAssociation[]::new)));
                readsLeft.put(haVipId, completeAtRead);
            }
            return "req-" + haVipId + "-" + targetId;
        }

        @Override
        public List<Region> describeRegions() {
            return List.of(new Region("cn-test-1", "Test", "Test", "Asia", "Test"));
        }

        @Override
        public Page<Network> describeNetworks(NetworkQuery query, PageRequest page) {
            return Page.single(List.of());
        }

        @Override
        public Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page) {
            return Page.single(List.of());
        }

        @Override
        public Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
            return Page.single(List.of());
        }

        @Override
        public Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page) {
            return Page.single(List.of());
        }
    }
}
