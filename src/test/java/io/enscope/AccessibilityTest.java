package io.enscope;

import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ui.AccessibleNames;
import io.enscope.ui.explorer.ExplorerNode;
import io.enscope.ui.explorer.ExplorerRow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole console on the sandbox, headless, as a screen reader and a keyboard user meet it: every
 * focusable control of the main window and of each dialog (bind, create, settings, connect, a
 * confirmation) has an accessible name, and Tab walks the main window from the toolbar to the
 * tree, the tables, the HaVip detail and the activities.
 */
class AccessibilityTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        await().atMost(UI_TIMEOUT).until(() -> mainStage().isPresent()
                && robot.lookup("#activitySlot").tryQueryAs(StackPane.class)
                .map(slot -> !slot.getChildren().isEmpty()).orElse(false)
                && robot.lookup("#statusText").tryQueryAs(javafx.scene.control.Label.class)
                .map(l -> l.getText().contains("instances")).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void everyFocusableControlOfTheMainWindowAndOfEachDialogHasAnAccessibleName() {
        List<String> problems = new ArrayList<>();
        Stage main = mainStage().orElseThrow();
        DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).findFirst().orElseThrow();
        String vSwitchId = DemoScenario.create().haVips().stream().filter(h -> h.haVipId().equals(pair.haVipId()))
                .findFirst().orElseThrow().vSwitchId();
        selectVSwitch(vSwitchId);
        selectHaVip(pair.haVipId());
        await().atMost(UI_TIMEOUT).until(() -> robot.from(main.getScene().getRoot()).lookup("#associationTable")
                .tryQuery().map(Node::isVisible).orElse(false));
        problems.addAll(check("main window", main.getScene().getRoot()));
        // a row reads as its cells: the HaVip's id, IP address and status
        io.enscope.ui.explorer.HaVipRow selected = (io.enscope.ui.explorer.HaVipRow) robot.lookup("#haVipTable")
                .queryTableView().getSelectionModel().getSelectedItem();
        assertThat(spoken(robot.from(main.getScene().getRoot()).lookup("#haVipTable .table-row-cell")
                .match((Node n) -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() == selected).query()))
                .contains(pair.haVipId(), selected.getIpAddress(), selected.getStatus().text());

        // bind
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        problems.addAll(checkDialog("bind", "#showIneligibleCheck"));
        // create HaVip, from the explorer's toolbar
        Platform.runLater(robot.from(main.getScene().getRoot()).lookup("#createHaVipButton").queryAs(Button.class)::fire);
        problems.addAll(checkDialog("create HaVip", "#ipField"));
        // settings and connect (modal: fired later, not waited for)
        Platform.runLater(menuItem(main, "_File", "_Settings")::fire);
        problems.addAll(checkDialog("settings", "#pollInitialField"));
        Platform.runLater(menuItem(main, "_File", "_Connect")::fire);
        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#choiceList").tryQueryAs(ListView.class)
                .map(l -> !l.getItems().isEmpty()).orElse(false));
        problems.addAll(checkDialog("connect", "#choiceList"));
        // a confirmation: deleting the selected HaVip
        Platform.runLater(robot.from(main.getScene().getRoot()).lookup("#deleteButton").queryAs(Button.class)::fire);
        problems.addAll(checkDialog("delete confirmation", ".dialog-pane"));

        assertThat(problems.stream().distinct().toList()).as("nodes a screen reader cannot name").isEmpty();
    }

    @Test
    void tabWalksFromTheToolbarToTheTreeTheTablesTheDetailAndTheActivities() {
        Stage main = mainStage().orElseThrow();
        DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).findFirst().orElseThrow();
        String vSwitchId = DemoScenario.create().haVips().stream().filter(h -> h.haVipId().equals(pair.haVipId()))
                .findFirst().orElseThrow().vSwitchId();
        selectVSwitch(vSwitchId);
        selectHaVip(pair.haVipId());
        robot.interact(() -> robot.from(main.getScene().getRoot()).lookup("#regionPicker").query().requestFocus());

        List<String> areas = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String area = area(main.getScene().getFocusOwner());
            if (areas.isEmpty() || !areas.get(areas.size() - 1).equals(area)) {
                areas.add(area);
            }
            robot.type(KeyCode.TAB);
        }
        List<String> order = new ArrayList<>();
        for (String area : areas) {
            if (!area.equals("other") && !order.contains(area)) {
                order.add(area);
            }
        }
        assertThat(order).as("the areas in the order Tab first reaches them (walk: %s)", areas)
                .containsExactly("toolbar", "tree", "tables", "detail", "activities");
    }

    // ---- helpers -------------------------------------------------------------------------

    private static String area(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            String id = n.getId();
            if (n instanceof ToolBar) {
                return "toolbar";
            }
            if ("tree".equals(id)) {
                return "tree";
            }
            if ("tabs".equals(id) || n.getStyleClass().contains("explorer-toolbar")) {
                return "tables";
            }
            if ("detailSlot".equals(id)) {
                return "detail";
            }
            if ("activitySlot".equals(id) || "activitiesPane".equals(id)) {
                return "activities";
            }
        }
        return "other";
    }

    private String spoken(Node node) {
        AtomicReference<Object> text = new AtomicReference<>();
        robot.interact(() -> text.set(node.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT)));
        return String.valueOf(text.get());
    }

    private List<String> check(String where, Parent root) {
        AtomicReference<List<String>> found = new AtomicReference<>();
        robot.interact(() -> found.set(AccessibleNames.problems(root)));
        return found.get().stream().map(p -> where + ": " + p).toList();
    }

    /** Waits for the dialog that shows {@code query}, checks it, closes it. */
    private List<String> checkDialog(String where, String query) {
        Stage main = mainStage().orElseThrow();
        await().atMost(UI_TIMEOUT).until(() -> dialog(main, query).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = dialog(main, query).orElseThrow();
        List<String> problems = check(where, dialog.getScene().getRoot());
        robot.interact(dialog::hide);
        WaitForAsyncUtils.waitForFxEvents();
        return problems;
    }

    private Optional<Window> dialog(Stage main, String query) {
        return Window.getWindows().stream().filter(w -> w != main && w.isShowing() && w.getScene() != null
                && robot.from(w.getScene().getRoot()).lookup(query).tryQuery().isPresent()).findFirst();
    }

    private Optional<Stage> mainStage() {
        return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Enscope")).map(w -> (Stage) w).findFirst();
    }

    private MenuItem menuItem(Stage main, String menu, String item) {
        MenuBar bar = robot.from(main.getScene().getRoot()).lookup(".menu-bar").queryAs(MenuBar.class);
        Menu found = bar.getMenus().stream().filter(m -> m.getText().equals(menu)).findFirst().orElseThrow();
        return found.getItems().stream().filter(i -> i.getText() != null && i.getText().startsWith(item))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private void selectVSwitch(String vSwitchId) {
        TreeView<ExplorerNode> tree = robot.lookup("#tree").queryAs(TreeView.class);
        await().atMost(UI_TIMEOUT).until(() -> treeRow(tree, vSwitchId) >= 0);
        robot.interact(() -> tree.scrollTo(Math.max(0, treeRow(tree, vSwitchId) - 2)));
        robot.interact(() -> tree.getSelectionModel().select(treeRow(tree, vSwitchId)));
        await().atMost(UI_TIMEOUT).until(() -> tree.getSelectionModel().getSelectedIndex() == treeRow(tree, vSwitchId));
    }

    private static int treeRow(TreeView<ExplorerNode> tree, String id) {
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<ExplorerNode> item = tree.getTreeItem(i);
            if (item != null && item.getValue() != null && id.equals(item.getValue().id())) {
                return i;
            }
        }
        return -1;
    }

    private void selectHaVip(String haVipId) {
        TableView<?> table = robot.lookup("#haVipTable").queryTableView();
        Predicate<Object> matches = r -> ((ExplorerRow) r).getId().equals(haVipId);
        await().atMost(UI_TIMEOUT).until(() -> indexOf(table, matches) >= 0);
        robot.interact(() -> table.scrollTo(indexOf(table, matches)));
        robot.interact(() -> table.getSelectionModel().select(indexOf(table, matches)));
        await().atMost(UI_TIMEOUT).until(() -> table.getSelectionModel().getSelectedIndex() == indexOf(table, matches));
    }

    private static int indexOf(TableView<?> table, Predicate<Object> matches) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (matches.test(table.getItems().get(i))) {
                return i;
            }
        }
        return -1;
    }
}
