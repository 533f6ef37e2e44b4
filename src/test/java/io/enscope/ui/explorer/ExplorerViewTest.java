package io.enscope.ui.explorer;

import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.VSwitch;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.AssociationRow;
import io.enscope.ui.havip.Demo;
import io.enscope.ui.havip.RecordingDialogs;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The explorer on the sandbox, headless on Monocle: tree → tables → search → HaVip detail → keys. */
class ExplorerViewTest {
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final StringProperty search = new SimpleStringProperty("");
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestWorkspaces.onFx(dir);
        workspace = sandbox.workspace();
        ExplorerViewModel vm = new ExplorerViewModel(workspace, dialogs, search);
        ViewLoader loader = new ViewLoader(workspace.i18n(), type -> {
            throw new IllegalStateException("unexpected controller " + type);
        });
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            ExplorerView view = loader.load(ExplorerView.class, new ExplorerView(vm)).controller();
            TextField field = new TextField();
            field.setId("searchField");
            field.textProperty().bindBidirectional(search);
            BorderPane root = new BorderPane(view.root());
            root.setTop(field);
            Scene scene = new Scene(root, 1200, 760);
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

    private <T> TableView<T> table(String id) {
        return robot.lookup(id).queryTableView();
    }

    private static List<String> ids(TableView<? extends ExplorerRow> table) {
        return table.getItems().stream().map(ExplorerRow::getId).toList();
    }

    private Node treeLabel(String text) {
        return robot.lookup(".explorer-tree-cell .label").queryAllAs(Label.class).stream()
                .filter(l -> text.equals(l.getText())).findFirst().orElseThrow(() -> new AssertionError(text));
    }

    @Test
    void aVSwitchFillsTheTablesTheSearchFiltersThemAndAHaVipShowsItsDetail() {
        VSwitch web = Demo.vSwitch(workspace.inventory(), "cn-hangzhou-telecom", "prod-web-a");
        HaVip lb = Demo.haVip(workspace.inventory(), "vip-lb-hz");
        TreeView<?> tree = robot.lookup("#tree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(3);
        assertThat(robot.lookup("#placeholderLabel").queryLabeled().isVisible()).isTrue();

        robot.clickOn(treeLabel(web.id()));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<HaVipRow> haVips = table("#haVipTable");
        // a hidden tab's table joins the scene when its tab is first selected
        assertThat(robot.lookup("#instanceTable").tryQuery()).isEmpty();
        robot.clickOn("#instancesTab");
        robot.clickOn("#enisTab");
        robot.clickOn("#haVipsTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<InstanceRow> instances = table("#instanceTable");
        assertThat(ids(haVips)).containsExactlyInAnyOrderElementsOf(
                workspace.inventory().haVipsIn(web.id()).stream().map(HaVip::id).toList());
        assertThat(instances.getItems()).hasSize(7);
        assertThat(robot.lookup("#createHaVipButton").queryButton().isDisabled()).isFalse();

        robot.clickOn("#searchField").write("lb-hz-01");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ids(haVips)).containsExactly(lb.id());
        assertThat(instances.getItems()).extracting(InstanceRow::getName).containsExactly("lb-hz-01");
        assertThat(table("#eniTable").getItems()).hasSize(2);
        assertThat(robot.lookup("#haVipsTab").queryAs(Node.class)).isNotNull();

        robot.clickOn(robot.from(haVips).lookup(".table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#idLabel").queryLabeled().getText()).isEqualTo(lb.id());
        assertThat(robot.lookup("#placeholderLabel").queryLabeled().isVisible()).isFalse();
        TableView<AssociationRow> bindings = table("#associationTable");
        assertThat(bindings.getItems()).extracting(AssociationRow::getTargetName)
                .containsExactlyInAnyOrder("lb-hz-01", "lb-hz-02");
        assertThat(robot.lookup("#associationTable .status-pill").queryAllAs(Label.class))
                .extracting(Label::getText).containsOnly("In use");

        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.bindDialogs).extracting(HaVip::id).containsExactly(lb.id());

        robot.clickOn(haVips);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.lastCopied()).isEqualTo(lb.id());

        dialogs.confirmAnswer = false;
        robot.clickOn(robot.from(bindings).lookup(".table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirmations).singleElement().asString().startsWith("Unbind the HaVip?");
        assertThat(workspace.jobs().jobs()).isEmpty();
    }

    @Test
    void aLiveRefreshKeepsTheSelectedRowAndUpdatesItsStatus() {
        HaVip lb = Demo.haVip(workspace.inventory(), "vip-lb-hz");
        TableView<HaVipRow> haVips = table("#haVipTable");
        HaVipRow row = haVips.getItems().stream().filter(r -> r.getId().equals(lb.id())).findFirst().orElseThrow();
        robot.interact(() -> haVips.getSelectionModel().select(row));
        int index = haVips.getSelectionModel().getSelectedIndex();

        HaVipAssociation first = lb.associations().get(0);
        HaVip changed = lb.withAssociations(List.of(new HaVipAssociation(first.instanceId(), first.instanceType(), null,
                first.ipAddress(), AssociationStatus.UNASSOCIATING, "Unassociating", first.creationTime()),
                lb.associations().get(1)));
        robot.interact(() -> workspace.setInventory(workspace.inventory().withHaVip(changed)));

        assertThat(haVips.getSelectionModel().getSelectedItem()).isSameAs(row);
        assertThat(haVips.getSelectionModel().getSelectedIndex()).isEqualTo(index);
        assertThat(row.getAssociations()).contains("(Unassociating)");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(robot.lookup("#associationTable .status-pill").queryAllAs(Label.class))
                        .extracting(Label::getText).contains("Unassociating"));
    }
}
