package io.enscope.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.VSwitch;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.RouteTable;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.Demo;
import io.enscope.ui.havip.RecordingDialogs;
import io.enscope.ui.havip.RouteRow;
import java.nio.file.Path;
import java.time.Duration;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The HA neighbourhood in the explorer on the sandbox, headless: the HaVip detail's Routes tab shows
 * a route whose next hop is the HaVip; the instance table's Tags column is hidden until asked for.
 */
class HaNeighbourhoodViewTest {
    private final FxRobot robot = new FxRobot();
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestWorkspaces.onFx(dir);
        workspace = sandbox.workspace();
        ExplorerViewModel vm = new ExplorerViewModel(workspace, new RecordingDialogs(), new SimpleStringProperty(""));
        ViewLoader loader = new ViewLoader(workspace.i18n(), type -> {
            throw new IllegalStateException("unexpected controller " + type);
        });
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            ExplorerView view = loader.load(ExplorerView.class, new ExplorerView(vm)).controller();
            Scene scene = new Scene(new BorderPane(view.root()), 1200, 760);
            Theme.style(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        robot.interact(workspace::reload);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                workspace.routesProperty().get().state() == RouteTable.State.LOADED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        sandbox.close();
    }

    @Test
    void theTagsColumnIsHiddenByDefaultAndShowsTheTags() {
        VSwitch web = Demo.vSwitch(workspace.inventory(), "cn-hangzhou-telecom", "prod-web-a");
        robot.clickOn(robot.lookup(".explorer-tree-cell .label").queryAllAs(Label.class).stream()
                .filter(l -> web.id().equals(l.getText())).findFirst().orElseThrow());
        robot.clickOn("#instancesTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<InstanceRow> instances = robot.lookup("#instanceTable").queryTableView();
        TableColumn<InstanceRow, ?> tags = instances.getColumns().stream()
                .filter(c -> "instanceTagsColumn".equals(c.getId())).findFirst().orElseThrow();
        assertThat(instances.isTableMenuButtonVisible()).as("columns can be shown and hidden").isTrue();
        assertThat(tags.isVisible()).isFalse();
        assertThat(tags.getText()).isEqualTo("Tags");

        robot.interact(() -> tags.setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        InstanceRow lb = instances.getItems().stream().filter(r -> r.getName().equals("lb-hz-01")).findFirst()
                .orElseThrow();
        assertThat(lb.getTags()).isEqualTo("env=prod, tier=lb, owner=netops");
        assertThat(robot.from(instances).lookup(".table-cell").queryAllAs(Labeled.class))
                .extracting(Labeled::getText).contains("env=prod, tier=lb, owner=netops");
    }

    @Test
    void theRoutesTabListsTheRouteToTheSelectedHaVip() {
        HaVip lb = Demo.haVip(workspace.inventory(), "vip-lb-hz");
        TableView<HaVipRow> haVips = robot.lookup("#haVipTable").queryTableView();
        HaVipRow row = haVips.getItems().stream().filter(r -> r.getId().equals(lb.id())).findFirst().orElseThrow();
        robot.interact(() -> haVips.getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#idLabel").queryLabeled().getText()).isEqualTo(lb.id());

        robot.clickOn("#routesTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<RouteRow> routes = robot.lookup("#routeTable").queryTableView();
        assertThat(routes.isVisible()).isTrue();
        assertThat(routes.getItems()).extracting(RouteRow::destination).containsExactly("172.16.0.0/16");
        assertThat(robot.from(routes).lookup(".table-cell").queryAllAs(Labeled.class))
                .extracting(Labeled::getText).contains("172.16.0.0/16", "Available");
    }
}
