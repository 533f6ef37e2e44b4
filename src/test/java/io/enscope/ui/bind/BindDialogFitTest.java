package io.enscope.ui.bind;

import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.DemoScenario.Showcase;
import io.enscope.ens.model.HaVip;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.Workspace;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bind dialog on a small screen (1024×700, the smallest the console is designed for) and at
 * the size it opens at: IP addresses and status pills are shown whole, never cut to "10...." or
 * "R...", and the dialog lies inside the screen's visible area.
 */
class BindDialogFitTest {
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

    private Stage open() throws Exception {
        Workspace ws = sandbox.workspace();
        Showcase showcase = DemoScenario.showcases().stream().filter(s -> s.outcome().equals(DemoScenario.SUCCESS))
                .findFirst().orElseThrow();
        HaVip haVip = ws.inventory().haVip(showcase.haVipId()).orElseThrow();
        Stage stage = FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            Stage s = new BindView(new BindViewModel(ws, haVip)).createStage(null);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // every target, the ineligible ones too: their statuses and IPs are the most varied
        CheckBox all = robot.lookup("#showIneligibleCheck").queryAs(CheckBox.class);
        robot.interact(() -> all.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    @Test
    void atItsOpeningSizeTheDialogIsOnTheScreenAndShowsIpsAndStatusesWhole() throws Exception {
        Stage stage = open();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                .matches(b -> screen.contains(b), "inside " + screen);
        assertIpsAndStatusesWhole();
    }

    @Test
    void at1024By700IpsAndStatusesAreNotCutShort() throws Exception {
        Stage stage = open();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getWidth()).isEqualTo(1024);
        assertIpsAndStatusesWhole();
    }

    private void assertIpsAndStatusesWhole() {
        TableView<BindRow> table = robot.lookup("#table").queryTableView();
        List<String> ips = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> cutPills = new ArrayList<>();
        robot.interact(() -> {
            table.applyCss();
            table.layout();
            for (Node node : table.lookupAll(".table-cell")) {
                if (node instanceof TableCell<?, ?> cell && cell.getTableRow() != null && !cell.isEmpty()
                        && cell.getTableRow().getItem() != null) {
                    if (cell.getTableColumn() == table.getColumns().get(5)) {
                        ips.addAll(texts(cell));
                    } else if (cell.getTableColumn() == table.getColumns().get(4)) {
                        statuses.addAll(texts(cell));
                        if (cell.getGraphic() instanceof Labeled pill && pill.getWidth() < pill.prefWidth(-1) - 0.5) {
                            cutPills.add(pill.getText());
                        }
                    }
                }
            }
        });
        assertThat(ips).isNotEmpty().allMatch(t -> t.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), "a whole IPv4 address");
        assertThat(cutPills).as("status pills narrower than their text").isEmpty();
        assertThat(statuses).isNotEmpty().noneMatch(t -> t.endsWith("\u2026") || t.endsWith("..."));
    }

    /** @return the texts as rendered (cut short with an ellipsis when they do not fit) */
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
