package io.enscope;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.aliyuncs.http.ProtocolType;
import io.enscope.binding.ActivityLog;
import io.enscope.binding.BindingJob;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobHistory;
import io.enscope.binding.JobState;
import io.enscope.binding.PollPolicy;
import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.RetrySettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.credentials.CredentialChain;
import io.enscope.ens.credentials.CredentialProfile;
import io.enscope.ens.credentials.CredentialsException;
import io.enscope.ens.credentials.EnsCredentialsProviders;
import io.enscope.ens.credentials.ProfileRef;
import io.enscope.ens.credentials.ResolvedCredentials;
import io.enscope.ens.credentials.SdkStsClient;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.ui.connect.ConnectionChoice;
import io.enscope.ui.connect.ProfileConnectionFactory;
import io.enscope.ui.settings.Settings;
import io.enscope.ui.settings.SettingsStore;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Secret hygiene (design.md, "Reliability and security"): a full session with
 * DEBUG logging, whose config.json profiles carry a unique canary as their AccessKeySecret (and
 * another as an STS token), against an emulator that knows that secret — inventory, binds that
 * succeed, fail with an error code, time out on a slow write and lose their connection, a
 * RamRoleArn profile through the emulator's STS, a wrong secret, an unknown key, and the sandbox.
 * The canary must appear in no log line (message and stack trace), no file under the data
 * directory, no exception text and no {@code toString()} of anything the session touched; the
 * AccessKeyId must be redacted from the SDK error messages that are kept.
 *
 * <p>The window part runs the real console in a child JVM: {@link CredentialChain#fromSystem()}
 * reads the {@code HOME} environment variable (as the aliyun CLI does), which no test can change
 * in its own JVM, so the child gets {@code HOME} pointing at the canary's config.json. It starts
 * on the RamRoleArn profile (which fails and falls back to the sandbox, with a notification),
 * opens the Connect dialog (which lists every profile), tests the RamRoleArn profile there, and
 * writes out every text of every window, which this test then searches.
 */
class SecretHygieneTest {
    private static final String CANARY = "CANARY-" + UUID.randomUUID();
    private static final String TOKEN_CANARY = "CANARYTOKEN-" + UUID.randomUUID();
    private static final Account ADMIN = new Account("LTAIhygieneAdmin0001", CANARY, false);
    private static final String ROLE_ARN = "acs:ram::1234567890123456:role/ens-admin";

    @TempDir
    Path home;
    @TempDir
    Path dataDir;

    private ListAppender<ILoggingEvent> logs;
    private final Map<String, Level> savedLevels = new java.util.HashMap<>();
    /** Every text the session produced that a user or a log could see: exceptions, toString()s. */
    private final List<String> touched = new ArrayList<>();

    @BeforeEach
    void captureDebugLogs() {
        logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        for (String name : List.of("io.enscope", "com.aliyuncs", "org.apache.http.wire")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            savedLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    @AfterEach
    void restoreLogging() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        savedLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    // ---- the session, in this JVM -----------------------------------------------------------

    @Test
    void aFullSessionWithACanarySecretLeavesItInNoLogFileExceptionOrToString() throws Exception {
        List<EnsError> sdkErrors = new ArrayList<>();
        try (EnsEmulator emulator = EnsEmulator.builder().scenario(DemoScenario.create()).account(ADMIN)
                .timings(Timings.all(TransitionTiming.afterPolls(2))).port(0).start()) {
            writeConfig(home, emulator.endpoint());
            CredentialChain chain = new CredentialChain(Map.of(), home);
            List<CredentialProfile> profiles = chain.listProfiles();
            assertThat(profiles).extracting(CredentialProfile::name).contains("hygiene-ak", "hygiene-role",
                    "hygiene-sts", "hygiene-broken");
            touched.add(profiles.toString());
            for (CredentialProfile profile : profiles) {
                touched.add(profile.problem().map(Object::toString).orElse(""));
                try {
                    ResolvedCredentials resolved = chain.resolve(ProfileRef.cliConfig(profile.name()));
                    touched.add(resolved.toString());
                    touched.add(resolved.accessKey().toString());
                    touched.add(resolved.accessKey().secret().toString());
                } catch (CredentialsException unusable) {
                    touchedException(unusable);
                }
            }
            touched.add(chain.resolveDefault().toString());

            EnsClientConfig config = EnsClientConfig.local(emulator.endpoint())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
                    .withRetry(new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1)));
            SdkStsClient sts = new SdkStsClient(Optional.of(emulator.endpoint()), ProtocolType.HTTP,
                    Duration.ofSeconds(2), Duration.ofSeconds(5));
            touched.add(sts.toString());
            String sandboxDelay = System.getProperty("enscope.sandbox.delay");
            System.setProperty("enscope.sandbox.delay", "polls:2");
            try (Sandbox sandbox = Sandbox.start(dataDir.resolve("sandbox").resolve("state.json"))) {
                ProfileConnectionFactory connections = new ProfileConnectionFactory(chain, config, sts,
                        Clock.systemUTC(), () -> new SdkEnsApi(EnsClientConfig.local(sandbox.endpoint()),
                        EnsCredentialsProvider.of(EnsCredentials.of(sandbox.adminAccount().accessKeyId(),
                                sandbox.adminAccount().accessKeySecret()))));

                // the AK profile: inventory, then binds that succeed, fail, time out and lose their connection
                EnsApi api = connections.open(ConnectionChoice.of(ProfileRef.cliConfig("hygiene-ak")));
                touched.add(api.toString());
                List<String> regions = api.describeRegions().stream().map(Region::id).toList();
                Inventory inventory = new InventoryLoader(api).load(regions);
                touched.add(inventory.toString());
                runJobs(api, emulator, dataDir.resolve("activity").resolve("profile_hygiene-ak"), sdkErrors);
                directCallsThatFail(api, emulator, sdkErrors);
                close(api);

                // a RamRoleArn profile: STS AssumeRole signed with the canary, then ENS with the temporary key
                EnsApi role = connections.open(ConnectionChoice.of(ProfileRef.cliConfig("hygiene-role")));
                assertThat(role.describeHaVips(HaVipQuery.all(), PageRequest.first(10)).items()).isNotEmpty();
                touched.add(role.toString());
                close(role);
                EnsCredentials temporary = EnsCredentialsProviders.of(chain.resolve(ProfileRef.cliConfig(
                        "hygiene-role")), sts, Clock.systemUTC()).credentials();
                assertThat(temporary.accessKeyId()).startsWith("STS.");
                touched.add(temporary.toString());

                // an StsToken profile whose token is a canary too
                EnsApi stsToken = connections.open(ConnectionChoice.of(ProfileRef.cliConfig("hygiene-sts")));
                assertThat(stsToken.describeRegions()).isNotEmpty();
                close(stsToken);

                // a wrong secret: the signature mismatch quotes the string to sign, with the AccessKeyId
                EnsApi wrong = connections.open(ConnectionChoice.of(ProfileRef.cliConfig("hygiene-wrong")));
                EnsError mismatch = failure(wrong::describeRegions, sdkErrors);
                assertThat(mismatch.code()).isEqualTo("SignatureDoesNotMatch");
                close(wrong);

                // an unknown key, and a role the STS refuses
                EnsApi unknown = connections.open(ConnectionChoice.of(ProfileRef.cliConfig("hygiene-unknown")));
                assertThat(failure(unknown::describeRegions, sdkErrors).code()).isEqualTo("InvalidAccessKeyId.NotFound");
                close(unknown);
                assertThatThrownBy(() -> connections.open(ConnectionChoice.of(ProfileRef.cliConfig("hygiene-badrole"))))
                        .isInstanceOfSatisfying(CredentialsException.class, this::touchedException);
                assertThatThrownBy(() -> connections.open(ConnectionChoice.of(ProfileRef.cliConfig("hygiene-broken"))))
                        .isInstanceOfSatisfying(CredentialsException.class, this::touchedException);

                // the sandbox: a bind through its own emulator, and the settings that remember a profile
                EnsApi sandboxApi = connections.open(ConnectionChoice.SANDBOX);
                runSandboxBind(sandboxApi);
                close(sandboxApi);
                new SettingsStore(dataDir.resolve("settings.json")).save(Settings.defaults().withConnection(
                        ConnectionChoice.of(ProfileRef.cliConfig("hygiene-ak")).toSetting(), regions));
            } finally {
                if (sandboxDelay == null) {
                    System.clearProperty("enscope.sandbox.delay");
                } else {
                    System.setProperty("enscope.sandbox.delay", sandboxDelay);
                }
            }
        }

        // The AccessKeyId is redacted in the SDK error messages that are kept (EnsError.message()).
        assertThat(sdkErrors).extracting(EnsError::code).contains("SDK.ReadTimeout", "SignatureDoesNotMatch");
        assertThat(sdkErrors).filteredOn(e -> e.code().startsWith("SDK.") || e.code().equals("SignatureDoesNotMatch"))
                .isNotEmpty().allSatisfy(e -> {
                    assertThat(e.message()).as("%s", e.code()).doesNotContain(ADMIN.accessKeyId());
                    assertThat(e.message()).as("%s", e.code()).containsAnyOf("AccessKeyId=***", "AccessKeyId%3D***",
                            "AccessKeyId%253D***");
                });
        assertNoCanaryAnywhere();
    }

    private void runJobs(EnsApi api, EnsEmulator emulator, Path activityDir, List<EnsError> sdkErrors)
            throws Exception {
        DemoScenario.Showcase ok = showcase(DemoScenario.SUCCESS, 0);
        DemoScenario.Showcase eni = showcase(DemoScenario.SUCCESS, 1);
        DemoScenario.Showcase third = showcase(DemoScenario.SUCCESS, 2);
        DemoScenario.Showcase refused = showcase("IncorrectInstanceVSwitch", 0);
        DemoScenario.Showcase bound = showcase("InstanceAlreadyAssociated", 0);
        PollPolicy fast = new PollPolicy(Duration.ofMillis(20), 2.0, Duration.ofMillis(100), Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofSeconds(3), 3, Duration.ofSeconds(2));
        try (ActivityLog log = ActivityLog.open(activityDir)) {
            JobEngine engine = JobEngine.builder(api).pollPolicy(fast).journal(log).build();
            try {
                // one at a time, so that each fault meets its job: a slow write (a read timeout), a
                // dropped connection, a SystemError; then a refused bind and an unbind
                emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SLOW, 1)
                        .withDelay(Duration.ofMillis(1500)));
                finish(engine, engine.submitBind(ok.haVipId(), ok.targetId(), InstanceType.fromWire(ok.instanceType())));
                emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.DROP_AFTER_WRITE, 1));
                finish(engine, engine.submitBind(eni.haVipId(), eni.targetId(),
                        InstanceType.fromWire(eni.instanceType())));
                emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SYSTEM_ERROR, 1));
                finish(engine, engine.submitBind(third.haVipId(), third.targetId(),
                        InstanceType.fromWire(third.instanceType())));
                finish(engine, engine.submitBind(refused.haVipId(), refused.targetId(),
                        InstanceType.fromWire(refused.instanceType())));
                finish(engine, engine.submitUnbind(bound.haVipId(), bound.targetId()));
                assertThat(emulator.faults().rules()).as("every fault met its job").isEmpty();
            } finally {
                engine.shutdown();
            }
            List<BindingJob> done = engine.jobs();
            assertThat(done).extracting(BindingJob::state).containsExactly(JobState.SUCCEEDED, JobState.SUCCEEDED,
                    JobState.FAILED, JobState.FAILED, JobState.SUCCEEDED);
            assertThat(done).extracting(BindingJob::errorCode).containsExactly(null, null, "SystemError",
                    "IncorrectInstanceVSwitch", null);
            for (BindingJob job : done) {
                touched.add(job.toString());
                job.error().ifPresent(e -> {
                    sdkErrors.add(e);
                    touched.add(e.toString());
                    touched.add(e.summary());
                });
            }
            for (JobHistory history : log.history()) {
                touched.add(history.toString());
            }
        }
    }

    private static void finish(JobEngine engine, BindingJob job) {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.job(job.id()).orElseThrow().isFinished());
    }

    /** Writes that fail as the SDK reports them, so that their exceptions are kept and searched. */
    private void directCallsThatFail(EnsApi api, EnsEmulator emulator, List<EnsError> sdkErrors) {
        DemoScenario.Showcase wrongVSwitch = showcase("IncorrectInstanceVSwitch", 0);
        DemoScenario.Showcase free = showcase(DemoScenario.SUCCESS, 2);
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SLOW, 1).withDelay(Duration.ofMillis(1500)));
        EnsError timeout = failure(() -> api.associateHaVip(wrongVSwitch.haVipId(), wrongVSwitch.targetId(), null),
                sdkErrors);
        assertThat(timeout.code()).isEqualTo("SDK.ReadTimeout");
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.DROP_AFTER_WRITE, 1));
        EnsError dropped = failure(() -> api.associateHaVip(free.haVipId(), free.targetId(), null), sdkErrors);
        assertThat(dropped.ambiguous()).isTrue();
        assertThat(failure(() -> api.associateHaVip(wrongVSwitch.haVipId(), wrongVSwitch.targetId(), null),
                sdkErrors).code()).isEqualTo("IncorrectInstanceVSwitch");
        assertThat(failure(() -> api.unassociateHaVip("havip-nothere", "i-nothere"), sdkErrors).code())
                .isEqualTo("HaVipNotFound");
    }

    private void runSandboxBind(EnsApi sandboxApi) throws Exception {
        DemoScenario.Showcase ok = showcase(DemoScenario.SUCCESS, 0);
        try (ActivityLog log = ActivityLog.open(dataDir.resolve("activity").resolve("sandbox"))) {
            JobEngine engine = JobEngine.builder(sandboxApi).journal(log)
                    .pollPolicy(PollPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)))
                    .build();
            try {
                BindingJob job = engine.submitBind(ok.haVipId(), ok.targetId(), InstanceType.fromWire(ok.instanceType()));
                await().atMost(Duration.ofSeconds(30)).until(() -> engine.job(job.id()).orElseThrow().isFinished());
                assertThat(engine.job(job.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
            } finally {
                engine.shutdown();
            }
        }
    }

    private EnsError failure(Runnable call, List<EnsError> sdkErrors) {
        try {
            call.run();
        } catch (EnsException e) {
            touchedException(e);
            touched.add(e.error().toString());
            sdkErrors.add(e.error());
            return e.error();
        }
        throw new AssertionError("the call was expected to fail");
    }

    private void touchedException(Throwable e) {
        touched.add(String.valueOf(e.getMessage()));
        touched.add(e.toString());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        touched.add(trace.toString());
    }

    private static void close(EnsApi api) throws Exception {
        if (api instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private void assertNoCanaryAnywhere() throws IOException {
        List<String> logLines;
        synchronized (logs.list) {
            logLines = logs.list.stream().map(SecretHygieneTest::fullText).toList();
        }
        assertThat(logLines).as("the capture works: DEBUG lines of the ENS client are there")
                .anyMatch(line -> line.contains("io.enscope.ens.SdkTransport") && line.contains("DescribeHaVips"));
        assertThat(logLines).as("log lines with the canary").noneMatch(SecretHygieneTest::hasCanary);
        // Enscope's own lines show AccessKeyIds masked (the SDK's wire log, off in the shipped logback
        // configurations and switched on here, shows the signed URL: an HMAC, never the secret)
        assertThat(logLines).filteredOn(line -> line.contains(" io.enscope."))
                .as("Enscope's log lines with the full AccessKeyId").noneMatch(line -> line.contains(ADMIN.accessKeyId()));
        assertThat(touched).as("exception texts and toString()s with the canary").noneMatch(SecretHygieneTest::hasCanary);
        List<Path> files = filesUnder(dataDir);
        assertThat(files).as("the session wrote its activity logs, sandbox state and settings")
                .anyMatch(p -> p.endsWith(ActivityLog.FILE_NAME)).anyMatch(p -> p.endsWith("settings.json"))
                .anyMatch(p -> p.endsWith("state.json"));
        assertNoCanaryInFiles(files);
        try (Stream<Path> written = Files.walk(home)) {
            assertThat(written.filter(Files::isRegularFile).toList()).as("nothing but config.json in the home")
                    .containsExactly(home.resolve(".aliyun").resolve("config.json"));
        }
    }

    private static String fullText(ILoggingEvent event) {
        String trace = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage() + "\n" + trace;
    }

    static boolean hasCanary(String text) {
        return text != null && (text.contains(CANARY) || text.contains(TOKEN_CANARY));
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static void assertNoCanaryInFiles(Collection<Path> files) throws IOException {
        byte[][] needles = {CANARY.getBytes(StandardCharsets.UTF_8), TOKEN_CANARY.getBytes(StandardCharsets.UTF_8),
                CANARY.getBytes(StandardCharsets.UTF_16LE), CANARY.getBytes(StandardCharsets.UTF_16BE)};
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (byte[] needle : needles) {
                assertThat(indexOf(bytes, needle)).as("the canary in %s", file).isNegative();
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static DemoScenario.Showcase showcase(String outcome, int index) {
        return DemoScenario.showcases().stream().filter(s -> s.outcome().equals(outcome)).skip(index).findFirst()
                .orElseThrow();
    }

    /** config.json with the canary as the secret of every profile (and as the STS token of one). */
    static void writeConfig(Path home, String stsEndpoint) throws IOException {
        Path file = home.resolve(".aliyun").resolve("config.json");
        Files.createDirectories(file.getParent());
        String id = ADMIN.accessKeyId();
        Files.writeString(file, """
                {"current":"hygiene-ak","profiles":[
                 {"name":"hygiene-ak","mode":"AK","access_key_id":"%1$s","access_key_secret":"%2$s",
                  "region_id":"cn-hangzhou"},
                 {"name":"hygiene-role","mode":"RamRoleArn","access_key_id":"%1$s","access_key_secret":"%2$s",
                  "ram_role_arn":"%4$s","ram_session_name":"enscope-hygiene","sts_endpoint":"%5$s",
                  "region_id":"cn-hangzhou"},
                 {"name":"hygiene-sts","mode":"StsToken","access_key_id":"%1$s","access_key_secret":"%2$s",
                  "sts_token":"%3$s","region_id":"cn-hangzhou"},
                 {"name":"hygiene-wrong","mode":"AK","access_key_id":"%1$s","access_key_secret":"%2$s-wrong",
                  "region_id":"cn-hangzhou"},
                 {"name":"hygiene-unknown","mode":"AK","access_key_id":"LTAIunknownHygiene01","access_key_secret":"%2$s",
                  "region_id":"cn-hangzhou"},
                 {"name":"hygiene-badrole","mode":"RamRoleArn","access_key_id":"%1$s","access_key_secret":"%2$s",
                  "ram_role_arn":"not-an-arn","ram_session_name":"enscope-hygiene","sts_endpoint":"%5$s",
                  "region_id":"cn-hangzhou"},
                 {"name":"hygiene-broken","mode":"RamRoleArn","access_key_id":"%1$s","access_key_secret":"%2$s",
                  "region_id":"cn-hangzhou"}]}
                """.formatted(id, CANARY, TOKEN_CANARY, ROLE_ARN, stsEndpoint), StandardCharsets.UTF_8);
    }

    // ---- the console, in a child JVM whose HOME holds the canary's config.json ----------------

    @Test
    void theConsoleShowsTheCanaryInNoWindowAndWritesItToNoFile() throws Exception {
        Path out = Files.createDirectories(dataDir.resolve("out"));
        Path appData = Files.createDirectories(dataDir.resolve("app"));
        try (EnsEmulator sts = EnsEmulator.builder().scenario(DemoScenario.create()).account(ADMIN).port(0).start()) {
            writeConfig(home, sts.endpoint());
            // The console starts on the RamRoleArn profile: its AssumeRole fails (the console speaks
            // HTTPS to STS, this endpoint plain HTTP), so it notifies and falls back to the sandbox.
            new SettingsStore(appData.resolve("settings.json")).save(Settings.defaults().withConnection(
                    ConnectionChoice.of(ProfileRef.cliConfig("hygiene-role")).toSetting(), List.of()));

            Path texts = out.resolve("window-texts.txt");
            Path console = out.resolve("console.txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
            for (String property : List.of("testfx.robot", "testfx.headless", "prism.order", "prism.text",
                    "glass.platform", "monocle.platform", "java.awt.headless")) {
                if (System.getProperty(property) != null) {
                    command.add("-D" + property + "=" + System.getProperty(property));
                }
            }
            command.addAll(List.of("-Dfile.encoding=UTF-8", "-D" + AppDirectories.OVERRIDE_PROPERTY + "=" + appData,
                    "-Denscope.log.level=DEBUG", "-Dlogback.configurationFile=logback-gui.xml",
                    "-Denscope.log.dir=" + appData.resolve("logs"), "-Denscope.sandbox.delay=polls:2",
                    GuiSession.class.getName(), texts.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("ALIBABA") || name.startsWith("ALICLOUD")
                    || name.endsWith("ACCESS_KEY_ID") || name.endsWith("ACCESS_KEY_SECRET")
                    || name.endsWith("SECURITY_TOKEN") || name.equals("HOMEDRIVE") || name.equals("HOMEPATH")
                    || name.equals("USERPROFILE"));
            builder.environment().put("HOME", home.toString());
            Process child = builder.start();
            boolean ended = child.waitFor(150, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly();
            }
            String consoleText = Files.exists(console) ? Files.readString(console, StandardCharsets.UTF_8) : "";
            assertThat(ended).as("the console session ended; its output:\n%s", tail(consoleText)).isTrue();
            assertThat(child.exitValue()).as("the console session's exit code; its output:\n%s", tail(consoleText))
                    .isZero();

            String windowTexts = Files.readString(texts, StandardCharsets.UTF_8);
            assertThat(windowTexts).as("the Connect dialog listed the profiles, and the test of the role profile"
                    + " showed its failure").contains("hygiene-ak", "hygiene-role", "hygiene-sts", "hygiene-broken",
                    GuiSession.TEST_RESULT_MARK);
            assertThat(hasCanary(windowTexts)).as("the canary in a window:\n%s", windowTexts).isFalse();
            assertThat(hasCanary(consoleText)).as("the canary on the console's stdout/stderr").isFalse();
            List<Path> files = filesUnder(appData);
            assertThat(files).as("the console wrote its log, settings and sandbox state")
                    .anyMatch(p -> p.endsWith("enscope.log")).anyMatch(p -> p.endsWith("settings.json"));
            assertThat(Files.readString(appData.resolve("logs").resolve("enscope.log"), StandardCharsets.UTF_8))
                    .as("the console's log is at DEBUG").contains("DEBUG");
            assertNoCanaryInFiles(files);
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    /**
     * The child JVM: the real console, driven headless with TestFX; writes every text of every
     * window to the file named by its argument, and exits 0 when it got that far.
     */
    public static final class GuiSession {
        static final String TEST_RESULT_MARK = "=== after testing hygiene-role ===";
        private static final Duration UI_TIMEOUT = Duration.ofSeconds(60);

        private GuiSession() {
        }

        public static void main(String[] args) {
            int code = 0;
            try {
                run(Path.of(args[0]));
            } catch (Throwable failure) {
                failure.printStackTrace();
                code = 2;
            }
            System.exit(code);
        }

        private static void run(Path textsFile) throws Exception {
            FxRobot robot = new FxRobot();
            FxToolkit.registerPrimaryStage();
            Application app = FxToolkit.setupApplication(App.class);
            // the role profile fails, the console falls back to the sandbox and loads its tree
            await().atMost(UI_TIMEOUT).until(() -> onFx(() -> robot.lookup("#tree").tryQueryAs(TreeView.class)
                    .map(t -> t.getRoot() != null && !t.getRoot().getChildren().isEmpty()).orElse(false)));
            StringBuilder texts = new StringBuilder("=== main window ===\n").append(onFx(GuiSession::allTexts));

            MenuItem connect = onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                            && s.getTitle() != null && s.getTitle().startsWith("Enscope")).findFirst()
                    .map(w -> w.getScene().getRoot().lookupAll(".menu-bar")).flatMap(bars -> bars.stream()
                            .filter(MenuBar.class::isInstance).map(MenuBar.class::cast).findFirst())
                    .flatMap(bar -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                            .filter(i -> "connectItem".equals(i.getId())).findFirst())
                    .orElseThrow(() -> new AssertionError("no Connect menu item")));
            Platform.runLater(connect::fire);
            await().atMost(UI_TIMEOUT).until(() -> onFx(() -> robot.lookup("#choiceList").tryQueryAs(ListView.class)
                    .map(list -> list.getItems().size() > 4).orElse(false)));
            texts.append("=== connect dialog ===\n").append(onFx(GuiSession::allTexts));

            // test the RamRoleArn profile: its AssumeRole fails, and the dialog shows why
            onFx(() -> {
                ListView<?> list = robot.lookup("#choiceList").queryAs(ListView.class);
                for (int i = 0; i < list.getItems().size(); i++) {
                    if (list.getItems().get(i) instanceof io.enscope.ui.connect.ConnectionRow row
                            && row.title().equals("hygiene-role")) {
                        list.getSelectionModel().select(i);
                    }
                }
                robot.lookup("#testButton").queryAs(Button.class).fire();
                return null;
            });
            await().atMost(UI_TIMEOUT).until(() -> onFx(() -> robot.lookup("#testMessageLabel")
                    .tryQueryAs(javafx.scene.control.Label.class).map(l -> l.getText() != null
                            && !l.getText().isBlank() && robot.lookup("#testButton").queryAs(Button.class).isDisabled()
                            == false).orElse(false)));
            texts.append(TEST_RESULT_MARK).append('\n').append(onFx(GuiSession::allTexts));
            Files.writeString(textsFile, texts.toString(), StandardCharsets.UTF_8);

            onFx(() -> {
                robot.lookup("#cancelButton").queryAs(Button.class).fire();
                return null;
            });
            FxToolkit.cleanupApplication(app);
        }

        private static <T> T onFx(Callable<T> action) throws Exception {
            CompletableFuture<T> result = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    result.complete(action.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return result.get(30, TimeUnit.SECONDS);
        }

        /** Every text of every window: titles, labels, buttons, text fields, tooltips, list and table items. */
        private static String allTexts() {
            StringBuilder out = new StringBuilder();
            for (Window window : new ArrayList<>(Window.getWindows())) {
                if (window instanceof Stage stage) {
                    out.append("[window] ").append(stage.getTitle()).append('\n');
                }
                if (window.getScene() != null) {
                    collect(window.getScene().getRoot(), out);
                }
            }
            return out.toString();
        }

        private static void collect(Node node, StringBuilder out) {
            if (node instanceof Labeled labeled) {
                out.append(labeled.getText()).append('\n');
            }
            if (node instanceof TextInputControl input) {
                out.append(input.getText()).append('\n').append(input.getPromptText()).append('\n');
            }
            if (node instanceof Text text) {
                out.append(text.getText()).append('\n');
            }
            if (node instanceof Control control && control.getTooltip() != null) {
                out.append(control.getTooltip().getText()).append('\n');
            }
            if (node instanceof ListView<?> list) {
                list.getItems().forEach(item -> out.append(item).append('\n'));
            }
            if (node instanceof TableView<?> table) {
                table.getItems().forEach(item -> out.append(item).append('\n'));
            }
            if (node instanceof ComboBoxBase<?> combo) {
                out.append(combo.getValue()).append('\n');
            }
            if (node instanceof MenuBar bar) {
                bar.getMenus().forEach(menu -> {
                    out.append(menu.getText()).append('\n');
                    menu.getItems().forEach(item -> out.append(item.getText()).append('\n'));
                });
            }
            if (node instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    collect(child, out);
                }
            }
        }
    }
}
