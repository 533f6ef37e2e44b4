package io.enscope.ui.main;

import io.enscope.binding.ActivityLog;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.JobEngine;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.UnsupportedEnsApi;
import io.enscope.inventory.InventoryLoader;
import io.enscope.ui.common.ConnectionTarget;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window's state: which cloud the console touches, and the regions chosen. */
class MainViewModelTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void aProfileOnThePublicEndpointShowsItsNameOnly() throws Exception {
        MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), new RecordingDialogs());
        vm.attach(workspace("prod", ConnectionTarget.profile(Optional.of("prod"), EnsClientConfig.defaults())));
        assertThat(vm.connectionProperty().get()).isEqualTo("prod");
        assertThat(vm.connectionToneProperty().get()).isEqualTo(Tone.NEUTRAL);
    }

    @Test
    void aCustomEndpointIsShownAndPlainHttpWarns() throws Exception {
        MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), new RecordingDialogs());
        vm.attach(workspace("staging", ConnectionTarget.profile(Optional.of("staging"), EnsClientConfig.defaults()
                .withEndpoint("ens.example.com", EnsClientConfig.Protocol.HTTPS))));
        assertThat(vm.connectionProperty().get()).isEqualTo("staging \u00b7 ens.example.com");
        assertThat(vm.connectionToneProperty().get()).isEqualTo(Tone.NEUTRAL);

        vm.detach();
        assertThat(vm.connectionProperty().get()).isEqualTo("Connecting\u2026");
        vm.attach(workspace("emu", ConnectionTarget.profile(Optional.of("emu"),
                EnsClientConfig.local("127.0.0.1:8080"))));
        assertThat(vm.connectionProperty().get()).isEqualTo("emu \u00b7 127.0.0.1:8080 \u00b7 plain HTTP, not encrypted");
        assertThat(vm.connectionToneProperty().get()).isEqualTo(Tone.WARNING);
    }

    @Test
    void theSandboxShowsItsEndpointInTheWarningTone() throws Exception {
        MainViewModel vm = new MainViewModel(new I18n(I18n.CHINESE), new RecordingDialogs());
        vm.attach(workspace("沙箱", ConnectionTarget.sandbox("127.0.0.1:9180")));
        assertThat(vm.connectionProperty().get()).isEqualTo("沙箱 \u00b7 127.0.0.1:9180");
        assertThat(vm.connectionToneProperty().get()).isEqualTo(Tone.WARNING);
    }

    @Test
    void severalChosenRegionsAreCounted() throws Exception {
        MainViewModel en = new MainViewModel(new I18n(Locale.ENGLISH), new RecordingDialogs());
        Workspace ws = workspace("prod", ConnectionTarget.profile(Optional.of("prod"), EnsClientConfig.defaults()));
        en.attach(ws);
        ws.selectedRegions().setAll("cn-hangzhou-telecom");
        assertThat(en.regionSummaryProperty().get()).isEmpty();
        ws.selectedRegions().setAll("cn-hangzhou-telecom", "cn-shanghai-unicom", "cn-beijing-cmcc");
        assertThat(en.regionSummaryProperty().get()).isEqualTo("3 regions");

        MainViewModel zh = new MainViewModel(new I18n(I18n.CHINESE), new RecordingDialogs());
        zh.attach(ws);
        assertThat(zh.regionSummaryProperty().get()).isEqualTo("3 个节点");
    }

    @Test
    void aFailedProfileSaysTheConsoleFellBackToTheSandbox() {
        RecordingDialogs dialogs = new RecordingDialogs();
        new MainViewModel(new I18n(Locale.ENGLISH), dialogs).connectionFailed(Optional.of("prod"),
                "The access key was refused.");
        new MainViewModel(new I18n(I18n.CHINESE), dialogs).connectionFailed(Optional.of("prod"),
                "The access key was refused.");
        assertThat(dialogs.notifications).containsExactly(
                "Connect: Could not connect with prod: The access key was refused. The console is on the sandbox"
                        + " instead; use File > Connect to try again.",
                "连接: 无法使用 prod 连接：The access key was refused. 控制台已改为连接沙箱；可通过“文件 > 连接”重试。");
    }

    private Workspace workspace(String label, ConnectionTarget target) throws Exception {
        EnsApi api = new UnsupportedEnsApi() {
        };
        JobEngine jobs = JobEngine.builder(api).build();
        ActivityLog activity = ActivityLog.open(dir.resolve("activity-" + toClose.size()));
        Workspace ws = new Workspace(new Workspace.Services(label, target, Optional.empty(), api,
                new InventoryLoader(api), jobs, activity, new EligibilityEngine()), new SynchronousTaskRunner(),
                new DirectUiThread(), new I18n(Locale.ENGLISH), 0);
        toClose.add(activity);
        toClose.add(jobs::shutdown);
        toClose.add(ws);
        return ws;
    }
}
