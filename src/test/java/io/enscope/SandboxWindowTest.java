package io.enscope;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The window {@code mvn javafx:run} opens, headless on Monocle: titled Enscope, sandbox running. */
class SandboxWindowTest {
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheSandboxEndpointAndCounts() {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                robot.lookup("#countHaVips").tryQueryAs(Label.class).isPresent());
        Window window = robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing())
                .findFirst().orElseThrow();
        assertThat(((Stage) window).getTitle()).startsWith("Enscope");
        assertThat(robot.lookup("#sandboxEndpoint").queryAs(Label.class).getText()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(Integer.parseInt(robot.lookup("#countHaVips").queryAs(Label.class).getText())).isPositive();
        assertThat(Integer.parseInt(robot.lookup("#countInstances").queryAs(Label.class).getText())).isPositive();
        assertThat(robot.lookup("#sandboxBanner").queryAs(Label.class).getText()).isNotBlank();
    }
}
