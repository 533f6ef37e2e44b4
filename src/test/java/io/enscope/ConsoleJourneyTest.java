package io.enscope;

import io.enscope.bench.FxStallLog;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ui.common.FxStallWatchdog;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole console, headless on Monocle, on the sandbox: its main journeys, clicking through the
 * real windows. JavaFX state is read on the FX thread ({@link #fx}). The FX thread's longest stall
 * is recorded for docs/benchmarks.md, not asserted: timing belongs to the benchmarks. Associations take 2.5 s in this sandbox, long enough to see
 * {@code Associating} and short enough for a test.
 */
class ConsoleJourneyTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private FxStallWatchdog watchdog;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        System.setProperty("enscope.sandbox.delay", "fixed:2500");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        // The journeys are watched once the console has started: its views built (the activities
        // table is the last of them, after the explorer's tree) and its first inventory shown.
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> mainStage().isPresent()
                && robot.lookup("#activitySlot").tryQueryAs(StackPane.class)
                .map(slot -> !slot.getChildren().isEmpty()).orElse(false) && text("#statusText").contains("instances")));
        WaitForAsyncUtils.waitForFxEvents();
        watchdog = FxStallWatchdog.start();
    }

    @AfterEach
    void stop(TestInfo test) throws Exception {
        if (watchdog != null) {
            watchdog.stop();
        }
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("enscope.sandbox.delay");
        if (watchdog != null) {
            FxStallLog.record("ConsoleJourneyTest." + test.getTestMethod().map(m -> m.getName()).orElse("?"),
                    watchdog);
        }
    }

    @Test
    void bindAnEligibleInstanceAndWatchItGoAssociatingThenInUseThenUnbindIt() {
        assertThat(fx(() -> mainStage().orElseThrow().getTitle())).startsWith("Enscope");
        assertThat(fx(() -> text("#bannerTitle"))).contains("Sandbox");
        DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS) && s.instanceType().equals("EnsInstance"))
                .findFirst().orElseThrow();
        String vSwitchId = DemoScenario.create().haVips().stream().filter(h -> h.haVipId().equals(pair.haVipId()))
                .findFirst().orElseThrow().vSwitchId();

        selectVSwitch(vSwitchId);
        selectHaVip(pair.haVipId());
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);

        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#select-" + pair.targetId()).tryQuery().isPresent()));
        Stage main = fx(() -> mainStage().orElseThrow());
        assertThat(fx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w != main).count()))
                .as("bind dialogs open").isEqualTo(1);
        robot.clickOn(robot.lookup("#select-" + pair.targetId()).queryAs(CheckBox.class));
        robot.clickOn(dialogBindButton(pair.targetId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#select-" + pair.targetId()).tryQuery()).as("the dialog closes at once").isEmpty();

        await().atMost(UI_TIMEOUT).until(() -> fx(() -> activityStateShows("Associating")));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> haVipRowShows(pair.haVipId(), "Associating")));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> activityStateShows("Succeeded")));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> haVipRowShows(pair.haVipId(), "In use")));

        // unbind the new association from the HaVip's detail, confirming
        clickRow("#associationTable", r -> ((io.enscope.ui.havip.AssociationRow) r).getTargetId()
                .equals(pair.targetId()));
        robot.clickOn("#unbindButton");
        robot.clickOn(dialogButton("Unbind"));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#associationTable .table-cell")
                .match(hasText(pair.targetId())).tryQuery().isEmpty()));
    }

    @Test
    void anIneligibleTargetShowsItsReasonAndAnInjectedErrorItsLocalizedMessage() {
        DemoScenario.Showcase wrongVSwitch = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals("IncorrectInstanceVSwitch")).findFirst().orElseThrow();
        DemoScenario.Showcase eligible = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS) && s.haVipId().equals(wrongVSwitch.haVipId()))
                .findFirst().orElseGet(() -> DemoScenario.showcases().stream()
                        .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).findFirst().orElseThrow());
        String vSwitchId = DemoScenario.create().haVips().stream()
                .filter(h -> h.haVipId().equals(wrongVSwitch.haVipId())).findFirst().orElseThrow().vSwitchId();

        selectVSwitch(vSwitchId);
        selectHaVip(wrongVSwitch.haVipId());
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#showIneligibleCheck").tryQuery().isPresent()));
        robot.clickOn("#showIneligibleCheck");
        Node dialogRoot = robot.lookup("#showIneligibleCheck").query().getScene().getRoot();
        TableView<?> candidates = robot.from(dialogRoot).lookup("#table").queryTableView();
        Predicate<Object> isWrong = r -> ((io.enscope.ui.bind.BindRow) r).targetId().equals(wrongVSwitch.targetId());
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> indexOf(candidates, isWrong) >= 0));
        robot.interact(() -> candidates.scrollTo(indexOf(candidates, isWrong)));
        Node row = fx(() -> robot.from(candidates).lookup(".table-row-cell").match((Node n) -> robot.from(n)
                .lookup("#select-" + wrongVSwitch.targetId()).tryQuery().isPresent()).query());
        assertThat(fx(() -> ((Labeled) robot.from(row).lookup(".verdict-code").query()).getText()))
                .isEqualTo("IncorrectInstanceVSwitch");
        assertThat(fx(() -> ((Labeled) robot.from(row).lookup(".verdict-words").query()).getText())).isNotBlank();
        robot.type(KeyCode.ESCAPE);

        // Sandbox menu: inject a SystemError into the next AssociateHaVip, then bind
        clickMenu("Sandbox", "Inject a fault", "SystemError");
        if (!eligible.haVipId().equals(wrongVSwitch.haVipId())) {
            String otherVsw = DemoScenario.create().haVips().stream()
                    .filter(h -> h.haVipId().equals(eligible.haVipId())).findFirst().orElseThrow().vSwitchId();
            selectVSwitch(otherVsw);
            selectHaVip(eligible.haVipId());
        }
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#select-" + eligible.targetId()).tryQuery().isPresent()));
        robot.clickOn(robot.lookup("#select-" + eligible.targetId()).queryAs(CheckBox.class));
        robot.clickOn(dialogBindButton(eligible.targetId()));
        // the code, and the message in the user's language (the bundle's words for SystemError)
        String message = ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH).getString("ens.error.SystemError");
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> activityTextShows("SystemError")));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> activityTextShows(message)));
    }

    @Test
    void switchingToChineseChangesTheUiText() {
        assertThat(fx(this::menuTexts)).contains("File");
        clickMenu("View", "Language", "简体中文");
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> menuTexts().contains("文件")));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#tree").tryQueryAs(TreeView.class)
                .map(t -> t.getRoot() != null && !t.getRoot().getChildren().isEmpty()).orElse(false)));
        assertThat(fx(() -> text("#bannerTitle"))).contains("沙箱");
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Reads JavaFX state on the FX thread. */
    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(UI_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Stage> mainStage() {
        return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Enscope")).map(w -> (Stage) w).findFirst();
    }

    private Node cellContaining(String query, String text) {
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup(query).match(hasText(text)).tryQuery().isPresent()));
        return robot.lookup(query).match(hasText(text)).query();
    }

    /** Scrolls the explorer tree to the VSwitch and clicks its row, as a user would. */
    @SuppressWarnings("unchecked")
    private void selectVSwitch(String vSwitchId) {
        TreeView<io.enscope.ui.explorer.ExplorerNode> tree = robot.lookup("#tree").queryAs(TreeView.class);
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> findTreeRow(tree, vSwitchId) >= 0));
        robot.interact(() -> tree.scrollTo(Math.max(0, findTreeRow(tree, vSwitchId) - 2)));
        int row = fx(() -> findTreeRow(tree, vSwitchId));
        Node cell = robot.from(tree).lookup(".tree-cell").match((Node n) -> n instanceof javafx.scene.control.TreeCell<?> c
                && c.getIndex() == row).query();
        robot.clickOn(cell);
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> tree.getSelectionModel().getSelectedIndex() == row));
    }

    private static int findTreeRow(TreeView<io.enscope.ui.explorer.ExplorerNode> tree, String id) {
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            javafx.scene.control.TreeItem<io.enscope.ui.explorer.ExplorerNode> item = tree.getTreeItem(i);
            if (item != null && item.getValue() != null && id.equals(item.getValue().id())) {
                return i;
            }
        }
        return -1;
    }

    private void selectHaVip(String haVipId) {
        clickRow("#haVipTable", r -> ((io.enscope.ui.explorer.ExplorerRow) r).getId().equals(haVipId));
    }

    /** Scrolls a table to the first row matching and clicks it. */
    private void clickRow(String tableQuery, Predicate<Object> matches) {
        TableView<?> table = robot.lookup(tableQuery).queryTableView();
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> indexOf(table, matches) >= 0));
        robot.interact(() -> table.scrollTo(indexOf(table, matches)));
        int index = fx(() -> indexOf(table, matches));
        Node rowNode = robot.from(table).lookup(".table-row-cell").match((Node n) ->
                n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == index).query();
        // on its first cell, as a user clicks a row's id: a row wider than the table ends out of sight
        robot.clickOn(robot.from(rowNode).lookup(".table-cell").nth(0).queryAs(Node.class));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> table.getSelectionModel().getSelectedIndex() == index));
    }

    private static int indexOf(TableView<?> table, Predicate<Object> matches) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (matches.test(table.getItems().get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Predicate<Node> hasText(String text) {
        return n -> n instanceof Labeled l && l.getText() != null && l.getText().replace("_", "").contains(text)
                && n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing();
    }

    /**
     * Chooses a menu item by the texts of its menu path. Menus are fired through their model: popup
     * menus under Monocle re-create their nodes while the robot moves, which makes clicks flaky.
     */
    private void clickMenu(String menu, String... items) {
        javafx.scene.control.MenuBar bar = robot.from(mainStage().orElseThrow().getScene().getRoot())
                .lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        List<javafx.scene.control.MenuItem> level = new java.util.ArrayList<>(bar.getMenus());
        javafx.scene.control.MenuItem found = null;
        for (String name : concat(menu, items)) {
            found = level.stream().filter(i -> i.getText() != null && i.getText().replace("_", "").contains(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no menu item " + name));
            level = found instanceof javafx.scene.control.Menu m ? new java.util.ArrayList<>(m.getItems()) : List.of();
        }
        javafx.scene.control.MenuItem item = found;
        assertThat(item.isDisable()).isFalse();
        assertThat(item.getParentMenu() == null || item.getParentMenu().isVisible()).isTrue();
        robot.interact(item::fire);
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    /** The Bind button of the bind dialog that lists {@code targetId} (the explorer has one too). */
    private Node dialogBindButton(String targetId) {
        Node select = robot.lookup("#select-" + targetId).query();
        return robot.from(select.getScene().getRoot()).lookup("#bindButton").query();
    }

    private Node dialogButton(String text) {
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup(".dialog-pane .button").match(hasText(text))
                .tryQuery().isPresent()));
        return robot.lookup(".dialog-pane .button").match(hasText(text)).query();
    }

    private String text(String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }

    private String menuTexts() {
        StringBuilder sb = new StringBuilder();
        robot.lookup(".menu-bar .menu-button").queryAll().forEach(n -> {
            if (n instanceof Labeled l) {
                sb.append(l.getText().replace("_", "")).append('|');
            }
        });
        return sb.toString();
    }

    private boolean haVipRowShows(String haVipId, String status) {
        TableView<?> table = robot.lookup("#haVipTable").queryTableView();
        Set<Node> rows = robot.from(table).lookup(".table-row-cell").queryAll();
        return rows.stream().anyMatch(r -> !robot.from(r).lookup(".table-cell").match(hasText(haVipId)).queryAll()
                .isEmpty() && !robot.from(r).lookup(".label").match(hasText(status)).queryAll().isEmpty());
    }

    private boolean activityStateShows(String text) {
        return activityTextShows(text);
    }

    private boolean activityTextShows(String text) {
        Window main = mainStage().orElseThrow();
        return !robot.from(main.getScene().getRoot()).lookup("#activitySlot .label").match(hasText(text)).queryAll()
                .isEmpty()
                || !robot.from(main.getScene().getRoot()).lookup("#activitySlot .table-cell").match(hasText(text))
                .queryAll().isEmpty();
    }
}
