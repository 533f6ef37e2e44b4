package io.enscope.ui.connect;

import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.credentials.CredentialProfile;
import io.enscope.ens.credentials.CredentialSource;
import io.enscope.ens.credentials.CredentialsError;
import io.enscope.ens.credentials.CredentialsProblem;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.ViewLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connect dialog, headless on Monocle: the sandbox is listed first and selected, a test shows its outcome, Esc closes. */
class ConnectViewTest {
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void opensWithTheSandboxSelectedTestsInlineAndClosesOnEscape() throws Exception {
        List<CredentialProfile> profiles = List.of(
                new CredentialProfile(CredentialSource.CLI_CONFIG, "work", "AK", "LTAI****1111", "cn-shanghai",
                        Optional.of(Path.of("/home/u/.aliyun/config.json")), true, Optional.empty()),
                new CredentialProfile(CredentialSource.CLI_CONFIG, "broken", "AK", "LTAI****2222", "", Optional.empty(),
                        false, Optional.of(CredentialsProblem.of(CredentialsError.MISSING_FIELDS, "config.json",
                        "broken", "AK", "access_key_secret"))));
        ConnectionFactory connections = choice -> choice.isSandbox() ? FakeEnsApi.withRegions("a", "b", "c")
                : FakeEnsApi.failing(new EnsException(EnsError.of("InvalidAccessKeyId.NotFound", "not found",
                "REQ-42", 404)));
        I18n i18n = new I18n(Locale.ENGLISH);
        ConnectViewModel vm = new ConnectViewModel(() -> profiles, connections, new SynchronousTaskRunner(), i18n,
                ConnectionChoice.SANDBOX, e -> {
                    throw new AssertionError(e);
                });
        ViewLoader loader = new ViewLoader(i18n, type -> new ConnectView(vm));
        Stage stage = FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            Stage s = loader.load(ConnectView.class).controller().createStage(null);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getTitle()).isEqualTo("Enscope \u2014 Connect");
        ListView<ConnectionRow> list = robot.lookup("#choiceList").queryListView();
        assertThat(list.getItems()).hasSize(3);
        assertThat(list.getItems().get(0).isSandbox()).isTrue();
        assertThat(list.getSelectionModel().getSelectedItem().isSandbox()).isTrue();
        assertThat(robot.lookup(".connection-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Sandbox (embedded emulator)", "work", "broken");
        assertThat(robot.lookup(".connection-problem").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).contains("access_key_secret"));
        assertThat(robot.lookup("#connectButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#testResultBox").query().isVisible()).isFalse();

        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#testMessageLabel").queryAs(Label.class).getText())
                .isEqualTo("Connected. Regions visible to this account: 3.");
        assertThat(robot.lookup("#testResultBox").query().isVisible()).isTrue();

        robot.interact(() -> list.getSelectionModel().select(1));
        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#testMessageLabel").queryAs(Label.class).getText())
                .isEqualTo("Alibaba Cloud does not know this AccessKey ID. Check the credentials of the profile.");
        assertThat(robot.lookup("#testDetailLabel").queryAs(Label.class).getText())
                .contains("InvalidAccessKeyId.NotFound", "REQ-42");
        assertThat(robot.lookup("#testButton").queryAs(Button.class).isDisabled()).isFalse();

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(vm.getResult()).as("Esc is cancel, not connect").isEmpty();
    }
}
