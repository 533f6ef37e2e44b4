package io.enscope;

import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.credentials.CredentialChain;
import io.enscope.ens.model.Region;
import io.enscope.ui.connect.ConnectionRow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole console switching connections, sandbox to profile to another profile and back, the
 * profiles of a temporary config.json signing for a standalone emulator reached over plain HTTP:
 * no error dialog, and the toolbar tells which cloud is touched.
 */
class ConnectionSwitchJourneyTest {
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private Sandbox standalone;
    /** A second cloud that has one region only, for the profile beta. */
    private Sandbox oneRegion;
    private String oneRegionId;

    @BeforeEach
    void start() throws Exception {
        standalone = Sandbox.start();
        Scenario demo = DemoScenario.create();
        oneRegionId = demo.regions().get(demo.regions().size() - 1).ensRegionId();
        oneRegion = Sandbox.start(onlyRegion(demo, oneRegionId));
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun").resolve("config.json"), """
                {"current":"alpha","profiles":[
                {"name":"alpha","mode":"AK","access_key_id":"%1$s","access_key_secret":"%2$s","region_id":"cn-hangzhou"},
                {"name":"beta","mode":"AK","access_key_id":"%3$s","access_key_secret":"%4$s","region_id":"cn-hangzhou"}
                ]}""".formatted(standalone.adminAccount().accessKeyId(), standalone.adminAccount().accessKeySecret(),
                oneRegion.adminAccount().accessKeyId(), oneRegion.adminAccount().accessKeySecret()));
        App.credentials = () -> new CredentialChain(Map.of(), home);
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        System.setProperty("enscope.endpoint.insecure", "true");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        awaitLoaded("Sandbox");
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        App.credentials = CredentialChain::fromSystem;
        System.clearProperty("enscope.endpoint");
        System.clearProperty("enscope.endpoint.insecure");
        standalone.close();
        oneRegion.close();
    }

    @Test
    void switchingInEveryDirectionRaisesNoErrorAndShowsWhichCloudAndItsRegions() {
        List<String> demoRegions = DemoScenario.create().regions().stream().map(Scenario.RegionRec::ensRegionId)
                .toList();
        assertThat(demoRegions).hasSizeGreaterThan(1);
        assertRegions(demoRegions);
        connectTo("alpha", standalone);
        awaitLoaded("alpha \u00b7 " + standalone.endpoint() + " \u00b7 plain HTTP, not encrypted");
        assertRegions(demoRegions);
        connectTo(null, null);
        awaitLoaded("Sandbox \u00b7 ");
        assertRegions(demoRegions);
        connectTo("beta", oneRegion);
        awaitLoaded("beta \u00b7 " + oneRegion.endpoint() + " \u00b7 plain HTTP, not encrypted");
        assertRegions(List.of(oneRegionId));
        connectTo("alpha", standalone);
        awaitLoaded("alpha \u00b7 " + standalone.endpoint());
        assertRegions(demoRegions);
        connectTo("beta", oneRegion);
        awaitLoaded("beta \u00b7 " + oneRegion.endpoint());
        assertRegions(List.of(oneRegionId));
        connectTo(null, null);
        awaitLoaded("Sandbox \u00b7 ");
        assertRegions(demoRegions);
    }

    /** The region picker lists the regions of the cloud connected to, and checks regions among them. */
    @SuppressWarnings("unchecked")
    private void assertRegions(List<String> expected) {
        await().atMost(UI_TIMEOUT).untilAsserted(() -> {
            org.controlsfx.control.CheckComboBox<Region> picker = robot.lookup("#regionPicker")
                    .queryAs(org.controlsfx.control.CheckComboBox.class);
            List<String> listed = WaitForAsyncUtils.asyncFx(() -> picker.getItems().stream().map(Region::id).toList())
                    .get();
            List<String> checked = WaitForAsyncUtils.asyncFx(() -> picker.getCheckModel().getCheckedItems().stream()
                    .map(Region::id).toList()).get();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(checked).isNotEmpty().isSubsetOf(expected);
        });
    }

    /** The demo scenario cut down to one region. */
    private static Scenario onlyRegion(Scenario demo, String regionId) {
        return new Scenario(
                demo.regions().stream().filter(r -> r.ensRegionId().equals(regionId)).toList(),
                demo.networks().stream().filter(n -> n.ensRegionId().equals(regionId)).toList(),
                demo.vSwitches().stream().filter(v -> v.ensRegionId().equals(regionId)).toList(),
                demo.instances().stream().filter(i -> i.ensRegionId().equals(regionId)).toList(),
                demo.networkInterfaces().stream().filter(e -> e.ensRegionId().equals(regionId)).toList(),
                demo.haVips().stream().filter(h -> h.ensRegionId().equals(regionId)).toList());
    }

    /**
     * File > Connect…, picks the profile (null: the sandbox) and connects; a profile reaches the
     * given emulator, as the endpoint is read when a connection opens.
     */
    @SuppressWarnings("unchecked")
    private void connectTo(String profile, Sandbox cloud) {
        if (cloud != null) {
            System.setProperty("enscope.endpoint", cloud.endpoint());
        }
        MenuBar bar = robot.from(mainStage().orElseThrow().getScene().getRoot()).lookup(".menu-bar")
                .queryAs(MenuBar.class);
        MenuItem connect = bar.getMenus().get(0).getItems().get(0);
        // The dialog runs a nested event loop: fired later, not waited for.
        Platform.runLater(connect::fire);
        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#choiceList").tryQuery().isPresent()
                && !robot.lookup("#choiceList").queryAs(ListView.class).getItems().isEmpty());
        ListView<ConnectionRow> list = robot.lookup("#choiceList").queryAs(ListView.class);
        await().atMost(UI_TIMEOUT).until(() -> list.getItems().stream().anyMatch(r -> matches(r, profile)));
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> matches(r, profile)).findFirst().orElseThrow()));
        robot.clickOn(robot.lookup("#connectButton").queryAs(Button.class));
        await().atMost(UI_TIMEOUT).until(() -> robot.lookup("#choiceList").tryQuery().isEmpty());
    }

    private static boolean matches(ConnectionRow row, String profile) {
        return profile == null ? row.isSandbox()
                : row.choice().profileRef().map(r -> r.name().equals(profile)).orElse(false);
    }

    private void awaitLoaded(String connection) {
        await().atMost(UI_TIMEOUT).untilAsserted(() -> {
            assertThat(mainStage()).isPresent();
            assertThat(robot.lookup("#activitySlot").tryQueryAs(StackPane.class)
                    .map(slot -> !slot.getChildren().isEmpty())).contains(true);
            assertThat(text("#connectionLabel")).startsWith(connection);
            assertThat(text("#statusText")).contains("instances");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Stage main = mainStage().orElseThrow();
        List<Window> others = Window.getWindows().stream().filter(w -> w.isShowing() && w != main).toList();
        assertThat(others).as("no error dialog").isEmpty();
        assertThat(robot.lookup("#regionPicker").tryQuery()).isPresent();
    }

    private String text(String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private Optional<Stage> mainStage() {
        return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Enscope")).map(w -> (Stage) w).findFirst();
    }
}
