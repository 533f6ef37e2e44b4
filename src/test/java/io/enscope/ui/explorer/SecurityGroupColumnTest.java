package io.enscope.ui.explorer;

import io.enscope.ens.model.Instance;
import io.enscope.ens.model.VSwitch;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.Demo;
import io.enscope.ui.havip.RecordingDialogs;
import io.enscope.ui.main.ColumnWidths;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance and ENI tables' "Security groups" column on the sandbox, headless: hidden until the
 * table's column menu shows it, then listing the groups, and remembered with the column widths.
 */
class SecurityGroupColumnTest {
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
            Scene scene = new Scene(view.root(), 1200, 700);
            Theme.style(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    private static <R> TableColumn<R, String> column(TableView<R> table, String id) {
        return (TableColumn<R, String>) table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow();
    }

    @Test
    void theColumnIsHiddenUntilShownThenListsTheGroupsAndIsRemembered() throws Exception {
        VSwitch web = Demo.vSwitch(workspace.inventory(), "cn-hangzhou-telecom", "prod-web-a");
        Node label = robot.lookup(".explorer-tree-cell .label").queryAllAs(Label.class).stream()
                .filter(l -> web.id().equals(l.getText())).findFirst().orElseThrow();
        robot.clickOn(label);
        robot.clickOn("#instancesTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<InstanceRow> instances = robot.lookup("#instanceTable").queryTableView();
        TableColumn<InstanceRow, String> groups = column(instances, "instanceSecurityGroupsColumn");
        assertThat(instances.isTableMenuButtonVisible()).as("the user can show it").isTrue();
        assertThat(groups.isVisible()).as("hidden by default").isFalse();

        FxToolkit.setupFixture(() -> groups.setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        InstanceRow row = instances.getItems().get(0);
        Instance instance = row.instanceProperty().get();
        assertThat(instance.securityGroupIds()).isNotEmpty();
        assertThat(groups.getCellObservableValue(row).getValue()).isEqualTo(String.join(", ",
                instance.securityGroupIds()));

        Map<String, Double> saved = ColumnWidths.capture(instances);
        assertThat(saved).containsEntry("instanceSecurityGroupsColumn" + ColumnWidths.VISIBLE, 1.0);
        FxToolkit.setupFixture(() -> groups.setVisible(false));
        FxToolkit.setupFixture(() -> ColumnWidths.restore(saved, instances));
        assertThat(groups.isVisible()).as("shown again, as saved").isTrue();

        robot.clickOn("#enisTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<EniRow> enis = robot.lookup("#eniTable").queryTableView();
        assertThat(column(enis, "eniSecurityGroupsColumn").isVisible()).isFalse();
    }
}
