package io.enscope;

import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.Toasts;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.RecordingDialogs;
import io.enscope.ui.main.MainView;
import io.enscope.ui.main.MainViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The main window as the composition root builds it (main view, explorer, HaVip detail, activities,
 * notification layer), headless on Monocle: notifications cover no control, and column widths and
 * dividers are kept between starts. The whole console at every size: {@link WindowLayoutJourneyTest}.
 */
class MainWindowLayoutTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Runnable> disposers = new ArrayList<>();
    private MainViewModel mainViewModel;
    private MainView mainView;
    private Stage stage;
    private Toasts toasts;
    private Views views = new Views();

    @BeforeEach
    void start() throws Exception {
        sandbox = TestWorkspaces.onFx(dir);
        workspace = sandbox.workspace();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> disposers.forEach(Runnable::run));
        FxToolkit.cleanupStages();
        sandbox.close();
    }

    private void showWindow(int width, int height) throws Exception {
        AtomicBoolean built = new AtomicBoolean();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            mainViewModel = new MainViewModel(workspace.i18n(), dialogs);
            mainView = new MainView(mainViewModel, new NoActions(), workspace.i18n());
            ViewLoader loader = new ViewLoader(workspace.i18n(), type -> {
                throw new IllegalStateException("unexpected controller " + type);
            });
            loader.load(MainView.class, mainView);
            toasts = new Toasts();
            Scene scene = new Scene(new StackPane(mainView.root(), toasts.layer()), width, height);
            Theme.style(scene);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            mainViewModel.attach(workspace);
            views.install(loader, workspace, dialogs, mainViewModel, mainView, disposers);
            built.set(true);
        });
        await().atMost(PATIENCE).until(built::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 800", "1024, 700"})
    void notificationsCoverNoControl(int width, int height) throws Exception {
        for (DemoScenario.Showcase showcase : DemoScenario.showcases().subList(3, 6)) {
            workspace.jobs().submitBind(showcase.haVipId(), showcase.targetId(),
                    InstanceType.fromWire(showcase.instanceType()));
        }
        showWindow(width, height);
        FxToolkit.setupFixture(() -> table("#haVipTable").getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupFixture(() -> {
            for (int i = 0; i < 3; i++) {
                toasts.show("HaVip bound", "HaVip havip-0123456789abcdefghij bound to i-0123456789abcdefghij",
                        io.enscope.ui.common.Tone.SUCCESS);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<String> covered = fx(() -> {
            List<Bounds> shown = toasts.layer().getChildren().stream().map(n -> n.localToScene(n.getLayoutBounds()))
                    .toList();
            List<String> hits = new ArrayList<>();
            List<Node> controls = new ArrayList<>();
            // one selector at a time: Node.lookupAll takes no selector groups
            for (String selector : List.of(".button", ".toggle-button", ".scroll-bar", ".text-field",
                    ".combo-box-base", ".check-combo-box", ".tab")) {
                controls.addAll(mainView.root().lookupAll(selector));
            }
            for (Node control : controls) {
                Bounds bounds = control.localToScene(control.getLayoutBounds());
                if (showing(control) && bounds.getWidth() > 0 && shown.stream().anyMatch(bounds::intersects)) {
                    hits.add(control.getTypeSelector() + "#" + control.getId() + " " + bounds);
                }
            }
            return hits;
        });
        assertThat(fx(() -> toasts.layer().getChildren().stream().map(n -> n.localToScene(n.getLayoutBounds()))
                .toList())).as("notifications shown, and laid out").isNotEmpty()
                .allSatisfy(bounds -> assertThat(bounds.getHeight()).isPositive());
        assertThat(covered).as("controls under a notification").isEmpty();
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table(String selector) {
        return (TableView<Object>) stage.getScene().lookup(selector);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** The menu actions: none of them is used here. */
    @org.junit.jupiter.api.Test
    void columnWidthsAndDividersAreSavedWithTheWindowStateAndRestoredInNewViews() throws Exception {
        showWindow(1280, 800);
        FxToolkit.setupFixture(() -> {
            column("#haVipTable", "haVipIpColumn").setPrefWidth(177);
            column("#activitySlot .table-view", "errorColumn").setPrefWidth(333);
            ((javafx.scene.control.SplitPane) stage.getScene().lookup("#mainSplit")).setDividerPositions(0.31);
            ((javafx.scene.control.SplitPane) stage.getScene().lookup("#detailSplit")).setDividerPositions(0.47);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("window.properties");
        new io.enscope.ui.main.WindowState(0, 0, 1280, 800, false, 0.6).withColumns(fx(views::columnWidths))
                .withDividers(fx(views::dividers)).save(file);

        io.enscope.ui.main.WindowState loaded = io.enscope.ui.main.WindowState.load(file);
        FxToolkit.setupFixture(() -> {
            disposers.forEach(Runnable::run);
            disposers.clear();
            views = new Views();
            views.restoreColumnWidths(loaded.columns());
            views.restoreDividers(loaded.dividers());
            ViewLoader loader = new ViewLoader(workspace.i18n(), type -> {
                throw new IllegalStateException("unexpected controller " + type);
            });
            views.install(loader, workspace, dialogs, mainViewModel, mainView, disposers);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> column("#haVipTable", "haVipIpColumn").getWidth())).isEqualTo(177);
        assertThat(fx(() -> column("#activitySlot .table-view", "errorColumn").getWidth())).isEqualTo(333);
        assertThat(fx(() -> ((javafx.scene.control.SplitPane) stage.getScene().lookup("#mainSplit"))
                .getDividerPositions()[0])).isCloseTo(0.31, org.assertj.core.data.Offset.offset(0.01));
        assertThat(fx(() -> ((javafx.scene.control.SplitPane) stage.getScene().lookup("#detailSplit"))
                .getDividerPositions()[0])).isCloseTo(0.47, org.assertj.core.data.Offset.offset(0.01));
    }

    private javafx.scene.control.TableColumn<?, ?> column(String table, String id) {
        return table(table).getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + id + " in " + table));
    }

    private static final class NoActions implements MainView.Actions {
        @Override
        public void connect() {
        }

        @Override
        public void settings() {
        }

        @Override
        public void exportCsv() {
        }

        @Override
        public void language(Locale locale) {
        }

        @Override
        public void theme(Theme theme) {
        }

        @Override
        public void about() {
        }

        @Override
        public void openLogs() {
        }

        @Override
        public void quit() {
        }
    }
}
