package io.enscope.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dialog's window, headless: sized to its content, never larger than the screen's visible
 * area and inside it, also on a screen smaller than the content.
 */
class ModalStagesTest {
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Region content(double width, double height) {
        Region region = new Region();
        region.setPrefSize(width, height);
        return new StackPane(region);
    }

    private static Rectangle2D bounds(Window window) {
        return new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight());
    }

    @Test
    void aDialogOpensAtItsContentsSize() throws Exception {
        Stage stage = FxToolkit.setupFixture(() -> {
            Stage s = ModalStages.create(null, "small", content(420, 260));
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isEqualTo(420);
        assertThat(stage.getScene().getHeight()).isEqualTo(260);
    }

    @Test
    void aDialogLargerThanTheScreenOpensInsideItsVisibleArea() throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage stage = FxToolkit.setupFixture(() -> {
            Stage s = ModalStages.create(null, "large", content(screen.getWidth() + 700, screen.getHeight() + 500));
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.contains(bounds(stage))).as(bounds(stage) + " inside " + screen).isTrue();
    }

    @Test
    void onASmallScreenADialogIsShrunkAndMovedInside() throws Exception {
        Rectangle2D small = new Rectangle2D(0, 0, 800, 560);
        Stage stage = FxToolkit.setupFixture(() -> {
            Stage s = ModalStages.create(null, "wide", content(1000, 700));
            s.show();
            s.setX(300);
            s.setY(200);
            ModalStages.fit(s, small);
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bounds(stage)).isEqualTo(small);

        Stage moved = FxToolkit.setupFixture(() -> {
            Stage s = ModalStages.create(null, "narrow", content(300, 200));
            s.show();
            s.setX(700);
            s.setY(500);
            ModalStages.fit(s, small);
            return s;
        });
        assertThat(bounds(moved)).isEqualTo(new Rectangle2D(500, 360, 300, 200));
    }

    @Test
    void aConfirmationWithALongMessageOpensInsideTheScreen() throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        String message = "Delete these HaVips?\n" + "havip-5wyzuvjc3mnlkm8tdq3x (10.10.1.200)\n".repeat(80);
        Alert alert = FxToolkit.setupFixture(() -> {
            Alert a = Alerts.confirmation(null, new I18n(Locale.ENGLISH), "Delete HaVips", message, "Delete");
            a.show();
            return a;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Window window = alert.getDialogPane().getScene().getWindow();
        try {
            assertThat(window.isShowing()).isTrue();
            assertThat(screen.contains(bounds(window))).as(bounds(window) + " inside " + screen).isTrue();
        } finally {
            robot.interact(alert::close);
        }
    }
}
