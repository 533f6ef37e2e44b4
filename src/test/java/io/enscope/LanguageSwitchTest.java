package io.enscope;

import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * View ▸ Language applies at once to everything shown, also what the connection made in the old
 * language: the sandbox chip, the window title and the status bar (headless, the real console).
 */
class LanguageSwitchTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    /** The console sets the default locale to its language: restored for the tests after this one. */
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
    void switchingToChineseRetitlesTheWindowTheSandboxChipAndTheStatusBar() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#tree").tryQueryAs(TreeView.class)
                .map(t -> t.getRoot() != null && !t.getRoot().getChildren().isEmpty()).orElse(false));
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> text("#statusText")).contains("HaVips"));
        assertThat(fx(() -> mainStage().getTitle())).contains("Sandbox");

        robot.interact(() -> menuItem("简体中文").fire());

        await().atMost(UI_TIMEOUT).untilAsserted(() -> {
            assertThat(fx(() -> mainStage().getTitle())).doesNotContain("Sandbox").contains("沙箱");
            assertThat(fx(() -> text("#connectionLabel"))).startsWith("沙箱");
            assertThat(fx(() -> text("#statusText"))).doesNotContain("HaVips", "VSwitches")
                    .contains("个高可用虚拟 IP");
            assertThat(fx(() -> text("#bannerTitle"))).doesNotContainPattern("[A-Za-z]{3,}");
        });
    }

    @Test
    void chineseChosenInSettingsAppliesAtOnce() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        await().atMost(UI_TIMEOUT).until(() -> fx(() -> text("#statusText")).contains("HaVips"));

        // the dialog runs a nested event loop: opened later, not waited for
        javafx.application.Platform.runLater(() -> menuItem("_Settings\u2026").fire());
        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#languageChoice").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<io.enscope.ui.settings.Language> choice =
                robot.lookup("#languageChoice").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(fx(() -> robot.lookup("#restartNote").queryAs(Labeled.class).getText()))
                .as("what the dialog promises").contains("at once");
        robot.interact(() -> choice.getSelectionModel().select(io.enscope.ui.settings.Language.SIMPLIFIED_CHINESE));
        robot.clickOn("#saveButton");

        await().atMost(UI_TIMEOUT).untilAsserted(() -> {
            assertThat(robot.lookup("#languageChoice").tryQuery()).as("the dialog closed").isEmpty();
            assertThat(fx(() -> mainStage().getTitle())).contains("沙箱");
            assertThat(fx(() -> text("#connectionLabel"))).startsWith("沙箱");
            assertThat(fx(() -> text("#statusText"))).contains("个高可用虚拟 IP");
            assertThat(fx(() -> ((MenuBar) mainStage().getScene().lookup(".menu-bar")).getMenus().get(0).getText()))
                    .doesNotContainPattern("[A-Za-z]{3,}");
        });
    }

    private static String text(String query) {
        return ((Labeled) mainStage().getScene().lookup(query)).getText();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
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

    private static Stage mainStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Enscope")).map(w -> (Stage) w).findFirst()
                .orElseThrow();
    }

    private static MenuItem menuItem(String text) {
        MenuBar bar = (MenuBar) mainStage().getScene().lookup(".menu-bar");
        Deque<MenuItem> items = new ArrayDeque<>(bar.getMenus());
        while (!items.isEmpty()) {
            MenuItem item = items.pop();
            if (text.equals(item.getText())) {
                return item;
            }
            if (item instanceof Menu menu) {
                items.addAll(menu.getItems());
            }
        }
        throw new AssertionError("no menu item " + text);
    }
}
