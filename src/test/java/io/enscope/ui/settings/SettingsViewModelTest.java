package io.enscope.ui.settings;

import io.enscope.ens.EnsOperation;
import io.enscope.ens.ProxySettings;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    private final I18n english = new I18n(Locale.ENGLISH);
    private final List<Throwable> unexpected = new ArrayList<>();

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("settings.json"));
    }

    private SettingsViewModel viewModel(Settings current, SettingsStore store) {
        return new SettingsViewModel(current, store, new SynchronousTaskRunner(), english, unexpected::add,
                Language.ENGLISH);
    }

    private static Settings sample() {
        return new Settings("en", "LIGHT", 700, 8_000, 600, 12, 6, 4, 45, "CLI_CONFIG:work",
                List.of("cn-hangzhou-telecom", "cn-beijing-unicom"), ProxySettings.system());
    }

    @Test
    void showsTheCurrentSettings() {
        SettingsViewModel vm = viewModel(sample(), store());

        assertThat(vm.languageProperty().get()).isEqualTo(Language.ENGLISH);
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(vm.pollInitialMillis().getText()).isEqualTo("700");
        assertThat(vm.pollMaxMillis().getText()).isEqualTo("8000");
        assertThat(vm.jobTimeoutSeconds().getText()).isEqualTo("600");
        assertThat(vm.maxTargetsPerHaVip().getText()).isEqualTo("12");
        assertThat(vm.maxHaVipsPerTarget().getText()).isEqualTo("6");
        assertThat(vm.parallelism().getText()).isEqualTo("4");
        assertThat(vm.refreshSeconds().getText()).isEqualTo("45");
        assertThat(vm.languages()).containsExactly(Language.ENGLISH, Language.SIMPLIFIED_CHINESE);
        assertThat(vm.languages()).extracting(vm::languageName).containsExactly("English", "简体中文");
        assertThat(vm.themes()).extracting(vm::themeName).containsExactly("Light", "Dark");
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.languageChanges()).isFalse();
    }

    @Test
    void numbersOutOfRangeOrNotNumbersAreRefusedInline() {
        SettingsViewModel vm = viewModel(sample(), store());

        for (String bad : new String[] {"", "abc", "50", "10001", "-5", "1.5", "1e3", "9999999999"}) {
            vm.pollInitialMillis().setText(bad);
            assertThat(vm.pollInitialMillis().getError()).as(bad).isEqualTo("Enter a whole number from 100 to 10000.");
            assertThat(vm.pollInitialMillis().isValid()).isFalse();
            assertThat(vm.canSaveProperty().get()).isFalse();
        }
        vm.pollInitialMillis().setText(" 250 ");
        assertThat(vm.pollInitialMillis().getError()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.parallelism().setText("33");
        assertThat(vm.parallelism().getError()).isEqualTo("Enter a whole number from 1 to 32.");
        vm.parallelism().setText("32");
        vm.jobTimeoutSeconds().setText("9");
        assertThat(vm.jobTimeoutSeconds().getError()).contains("10", "3600");
        vm.jobTimeoutSeconds().setText("3600");
        vm.maxTargetsPerHaVip().setText("0");
        assertThat(vm.maxTargetsPerHaVip().isValid()).isFalse();
        vm.maxTargetsPerHaVip().setText("1000");
        vm.maxHaVipsPerTarget().setText("1001");
        assertThat(vm.maxHaVipsPerTarget().isValid()).isFalse();
        vm.maxHaVipsPerTarget().setText("1");
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void zeroTurnsThePeriodicRefreshOff() {
        SettingsViewModel vm = viewModel(sample(), store());

        vm.refreshSeconds().setText("0");

        assertThat(vm.refreshSeconds().isValid()).isTrue();
        assertThat(vm.toSettings().refreshSeconds()).isZero();
        vm.refreshSeconds().setText("3601");
        assertThat(vm.refreshSeconds().isValid()).isFalse();
    }

    @Test
    void theLongestPollWaitMayNotBeShorterThanTheFirst() {
        SettingsViewModel vm = viewModel(sample(), store());

        vm.pollMaxMillis().setText("600");
        assertThat(vm.pollMaxMillis().getError()).isEqualTo("Enter at least the first check time (700 ms).");
        assertThat(vm.canSaveProperty().get()).isFalse();

        // Fixing the other field clears the error too.
        vm.pollInitialMillis().setText("500");
        assertThat(vm.pollMaxMillis().isValid()).isTrue();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void savedSettingsReadBackTheSameAndKeepTheConnection() {
        SettingsStore store = store();
        SettingsViewModel vm = viewModel(sample(), store);
        vm.languageProperty().set(Language.SIMPLIFIED_CHINESE);
        vm.themeProperty().set(Theme.DARK);
        vm.pollInitialMillis().setText("250");
        vm.pollMaxMillis().setText("4000");
        vm.jobTimeoutSeconds().setText("120");
        vm.maxTargetsPerHaVip().setText("20");
        vm.maxHaVipsPerTarget().setText("8");
        vm.parallelism().setText("16");
        vm.refreshSeconds().setText("0");

        vm.save();

        Settings expected = new Settings("zh_CN", "DARK", 250, 4_000, 120, 20, 8, 16, 0, "CLI_CONFIG:work",
                List.of("cn-hangzhou-telecom", "cn-beijing-unicom"), ProxySettings.system());
        assertThat(vm.getSaved()).contains(expected);
        assertThat(vm.savingProperty().get()).isFalse();
        assertThat(vm.getSaveError()).isEmpty();
        assertThat(new SettingsStore(store.file()).load()).isEqualTo(expected);
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aLanguageNeverChosenKeepsFollowingTheOs() {
        Settings osLanguage = Settings.defaults();
        SettingsViewModel vm = viewModel(osLanguage, store());
        assertThat(vm.languageProperty().get()).as("preselected from the OS").isEqualTo(Language.ENGLISH);

        vm.save();
        assertThat(vm.getSaved().orElseThrow().language()).isNull();
        assertThat(store().load().language()).isNull();
    }

    @Test
    void theOsLanguageIsPreselectedForChineseUsers() {
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults(), store(), new SynchronousTaskRunner(),
                new I18n(Locale.SIMPLIFIED_CHINESE), unexpected::add, Language.SIMPLIFIED_CHINESE);

        assertThat(vm.languageProperty().get()).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(vm.languageName(Language.ENGLISH)).isEqualTo("English");
        assertThat(vm.themeName(Theme.DARK)).isEqualTo("深色");
        assertThat(vm.pollInitialMillis().getError()).isEmpty();
        vm.pollInitialMillis().setText("x");
        assertThat(vm.pollInitialMillis().getError()).isEqualTo("请输入 100 到 10000 之间的整数。");
    }

    @Test
    void choosingAnotherLanguageShowsTheNoteThatItAppliesAtOnce() {
        SettingsViewModel vm = viewModel(sample(), store());

        vm.languageProperty().set(Language.SIMPLIFIED_CHINESE);
        assertThat(vm.languageChanges()).isTrue();
        vm.languageProperty().set(Language.ENGLISH);
        assertThat(vm.languageChanges()).isFalse();
    }

    @Test
    void aFailedWriteIsShownInlineAndTheDialogStaysUsable() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file, not a folder");
        SettingsStore store = new SettingsStore(notADirectory.resolve("settings.json"));
        SettingsViewModel vm = viewModel(sample(), store);

        vm.save();

        assertThat(vm.getSaved()).isEmpty();
        assertThat(vm.getSaveError()).startsWith("The settings could not be saved to ")
                .contains(store.file().toAbsolutePath().toString());
        assertThat(vm.savingProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(unexpected).as("an I/O problem is not a bug").isEmpty();
    }

    @Test
    void aBrokenSettingsFileGivesTheDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"theme\": \"DARK\", \"pollInitialMillis\": ");
        SettingsStore store = new SettingsStore(file);

        SettingsViewModel vm = viewModel(store.load(), store);

        Settings defaults = Settings.defaults();
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(vm.pollInitialMillis().getText()).isEqualTo(String.valueOf(defaults.pollInitialMillis()));
        assertThat(vm.pollMaxMillis().getText()).isEqualTo(String.valueOf(defaults.pollMaxMillis()));
        assertThat(vm.parallelism().getText()).isEqualTo(String.valueOf(defaults.parallelism()));
        assertThat(vm.refreshSeconds().getText()).isEqualTo(String.valueOf(defaults.refreshSeconds()));
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.toSettings()).isEqualTo(defaults);
        assertThat(dir.resolve("settings.json.broken")).exists();

        vm.save();
        assertThat(new SettingsStore(file).load()).isEqualTo(defaults);
    }

    @Test
    void restoreDefaultsResetsEveryFieldButWritesNothing() {
        SettingsStore store = store();
        SettingsViewModel vm = viewModel(sample().withTheme("DARK"), store);
        vm.parallelism().setText("nonsense");

        vm.restoreDefaults();

        assertThat(vm.toSettings()).isEqualTo(Settings.defaults().withConnection("CLI_CONFIG:work",
                List.of("cn-hangzhou-telecom", "cn-beijing-unicom")));
        assertThat(vm.parallelism().isValid()).isTrue();
        assertThat(Files.exists(store.file())).isFalse();
    }

    @Test
    void languageCodesAreReadLeniently() {
        assertThat(Language.fromCode("zh_CN")).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromCode("zh-CN")).contains(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.fromCode("EN")).contains(Language.ENGLISH);
        assertThat(Language.fromCode("fr")).isEmpty();
        assertThat(Language.fromCode(null)).isEmpty();
        assertThat(Language.resolve(null, Locale.CHINA)).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(Language.resolve(null, Locale.GERMANY)).isEqualTo(Language.ENGLISH);
        assertThat(Language.resolve("en", Locale.CHINA)).isEqualTo(Language.ENGLISH);
    }

    @Test
    void theManualProxyIsValidatedInlineAndOnlyInManualMode() {
        SettingsViewModel vm = viewModel(sample(), store());
        assertThat(vm.proxyModeProperty().get()).isEqualTo(ProxySettings.Mode.SYSTEM);
        assertThat(vm.proxyModes()).extracting(vm::proxyModeName)
                .containsExactly("Use the system proxy", "Directly, without a proxy", "Through this HTTP proxy");

        vm.proxyModeProperty().set(ProxySettings.Mode.MANUAL);
        assertThat(vm.manualProxyProperty().get()).isTrue();
        assertThat(vm.proxyHostErrorProperty().get()).isEqualTo("Enter the proxy host.");
        assertThat(vm.proxyPort().getError()).isEqualTo("Enter a whole number from 1 to 65535.");
        assertThat(vm.canSaveProperty().get()).isFalse();

        vm.proxyHostProperty().set("http://proxy.corp:3128");
        assertThat(vm.proxyHostErrorProperty().get()).contains("without http://");
        vm.proxyHostProperty().set(" proxy.corp ");
        vm.proxyPort().setText("70000");
        assertThat(vm.proxyHostErrorProperty().get()).isEmpty();
        assertThat(vm.proxyPort().isValid()).isFalse();
        vm.proxyPort().setText("3128");
        vm.proxyExclusionsProperty().set("localhost, .corp.example.com; 10.0.0.0/8 bad/host!");
        assertThat(vm.proxyExclusionsErrorProperty().get()).contains("bad/host!");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.proxyExclusionsProperty().set("localhost, .corp.example.com; 10.0.0.0/8 *.internal 127.0.0.1:8080");
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.toProxySettings()).isEqualTo(ProxySettings.manual("proxy.corp", 3128, "", null,
                List.of("localhost", ".corp.example.com", "10.0.0.0/8", "*.internal", "127.0.0.1:8080")));

        // Leaving manual mode leaves its fields alone and their errors out.
        vm.proxyHostProperty().set("");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.proxyModeProperty().set(ProxySettings.Mode.NONE);
        assertThat(vm.proxyHostErrorProperty().get()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
        assertThat(vm.toSettings().proxy()).isEqualTo(ProxySettings.none());
    }

    @Test
    void theProxyPasswordIsKeptForThisRunButNeverWritten() throws IOException {
        SettingsStore store = store();
        SettingsViewModel vm = viewModel(sample(), store);
        vm.proxyModeProperty().set(ProxySettings.Mode.MANUAL);
        vm.proxyHostProperty().set("proxy.corp");
        vm.proxyPort().setText("8080");
        vm.proxyUserProperty().set("alice");
        vm.proxyPasswordProperty().set("s3cret-proxy-pw");
        vm.proxyExclusionsProperty().set("localhost");

        vm.save();

        ProxySettings saved = vm.getSaved().orElseThrow().proxy();
        assertThat(saved).isEqualTo(ProxySettings.manual("proxy.corp", 8080, "alice", "s3cret-proxy-pw",
                List.of("localhost")));
        String onDisk = Files.readString(store.file());
        assertThat(onDisk).contains("proxy.corp").contains("alice").doesNotContain("s3cret-proxy-pw")
                .doesNotContainIgnoringCase("password");
        assertThat(new SettingsStore(store.file()).load().proxy()).isEqualTo(saved.withPassword(null));
        // Shown again while the console runs, so that other settings can be saved without retyping it.
        assertThat(viewModel(vm.getSaved().orElseThrow(), store).proxyPasswordProperty().get())
                .isEqualTo("s3cret-proxy-pw");
    }

    @Test
    void restoringDefaultsGoesBackToTheSystemProxy() {
        Settings manual = sample().withProxy(ProxySettings.manual("proxy.corp", 8080, "alice", "pw", List.of("a")));
        SettingsViewModel vm = viewModel(manual, store());
        assertThat(vm.proxyHostProperty().get()).isEqualTo("proxy.corp");
        assertThat(vm.proxyPort().getText()).isEqualTo("8080");
        assertThat(vm.proxyExclusionsProperty().get()).isEqualTo("a");

        vm.restoreDefaults();

        assertThat(vm.proxyModeProperty().get()).isEqualTo(ProxySettings.Mode.SYSTEM);
        assertThat(vm.proxyHostProperty().get()).isEmpty();
        assertThat(vm.proxyPasswordProperty().get()).isEmpty();
        assertThat(vm.toSettings().proxy()).isEqualTo(ProxySettings.system());
    }

    private static RateLimitRow rate(SettingsViewModel vm, String action) {
        return vm.rateLimits().stream().filter(row -> row.action().equals(action)).findFirst().orElseThrow();
    }

    @Test
    void rateLimitsStartAtTheDocumentedOnesAndOnlyRaisedOnesAreSavedAndPaced() throws IOException {
        SettingsStore store = store();
        SettingsViewModel vm = viewModel(sample(), store);
        assertThat(vm.rateLimits()).extracting(RateLimitRow::action).containsExactly("DescribeInstances",
                "DescribeNetworkInterfaces", "DescribeHaVips", "DescribeVSwitches", "DescribeNetworks",
                "AssociateHaVip", "UnassociateHaVip");
        assertThat(rate(vm, "DescribeInstances").field().getText()).isEqualTo("100");
        assertThat(rate(vm, "DescribeNetworks").field().getText()).isEqualTo("10");
        assertThat(rate(vm, "DescribeHaVips").field().getText()).isEqualTo("20");

        rate(vm, "DescribeNetworkInterfaces").field().setText(" 200 ");
        rate(vm, "DescribeInstances").field().setText("100");
        assertThat(vm.canSaveProperty().get()).isTrue();
        vm.save();

        Settings saved = store.load();
        assertThat(saved.rateLimits()).isEqualTo(Map.of("DescribeNetworkInterfaces", 200));
        assertThat(vm.getSaved()).contains(saved);
        assertThat(saved.pacing(4).limit(EnsOperation.DESCRIBE_NETWORK_INTERFACES)).isEqualTo(200.0);
        assertThat(saved.pacing(4).limit(EnsOperation.DESCRIBE_INSTANCES)).isEqualTo(100.0);
        assertThat(saved.pacing(4).maxInFlight()).isEqualTo(4);
        assertThat(viewModel(saved, store).rateLimits().get(1).field().getText()).isEqualTo("200");
    }

    @Test
    void badRatesAreRefusedWithASayingMessage() {
        SettingsViewModel vm = viewModel(sample(), store());
        NumberField haVips = rate(vm, "DescribeHaVips").field();
        Map<String, String> cases = Map.of(
                "0", "Enter at least 1: at 0 calls per second this operation could never be sent.",
                "-5", "Enter at least 1: at 0 calls per second this operation could never be sent.",
                "abc", "Enter a whole number of calls per second.",
                "", "Enter a whole number of calls per second.",
                "2.5", "Enter a whole number of calls per second.",
                "10001", "Enter at most 10000: no ENS quota is that high.",
                "99999999999999", "Enter at most 10000: no ENS quota is that high.");
        cases.forEach((typed, message) -> {
            haVips.setText(typed);
            assertThat(haVips.getError()).as(typed).isEqualTo(message);
            assertThat(vm.canSaveProperty().get()).as(typed).isFalse();
        });
        haVips.setText("10000");
        assertThat(haVips.getError()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void theDocumentedLimitsComeBackWithTheirButtonAndWithTheDefaults() {
        Settings raised = sample().withRateLimits(Map.of("DescribeInstances", 400, "DescribeHaVips", 60));
        SettingsViewModel vm = viewModel(raised, store());
        assertThat(rate(vm, "DescribeInstances").field().getText()).isEqualTo("400");
        vm.useDocumentedRateLimits();
        assertThat(rate(vm, "DescribeInstances").field().getText()).isEqualTo("100");
        assertThat(vm.toSettings().rateLimits()).isEmpty();
        rate(vm, "DescribeHaVips").field().setText("0");
        vm.restoreDefaults();
        assertThat(rate(vm, "DescribeHaVips").field().getText()).isEqualTo("20");
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void aHandEditedFileKeepsOnlyUsableRateLimits() throws IOException {
        SettingsStore store = store();
        Files.writeString(store.file(), "{\"parallelism\": 4, \"rateLimits\": {\"DescribeHaVips\": 40, "
                + "\"DescribeInstances\": 0, \"DescribeNetworks\": 99999, \"DescribeSomethingNew\": 5}}");
        Settings loaded = store.load();
        assertThat(loaded.rateLimits()).isEqualTo(Map.of("DescribeHaVips", 40, "DescribeSomethingNew", 5));
        assertThat(loaded.parallelism()).isEqualTo(4);
        assertThat(loaded.pacing(4).limit(EnsOperation.DESCRIBE_NETWORKS)).isEqualTo(10.0);
        Files.writeString(store.file(), "{\"parallelism\": 4}");
        assertThat(store.load().rateLimits()).as("a file from before the rate limits").isEmpty();
    }
}
