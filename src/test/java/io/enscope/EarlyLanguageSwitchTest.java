package io.enscope;

import javafx.application.Application;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against the sandbox the first load waits until the connection's views are built; a language
 * switch in that moment rebuilds the views, and the load must still start (headless).
 */
class EarlyLanguageSwitchTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void switchingLanguageWhileTheViewsAreBuiltStillLoadsTheInventory() throws Exception {
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        App console = (App) app;
        // As soon as the connection is attached: its views are being built, the load not started.
        await().atMost(UI_TIMEOUT).pollInterval(Duration.ofMillis(1)).until(() -> console.workspace() != null);
        robot.interact(() -> chineseItem().fire());

        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#tree").tryQueryAs(TreeView.class)
                .map(t -> t.getRoot() != null && !t.getRoot().getChildren().isEmpty()).orElse(false));
        assertThat(console.workspace().inventory().regions()).isNotEmpty();
        assertThat(mainStage().getScene().lookup(".menu-bar")).isInstanceOfSatisfying(MenuBar.class,
                bar -> assertThat(bar.getMenus().get(0).getText()).contains("文件"));
    }

    private Stage mainStage() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Enscope")).map(w -> (Stage) w).findFirst()
                .orElseThrow();
    }

    private MenuItem chineseItem() {
        MenuBar bar = (MenuBar) mainStage().getScene().lookup(".menu-bar");
        Deque<MenuItem> items = new ArrayDeque<>(bar.getMenus());
        while (!items.isEmpty()) {
            MenuItem item = items.pop();
            if ("简体中文".equals(item.getText())) {
                return item;
            }
            if (item instanceof Menu menu) {
                items.addAll(menu.getItems());
            }
        }
        throw new AssertionError("no 简体中文 menu item");
    }
}
