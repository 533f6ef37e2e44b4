package io.enscope;

import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.common.ErrorDialog;
import io.enscope.ui.common.I18n;
import io.enscope.ui.explorer.ExplorerNode;
import io.enscope.ui.settings.Settings;
import io.enscope.ui.settings.SettingsStore;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.IndexedCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Walks the console in Simplified Chinese (main window with the explorer's tabs and a HaVip's
 * detail, Activities with a job, about, settings, connect, the bind and create dialogs, both
 * confirmations and the error dialog) and fails on any visible text in Latin letters only that is
 * not an ID, an IP, a code, a number, a resource's name or a product name (headless, the real
 * console on the sandbox).
 */
class ChineseUiWalkTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(40);
    /**
     * Words kept in Latin letters in the Chinese UI, with why: product and service names (Enscope,
     * ENS, HaVip, aliyun and its CLI, ECS, Alibaba Cloud), API terms admins type and search for
     * (RequestId, AccessKey, IP, CIDR, ID, JSON, CSV), key names of shortcuts (Ctrl, Cmd, Shift,
     * Space, Enter, F5), and "English", the name of that language in the language menu.
     */
    private static final Set<String> ALLOWED = Set.of("Enscope", "ENS", "HaVip", "HaVips", "aliyun", "CLI", "ECS",
            "Alibaba", "Cloud", "RequestId", "AccessKey", "AccessKeyId", "IP", "IPv4", "CIDR", "ID", "JSON", "CSV",
            "Ctrl", "Cmd", "Shift", "Space", "Enter", "F5", "English");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9._:/~*\\-]*");
    /**
     * Resource IDs and names (havip-…, i-…, cn-hangzhou-…, vip-web-hz), RequestIds (upper-case
     * UUIDs), codes (Throttling.User), paths.
     */
    private static final Pattern DATA = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+|.*[._/~:].*|[A-Z][a-z]+([A-Z][a-z0-9]*)+"
            + "|[A-Z]{2,}\\d*|v?\\d.*");
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}");
    /** Words that look like codes but are what the console says to the user: statuses, JavaFX's own buttons. */
    private static final Set<String> WORDS = words();
    /** A mnemonic left in a title: 关于 Enscope(A). */
    private static final Pattern MNEMONIC = Pattern.compile("\\(_?\\w\\)|_");

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private final java.util.Locale defaultLocale = java.util.Locale.getDefault();
    private Application app;

    @AfterEach
    void stop() throws Exception {
        java.util.Locale.setDefault(defaultLocale);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void everyViewAndDialogSpeaksChinese() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withLanguage("zh_CN"));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        App console = (App) app;
        await().atMost(UI_TIMEOUT).until(() -> console.workspace() != null
                && fx(() -> text("#statusText")).contains("高可用虚拟 IP"));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#haVipTable").tryQuery().isPresent()));

        // A VSwitch, a bound HaVip in it, and a job in the Activities pane.
        DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).findFirst().orElseThrow();
        String vSwitchId = console.workspace().inventory().haVip(pair.haVipId()).orElseThrow().vSwitchId();
        robot.interact(() -> selectTreeNode(vSwitchId));
        robot.interact(() -> {
            TableView<?> table = robot.lookup("#haVipTable").queryTableView();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (((io.enscope.ui.explorer.HaVipRow) table.getItems().get(i)).getId().equals(pair.haVipId())) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        console.workspace().jobs().submitBind(pair.haVipId(), pair.targetId(), InstanceType.fromWire(pair.instanceType()));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#activitySlot #table").tryQueryAs(TableView.class)
                .map(t -> !t.getItems().isEmpty()).orElse(false)));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#associationTable").tryQueryAs(TableView.class)
                .map(t -> !t.getItems().isEmpty()).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> found = new ArrayList<>(fx(() -> latinOnly(mainStage())));
        found.addAll(dialog(() -> menuItem("main.menu.about").fire()));
        found.addAll(dialog(() -> menuItem("main.menu.settings").fire()));
        found.addAll(dialog(() -> menuItem("main.menu.connect").fire()));
        found.addAll(dialog(() -> button("#createHaVipButton").fire()));
        found.addAll(dialog(() -> lookupIn("#detailTabs", "#bindButton").fire()));
        found.addAll(dialog(() -> lookupIn("#detailTabs", "#deleteButton").fire()));
        // an association in use: the job above has bound one by now, or soon (only those can be unbound)
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> robot.lookup("#associationTable").queryTableView().getItems()
                .stream().anyMatch(r -> ((io.enscope.ui.havip.AssociationRow) r).isInUse())));
        robot.interact(() -> {
            TableView<?> associations = robot.lookup("#associationTable").queryTableView();
            for (int i = 0; i < associations.getItems().size(); i++) {
                if (((io.enscope.ui.havip.AssociationRow) associations.getItems().get(i)).isInUse()) {
                    associations.getSelectionModel().clearAndSelect(i);
                    break;
                }
            }
        });
        found.addAll(dialog(() -> lookupIn("#detailTabs", "#unbindButton").fire()));
        found.addAll(dialog(() -> new ErrorDialog(new I18n(I18n.CHINESE), s -> s)
                .show(mainStage(), "测试", new IllegalStateException("boom"))));

        assertThat(found).as("visible texts in Latin letters only").isEmpty();
    }

    /** Opens a dialog, reads it, closes it with its cancelling button. */
    private List<String> dialog(Runnable open) throws Exception {
        Set<Window> before = Set.copyOf(fx(Window::getWindows));
        Platform.runLater(open);
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> opened(before) != null));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            Window window = opened(before);
            List<String> found = latinOnly(window);
            close(window);
            return found;
        });
    }

    private static Window opened(Set<Window> before) {
        return Window.getWindows().stream().filter(w -> w.isShowing() && !before.contains(w)
                && w instanceof Stage).findFirst().orElse(null);
    }

    private static void close(Window window) {
        Parent root = window.getScene().getRoot();
        Node cancel = root.lookup("#cancelButton");
        if (cancel instanceof Button b) {
            b.fire();
            return;
        }
        DialogPane pane = root instanceof DialogPane p ? p : (DialogPane) root.lookup(".dialog-pane");
        if (pane != null) {
            ButtonType choice = pane.getButtonTypes().stream().filter(t -> t.getButtonData().isCancelButton())
                    .findFirst().orElse(pane.getButtonTypes().get(pane.getButtonTypes().size() - 1));
            ((Button) pane.lookupButton(choice)).fire();
            return;
        }
        ((Stage) window).close();
    }

    /** The visible texts of a window in Latin letters only that are not data, codes or product names. */
    private static List<String> latinOnly(Window window) {
        List<String> found = new ArrayList<>();
        String where = window instanceof Stage s ? s.getTitle() : "window";
        check(found, where + " title", window instanceof Stage s ? s.getTitle() : null);
        walk(window.getScene().getRoot(), where, found);
        return found;
    }

    private static void walk(Node node, String where, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        String at = where + " " + (node.getId() == null ? node.getClass().getSimpleName() : "#" + node.getId());
        boolean cell = node instanceof IndexedCell<?>;
        if (node instanceof Labeled l && !cell) {
            check(found, at, l.getText());
        }
        if (node.getStyleClass().contains("status-pill") && node instanceof Labeled pill) {
            check(found, at + " pill", pill.getText());
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            check(found, at + " tooltip", c.getTooltip().getText());
        }
        if (node instanceof TextInputControl t) {
            check(found, at + " prompt", t.getPromptText());
        }
        if (node instanceof ComboBoxBase<?> box) {
            check(found, at + " prompt", box.getPromptText());
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(c -> columns(c, at, found));
            if (table.getPlaceholder() instanceof Labeled p) {
                check(found, at + " placeholder", p.getText());
            }
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                check(found, at + " tab", tab.getText());
            }
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> menu(m, at, found));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, where, found);
            }
        }
    }

    private static void columns(TableColumnBase<?, ?> column, String at, List<String> found) {
        if (column.isVisible()) {
            check(found, at + " column", column.getText());
            column.getColumns().forEach(c -> columns(c, at, found));
        }
    }

    private static void menu(MenuItem item, String at, List<String> found) {
        if (!item.isVisible()) {
            return;
        }
        check(found, at + " menu", item.getText());
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> menu(i, at, found));
        }
    }

    private static Set<String> words() {
        Set<String> words = new java.util.HashSet<>(Set.of("OK", "Cancel", "Close", "Yes", "No"));
        for (var s : io.enscope.ens.model.HaVipStatus.values()) {
            words.add(s.wireValue());
        }
        for (var s : io.enscope.ens.model.AssociationStatus.values()) {
            words.add(s.wireValue());
        }
        for (var s : io.enscope.ens.model.InstanceStatus.values()) {
            words.add(s.wireValue());
        }
        for (var s : io.enscope.ens.model.NetworkInterfaceStatus.values()) {
            words.add(s.wireValue());
        }
        for (var s : io.enscope.binding.JobState.values()) {
            words.add(s.name());
        }
        return Set.copyOf(words);
    }

    private static void check(List<String> found, String where, String text) {
        if (text != null && where.endsWith(" title") && MNEMONIC.matcher(text).find()) {
            found.add(where + ": \"" + text + "\" (a mnemonic)");
            return;
        }
        // An aliyun CLI command is code, shown as it is typed.
        if (text == null || text.isBlank() || HAN.matcher(text).find() || text.startsWith("aliyun ")
                || REQUEST_ID.matcher(text.strip()).matches()) {
            return;
        }
        var words = LATIN_WORD.matcher(text);
        while (words.find()) {
            String word = words.group().replaceAll("[.:]+$", "");
            if (WORDS.contains(word) || !ALLOWED.contains(word) && !DATA.matcher(word).matches()) {
                found.add(where + ": \"" + text + "\"");
                return;
            }
        }
    }

    private void selectTreeNode(String vSwitchId) {
        TreeView<ExplorerNode> tree = robot.lookup("#tree").query();
        TreeItem<ExplorerNode> item = find(tree.getRoot(), vSwitchId);
        for (TreeItem<ExplorerNode> up = item.getParent(); up != null; up = up.getParent()) {
            up.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
    }

    private static TreeItem<ExplorerNode> find(TreeItem<ExplorerNode> item, String id) {
        if (item.getValue() != null && id.equals(item.getValue().id())) {
            return item;
        }
        for (TreeItem<ExplorerNode> child : item.getChildren()) {
            TreeItem<ExplorerNode> hit = find(child, id);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private Button button(String query) {
        return (Button) mainStage().getScene().lookup(query);
    }

    /** A button of the HaVip detail (the explorer has buttons of the same IDs). */
    private Button lookupIn(String ignored, String query) {
        Node detail = mainStage().getScene().lookup("#idLabel");
        while (!"content".equals(detail.getId())) {
            detail = detail.getParent();
        }
        return (Button) detail.lookup(query);
    }

    private static String text(String query) {
        return ((Labeled) mainStage().getScene().lookup(query)).getText();
    }

    private MenuItem menuItem(String key) {
        String label = new I18n(I18n.CHINESE).get(key);
        MenuBar bar = (MenuBar) mainStage().getScene().lookup(".menu-bar");
        List<MenuItem> items = new ArrayList<>(bar.getMenus());
        while (!items.isEmpty()) {
            MenuItem item = items.remove(0);
            if (label.equals(item.getText())) {
                return item;
            }
            if (item instanceof Menu m) {
                items.addAll(m.getItems());
            }
        }
        throw new AssertionError("no menu item " + label);
    }

    private static Stage mainStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getScene().lookup(".menu-bar") != null).map(w -> (Stage) w).findFirst().orElseThrow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        new FxRobot().interact(() -> {
            try {
                value.set(read.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return value.get();
    }
}
