package io.enscope.ui.activity;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobHistory;
import io.enscope.binding.JobState;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.SandboxControl;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Tone;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Activities ViewModel on a real workspace (sandbox emulator, real SDK, job engine and
 * activity log), with the synchronous task runner and the direct UI thread: jobs still run on the
 * engine's threads, so outcomes are awaited.
 */
class ActivityViewModelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<DemoScenario.Showcase> SUCCESSES = DemoScenario.showcases().stream()
            .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).toList();
    /** vip-web-hz and a Running instance of its VSwitch. */
    private static final DemoScenario.Showcase WEB = SUCCESSES.get(0);
    /** vip-web-hz again, with a secondary ENI: queued behind {@link #WEB}. */
    private static final DemoScenario.Showcase WEB_ENI = SUCCESSES.get(1);
    /** Another HaVip, vip-sso-bj. */
    private static final DemoScenario.Showcase SSO = SUCCESSES.get(2);

    @TempDir
    Path dataDir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<TestWorkspaces> workspaces = new ArrayList<>();
    private ActivityViewModel viewModel;

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.dispose();
        }
        workspaces.forEach(TestWorkspaces::close);
    }

    private TestWorkspaces start(Locale locale, TransitionTiming timing) {
        TestWorkspaces env = TestWorkspaces.start(dataDir, new SynchronousTaskRunner(), new DirectUiThread(), locale,
                Timings.all(timing));
        workspaces.add(env);
        return env;
    }

    private TestWorkspaces start() {
        return start(Locale.ENGLISH, TransitionTiming.afterPolls(2));
    }

    private static BindingJob bind(TestWorkspaces env, DemoScenario.Showcase pair) {
        return env.workspace().jobs().submitBind(pair.haVipId(), pair.targetId(), InstanceType.fromWire(pair.instanceType()));
    }

    private ActivityRow awaitRow(String jobId, JobState state) {
        await().atMost(PATIENCE).until(() -> viewModel.row(jobId).map(ActivityRow::getState).orElse(null) == state);
        return viewModel.row(jobId).orElseThrow();
    }

    @Test
    void aBindGoesThroughAssociatingToInUseLiveAndEndsWithANotification() {
        TestWorkspaces env = start();
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        assertThat(viewModel.getSummary()).isEqualTo("No jobs");
        assertThat(viewModel.getTitle()).isEqualTo("Activities");
        List<JobState> seen = new CopyOnWriteArrayList<>();
        viewModel.allRows().addListener((ListChangeListener<ActivityRow>) change -> {
            while (change.next()) {
                for (ActivityRow row : change.getAddedSubList()) {
                    seen.add(row.getState());
                    row.stateProperty().addListener((obs, old, state) -> seen.add(state));
                }
            }
        });

        BindingJob job = bind(env, WEB);
        ActivityRow row = awaitRow(job.id(), JobState.SUCCEEDED);

        assertThat(seen).as("the one row is updated in place").startsWith(JobState.QUEUED)
                .containsSubsequence(JobState.ASSOCIATING, JobState.SUCCEEDED).endsWith(JobState.SUCCEEDED);
        assertThat(viewModel.allRows()).containsExactly(row);
        assertThat(row.getStateText()).isEqualTo("Succeeded");
        assertThat(row.getTone()).isEqualTo(Tone.SUCCESS);
        assertThat(row.getKindText()).isEqualTo("Bind");
        assertThat(row.getHaVipId()).isEqualTo(WEB.haVipId());
        assertThat(row.getTargetId()).isEqualTo(WEB.targetId());
        assertThat(row.getPolls()).isPositive();
        assertThat(row.getPollsText()).isEqualTo(String.valueOf(row.getPolls()));
        assertThat(row.getRequestId()).as("the RequestId of the accepted AssociateHaVip").isNotBlank();
        assertThat(row.getErrorMessage()).isEmpty();
        assertThat(row.getDurationText()).endsWith(" s");
        assertThat(row.isResumed()).isFalse();
        assertThat(viewModel.transitionsOf(job.id())).extracting(JobEvent::to)
                .containsExactly(JobState.SUBMITTING, JobState.ASSOCIATING, JobState.SUCCEEDED);

        await().atMost(PATIENCE).until(() -> !dialogs.notifications.isEmpty());
        assertThat(dialogs.notifications).containsExactly(new RecordingDialogs.Notification("HaVip bound",
                "HaVip " + WEB.haVipId() + " bound to " + WEB.targetId(), Tone.SUCCESS));
        assertThat(viewModel.getSummary()).isEqualTo("1 done");
        assertThat(viewModel.getTitle()).isEqualTo("Activities (1 done)");
        assertThat(viewModel.getRunningCount()).isZero();
        assertThat(viewModel.getDoneCount()).isEqualTo(1);
    }

    @Test
    void anInjectedSystemErrorShowsItsLocalizedMessageCodeAndRequestIdAndCanBeCopied() {
        TestWorkspaces env = start();
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        env.sandbox().inject(SandboxControl.Fault.SYSTEM_ERROR);

        BindingJob job = bind(env, WEB);
        ActivityRow row = awaitRow(job.id(), JobState.FAILED);

        String message = "ENS could not complete the call (system error). Try again; if this persists, contact "
                + "Alibaba Cloud support.";
        assertThat(row.getErrorMessage()).isEqualTo(message);
        assertThat(row.getErrorCode()).isEqualTo("SystemError");
        assertThat(row.getRequestId()).isNotBlank();
        assertThat(row.getStateText()).isEqualTo("Failed");
        assertThat(row.getTone()).isEqualTo(Tone.DANGER);
        await().atMost(PATIENCE).until(() -> !dialogs.notifications.isEmpty());
        assertThat(dialogs.notifications).containsExactly(new RecordingDialogs.Notification("Binding failed",
                WEB.haVipId() + " \u2192 " + WEB.targetId() + " (SystemError): " + message,
                Tone.DANGER));
        assertThat(viewModel.getSummary()).isEqualTo("1 failed");
        assertThat(viewModel.getFailedCount()).isEqualTo(1);

        assertThat(viewModel.canRetry().get()).as("nothing selected").isFalse();
        viewModel.selectedRowProperty().set(row);
        assertThat(viewModel.canRetry().get()).isTrue();
        assertThat(viewModel.canCancel().get()).isFalse();
        assertThat(viewModel.canDetach().get()).isFalse();
        assertThat(viewModel.canCopyErrorDetails().get()).isTrue();
        viewModel.copyErrorDetails();
        assertThat(dialogs.copied).singleElement().satisfies(text -> assertThat(text)
                .startsWith(message + "\n")
                .contains("Code: SystemError", "RequestId: " + row.getRequestId(), "Job: " + job.id(),
                        "Bind " + WEB.haVipId() + " \u2192 " + WEB.targetId()));
    }

    @Test
    void chineseShowsTheErrorAndTheNotificationInChinese() {
        TestWorkspaces env = start(Locale.SIMPLIFIED_CHINESE, TransitionTiming.afterPolls(2));
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        env.sandbox().inject(SandboxControl.Fault.SYSTEM_ERROR);

        BindingJob job = bind(env, WEB);
        ActivityRow row = awaitRow(job.id(), JobState.FAILED);

        String message = "ENS 无法完成此调用（系统错误）。请重试；如果问题持续，请联系阿里云技术支持。";
        assertThat(row.getErrorMessage()).isEqualTo(message);
        assertThat(row.getErrorCode()).isEqualTo("SystemError");
        assertThat(row.getStateText()).isEqualTo("失败");
        assertThat(row.getKindText()).isEqualTo("绑定");
        await().atMost(PATIENCE).until(() -> !dialogs.notifications.isEmpty());
        assertThat(dialogs.notifications).containsExactly(new RecordingDialogs.Notification("绑定失败",
                WEB.haVipId() + " \u2192 " + WEB.targetId() + "（SystemError）：" + message,
                Tone.DANGER));
        assertThat(viewModel.getSummary()).isEqualTo("1 个失败");
        assertThat(viewModel.getTitle()).isEqualTo("活动（1 个失败）");
    }

    @Test
    void retryQueuesANewJobThatAppearsOnTop() {
        TestWorkspaces env = start();
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        env.sandbox().inject(SandboxControl.Fault.SYSTEM_ERROR);
        BindingJob failed = bind(env, WEB);
        ActivityRow failedRow = awaitRow(failed.id(), JobState.FAILED);

        viewModel.selectedRowProperty().set(failedRow);
        viewModel.retry();

        await().atMost(PATIENCE).until(() -> viewModel.allRows().size() == 2
                && viewModel.rows().get(0).getState() == JobState.SUCCEEDED);
        ActivityRow retried = viewModel.rows().get(0);
        assertThat(retried.getJobId()).isNotEqualTo(failed.id());
        assertThat(retried.getRetryOf()).isEqualTo(failed.id());
        assertThat(retried.getHaVipId()).isEqualTo(WEB.haVipId());
        assertThat(retried.getTargetId()).isEqualTo(WEB.targetId());
        assertThat(viewModel.rows()).as("newest first").containsExactly(retried, failedRow);
        assertThat(failedRow.getState()).isEqualTo(JobState.FAILED);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aFailedJobIsRetriedOnceAndASucceededOneNever() {
        TestWorkspaces env = start();
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        env.sandbox().inject(SandboxControl.Fault.SYSTEM_ERROR);
        BindingJob failed = bind(env, WEB);
        ActivityRow failedRow = awaitRow(failed.id(), JobState.FAILED);
        viewModel.selectedRowProperty().set(failedRow);
        assertThat(viewModel.canRetry().get()).isTrue();

        viewModel.retry();
        assertThat(viewModel.canRetry().get()).as("at once, before the new job is reported").isFalse();
        await().atMost(PATIENCE).until(() -> viewModel.allRows().size() == 2
                && viewModel.rows().get(0).getState() == JobState.SUCCEEDED);
        ActivityRow retried = viewModel.rows().get(0);

        assertThat(failedRow.isRetried()).isTrue();
        assertThat(viewModel.canRetry().get()).as("the failed job, retried").isFalse();
        viewModel.retry();
        viewModel.selectedRowProperty().set(retried);
        assertThat(viewModel.canRetry().get()).as("the retry, succeeded").isFalse();
        assertThat(viewModel.canCancel().get()).isFalse();
        assertThat(viewModel.canDetach().get()).isFalse();
        viewModel.retry();

        assertThat(viewModel.allRows()).hasSize(2);
        assertThat(env.workspace().jobs().jobs()).hasSize(2);
        assertThat(env.sandbox().emulator().requests().writes("AssociateHaVip", WEB.haVipId(), WEB.targetId()))
                .as("the retry's call only (the fault refused the first before it applied); no InstanceAlreadyAssociated")
                .isEqualTo(java.util.Map.of("OK", 1L));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aJobRetriedInAnEarlierRunIsNotRetriedAgain() {
        TestWorkspaces first = start();
        first.sandbox().inject(SandboxControl.Fault.SYSTEM_ERROR);
        BindingJob failed = bind(first, WEB);
        await().atMost(PATIENCE).until(() -> first.workspace().jobs().job(failed.id()).orElseThrow().state()
                == JobState.FAILED);
        BindingJob again = first.workspace().jobs().retry(failed.id());
        await().atMost(PATIENCE).until(() -> first.workspace().jobs().job(again.id()).orElseThrow().state()
                == JobState.SUCCEEDED);
        first.close();
        workspaces.remove(first);

        TestWorkspaces second = start();
        viewModel = new ActivityViewModel(second.workspace(), dialogs);
        await().atMost(PATIENCE).until(() -> viewModel.allRows().size() == 2);
        ActivityRow failedRow = viewModel.row(failed.id()).orElseThrow();
        viewModel.selectedRowProperty().set(failedRow);

        assertThat(failedRow.isRetried()).isTrue();
        assertThat(viewModel.canRetry().get()).isFalse();
    }

    @Test
    void aQueuedJobCanBeCancelledAndARunningOneNoLongerWatched() {
        TestWorkspaces env = start(Locale.ENGLISH, TransitionTiming.afterPolls(100_000));
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        BindingJob first = bind(env, WEB);
        BindingJob second = bind(env, WEB_ENI);

        ActivityRow queued = viewModel.row(second.id()).orElseThrow();
        assertThat(queued.getState()).as("behind the first job on the same HaVip").isEqualTo(JobState.QUEUED);
        assertThat(queued.getStateText()).isEqualTo("Queued");
        assertThat(queued.getTone()).isEqualTo(Tone.PENDING);
        assertThat(viewModel.getRunningCount()).isEqualTo(2);
        viewModel.selectedRowProperty().set(queued);
        assertThat(viewModel.canCancel().get()).isTrue();
        assertThat(viewModel.canDetach().get()).isFalse();
        assertThat(viewModel.canRetry().get()).isFalse();

        viewModel.cancel();

        awaitRow(second.id(), JobState.CANCELLED);
        assertThat(queued.getStateText()).isEqualTo("Cancelled");
        assertThat(queued.getTone()).isEqualTo(Tone.NEUTRAL);
        assertThat(viewModel.canCancel().get()).as("follows the selected row's state").isFalse();
        await().atMost(PATIENCE).until(() -> !dialogs.notifications.isEmpty());
        assertThat(dialogs.notifications.get(0)).isEqualTo(new RecordingDialogs.Notification("Binding cancelled",
                "Binding " + WEB_ENI.haVipId() + " to " + WEB_ENI.targetId() + " was cancelled before it was sent.",
                Tone.NEUTRAL));

        ActivityRow running = awaitRow(first.id(), JobState.ASSOCIATING);
        assertThat(running.getStateText()).isEqualTo("Associating");
        assertThat(running.getTone()).isEqualTo(Tone.BUSY);
        await("polls show while the job polls, between transitions").atMost(PATIENCE).until(() -> {
            viewModel.refreshRunning();
            return running.getPolls() > 0;
        });
        assertThat(running.getPollsText()).isEqualTo(String.valueOf(running.getPolls()));
        assertThat(running.getRevision()).as("still the Associating snapshot").isEqualTo(2);
        viewModel.selectedRowProperty().set(running);
        assertThat(viewModel.canDetach().get()).isTrue();
        assertThat(viewModel.canCancel().get()).isFalse();

        viewModel.detach();

        awaitRow(first.id(), JobState.DETACHED);
        assertThat(running.getStateText()).isEqualTo("Not watched");
        assertThat(viewModel.canDetach().get()).isFalse();
        await().atMost(PATIENCE).until(() -> dialogs.notifications.size() == 2);
        assertThat(dialogs.notifications.get(1).tone()).isEqualTo(Tone.NEUTRAL);
        assertThat(viewModel.getRunningCount()).isZero();
        assertThat(viewModel.getSummary()).isEqualTo("2 done");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void jobsOfAPreviousRunAreShownAtStartAndUnfinishedOnesAreMarkedResumed() {
        TestWorkspaces before = start();
        BindingJob finished = bind(before, SSO);
        await().atMost(PATIENCE).until(() -> before.workspace().jobs().job(finished.id()).orElseThrow().state()
                == JobState.SUCCEEDED);
        before.sandbox().inject(SandboxControl.Fault.SLOW_ASSOCIATION);
        BindingJob unfinished = bind(before, WEB);
        await().atMost(PATIENCE).until(() -> before.workspace().jobs().job(unfinished.id()).orElseThrow().state()
                == JobState.ASSOCIATING);
        before.close();
        workspaces.remove(before);

        // A new start on the same data directory, as the application does it: resume, then show.
        TestWorkspaces after = start(Locale.ENGLISH, TransitionTiming.afterPolls(100_000));
        after.workspace().jobs().resume(after.workspace().activity().recover());
        viewModel = new ActivityViewModel(after.workspace(), dialogs);

        assertThat(viewModel.rows()).extracting(ActivityRow::getJobId)
                .as("newest first").containsExactly(unfinished.id(), finished.id());
        ActivityRow past = viewModel.row(finished.id()).orElseThrow();
        assertThat(past.getState()).isEqualTo(JobState.SUCCEEDED);
        assertThat(past.getStateText()).isEqualTo("Succeeded");
        assertThat(past.isResumed()).isFalse();
        assertThat(past.getPollsText()).as("polls are not kept in the log").isEqualTo("\u2014");
        assertThat(viewModel.transitionsOf(finished.id())).extracting(JobEvent::to)
                .containsExactly(JobState.SUBMITTING, JobState.ASSOCIATING, JobState.SUCCEEDED);
        ActivityRow resumed = viewModel.row(unfinished.id()).orElseThrow();
        assertThat(resumed.isResumed()).isTrue();
        assertThat(resumed.getState().isTerminal()).as("still being watched").isFalse();
        assertThat(viewModel.getRunningCount()).isEqualTo(1);
        assertThat(viewModel.getSummary()).isEqualTo("1 running \u00b7 1 done");
        assertThat(viewModel.getTitle()).isEqualTo("Activities (1 running \u00b7 1 done)");
    }

    @Test
    void theFilterShowsRunningOrFailedJobsAndClearingFinishedKeepsTheLog() {
        TestWorkspaces env = start();
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        env.sandbox().inject(SandboxControl.Fault.SYSTEM_ERROR);
        BindingJob failed = bind(env, WEB);
        awaitRow(failed.id(), JobState.FAILED);
        BindingJob succeeded = bind(env, SSO);
        awaitRow(succeeded.id(), JobState.SUCCEEDED);

        viewModel.filterProperty().set(ActivityFilter.FAILED);
        assertThat(viewModel.rows()).extracting(ActivityRow::getJobId).containsExactly(failed.id());
        viewModel.filterProperty().set(ActivityFilter.RUNNING);
        assertThat(viewModel.rows()).isEmpty();
        viewModel.filterProperty().set(ActivityFilter.ALL);
        assertThat(viewModel.rows()).extracting(ActivityRow::getJobId).containsExactly(succeeded.id(), failed.id());
        assertThat(viewModel.getSummary()).isEqualTo("1 failed \u00b7 1 done");
        assertThat(viewModel.canClearFinished().get()).isTrue();

        viewModel.clearFinished();

        assertThat(viewModel.allRows()).isEmpty();
        assertThat(viewModel.getSummary()).isEqualTo("No jobs");
        assertThat(viewModel.canClearFinished().get()).isFalse();
        assertThat(viewModel.transitionsOf(failed.id())).as("still there for timelines").isNotEmpty();
        assertThat(env.workspace().activity().history()).extracting(JobHistory::job).extracting(BindingJob::id)
                .as("the log keeps everything").contains(failed.id(), succeeded.id());
    }

    @Test
    void aBurstOfTransitionsIsDeliveredToTheUiThreadInOneUpdate() {
        Queue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        TestWorkspaces env = TestWorkspaces.start(dataDir, new SynchronousTaskRunner(), uiQueue::add, Locale.ENGLISH,
                Timings.all(TransitionTiming.afterPolls(2)));
        workspaces.add(env);
        drain(uiQueue);
        viewModel = new ActivityViewModel(env.workspace(), dialogs);

        BindingJob job = bind(env, WEB);
        await().atMost(PATIENCE).until(() -> env.workspace().jobs().job(job.id()).orElseThrow().state()
                == JobState.SUCCEEDED);

        assertThat(viewModel.allRows()).as("nothing changes off the UI thread").isEmpty();
        assertThat(uiQueue).as("added, submitting, associating, succeeded: one UI update").hasSize(1);
        drain(uiQueue);
        assertThat(viewModel.allRows()).singleElement().satisfies(row -> {
            assertThat(row.getState()).isEqualTo(JobState.SUCCEEDED);
            assertThat(row.getStateText()).isEqualTo("Succeeded");
        });
        assertThat(viewModel.transitionsOf(job.id())).hasSize(3);
        assertThat(dialogs.notifications).hasSize(1);
    }

    @Test
    void afterDisposeNoMoreUpdatesArrive() {
        TestWorkspaces env = start();
        viewModel = new ActivityViewModel(env.workspace(), dialogs);
        viewModel.dispose();

        BindingJob job = bind(env, WEB);
        await().atMost(PATIENCE).until(() -> env.workspace().jobs().job(job.id()).orElseThrow().isFinished());

        assertThat(viewModel.allRows()).isEmpty();
        assertThat(dialogs.notifications).isEmpty();
    }

    private static void drain(Queue<Runnable> queue) {
        for (Runnable action = queue.poll(); action != null; action = queue.poll()) {
            action.run();
        }
    }
}
