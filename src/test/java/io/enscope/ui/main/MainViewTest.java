package io.enscope.ui.main;

import io.enscope.binding.ActivityLog;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.JobEngine;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.UnsupportedEnsApi;
import io.enscope.ens.model.Region;
import io.enscope.inventory.InventoryLoader;
import io.enscope.ui.common.ConnectionTarget;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.StatusPill;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.UiThread;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.RecordingDialogs;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's frame, headless on Monocle, as connections come and go. */
class MainViewTest {
    private static final Region HANGZHOU = new Region("cn-hangzhou-telecom", "杭州电信", "Hangzhou Telecom", "", "");
    private static final Region SHANGHAI = new Region("cn-shanghai-unicom", "上海联通", "Shanghai Unicom", "", "");
    private static final Region BEIJING = new Region("cn-beijing-cmcc", "北京移动", "Beijing Mobile", "", "");
    private static final Region TOKYO = new Region("jp-tokyo", "东京", "Tokyo", "", "");

    private final FxRobot robot = new FxRobot();
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @TempDir
    Path dir;

    private MainViewModel viewModel;
    private Workspace attached;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        I18n i18n = new I18n(Locale.ENGLISH);
        viewModel = new MainViewModel(i18n, dialogs);
        MainView view = new MainView(viewModel, null, i18n);
        FxToolkit.setupFixture(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> fxErrors.add(e));
            Theme.LIGHT.apply();
            Stage stage = new Stage();
            stage.setScene(new Scene(new ViewLoader(i18n, type -> view).load(MainView.class, view).root(), 1280,
                    800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
        FxToolkit.cleanupStages();
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void switchingBetweenConnectionsWithOtherRegionsRaisesNothingAndChecksTheChosenRegions() throws Exception {
        connect(List.of(HANGZHOU, SHANGHAI, BEIJING), List.of(SHANGHAI, BEIJING));
        assertChecked(SHANGHAI, BEIJING);

        connect(List.of(TOKYO), List.of(TOKYO));
        assertChecked(TOKYO);

        connect(List.of(HANGZHOU, SHANGHAI, BEIJING, TOKYO), List.of(HANGZHOU));
        assertChecked(HANGZHOU);

        connect(List.of(BEIJING, HANGZHOU), List.of(BEIJING, HANGZHOU));
        assertChecked(BEIJING, HANGZHOU);

        connect(List.of(TOKYO), List.of(TOKYO));
        assertChecked(TOKYO);
        assertThat(fxErrors).isEmpty();
    }

    @Test
    void theToolbarShowsWhichCloudAndHowManyRegions() throws Exception {
        connect(List.of(HANGZHOU, SHANGHAI, BEIJING), List.of(HANGZHOU, SHANGHAI, BEIJING),
                ConnectionTarget.profile(Optional.of("Test"), EnsClientConfig.local("127.0.0.1:8080")));
        Label indicator = robot.lookup("#connectionLabel").queryAs(Label.class);
        assertThat(indicator.getText()).isEqualTo("Test \u00b7 127.0.0.1:8080 \u00b7 plain HTTP, not encrypted");
        assertThat(indicator.isVisible()).isTrue();
        assertThat(indicator.getPseudoClassStates()).contains(StatusPill.pseudoClass(Tone.WARNING));
        assertThat(pickerText()).isEqualTo("3 regions");

        connect(List.of(HANGZHOU, SHANGHAI), List.of(SHANGHAI));
        assertThat(indicator.getText()).isEqualTo("Test");
        assertThat(indicator.getPseudoClassStates()).doesNotContain(StatusPill.pseudoClass(Tone.WARNING))
                .contains(StatusPill.pseudoClass(Tone.NEUTRAL));
        assertThat(pickerText())
                .isEqualTo("Shanghai Unicom (cn-shanghai-unicom)");
        assertThat(fxErrors).isEmpty();
    }

    /** The text the region picker shows when closed: its button cell's (not a cell of its list). */
    private String pickerText() {
        return robot.from(robot.lookup("#regionPicker").<javafx.scene.Node>query()).lookup(".list-cell")
                .match(n -> !n.getStyleClass().contains("check-box-list-cell")).queryAs(ListCell.class).getText();
    }

    /** What the composition root does on a reconnect: detach, then attach a workspace that lists its regions. */
    private void connect(List<Region> regions, List<Region> chosen) throws Exception {
        connect(regions, chosen, ConnectionTarget.profile(Optional.of("Test"), EnsClientConfig.defaults()));
    }

    private void connect(List<Region> regions, List<Region> chosen, ConnectionTarget target) throws Exception {
        Workspace ws = workspace(target);
        robot.interact(() -> {
            viewModel.detach();
            viewModel.attach(ws);
            ws.regions().setAll(regions);
            ws.selectedRegions().setAll(chosen.stream().map(Region::id).toList());
        });
        attached = ws;
    }

    @SuppressWarnings("unchecked")
    private void assertChecked(Region... regions) {
        CheckComboBox<Region> picker = robot.lookup("#regionPicker").queryAs(CheckComboBox.class);
        assertThat(picker.getItems()).containsExactlyElementsOf(attached.regions());
        assertThat(picker.getCheckModel().getCheckedItems()).containsExactlyInAnyOrder(regions);
        assertThat(fxErrors).isEmpty();
    }

    private Workspace workspace(ConnectionTarget target) throws Exception {
        EnsApi api = new UnsupportedEnsApi() {
        };
        JobEngine jobs = JobEngine.builder(api).build();
        ActivityLog activity = ActivityLog.open(dir.resolve("activity-" + toClose.size()));
        Workspace ws = new Workspace(new Workspace.Services("Test", target, Optional.empty(), api, new InventoryLoader(api),
                jobs, activity, new EligibilityEngine()), new SynchronousTaskRunner(), UiThread.fx(),
                new I18n(Locale.ENGLISH), 0);
        toClose.add(activity);
        toClose.add(jobs::shutdown);
        toClose.add(ws);
        return ws;
    }
}
