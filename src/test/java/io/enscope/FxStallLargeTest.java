package io.enscope;

import io.enscope.bench.FxStallLog;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.ui.common.FxStallWatchdog;
import io.enscope.ui.explorer.ExplorerNode;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The FX-thread watchdog on the {@code large} scenario: the whole console,
 * headless on Monocle, on a sandbox holding 10,000 instances, 20,000 ENIs and 2,000 HaVips. The
 * longest stall is measured while the inventory loads (from the explorer built until the loaded
 * tree and tables are on screen), then while the user clicks through tree nodes (regions, a
 * network, a VSwitch), switches tabs and types in the search box, which re-filters the big tables
 * at every key. Each phase is reported against the 100 ms budget of design.md
 * ({@code fx-stalls.txt} in the build directory) and fails above 500 ms, so that a loaded CI
 * machine does not make it flaky. The start before it (connecting, building the explorer in a
 * cold JVM) is reported too, but not asserted: it does not depend on the scenario, and
 * {@link ConsoleJourneyTest} starts its watchdog after it as well.
 */
@Tag("benchmark")
class FxStallLargeTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private final List<FxStallWatchdog> watchdogs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        System.setProperty(Sandbox.SCENARIO_PROPERTY, "large");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
    }

    @AfterEach
    void stop() throws Exception {
        watchdogs.forEach(FxStallWatchdog::stop);
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty(Sandbox.SCENARIO_PROPERTY);
    }

    @Test
    void theFxThreadStaysResponsiveWhileLargeLoadsAndWhileBrowsingAndSearchingIt() {
        // The window is shown; the sandbox starts in the background, then the console builds its
        // explorer (cold: the first layout and CSS of every control class, as with the demo
        // scenario; reported, not asserted, like ConsoleJourneyTest's start) and loads the inventory.
        FxStallWatchdog starting = watch();
        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#tree").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        starting.stop();

        FxStallWatchdog loading = watch();
        int instances = LargeScenario.REGIONS * LargeScenario.NETWORKS_PER_REGION
                * LargeScenario.VSWITCHES_PER_NETWORK * LargeScenario.INSTANCES_PER_VSWITCH;
        String loaded = String.format(java.util.Locale.ENGLISH, "%,d instances", instances);
        await().atMost(UI_TIMEOUT).until(() -> text("#statusText").contains(loaded));
        // The pulse that lays out and renders the loaded tree and tables belongs to the load.
        WaitForAsyncUtils.waitForFxEvents();
        loading.stop();

        FxStallWatchdog browsing = watch();
        TreeView<ExplorerNode> tree = tree();
        List<ExplorerNode> regions = tree.getRoot().getChildren().stream().map(TreeItem::getValue).toList();
        assertThat(regions).hasSize(LargeScenario.REGIONS);
        ExplorerNode region = regions.get(regions.size() / 2);
        ExplorerNode network = region.children().get(1);
        ExplorerNode vSwitch = network.children().get(3);
        clickTreeNode(tree, regions.get(regions.size() - 1).id());
        clickTreeNode(tree, region.id());
        selectTab("#enisTab");
        selectTab("#instancesTab");
        clickTreeNode(tree, network.id());
        clickTreeNode(tree, vSwitch.id());
        clickTreeNode(tree, region.id());
        browsing.stop();

        FxStallWatchdog searching = watch();
        robot.clickOn("#searchField");
        robot.write("running 10.");
        await().atMost(UI_TIMEOUT).until(() -> text("#instancesTab").contains(" of "));
        selectTab("#enisTab");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        robot.write("secondary");
        await().atMost(UI_TIMEOUT).until(() -> text("#enisTab").contains(" of "));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#searchField").queryAs(TextField.class).getText()
                .isEmpty() && !text("#enisTab").contains(" of "));
        searching.stop();

        FxStallLog.record("FxStallLargeTest.start (connect + explorer built, not asserted)", starting);
        FxStallLog.record("FxStallLargeTest.load", loading);
        FxStallLog.record("FxStallLargeTest.browse", browsing);
        FxStallLog.record("FxStallLargeTest.search", searching);
        // Asserted on the FX thread's own work in its longest stall (wall time is recorded above):
        // a loaded CI machine makes the thread wait for a core, which is not a stall of ours.
        assertThat(loading.maxBusyStall()).as("FX work in the longest stall while large loads (wall %d ms)",
                loading.maxStall().toMillis()).isLessThan(FxStallLog.FAIL_ABOVE);
        assertThat(browsing.maxBusyStall()).as("FX work in the longest stall while browsing (wall %d ms)",
                browsing.maxStall().toMillis()).isLessThan(FxStallLog.FAIL_ABOVE);
        assertThat(searching.maxBusyStall()).as("FX work in the longest stall while searching (wall %d ms)",
                searching.maxStall().toMillis()).isLessThan(FxStallLog.FAIL_ABOVE);
    }

    private FxStallWatchdog watch() {
        FxStallWatchdog w = FxStallWatchdog.start();
        watchdogs.add(w);
        return w;
    }

    @SuppressWarnings("unchecked")
    private TreeView<ExplorerNode> tree() {
        return robot.lookup("#tree").queryAs(TreeView.class);
    }

    /** Scrolls the tree to the node and clicks its row, as a user would, then waits for the tables to follow. */
    private void clickTreeNode(TreeView<ExplorerNode> tree, String id) {
        // the node may sit under a collapsed parent: open the path to it first, as a user would
        await().atMost(UI_TIMEOUT).until(() -> find(tree.getRoot(), id) != null);
        robot.interact(() -> {
            for (TreeItem<ExplorerNode> p = find(tree.getRoot(), id).getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
        });
        await().atMost(UI_TIMEOUT).until(() -> row(tree, id) >= 0);
        // The tree may be refreshed between the scroll and the click (the explorer reuses or
        // replaces items as the inventory changes), so the cell is found by its node, not by its
        // index, and the click is repeated until that node is the selected one.
        await().atMost(UI_TIMEOUT).pollInterval(java.time.Duration.ofMillis(250)).until(() -> {
            if (id.equals(selectedId(tree))) {
                return true;
            }
            robot.interact(() -> tree.scrollTo(Math.max(0, row(tree, id) - 2)));
            robot.from(tree).lookup(".tree-cell").match((Node n) -> n instanceof TreeCell<?> c && c.isVisible()
                    && c.getTreeItem() != null && c.getTreeItem().getValue() instanceof ExplorerNode node
                    && id.equals(node.id())).tryQuery().ifPresent(robot::clickOn);
            return id.equals(selectedId(tree));
        });
    }

    private static String selectedId(TreeView<ExplorerNode> tree) {
        TreeItem<ExplorerNode> selected = tree.getSelectionModel().getSelectedItem();
        return selected == null || selected.getValue() == null ? null : selected.getValue().id();
    }

    private static TreeItem<ExplorerNode> find(TreeItem<ExplorerNode> item, String id) {
        if (item == null) {
            return null;
        }
        if (item.getValue() != null && id.equals(item.getValue().id())) {
            return item;
        }
        for (TreeItem<ExplorerNode> child : item.getChildren()) {
            TreeItem<ExplorerNode> found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int row(TreeView<ExplorerNode> tree, String id) {
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<ExplorerNode> item = tree.getTreeItem(i);
            if (item != null && item.getValue() != null && id.equals(item.getValue().id())) {
                return i;
            }
        }
        return -1;
    }

    private void selectTab(String query) {
        Tab tab = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> query.equals("#" + t.getId())).findFirst()
                .orElseThrow();
        robot.interact(() -> tab.getTabPane().getSelectionModel().select(tab));
    }

    private String text(String query) {
        if (query.endsWith("Tab")) {
            return robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                    .flatMap(p -> p.getTabs().stream()).filter(t -> query.equals("#" + t.getId()))
                    .map(Tab::getText).findFirst().orElse("");
        }
        return robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText).orElse("");
    }
}
