package io.enscope;

import com.aliyuncs.http.ProtocolType;
import io.enscope.binding.ActivityLog;
import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.JobEngine;
import io.enscope.binding.LimitPolicy;
import io.enscope.binding.PollPolicy;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.ProxySettings;
import io.enscope.ens.Redactor;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.credentials.CredentialChain;
import io.enscope.ens.credentials.SdkStsClient;
import io.enscope.ens.model.HaVip;
import io.enscope.inventory.InventoryLoader;
import io.enscope.inventory.LoadOptions;
import io.enscope.ui.common.Alerts;
import io.enscope.ui.common.ConnectionTarget;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.ErrorDialog;
import io.enscope.ui.common.ModalStages;
import io.enscope.ui.common.ExecutorTaskRunner;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.TaskRunner;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.Toasts;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.UiThread;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.connect.ConnectView;
import io.enscope.ui.connect.ConnectViewModel;
import io.enscope.ui.connect.ConnectionChoice;
import io.enscope.ui.connect.ProfileConnectionFactory;
import io.enscope.ui.main.MainView;
import io.enscope.ui.main.WindowState;
import io.enscope.ui.main.MainViewModel;
import io.enscope.ui.settings.Language;
import io.enscope.ui.settings.Settings;
import io.enscope.ui.settings.SettingsStore;
import io.enscope.ui.settings.SettingsView;
import io.enscope.ui.settings.SettingsViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.scene.control.Alert;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The composition root: reads the settings, shows the main window at once, then connects (the
 * sandbox by default) in the background and wires the services of the connection: the ENS
 * client, the inventory loader, the job engine with its activity log, the eligibility engine and
 * the {@link Workspace} every screen observes.
 */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** Where profiles are read; tests point it at a home of their own (HOME cannot change in a JVM). */
    static volatile java.util.function.Supplier<CredentialChain> credentials = CredentialChain::fromSystem;

    private Path dataDir;
    private SettingsStore settingsStore;
    private volatile Settings settings;
    /** Written on the FX thread (language switch), read by the connect task too. */
    private volatile I18n i18n;
    /** The default locale before {@link #useLanguage} changed it; given back when the console stops. */
    private Locale osLocale;
    private TaskRunner tasks;
    private Stage stage;
    private MainViewModel mainViewModel;
    private MainView mainView;
    private final AppDialogs dialogs = new AppDialogs();
    private final Views views = new Views();
    private Toasts toasts;
    private final List<Runnable> viewDisposers = new ArrayList<>();
    private Parent mainRoot;
    private final StartOnce<Sandbox> sandbox = new StartOnce<>(
            () -> Sandbox.start(dataDir.resolve("sandbox").resolve("state.json")));
    /** Written on the FX thread, read by tools and benchmarks on theirs through {@link #workspace()}. */
    private volatile Session session;
    /** The main window's last bounds while not maximized; FX thread. */
    private Rectangle2D normalBounds;

    /** What one connection owns; closed when the user connects elsewhere or quits. */
    private record Session(Workspace workspace, EnsApi api, JobEngine jobs, ActivityLog activity) {
        void close() {
            workspace.close();
            jobs.shutdown();
            activity.close();
            if (api instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing the ENS client failed", e);
                }
            }
        }
    }

    @Override
    public void init() {
        dataDir = AppDirectories.dataDirectory();
        settingsStore = new SettingsStore(dataDir.resolve("settings.json"));
        settings = settingsStore.load();
        useLanguage(Language.resolve(settings.language(), Locale.getDefault()).locale());
    }

    /**
     * Our texts in {@code locale}, and JavaFX's own too (a dialog's "Show Details", a text field's
     * context menu): JavaFX reads them in the default locale whenever it shows them.
     */
    private void useLanguage(Locale locale) {
        if (osLocale == null) {
            osLocale = Locale.getDefault();
        }
        Locale.setDefault(locale);
        i18n = new I18n(locale);
    }

    @Override
    public void start(Stage primaryStage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("uncaught exception in {}", thread.getName(), error);
            Platform.runLater(() -> dialogs.showError(null, error));
        });
        this.stage = primaryStage;
        tasks = new ExecutorTaskRunner(4, UiThread.fx());
        Theme.parse(settings.theme()).apply();
        buildWindow();
        stage.iconifiedProperty().addListener((obs, was, iconified) -> {
            if (session != null) {
                session.workspace().setVisible(!iconified);
            }
        });
        stage.setOnCloseRequest(e -> {
            if (mainViewModel.confirmQuit()) {
                saveRegions();
                saveWindowState();
            } else {
                e.consume();
            }
        });
        WindowIcons.apply(stage);
        stage.show();
        connect(ConnectionChoice.fromSetting(settings.lastConnection()));
    }

    private void buildWindow() {
        buildMainView();
        showMainView();
    }

    /** The main window's view and its ViewModel, not yet in a scene. */
    private void buildMainView() {
        mainViewModel = new MainViewModel(i18n, dialogs);
        mainView = new MainView(mainViewModel, new MenuActions(), i18n);
        ViewLoader loader = new ViewLoader(i18n, type -> {
            throw new IllegalStateException("no controller for " + type);
        });
        mainRoot = loader.load(MainView.class, mainView).root();
        toasts = new Toasts();
    }

    /** Puts the main view built by {@link #buildMainView} in the stage's (new) scene; FX thread. */
    private void showMainView() {
        boolean first = stage.getScene() == null;
        Scene scene = new Scene(new StackPane(mainRoot, toasts.layer()));
        Theme.style(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(mainViewModel.titleProperty());
        mainView.selectTheme(Theme.parse(settings.theme()));
        WindowState saved = WindowState.load(windowStateFile());
        if (first) {
            placeWindow(saved);
        }
        if (saved != null) {
            mainView.restoreActivitiesDivider(saved.divider());
            views.restoreColumnWidths(saved.columns());
            views.restoreDividers(saved.dividers());
        }
    }

    private Path windowStateFile() {
        return dataDir.resolve("window.properties");
    }

    /**
     * Opens the window inside the visible area of a screen: where it was last, if that is still
     * on a screen, else at the default size shrunk to the primary screen and centred on it.
     */
    private void placeWindow(WindowState saved) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        Rectangle2D bounds = WindowState.place(saved, screens, primary);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMinWidth(Math.min(WindowState.MIN_WIDTH, primary.getWidth()));
        stage.setMinHeight(Math.min(WindowState.MIN_HEIGHT, primary.getHeight()));
        stage.setMaximized(saved != null && saved.maximized());
        trackNormalBounds();
    }

    /** The window's bounds while neither maximized nor iconified: what is saved for the next start. */
    private void trackNormalBounds() {
        javafx.beans.InvalidationListener track = obs -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
        track.invalidated(null);
    }

    private void saveWindowState() {
        Rectangle2D bounds = normalBounds;
        if (stage == null || bounds == null || mainView == null) {
            return;
        }
        try {
            new WindowState(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                    stage.isMaximized(), mainView.activitiesDivider()).withColumns(views.columnWidths())
                    .withDividers(views.dividers()).save(windowStateFile());
        } catch (IOException e) {
            LOG.warn("could not save the window state to {}", windowStateFile(), e);
        }
    }

    // ---- connecting ------------------------------------------------------------------------

    private void connect(ConnectionChoice choice) {
        if (session != null) {
            disposeViews();
            mainViewModel.detach();
            Session old = session;
            session = null;
            tasks.submit("disconnect", p -> {
                old.close();
                return null;
            }, ok -> { }, e -> LOG.warn("closing the previous connection failed", e));
        }
        Settings current = settings;
        tasks.submit("connect", p -> openSession(choice, current), opened -> {
            session = opened;
            attach(opened.workspace());
            if (Boolean.getBoolean(Smoke.PROPERTY)) {
                Smoke.start(opened.workspace(), code -> {
                    Platform.exit();
                    System.exit(code);
                });
            }
        }, error -> {
            LOG.warn("could not connect to {}: {}", choice, error.toString());
            mainViewModel.connectionFailed(choice.profileRef().map(r -> r.name()),
                    Redactor.redact(String.valueOf(error.getMessage())));
            if (!choice.isSandbox()) {
                connect(ConnectionChoice.SANDBOX);
            }
        });
    }

    private Session openSession(ConnectionChoice choice, Settings s) throws Exception {
        EnsApi api;
        String label;
        Optional<io.enscope.ui.common.SandboxControl> control = Optional.empty();
        ConnectionTarget target;
        if (choice.isSandbox()) {
            Sandbox box = sandbox.get();
            api = sandboxApi(box, s.pacing(s.parallelism()));
            label = i18n.get("main.connection.sandbox");
            control = Optional.of(box);
            target = ConnectionTarget.sandbox(box.endpoint());
        } else {
            api = profileConnections().open(choice);
            label = choice.profileRef().map(r -> r.name()).orElse("?");
            // The aliyun CLI reads the environment variables itself; a profile it knows by name.
            target = ConnectionTarget.profile(choice.profileRef()
                    .filter(r -> r.source() != io.enscope.ens.credentials.CredentialSource.ENVIRONMENT)
                    .map(r -> r.name()), cloudConfig());
        }
        ActivityLog activity = ActivityLog.open(dataDir.resolve("activity").resolve(activityKey(choice)));
        JobEngine jobs = JobEngine.builder(api)
                .journal(activity)
                .pollPolicy(PollPolicy.defaults()
                        .withBackoff(java.time.Duration.ofMillis(s.pollInitialMillis()),
                                java.time.Duration.ofMillis(s.pollMaxMillis()))
                        .withTimeout(java.time.Duration.ofSeconds(s.jobTimeoutSeconds())))
                .build();
        List<BindingJob> unfinished = activity.recover();
        if (!unfinished.isEmpty()) {
            LOG.info("resuming {} unfinished jobs from the activity log", unfinished.size());
            jobs.resume(unfinished);
        }
        int parallelism = choice.isSandbox()
                ? Sandbox.loadParallelism(s.parallelism(), Runtime.getRuntime().availableProcessors())
                : s.parallelism();
        InventoryLoader loader = new InventoryLoader(api, LoadOptions.defaults().withParallelism(parallelism));
        EligibilityEngine eligibility = new EligibilityEngine(new LimitPolicy(s.maxTargetsPerHaVip(),
                s.maxHaVipsPerTarget()));
        Workspace workspace = new Workspace(new Workspace.Services(label, target, control, api, loader, jobs, activity,
                eligibility), tasks, UiThread.fx(), i18n, s.refreshSeconds());
        return new Session(workspace, api, jobs, activity);
    }

    private static EnsApi sandboxApi(Sandbox box, PacingSettings pacing) {
        return new SdkEnsApi(EnsClientConfig.local(box.endpoint()).withPacing(pacing), EnsCredentialsProvider.of(
                EnsCredentials.of(box.adminAccount().accessKeyId(), box.adminAccount().accessKeySecret())));
    }

    /**
     * The ENS endpoint for profile connections: {@code ens.aliyuncs.com}, or the one named by the
     * aliyun CLI's {@code ALIBABA_CLOUD_ENDPOINT} variable or {@code -Denscope.endpoint=host[:port]}
     * ({@code -Denscope.endpoint.insecure=true} for plain HTTP, e.g. a standalone emulator).
     */
    private static EnsClientConfig cloudConfig() {
        String endpoint = System.getProperty("enscope.endpoint", System.getenv("ALIBABA_CLOUD_ENDPOINT"));
        if (endpoint == null || endpoint.isBlank()) {
            return EnsClientConfig.defaults();
        }
        return EnsClientConfig.defaults().withEndpoint(endpoint.trim(), Boolean.getBoolean("enscope.endpoint.insecure")
                ? EnsClientConfig.Protocol.HTTP : EnsClientConfig.Protocol.HTTPS);
    }

    private ProfileConnectionFactory profileConnections() {
        // ENS and STS take the proxy of the settings in effect when the connection opens.
        ProxySettings proxy = settings.proxy();
        PacingSettings pacing = settings.pacing(settings.parallelism());
        return new ProfileConnectionFactory(credentials.get(), cloudConfig().withProxy(proxy).withPacing(pacing),
                new SdkStsClient(Optional.empty(), ProtocolType.HTTPS, java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(10), proxy), Clock.systemUTC(),
                () -> sandboxApi(sandbox.get(), pacing));
    }

    private static String activityKey(ConnectionChoice choice) {
        return choice.isSandbox() ? "sandbox" : choice.toSetting().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void attach(Workspace workspace) {
        mainViewModel.attach(workspace);
        installViews(workspace);
        workspace.startLiveRefresh();
        workspace.loadRegions(settings.lastRegions());
    }

    /** Puts the explorer and the activities views of this workspace into the main window. */
    private void installViews(Workspace workspace) {
        ViewLoader loader = new ViewLoader(i18n, type -> {
            throw new IllegalStateException("no controller for " + type);
        });
        views.install(loader, workspace, dialogs, mainViewModel, mainView, viewDisposers);
    }

    private void disposeViews() {
        viewDisposers.forEach(Runnable::run);
        viewDisposers.clear();
    }

    private void saveRegions() {
        Workspace ws = session == null ? null : session.workspace();
        if (ws == null) {
            return;
        }
        Settings updated = settings.withConnection(settings.lastConnection(), List.copyOf(ws.selectedRegions()));
        saveSettings(updated);
    }

    private void saveSettings(Settings updated) {
        settings = updated;
        try {
            settingsStore.save(updated);
        } catch (IOException e) {
            LOG.warn("could not save the settings to {}", settingsStore.file(), e);
        }
    }

    /** The connected workspace, or null while connecting (benchmarks and tools drive the real console). */
    public Workspace workspace() {
        Session s = session;
        return s == null ? null : s.workspace();
    }

    @Override
    public void stop() {
        Session s = session;
        session = null;
        if (s != null) {
            s.close();
        }
        try {
            sandbox.close();
        } catch (Exception e) {
            LOG.warn("stopping the sandbox failed", e);
        }
        if (tasks != null) {
            tasks.shutdown();
        }
        if (osLocale != null) {
            Locale.setDefault(osLocale);
        }
    }

    // ---- menus -----------------------------------------------------------------------------

    private final class MenuActions implements MainView.Actions {
        @Override
        public void connect() {
            ConnectViewModel vm = new ConnectViewModel(() -> credentials.get().listProfiles(),
                    profileConnections(), tasks, i18n, ConnectionChoice.fromSetting(settings.lastConnection()),
                    e -> dialogs.showError(null, e));
            ConnectView view = new ConnectView(vm);
            new ViewLoader(i18n, type -> view).load(ConnectView.class, view);
            view.showAndWait(stage).ifPresent(choice -> {
                saveSettings(settings.withConnection(choice.toSetting(), settings.lastRegions()));
                App.this.connect(choice);
            });
        }

        @Override
        public void settings() {
            SettingsViewModel vm = new SettingsViewModel(settings, settingsStore, tasks, i18n,
                    e -> dialogs.showError(null, e));
            SettingsView view = new SettingsView(vm);
            new ViewLoader(i18n, type -> view).load(SettingsView.class, view);
            view.showAndWait(stage).ifPresent(saved -> {
                settings = saved;
                // Raised rate limits count from the next call, without reconnecting.
                Session current = session;
                if (current != null && current.api() instanceof SdkEnsApi sdk) {
                    sdk.repace(saved.pacing(saved.parallelism()));
                }
                Theme.parse(saved.theme()).apply();
                mainView.selectTheme(Theme.parse(saved.theme()));
                // A language chosen here applies at once, as from the View menu.
                language(Language.resolve(saved.language(), Locale.getDefault()).locale());
            });
        }

        @Override
        public void exportCsv() {
            views.exportCsv(stage, i18n, tasks, dialogs);
        }

        @Override
        public void language(Locale locale) {
            if (locale.getLanguage().equals(i18n.locale().getLanguage())) {
                return;
            }
            saveSettings(settings.withLanguage(Language.of(locale).code()));
            useLanguage(locale);
            disposeViews();
            Workspace ws = session == null ? null : session.workspace();
            if (ws != null) {
                mainViewModel.detach();
            }
            stage.titleProperty().unbind();
            buildWindow();
            if (ws != null) {
                ws.setI18n(i18n);
                mainViewModel.attach(ws);
                installViews(ws);
            }
        }

        @Override
        public void theme(Theme theme) {
            theme.apply();
            saveSettings(settings.withTheme(theme.name()));
        }

        @Override
        public void about() {
            Alert about = new Alert(Alert.AlertType.INFORMATION, i18n.get("main.about.text", Main.version()),
                    Alerts.ok(i18n));
            about.initOwner(stage);
            about.setHeaderText(i18n.get("app.title"));
            about.setTitle(i18n.plain("main.menu.about"));
            ModalStages.keepOnScreen(about);
            about.show();
        }

        @Override
        public void openLogs() {
            getHostServices().showDocument(AppDirectories.logDirectory().toUri().toString());
        }

        @Override
        public void quit() {
            if (!mainViewModel.confirmQuit()) {
                return;
            }
            saveRegions();
            saveWindowState();
            Platform.exit();
        }
    }

    // ---- dialogs for the ViewModels --------------------------------------------------------

    private final class AppDialogs implements Dialogs {
        @Override
        public boolean confirm(String title, String message, String action) {
            return Alerts.confirmed(Alerts.confirmation(stage, i18n, title, message, action));
        }

        @Override
        public void openBind(HaVip haVip) {
            Workspace ws = session == null ? null : session.workspace();
            if (ws != null) {
                views.openBind(stage, ws, haVip, this);
            }
        }

        @Override
        public void openCreateHaVip(String vSwitchId) {
            Workspace ws = session == null ? null : session.workspace();
            if (ws != null) {
                views.openCreateHaVip(stage, ws, vSwitchId, this);
            }
        }

        @Override
        public void showError(String context, Throwable error) {
            new ErrorDialog(i18n, Redactor::redact).show(stage, context, error);
        }

        @Override
        public void notify(String title, String text, Tone tone) {
            if (toasts != null) {
                toasts.show(title, text, tone);
            }
        }

        @Override
        public void copy(String text) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
