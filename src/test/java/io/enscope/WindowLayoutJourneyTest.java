package io.enscope;

import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.explorer.ExplorerNode;
import io.enscope.ui.explorer.ExplorerRow;
import javafx.application.Application;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The console as it starts (menus, sandbox banner, toolbar, explorer, HaVip detail, Activities,
 * status bar), resized to every supported window size: no pane is laid over another, and the
 * HaVips, a HaVip's bindings and the activities each show rows without a divider being dragged.
 */
class WindowLayoutJourneyTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dataDir;
    private Application app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        // the binds below stay in progress while the window is measured
        System.setProperty("enscope.sandbox.delay", "fixed:600000");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> mainStage() != null
                && ((App) app).workspace() != null && table("#activitySlot .table-view") != null));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("enscope.sandbox.delay");
    }

    @Test
    void atEverySupportedSizeNoPaneCoversAnotherAndEveryTableShowsRows() throws Exception {
        // a HaVip with two members, as an HA pair has, so that its bindings table has rows
        Scenario.HaVipRec shown = DemoScenario.create().haVips().stream()
                .filter(h -> h.associatedInstances().size() >= 2).findFirst().orElseThrow();
        Set<String> used = new HashSet<>(List.of(shown.haVipId()));
        // one bind that stays in progress and three that ENS refuses, each with a notification
        DemoScenario.showcases().stream().filter(s -> s.outcome().equals(DemoScenario.SUCCESS))
                .filter(s -> used.add(s.haVipId())).limit(1)
                .forEach(s -> ((App) app).workspace().jobs().submitBind(s.haVipId(), s.targetId(),
                        InstanceType.fromWire(s.instanceType())));
        DemoScenario.showcases().stream().filter(s -> !s.outcome().equals(DemoScenario.SUCCESS))
                .filter(s -> used.add(s.haVipId())).limit(3)
                .forEach(s -> ((App) app).workspace().jobs().submitBind(s.haVipId(), s.targetId(),
                        InstanceType.fromWire(s.instanceType())));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> selectTreeRow(shown.vSwitchId())));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> selectHaVip(shown.haVipId())));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> table("#associationTable") != null
                && table("#associationTable").isVisible()
                && table("#associationTable").getItems().size() >= 2
                && table("#activitySlot .table-view").getItems().size() >= 3));

        await().atMost(UI_TIMEOUT).until(() -> fx(() -> !notifications().isEmpty()));

        SoftAssertions soft = new SoftAssertions();
        // Monocle's headless screen is 1280x800: a bigger window overflows its buffer. Back at
        // 1280x800 last, the Activities pane has its rows again after the smallest size.
        for (int[] size : new int[][] {{1280, 800}, {1024, 768}, {1024, 700}, {1280, 800}}) {
            String at = size[0] + "x" + size[1];
            FxToolkit.setupFixture(() -> {
                mainStage().setWidth(size[0]);
                mainStage().setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            await().atMost(UI_TIMEOUT).until(() -> fx(() -> Math.abs(mainStage().getScene().getHeight() - size[1]) < 1));
            WaitForAsyncUtils.waitForFxEvents();

            soft.assertThat(fx(this::overlaps)).as("panes laid over another at %s", at).isEmpty();
            soft.assertThat(fx(() -> sceneBottomOf("#statusBar"))).as("status bar's bottom at %s", at)
                    .isLessThanOrEqualTo(size[1] + 0.5);
            soft.assertThat(fx(() -> rowsShown(table("#haVipTable")))).as("HaVip rows at %s", at)
                    .isGreaterThanOrEqualTo(3);
            soft.assertThat(fx(() -> rowsShown(table("#associationTable")))).as("binding rows at %s", at)
                    .isGreaterThanOrEqualTo(2);
            soft.assertThat(fx(() -> rowsShown(table("#activitySlot .table-view")))).as("activity rows at %s", at)
                    .isGreaterThanOrEqualTo(size[1] > 700 ? 3 : 2);
            soft.assertThat(fx(this::controlsUnderNotifications)).as("controls under a notification at %s", at)
                    .isEmpty();
            soft.assertThat(fx(this::detailTabsUnderItsCommands)).as("HaVip detail tabs under its commands at %s", at)
                    .isEmpty();
        }
        soft.assertAll();
    }

    /** FX thread: the HaVip detail's tab headers that can be seen where its Bind, Unbind… buttons are. */
    private List<String> detailTabsUnderItsCommands() {
        Node tabs = mainStage().getScene().lookup("#detailTabs");
        Node commands = mainStage().getScene().lookup("#actionBar");
        Bounds bar = commands.localToScene(commands.getLayoutBounds());
        List<String> hits = new ArrayList<>();
        for (Node tab : tabs.lookupAll(".tab")) {
            Bounds seen = visible(tab);
            if (tab.isVisible() && seen.getWidth() > 0.5 && seen.getHeight() > 0.5 && seen.intersects(bar)) {
                hits.add(((javafx.scene.control.Label) tab.lookup(".tab-label")).getText() + " " + seen);
            }
        }
        return hits;
    }

    /** FX thread: the node's bounds in the scene, cut by its ancestors' clips. */
    private static Bounds visible(Node node) {
        Bounds seen = node.localToScene(node.getLayoutBounds());
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                seen = intersect(seen, p.localToScene(p.getClip().getBoundsInParent()));
            }
        }
        return seen;
    }

    /** FX thread: the notifications shown. */
    private List<Node> notifications() {
        Node layer = mainStage().getScene().getRoot().lookup(".toasts");
        return layer == null ? List.of() : List.copyOf(((Parent) layer).getChildrenUnmodifiable());
    }

    /** FX thread: every visible control that a notification lies over. */
    private List<String> controlsUnderNotifications() {
        List<Bounds> shown = notifications().stream().map(n -> n.localToScene(n.getLayoutBounds())).toList();
        List<String> hits = new ArrayList<>();
        List<Node> controls = new ArrayList<>();
        // one selector at a time: Node.lookupAll takes no selector groups
        for (String selector : List.of(".button", ".toggle-button", ".scroll-bar", ".text-field", ".combo-box-base",
                ".check-combo-box", ".tab")) {
            controls.addAll(mainStage().getScene().getRoot().lookupAll(selector));
        }
        for (Node control : controls) {
            Bounds bounds = control.localToScene(control.getLayoutBounds());
            if (control.isVisible() && control.getParent() != null && !isInNotification(control)
                    && bounds.getWidth() > 0 && bounds.getHeight() > 0 && shown.stream().anyMatch(bounds::intersects)) {
                hits.add(control.getTypeSelector() + "#" + control.getId() + " " + bounds);
            }
        }
        return hits;
    }

    private static boolean isInNotification(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("toasts")) {
                return true;
            }
        }
        return false;
    }

    /** FX thread: where a node ends in the scene; beyond the scene's height it is cut off. */
    private double sceneBottomOf(String selector) {
        Node node = mainStage().getScene().lookup(selector);
        return node.localToScene(node.getLayoutBounds()).getMaxY();
    }

    /** FX thread: every split pane whose items overlap or end outside it, with the items' bounds. */
    private List<String> overlaps() {
        List<String> found = new ArrayList<>();
        for (Node node : mainStage().getScene().getRoot().lookupAll(".split-pane")) {
            SplitPane split = (SplitPane) node;
            boolean vertical = split.getOrientation() == Orientation.VERTICAL;
            List<Node> items = split.getItems();
            Bounds whole = split.localToScene(split.getLayoutBounds());
            Bounds last = items.get(items.size() - 1).localToScene(items.get(items.size() - 1).getLayoutBounds());
            if ((vertical ? last.getMaxY() - whole.getMaxY() : last.getMaxX() - whole.getMaxX()) > 0.5) {
                found.add((split.getId() == null ? "split" : split.getId()) + ": " + last + " beyond " + whole);
            }
            for (int i = 0; i + 1 < items.size(); i++) {
                Bounds a = items.get(i).localToScene(items.get(i).getLayoutBounds());
                Bounds b = items.get(i + 1).localToScene(items.get(i + 1).getLayoutBounds());
                double end = vertical ? a.getMaxY() : a.getMaxX();
                double next = vertical ? b.getMinY() : b.getMinX();
                if (end > next + 0.5) {
                    found.add((split.getId() == null ? "split" : split.getId()) + ": " + a + " over " + b);
                }
            }
        }
        return found;
    }

    /**
     * FX thread: how many whole rows of the table's body can be seen: its height clipped by every
     * ancestor's clip and by the window, divided by the height of one row.
     */
    private static int rowsShown(TableView<?> table) {
        if (table == null || !table.isVisible()) {
            return 0;
        }
        Node body = table.lookup(".clipped-container");
        double rowHeight = table.lookupAll(".table-row-cell").stream().filter(TableRow.class::isInstance)
                .mapToDouble(n -> ((TableRow<?>) n).getHeight()).filter(h -> h > 0).min().orElse(24);
        Bounds seen = intersect(visible(body), new BoundingBox(0, 0, table.getScene().getWidth(), table.getScene().getHeight()));
        return (int) Math.floor(seen.getHeight() / rowHeight);
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return new BoundingBox(minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY));
    }

    @SuppressWarnings("unchecked")
    private boolean selectTreeRow(String id) {
        TreeView<ExplorerNode> tree = (TreeView<ExplorerNode>) mainStage().getScene().lookup("#tree");
        for (int i = 0; tree != null && i < tree.getExpandedItemCount(); i++) {
            TreeItem<ExplorerNode> item = tree.getTreeItem(i);
            if (item != null && item.getValue() != null && id.equals(item.getValue().id())) {
                tree.getSelectionModel().select(i);
                return true;
            }
        }
        return false;
    }

    private boolean selectHaVip(String haVipId) {
        TableView<?> table = table("#haVipTable");
        for (int i = 0; table != null && i < table.getItems().size(); i++) {
            if (((ExplorerRow) table.getItems().get(i)).getId().equals(haVipId)) {
                table.getSelectionModel().select(i);
                return true;
            }
        }
        return false;
    }

    private TableView<?> table(String selector) {
        Stage stage = mainStage();
        return stage == null ? null : (TableView<?>) stage.getScene().lookup(selector);
    }

    private static Stage mainStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Enscope")).map(w -> (Stage) w)
                .findFirst().orElse(null);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(UI_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
