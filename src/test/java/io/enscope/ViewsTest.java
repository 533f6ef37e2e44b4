package io.enscope;

import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.RecordingDialogs;
import io.enscope.ui.main.MainView;
import io.enscope.ui.main.MainViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the composition root puts a workspace's views into the main window, headless on Monocle: the
 * explorer's nodes are made in one FX turn and join the window after the next pulse, so that its
 * FXML and the pulse that styles it are not one stall.
 */
class ViewsTest {
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Runnable> disposers = new ArrayList<>();
    private MainViewModel mainViewModel;
    private MainView mainView;
    private Scene scene;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestWorkspaces.onFx(dir);
        workspace = sandbox.workspace();
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            mainViewModel = new MainViewModel(workspace.i18n(), dialogs);
            mainView = new MainView(mainViewModel, new NoActions(), workspace.i18n());
            new ViewLoader(workspace.i18n(), type -> {
                throw new IllegalStateException("unexpected controller " + type);
            }).load(MainView.class, mainView);
            scene = new Scene(mainView.root(), 1200, 760);
            Theme.style(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            mainViewModel.attach(workspace);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> disposers.forEach(Runnable::run));
        FxToolkit.cleanupStages();
        sandbox.close();
    }

    private ViewLoader loader() {
        return new ViewLoader(workspace.i18n(), type -> {
            throw new IllegalStateException("unexpected controller " + type);
        });
    }

    @Test
    void theExplorerJoinsTheWindowAfterThePulseThatFollowsItsLoading() throws Exception {
        AtomicBoolean inWindowAtOnce = new AtomicBoolean(true);
        AtomicInteger pulsesBefore = new AtomicInteger();
        AtomicBoolean built = new AtomicBoolean();
        FxToolkit.setupFixture(() -> {
            scene.addPostLayoutPulseListener(() -> {
                if (scene.lookup("#tree") == null) {
                    pulsesBefore.incrementAndGet();
                }
            });
            new Views().install(loader(), workspace, dialogs, mainViewModel, mainView, disposers,
                    () -> built.set(true));
            inWindowAtOnce.set(scene.lookup("#tree") != null);
        });

        await().atMost(Duration.ofSeconds(10)).until(built::get);
        assertThat(inWindowAtOnce).as("the explorer in the window in the turn that loaded it").isFalse();
        assertThat(pulsesBefore).as("pulses before the explorer joined").hasPositiveValue();
        FxToolkit.setupFixture(() -> {
            assertThat(scene.lookup("#tree")).isNotNull();
            assertThat(scene.lookup("#activitySlot .table-view")).as("the activities, built last").isNotNull();
        });
    }

    @Test
    void viewsDisposedBeforeTheExplorerJoinedNeverPutItInTheWindow() throws Exception {
        AtomicInteger pulsesAfter = new AtomicInteger();
        FxToolkit.setupFixture(() -> {
            new Views().install(loader(), workspace, dialogs, mainViewModel, mainView, disposers, () -> { });
            disposers.forEach(Runnable::run);
            disposers.clear();
            scene.addPostLayoutPulseListener(pulsesAfter::incrementAndGet);
        });

        // a few pulses later, it is still not there (requestNextPulse: Monocle pulses only when asked)
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            FxToolkit.setupFixture(Platform::requestNextPulse);
            return pulsesAfter.get() >= 3;
        });
        FxToolkit.setupFixture(() -> assertThat(scene.lookup("#tree")).isNull());
    }

    /** The menu actions: none of them is used here. */
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
