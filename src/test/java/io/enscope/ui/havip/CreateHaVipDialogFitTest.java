package io.enscope.ui.havip;

import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.ens.model.VSwitch;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.ExecutorTaskRunner;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.UiThread;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Create HaVip dialog fits its content, in English and in Chinese: the field labels are whole
 * ("Fixed IP address", not "Fixed IP addr…"), a long validation message wraps onto more lines
 * instead of being cut, and the buttons stay inside the window when it appears.
 */
class CreateHaVipDialogFitTest {
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private ExecutorTaskRunner tasks;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (sandbox != null) {
            sandbox.close();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }

    private Stage open(Locale locale) throws Exception {
        FxToolkit.registerPrimaryStage();
        tasks = new ExecutorTaskRunner(2, UiThread.fx());
        sandbox = TestWorkspaces.start(dir, tasks, UiThread.fx(), locale, Timings.all(TransitionTiming.afterPolls(2)));
        WaitForAsyncUtils.waitForFxEvents();
        Workspace workspace = sandbox.workspace();
        VSwitch web = Demo.vSwitch(workspace.inventory(), "cn-hangzhou-telecom", "prod-web-a");
        CreateHaVipViewModel vm = new CreateHaVipViewModel(workspace, dialogs, web.id());
        ViewLoader loader = new ViewLoader(workspace.i18n(), type -> {
            throw new IllegalStateException("unexpected controller " + type);
        });
        Stage stage = FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            Stage s = loader.load(CreateHaVipView.class, new CreateHaVipView(vm)).controller().createStage(null);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void labelsAreWholeAndAValidationMessageWrapsInsideTheDialog(String language) throws Exception {
        Stage stage = open(Locale.forLanguageTag(language));
        assertWhole(stage);

        robot.clickOn("#ipField").write("10.10.2.9");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#ipErrorLabel").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertWhole(stage);
        robot.interact(() -> {
            assertThat(error.getHeight()).as("the message's height for its width (wrapped)")
                    .isGreaterThanOrEqualTo(error.prefHeight(error.getWidth()) - 0.5);
            assertThat(error.getWidth()).as("the message wraps within the dialog").isLessThan(error.prefWidth(-1));
        });
    }

    /** No label is cut short and the buttons lie inside the window. */
    private void assertWhole(Stage stage) {
        List<String> cut = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            // the layout of the window's current size, whatever pulse the headless platform is at
            stage.getScene().getRoot().layout();
            for (Node node : stage.getScene().getRoot().lookupAll(".label")) {
                if (node instanceof Label label && label.isVisible()) {
                    for (String text : texts(label)) {
                        if (text.endsWith("\u2026") || text.endsWith("...")) {
                            cut.add(text);
                        }
                    }
                }
            }
            for (String id : List.of("#createButton", "#cancelButton", "#cliButton")) {
                Button button = (Button) stage.getScene().lookup(id);
                Bounds b = button.localToScene(button.getLayoutBounds());
                assertThat(b.getMaxY()).as(id + " inside the window").isLessThanOrEqualTo(stage.getScene().getHeight());
                assertThat(b.getMaxX()).as(id + " inside the window").isLessThanOrEqualTo(stage.getScene().getWidth());
            }
        });
        assertThat(cut).as("texts cut short").isEmpty();
    }

    private static List<String> texts(Node node) {
        List<String> texts = new ArrayList<>();
        if (node instanceof Text t && t.isVisible() && t.getText() != null && !t.getText().isBlank()) {
            texts.add(t.getText());
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> texts.addAll(texts(child)));
        }
        return texts;
    }
}
