package io.enscope.ui.connect;

import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.credentials.CredentialChain;
import io.enscope.ens.credentials.CredentialProfile;
import io.enscope.ens.credentials.CredentialSource;
import io.enscope.ens.credentials.CredentialsError;
import io.enscope.ens.credentials.CredentialsException;
import io.enscope.ens.credentials.CredentialsProblem;
import io.enscope.ens.credentials.ProfileRef;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.TaskRunner;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectViewModelTest {
    /** Part of every secret, token and external id in the sample files and the environment. */
    private static final String CANARY = "CANARY-7f3a9c";

    private static final String CONFIG_JSON = """
            {
              "current": "work",
              "profiles": [
                {"name": "default", "mode": "AK", "access_key_id": "LTAI5tDefault0000aaaa",
                 "access_key_secret": "CANARY-7f3a9c-default", "region_id": "cn-hangzhou"},
                {"name": "work", "mode": "AK", "access_key_id": "LTAI5tWorkProfile1111",
                 "access_key_secret": "CANARY-7f3a9c-work", "region_id": "cn-shanghai"},
                {"name": "temporary", "mode": "StsToken", "access_key_id": "STS.NUgYrLnoC37mZZCN2222",
                 "access_key_secret": "CANARY-7f3a9c-sts", "sts_token": "CANARY-7f3a9c-token",
                 "region_id": "ap-southeast-1"},
                {"name": "ops-role", "mode": "RamRoleArn", "access_key_id": "LTAI5tRoleCaller33333",
                 "access_key_secret": "CANARY-7f3a9c-role", "ram_role_arn": "acs:ram::1234567890123456:role/ens-operator",
                 "ram_session_name": "enscope", "external_id": "CANARY-7f3a9c-external", "region_id": "cn-beijing"},
                {"name": "half-done", "mode": "AK", "access_key_id": "LTAI5tHalfDone4444444", "region_id": "cn-beijing"}
              ]
            }
            """;

    private static final String CREDENTIALS_INI = """
            [default]
            type = access_key
            access_key_id = LTAI5tIniDefault00001
            access_key_secret = CANARY-7f3a9c-ini
            """;

    @TempDir
    Path home;

    private final I18n english = new I18n(Locale.ENGLISH);
    private final List<Throwable> unexpected = new ArrayList<>();
    private final List<ConnectionChoice> opened = new ArrayList<>();
    private CredentialChain chain;

    @BeforeEach
    void sampleHome() throws IOException {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun").resolve("config.json"), CONFIG_JSON);
        Files.createDirectories(home.resolve(".alibabacloud"));
        Files.writeString(home.resolve(".alibabacloud").resolve("credentials"), CREDENTIALS_INI);
        chain = new CredentialChain(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tFromEnvironment1",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", CANARY + "-env"), home);
    }

    private ConnectViewModel viewModel(ConnectionFactory factory, TaskRunner runner, I18n i18n,
                                       ConnectionChoice last) {
        ConnectionFactory recording = choice -> {
            opened.add(choice);
            return factory.open(choice);
        };
        return new ConnectViewModel(chain::listProfiles, recording, runner, i18n, last, unexpected::add);
    }

    private ConnectViewModel listed(ConnectionFactory factory, ConnectionChoice last) {
        ConnectViewModel vm = viewModel(factory, new SynchronousTaskRunner(), english, last);
        vm.activate();
        return vm;
    }

    private static ConnectionRow row(ConnectViewModel vm, ProfileRef ref) {
        return vm.rows().stream().filter(r -> r.choice().equals(ConnectionChoice.of(ref))).findFirst().orElseThrow();
    }

    @Test
    void listsTheSandboxFirstThenEveryProfileInChainOrder() {
        ConnectViewModel vm = listed(choice -> FakeEnsApi.withRegions("r1"), ConnectionChoice.SANDBOX);

        assertThat(vm.rows().get(0).isSandbox()).isTrue();
        assertThat(vm.rows().get(0).title()).isEqualTo("Sandbox (embedded emulator)");
        assertThat(vm.rows()).extracting(r -> r.choice().toSetting()).containsExactly("sandbox",
                "ENVIRONMENT:environment", "CLI_CONFIG:default", "CLI_CONFIG:work", "CLI_CONFIG:temporary",
                "CLI_CONFIG:ops-role", "CLI_CONFIG:half-done", "CREDENTIALS_FILE:default");

        ConnectionRow work = row(vm, ProfileRef.cliConfig("work"));
        assertThat(work.title()).isEqualTo("work");
        assertThat(work.mode()).isEqualTo("AK");
        assertThat(work.maskedAccessKeyId()).isEqualTo("LTAI****1111");
        assertThat(work.regionId()).isEqualTo("cn-shanghai");
        assertThat(work.summary()).contains("aliyun CLI profile", "AccessKey ID LTAI****1111", "cn-shanghai");
        assertThat(work.location()).endsWith("config.json");
        assertThat(work.usable()).isTrue();
        assertThat(row(vm, ProfileRef.cliConfig("ops-role")).mode()).isEqualTo("RamRoleArn");
        assertThat(row(vm, ProfileRef.ENVIRONMENT).title()).isEqualTo("Environment variables");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void anUnusableProfileIsListedWithItsProblemInWordsAndCannotBeChosen() {
        ConnectViewModel vm = listed(choice -> FakeEnsApi.withRegions("r1"), ConnectionChoice.SANDBOX);
        ConnectionRow halfDone = row(vm, ProfileRef.cliConfig("half-done"));

        assertThat(halfDone.usable()).isFalse();
        assertThat(halfDone.problem()).contains("half-done", "access_key_secret").doesNotContain("credentials.error");

        vm.selectedRowProperty().set(halfDone);
        assertThat(vm.canConnectProperty().get()).isFalse();
        assertThat(vm.canTestConnectionProperty().get()).isFalse();
        vm.connect();
        vm.testConnection();
        assertThat(vm.getResult()).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void noSecretReachesAnyPropertyOrText() throws Exception {
        ConnectViewModel vm = listed(choice -> FakeEnsApi.failing(new EnsException(EnsError.of(
                "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", "REQ-1", 400))),
                ConnectionChoice.SANDBOX);
        vm.selectedRowProperty().set(row(vm, ProfileRef.cliConfig("temporary")));
        vm.testConnection();
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.FAILED);

        List<String> texts = everyText(vm);
        assertThat(texts).hasSizeGreaterThan(20);
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(CANARY));
        // The AccessKeyIds themselves are shown masked only.
        assertThat(String.join("\n", texts)).doesNotContain("LTAI5tWorkProfile1111", "LTAI5tFromEnvironment1");
    }

    @Test
    void preselectsTheLastChoice() {
        ConnectViewModel vm = listed(choice -> FakeEnsApi.withRegions("r1"),
                ConnectionChoice.fromSetting("CLI_CONFIG:work"));

        assertThat(vm.getSelectedRow().choice().toSetting()).isEqualTo("CLI_CONFIG:work");
        assertThat(vm.canConnectProperty().get()).isTrue();
    }

    @Test
    void aLastChoiceThatIsGoneOrUnusableFallsBackToTheSandbox() {
        assertThat(listed(c -> FakeEnsApi.withRegions(), ConnectionChoice.fromSetting("CLI_CONFIG:deleted"))
                .getSelectedRow().isSandbox()).isTrue();
        assertThat(listed(c -> FakeEnsApi.withRegions(), ConnectionChoice.fromSetting("CLI_CONFIG:half-done"))
                .getSelectedRow().isSandbox()).isTrue();
    }

    @Test
    void reloadingKeepsWhatTheUserSelected() {
        ConnectViewModel vm = listed(choice -> FakeEnsApi.withRegions("r1"), ConnectionChoice.SANDBOX);
        vm.selectedRowProperty().set(row(vm, ProfileRef.credentialsFile("default")));

        vm.refresh();

        assertThat(vm.getSelectedRow().choice().toSetting()).isEqualTo("CREDENTIALS_FILE:default");
    }

    @Test
    void aSuccessfulTestShowsTheRegionCountAndClosesTheApi() {
        FakeEnsApi api = FakeEnsApi.withRegions("cn-hangzhou-telecom", "cn-beijing-unicom", "cn-dalian-unicom");
        ConnectViewModel vm = listed(choice -> api, ConnectionChoice.SANDBOX);
        vm.selectedRowProperty().set(row(vm, ProfileRef.cliConfig("work")));

        vm.testConnection();

        assertThat(opened).containsExactly(ConnectionChoice.of(ProfileRef.cliConfig("work")));
        assertThat(api.regionCalls()).isEqualTo(1);
        assertThat(api.closed()).isTrue();
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.SUCCEEDED);
        assertThat(vm.testStatusTextProperty().get()).isEqualTo("Succeeded");
        assertThat(vm.getTestMessage()).isEqualTo("Connected. Regions visible to this account: 3.");
        assertThat(vm.getTestCode()).isEmpty();
        assertThat(vm.testDetailProperty().get()).isEmpty();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void theSandboxCanBeTestedToo() {
        ConnectViewModel vm = listed(choice -> FakeEnsApi.withRegions("a", "b"), ConnectionChoice.SANDBOX);

        vm.testConnection();

        assertThat(opened).containsExactly(ConnectionChoice.SANDBOX);
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.SUCCEEDED);
    }

    @Test
    void anUnknownAccessKeyShowsTheLocalizedMessageCodeAndRequestId() {
        EnsException refused = new EnsException(EnsError.of("InvalidAccessKeyId.NotFound",
                "Specified access key is not found.", "7C3A1E52-0B1F-4C6B-9E55-2F1E7E0D8A11", 404));
        ConnectViewModel vm = listed(choice -> FakeEnsApi.failing(refused), ConnectionChoice.SANDBOX);
        vm.selectedRowProperty().set(row(vm, ProfileRef.cliConfig("default")));

        vm.testConnection();

        String expected = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH)
                .getString("ens.error.InvalidAccessKeyId.NotFound");
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.FAILED);
        assertThat(vm.testStatusTextProperty().get()).isEqualTo("Failed");
        assertThat(vm.getTestMessage()).isEqualTo(expected)
                .isEqualTo("Alibaba Cloud does not know this AccessKey ID. Check the credentials of the profile.");
        assertThat(vm.getTestCode()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(vm.getTestRequestId()).isEqualTo("7C3A1E52-0B1F-4C6B-9E55-2F1E7E0D8A11");
        assertThat(vm.testDetailProperty().get())
                .isEqualTo("Code: InvalidAccessKeyId.NotFound \u00b7 RequestId: 7C3A1E52-0B1F-4C6B-9E55-2F1E7E0D8A11");
        assertThat(vm.testReport()).contains(expected, "InvalidAccessKeyId.NotFound",
                "7C3A1E52-0B1F-4C6B-9E55-2F1E7E0D8A11");
        assertThat(vm.canTestConnectionProperty().get()).isTrue();
        assertThat(vm.canConnectProperty().get()).as("a failed test does not forbid connecting").isTrue();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void theErrorIsInChineseForChineseUsers() {
        EnsException refused = new EnsException(EnsError.of("InvalidAccessKeyId.NotFound", "not found", "REQ-9", 404));
        ConnectViewModel vm = viewModel(choice -> FakeEnsApi.failing(refused), new SynchronousTaskRunner(),
                new I18n(Locale.SIMPLIFIED_CHINESE), ConnectionChoice.SANDBOX);
        vm.activate();

        vm.testConnection();

        String expected = ResourceBundle.getBundle("i18n.messages", Locale.SIMPLIFIED_CHINESE)
                .getString("ens.error.InvalidAccessKeyId.NotFound");
        assertThat(vm.getTestMessage()).isEqualTo(expected);
        assertThat(vm.testDetailProperty().get()).contains("InvalidAccessKeyId.NotFound", "REQ-9");
        assertThat(vm.rows().get(0).title()).isEqualTo("沙箱（内置模拟器）");
    }

    @Test
    void aRefusedRoleShowsTheProfilesProblemInWords() {
        CredentialsException refused = new CredentialsException(CredentialsProblem.of(
                CredentialsError.ASSUME_ROLE_FAILED, "/home/u/.aliyun/config.json", "ops-role",
                "acs:ram::1234567890123456:role/ens-operator", "NoPermission"));
        ConnectViewModel vm = listed(choice -> {
            throw refused;
        }, ConnectionChoice.SANDBOX);
        vm.selectedRowProperty().set(row(vm, ProfileRef.cliConfig("ops-role")));

        vm.testConnection();

        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.FAILED);
        assertThat(vm.getTestMessage()).contains("ops-role", "AssumeRole", "NoPermission");
        assertThat(vm.getTestCode()).isEmpty();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aCredentialsProblemWrappedBySigningIsFoundInTheCauseChain() {
        CredentialsException refused = new CredentialsException(CredentialsProblem.of(
                CredentialsError.ENVIRONMENT_NOT_SET));
        ConnectViewModel vm = listed(choice -> FakeEnsApi.failing(new IllegalStateException("wrapped", refused)),
                ConnectionChoice.SANDBOX);

        vm.testConnection();

        assertThat(vm.getTestMessage()).contains("ALIBABA_CLOUD_ACCESS_KEY_ID");
        assertThat(unexpected).isEmpty();
    }

    @Test
    void aBugIsReportedToTheErrorDialogAndSaidInline() {
        IllegalArgumentException bug = new IllegalArgumentException("bug");
        ConnectViewModel vm = listed(choice -> FakeEnsApi.failing(bug), ConnectionChoice.SANDBOX);

        vm.testConnection();

        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.FAILED);
        assertThat(vm.getTestMessage()).contains("error inside Enscope");
        assertThat(unexpected).containsExactly(bug);
    }

    @Test
    void theTestRunsInTheBackgroundAndAnOutdatedResultIsDropped() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ConnectViewModel vm = viewModel(choice -> FakeEnsApi.withRegions("r1"), runner, english,
                ConnectionChoice.SANDBOX);
        vm.activate();
        runner.runAll();
        vm.selectedRowProperty().set(row(vm, ProfileRef.cliConfig("work")));

        vm.testConnection();
        assertThat(opened).as("nothing runs on the caller's thread").isEmpty();
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.RUNNING);
        assertThat(vm.getTestMessage()).isNotBlank();
        assertThat(vm.canTestConnectionProperty().get()).isFalse();

        vm.selectedRowProperty().set(row(vm, ProfileRef.cliConfig("default")));
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.IDLE);
        runner.runAll();
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.IDLE);
        assertThat(vm.getTestMessage()).isEmpty();
    }

    @Test
    void closingCancelsARunningTest() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ConnectViewModel vm = viewModel(choice -> FakeEnsApi.withRegions("r1"), runner, english,
                ConnectionChoice.SANDBOX);
        vm.testConnection();

        vm.deactivate();
        runner.runAll();

        assertThat(opened).isEmpty();
        assertThat(vm.getTestState()).isEqualTo(ConnectionTestState.IDLE);
    }

    @Test
    void theSandboxIsOfferedBeforeTheProfilesAreRead() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ConnectViewModel vm = viewModel(choice -> FakeEnsApi.withRegions("r1"), runner, english,
                ConnectionChoice.fromSetting("CLI_CONFIG:work"));

        vm.activate();
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.getSelectedRow().isSandbox()).isTrue();
        assertThat(vm.loadingProperty().get()).isTrue();

        runner.runAll();
        assertThat(vm.rows()).hasSize(8);
        assertThat(vm.getSelectedRow().choice().toSetting()).isEqualTo("CLI_CONFIG:work");
    }

    @Test
    void connectHandsTheChoiceBack() {
        ConnectViewModel vm = listed(choice -> FakeEnsApi.withRegions("r1"), ConnectionChoice.SANDBOX);
        AtomicReference<ConnectionChoice> seen = new AtomicReference<>();
        vm.resultProperty().addListener((obs, old, choice) -> seen.set(choice));
        vm.selectedRowProperty().set(row(vm, ProfileRef.cliConfig("ops-role")));

        vm.connect();

        assertThat(seen.get()).isEqualTo(ConnectionChoice.of(ProfileRef.cliConfig("ops-role")));
        assertThat(vm.getResult().map(ConnectionChoice::toSetting)).contains("CLI_CONFIG:ops-role");
        assertThat(opened).as("connecting itself is the caller's job").isEmpty();
    }

    @Test
    void aFailedListingKeepsTheSandboxAndSaysSo() {
        RuntimeException bug = new IllegalStateException("listing bug");
        ConnectViewModel vm = new ConnectViewModel(() -> {
            throw bug;
        }, choice -> FakeEnsApi.withRegions(), new SynchronousTaskRunner(), english, ConnectionChoice.SANDBOX,
                unexpected::add);

        vm.activate();

        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.loadErrorProperty().get()).contains("sandbox is still available");
        assertThat(vm.canConnectProperty().get()).isTrue();
        assertThat(unexpected).containsExactly(bug);
    }

    @Test
    void aFileThatCannotBeReadIsOneDisabledLine() {
        List<CredentialProfile> profiles = List.of(new CredentialProfile(CredentialSource.CLI_CONFIG, "", "", "", "",
                Optional.of(home.resolve(".aliyun/config.json")), false,
                Optional.of(CredentialsProblem.of(CredentialsError.MALFORMED_FILE, "config.json", "JSON", 3, 7))));
        ConnectViewModel vm = new ConnectViewModel(() -> profiles, choice -> FakeEnsApi.withRegions(),
                new SynchronousTaskRunner(), english, ConnectionChoice.SANDBOX, unexpected::add);

        vm.activate();

        ConnectionRow broken = vm.rows().get(1);
        assertThat(broken.title()).isEqualTo("config.json");
        assertThat(broken.usable()).isFalse();
        assertThat(broken.problem()).isEqualTo("config.json is not valid JSON: syntax error at line 3, column 7.");
    }

    /** Every value the View could show: each property, list and text the ViewModel offers. */
    private static List<String> everyText(ConnectViewModel vm) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Method method : ConnectViewModel.class.getMethods()) {
            if (method.getDeclaringClass() != ConnectViewModel.class || method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class) {
                continue;
            }
            Object value = method.invoke(vm);
            if (value instanceof ObservableList<?> list) {
                list.forEach(item -> texts.add(String.valueOf(item)));
            } else if (value instanceof ObservableValue<?> observable) {
                texts.add(String.valueOf(observable.getValue()));
            } else {
                texts.add(String.valueOf(value));
            }
        }
        return texts;
    }
}
