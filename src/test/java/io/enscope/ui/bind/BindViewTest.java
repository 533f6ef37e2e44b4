package io.enscope.ui.bind;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobKind;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.DemoScenario.Showcase;
import io.enscope.ens.model.HaVip;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.Workspace;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bind dialog, headless on Monocle, over the sandbox's demo scenario with a real background runner. */
class BindViewTest {
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dataDir;

    private TestWorkspaces sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestWorkspaces.onFx(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        sandbox.close();
    }

    private Stage open(BindViewModel viewModel) throws Exception {
        Stage stage = FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            Stage s = new BindView(viewModel).createStage(null);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    private static Showcase showcase(String outcome) {
        return DemoScenario.showcases().stream().filter(s -> s.outcome().equals(outcome)).findFirst().orElseThrow();
    }

    private TableView<BindRow> table() {
        return robot.lookup("#table").queryTableView();
    }

    private Node shownRow(String targetId) {
        TableView<BindRow> table = table();
        BindRow row = table.getItems().stream().filter(r -> r.targetId().equals(targetId)).findFirst()
                .orElseThrow(() -> new AssertionError(targetId + " is not listed"));
        robot.interact(() -> table.scrollTo(row));
        return robot.from(table).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() == row).query();
    }

    @Test
    void anIneligibleTargetShowsItsReasonInWordsAndItsCodeOnDemand() throws Exception {
        Workspace ws = sandbox.workspace();
        Showcase wrongVSwitch = showcase("IncorrectInstanceVSwitch");
        HaVip haVip = ws.inventory().haVip(wrongVSwitch.haVipId()).orElseThrow();
        BindViewModel vm = new BindViewModel(ws, haVip);
        Stage stage = open(vm);

        assertThat(stage.getTitle()).isEqualTo("Enscope \u2014 Bind HaVip " + haVip.id());
        assertThat(robot.lookup("#ipLabel").queryAs(Label.class).getText()).isEqualTo(haVip.ipAddress());
        assertThat(table().getItems()).isNotEmpty()
                .noneMatch(r -> r.targetId().equals(wrongVSwitch.targetId()))
                .allMatch(r -> r.getEligibility() != Eligibility.INELIGIBLE);
        CheckBox toggle = robot.lookup("#showIneligibleCheck").queryAs(CheckBox.class);
        assertThat(toggle.getText()).matches("Show \\d+ targets that cannot be bound");
        assertThat(toggle.isSelected()).isFalse();

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();

        Node row = shownRow(wrongVSwitch.targetId());
        assertThat(robot.from(row).lookup(".verdict-code").queryAs(Label.class).getText())
                .isEqualTo("IncorrectInstanceVSwitch");
        assertThat(robot.from(row).lookup(".verdict-words").queryAs(Label.class).getText())
                .isEqualTo("The target must be in the same vSwitch as the HaVip.");
        assertThat(robot.from(row).lookup(".verdict-code").queryAs(Label.class).getStyleClass())
                .contains("reason-code");
        CheckBox select = robot.from(row).lookup("#select-" + wrongVSwitch.targetId()).queryAs(CheckBox.class);
        assertThat(select.isDisabled()).as("an ineligible target cannot be chosen").isTrue();
        assertThat(row.getPseudoClassStates()).extracting(Object::toString).contains("ineligible");
        robot.interact(() -> table().getFocusModel().focus(((TableRow<?>) row).getIndex()));
        assertThat(robot.lookup("#detailLabel").queryAs(Label.class).getText())
                .startsWith(wrongVSwitch.targetId())
                .contains("IncorrectInstanceVSwitch: The target must be in the same vSwitch as the HaVip.");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("Esc closes the dialog").isFalse();
        assertThat(vm.getSubmitted()).isEmpty();
        assertThat(ws.jobs().jobs()).isEmpty();
    }

    @Test
    void choosingEligibleTargetsWithKeyboardAndMouseThenBindingClosesTheDialogAndQueuesTheJobs() throws Exception {
        Workspace ws = sandbox.workspace();
        Showcase eligible = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS) && s.targetId().startsWith("eni-"))
                .findFirst().orElseThrow();
        HaVip haVip = ws.inventory().haVip(eligible.haVipId()).orElseThrow();
        Stage stage = open(new BindViewModel(ws, haVip));
        TableView<BindRow> table = table();
        Button bind = robot.lookup("#bindButton").queryButton();
        assertThat(bind.isDisabled()).isTrue();
        assertThat(table.isFocused()).as("the table has the focus").isTrue();
        BindRow first = table.getItems().get(0);
        assertThat(first.getEligibility()).isEqualTo(Eligibility.ELIGIBLE);

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first.isSelected()).as("Space chooses the focused row").isTrue();
        assertThat(bind.isDisabled()).isFalse();
        assertThat(bind.getText()).isEqualTo("Bind");

        Node row = shownRow(eligible.targetId());
        robot.clickOn(robot.from(row).lookup("#select-" + eligible.targetId()).queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bind.getText()).isEqualTo("Bind 2 targets");
        assertThat(robot.lookup("#copyCliButton").queryButton().isDisabled()).isFalse();

        robot.interact(table::requestFocus);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).as("submitting closes the dialog at once").isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ws.jobs().jobs().size() == 2);
        List<BindingJob> jobs = ws.jobs().jobs();
        assertThat(jobs).extracting(BindingJob::kind).containsOnly(JobKind.BIND);
        assertThat(jobs).extracting(BindingJob::haVipId).containsOnly(haVip.id());
        assertThat(jobs).extracting(BindingJob::targetId).containsExactly(first.targetId(), eligible.targetId());
    }
}
