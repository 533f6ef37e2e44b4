package io.enscope.ui.havip;

import io.enscope.ens.model.VSwitch;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Create HaVip dialog, headless: inline IP check, Esc cancels, Create closes once ENS answered. */
class CreateHaVipViewTest {
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private CreateHaVipViewModel vm;
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestWorkspaces.onFx(dir);
        workspace = sandbox.workspace();
        VSwitch web = Demo.vSwitch(workspace.inventory(), "cn-hangzhou-telecom", "prod-web-a");
        vm = new CreateHaVipViewModel(workspace, dialogs, web.id());
        ViewLoader loader = new ViewLoader(workspace.i18n(), type -> {
            throw new IllegalStateException("unexpected controller " + type);
        });
        stage = FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            Stage s = loader.load(CreateHaVipView.class, new CreateHaVipView(vm)).controller().createStage(null);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        sandbox.close();
    }

    @Test
    void aWrongAddressIsExplainedInlineAndEscCancels() {
        assertThat(stage.getTitle()).isEqualTo("Enscope \u2014 Create HaVip");
        Label error = robot.lookup("#ipErrorLabel").queryAs(Label.class);
        assertThat(error.isVisible()).isFalse();
        robot.clickOn("#ipField").write("10.10.2.9");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("The address must lie in the VSwitch");
        assertThat(robot.lookup("#createButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#cliButton");
        assertThat(dialogs.lastCopied()).startsWith("aliyun ens CreateHaVip --VSwitchId vsw-").contains("--IpAddress 10.10.2.9");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(vm.getResult()).isEmpty();
    }

    @Test
    void createClosesTheDialogWithTheNewId() {
        robot.clickOn("#ipField").write("10.10.1.220");
        robot.clickOn("#nameField").write("web-vip-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#createButton").queryButton().isDisabled()).isFalse();
        robot.clickOn("#createButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> !stage.isShowing());
        assertThat(vm.getResult().orElseThrow()).hasSize(1);
        String id = vm.getResult().orElseThrow().get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> workspace.inventory().haVip(id).isPresent());
        assertThat(workspace.inventory().haVip(id).orElseThrow().ipAddress()).isEqualTo("10.10.1.220");
    }
}
