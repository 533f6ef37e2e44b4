package io.enscope.ui.activity;

import io.enscope.binding.BindingJob;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.ExecutorTaskRunner;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SandboxControl;
import io.enscope.ui.common.StatusPill;
import io.enscope.ui.common.TaskRunner;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.UiThread;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Activities pane headless on Monocle, on a real sandbox workspace with the executor runner
 * and the FX thread: a bind's chip goes Associating → Succeeded by itself; an injected SystemError
 * shows its localized message and code, can be copied and retried.
 */
class ActivityViewTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<DemoScenario.Showcase> SUCCESSES = DemoScenario.showcases().stream()
            .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).toList();

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TaskRunner tasks;
    private TestWorkspaces env;
    private ActivityViewModel viewModel;

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        tasks = new ExecutorTaskRunner(2, UiThread.fx());
        // Six polls in Associating: long enough to see the chip, short enough for a test.
        env = TestWorkspaces.start(dataDir, tasks, UiThread.fx(), Locale.ENGLISH,
                Timings.all(TransitionTiming.afterPolls(6)));
    }

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
        if (viewModel != null) {
            WaitForAsyncUtils.asyncFx(viewModel::dispose).get();
        }
        env.close();
        tasks.shutdown();
    }

    @Test
    void theChipFollowsABindLiveAndAnInjectedErrorShowsItsLocalizedMessage() throws Exception {
        Workspace workspace = env.workspace();
        I18n i18n = workspace.i18n();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            viewModel = new ActivityViewModel(workspace, dialogs);
            ViewLoader loader = new ViewLoader(i18n, type -> {
                throw new AssertionError("unexpected controller " + type);
            });
            ActivityView view = loader.load(ActivityView.class, new ActivityView(viewModel, i18n)).controller();
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 1200, 360);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.getSummary()).isEqualTo("No jobs");
        assertThat(robot.lookup("#retryButton").queryButton().isDisabled()).isTrue();

        DemoScenario.Showcase web = SUCCESSES.get(0);
        BindingJob bind = workspace.jobs().submitBind(web.haVipId(), web.targetId(),
                InstanceType.fromWire(web.instanceType()));
        List<String> chips = new CopyOnWriteArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            Optional<String> chip = fx(() -> chipOf(bind.id()));
            chip.filter(text -> chips.isEmpty() || !chips.get(chips.size() - 1).equals(text)).ifPresent(chips::add);
            return chip.filter("Succeeded"::equals).isPresent();
        });
        assertThat(chips).as("the chip of one row, as it changed").containsSubsequence("Associating", "Succeeded");
        assertThat(fx(viewModel::getSummary)).isEqualTo("1 done");
        await().atMost(PATIENCE).until(() -> dialogs.notifications.size() == 1);

        env.sandbox().inject(SandboxControl.Fault.SYSTEM_ERROR);
        DemoScenario.Showcase sso = SUCCESSES.get(2);
        BindingJob failing = workspace.jobs().submitBind(sso.haVipId(), sso.targetId(),
                InstanceType.fromWire(sso.instanceType()));
        await().atMost(PATIENCE).until(() -> fx(() -> chipOf(failing.id())).filter("Failed"::equals).isPresent());
        TableRow<?> failedRow = fx(() -> rowOf(failing.id())).orElseThrow();
        List<String> texts = fx(() -> failedRow.lookupAll(".label").stream()
                .map(node -> ((Label) node).getText()).toList());
        assertThat(texts).contains("ENS could not complete the call (system error). Try again; if this persists, "
                + "contact Alibaba Cloud support.", "SystemError");
        // a screen reader reads the row's IDs once each, not the cell's text and then its drawn label
        String spoken = fx(() -> String.valueOf(failedRow.queryAccessibleAttribute(AccessibleAttribute.TEXT)));
        assertThat(spoken).containsOnlyOnce(sso.haVipId()).containsOnlyOnce(sso.targetId());
        TableView<ActivityRow> table = robot.lookup("#table").queryTableView();
        assertThat(table.getItems().get(0).getJobId()).as("newest first").isEqualTo(failing.id());

        robot.clickOn(failedRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#retryButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#cancelButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#copyErrorButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.copied).singleElement().satisfies(text -> assertThat(text)
                .contains("Code: SystemError", "RequestId: " + table.getItems().get(0).getRequestId()));

        robot.clickOn("#retryButton");
        await().atMost(PATIENCE).until(() -> fx(() -> table.getItems().size() == 3
                && "Succeeded".equals(table.getItems().get(0).getStateText())));
        assertThat(table.getItems().get(0).getRetryOf()).isEqualTo(failing.id());
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().getJobId())).isEqualTo(failing.id());
        assertThat(robot.lookup("#retryButton").queryButton().isDisabled())
                .as("the failed job was retried, and its retry succeeded").isTrue();
        robot.clickOn("#retryButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(env.sandbox().emulator().requests().writes("AssociateHaVip", sso.haVipId(), sso.targetId()))
                .as("no third AssociateHaVip, so no InstanceAlreadyAssociated")
                .isEqualTo(java.util.Map.of("OK", 1L));
        robot.clickOn(fx(() -> rowOf(table.getItems().get(0).getJobId())).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#retryButton").queryButton().isDisabled()).as("a succeeded job").isTrue();
        assertThat(robot.lookup("#cancelButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#detachButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#failedFilter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(ActivityRow::getJobId).containsExactly(failing.id());
        robot.clickOn("#allFilter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(3);
        assertThat(fx(viewModel::getSummary)).isEqualTo("1 failed \u00b7 2 done");
        assertThat(dialogs.errors).isEmpty();
    }

    /** FX thread: the chip text of the visible row of a job. */
    private Optional<String> chipOf(String jobId) {
        return rowOf(jobId).map(row -> row.lookup(".activity-state")).map(node -> ((StatusPill) node).getText());
    }

    /** FX thread: the table row showing a job, if visible. */
    private Optional<TableRow<?>> rowOf(String jobId) {
        for (Node node : robot.lookup(".activity-row").queryAll()) {
            TableRow<?> row = (TableRow<?>) node;
            if (!row.isEmpty() && row.getItem() instanceof ActivityRow item && item.getJobId().equals(jobId)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
