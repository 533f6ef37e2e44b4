package io.enscope.ui.settings;

import io.enscope.ens.ProxySettings;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.ViewLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Settings dialog, headless on Monocle: shows the settings, refuses a bad number inline, saves, Esc closes. */
class SettingsViewTest {
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Stage open(SettingsStore store) throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        ViewLoader loader = new ViewLoader(i18n, type -> new SettingsView(new SettingsViewModel(store.load(), store,
                new SynchronousTaskRunner(), i18n, e -> {
                    throw new AssertionError(e);
                }, Language.ENGLISH)));
        Stage stage = FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            Stage s = loader.load(SettingsView.class).controller().createStage(null);
            s.show();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    @Test
    void showsValidatesSavesAndClosesOnEscape() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Stage first = open(store);

        assertThat(first.getTitle()).isEqualTo("Enscope \u2014 Settings");
        ComboBox<Language> language = robot.lookup("#languageChoice").queryComboBox();
        assertThat(language.getValue()).isEqualTo(Language.ENGLISH);
        assertThat(robot.lookup("#themeChoice").queryComboBox().getValue()).isEqualTo(Theme.LIGHT);
        assertThat(robot.lookup("#pollInitialField").queryTextInputControl().getText()).isEqualTo("500");
        assertThat(robot.lookup("#restartNote").query().isVisible()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first.isShowing()).isFalse();
        assertThat(Files.exists(store.file())).as("Esc saves nothing").isFalse();

        Stage second = open(store);
        TextField parallelism = robot.lookup("#parallelismField").queryAs(TextField.class);
        robot.interact(() -> parallelism.setText("99"));
        Label error = robot.lookup("#parallelismError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Enter a whole number from 1 to 32.");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> {
            parallelism.setText("16");
            robot.lookup("#themeChoice").<Theme>queryComboBox().setValue(Theme.DARK);
            robot.lookup("#languageChoice").<Language>queryComboBox().setValue(Language.SIMPLIFIED_CHINESE);
        });
        assertThat(error.isVisible()).isFalse();
        assertThat(robot.lookup("#restartNote").query().isVisible()).isTrue();
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(second.isShowing()).isFalse();
        Settings saved = store.load();
        assertThat(saved.parallelism()).isEqualTo(16);
        assertThat(saved.theme()).isEqualTo("DARK");
        assertThat(saved.language()).isEqualTo("zh_CN");
    }

    @Test
    void theManualProxyFieldsAreEnabledValidatedAndSavedWithoutThePassword() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Stage stage = open(store);
        ComboBox<ProxySettings.Mode> mode = robot.lookup("#proxyModeChoice").queryComboBox();
        TextField host = robot.lookup("#proxyHostField").queryAs(TextField.class);
        assertThat(mode.getValue()).isEqualTo(ProxySettings.Mode.SYSTEM);
        assertThat(host.isDisabled()).isTrue();
        assertThat(robot.lookup("#proxyPasswordField").query().isDisabled()).isTrue();

        robot.interact(() -> mode.setValue(ProxySettings.Mode.MANUAL));
        Label hostError = robot.lookup("#proxyHostError").queryAs(Label.class);
        assertThat(host.isDisabled()).isFalse();
        assertThat(hostError.isVisible()).isTrue();
        assertThat(hostError.getText()).isEqualTo("Enter the proxy host.");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> {
            host.setText("proxy.corp");
            robot.lookup("#proxyPortField").queryAs(TextField.class).setText("3128");
            robot.lookup("#proxyUserField").queryAs(TextField.class).setText("alice");
            robot.lookup("#proxyPasswordField").queryAs(TextField.class).setText("s3cret-proxy-pw");
            robot.lookup("#proxyExclusionsField").queryAs(TextField.class).setText("localhost, .corp");
        });
        assertThat(hostError.isVisible()).isFalse();
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isFalse();
        assertThat(store.load().proxy()).isEqualTo(ProxySettings.manual("proxy.corp", 3128, "alice", null,
                List.of("localhost", ".corp")));
        assertThat(Files.readString(store.file())).doesNotContain("s3cret-proxy-pw");
    }

    @Test
    void theRateLimitsSectionRefusesABadRateResetsToTheDocumentedOnesAndSavesARaisedOne() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Stage stage = open(store);
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("API rate limits", "DescribeInstances", "DescribeNetworkInterfaces", "DescribeHaVips",
                        "DescribeVSwitches", "DescribeNetworks", "AssociateHaVip", "calls/s \u00b7 default: 100");
        TextField enis = robot.lookup("#rateLimit-DescribeNetworkInterfaces").queryAs(TextField.class);
        assertThat(enis.getText()).isEqualTo("20");
        assertThat(enis.getAccessibleText()).isEqualTo("DescribeNetworkInterfaces, calls per second");

        robot.interact(() -> enis.setText("0"));
        Label error = robot.from(enis.getParent()).lookup(".inline-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("Enter at least 1: at 0 calls per second this operation could never "
                + "be sent.");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#rateLimitsDocumentedButton").queryAs(Button.class).fire());
        assertThat(enis.getText()).isEqualTo("20");
        assertThat(error.isVisible()).isFalse();

        robot.interact(() -> enis.setText("200"));
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(store.load().rateLimits()).isEqualTo(Map.of("DescribeNetworkInterfaces", 200));
    }
}
