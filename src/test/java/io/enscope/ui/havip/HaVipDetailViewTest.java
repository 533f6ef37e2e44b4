package io.enscope.ui.havip;

import io.enscope.Sandbox;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.SystemEvent;
import io.enscope.inventory.Neighbourhood;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HaVip detail on the sandbox with EIPs on HaVips, headless on Monocle: the EIP tab shows the
 * HaVip's EIP read-only and the events tab an upcoming event of one of its members.
 */
class HaVipDetailViewTest {
    private final FxRobot robot = new FxRobot();
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private HaVipDetailViewModel vm;

    @BeforeEach
    void start() throws Exception {
        System.setProperty(Sandbox.EIP_ON_HAVIP_PROPERTY, "true");
        try {
            sandbox = TestWorkspaces.onFx(dir);
        } finally {
            System.clearProperty(Sandbox.EIP_ON_HAVIP_PROPERTY);
        }
        workspace = sandbox.workspace();
        vm = new HaVipDetailViewModel(workspace, new RecordingDialogs());
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            HaVipDetailView view = new HaVipDetailView(vm);
            Scene scene = new Scene(view.load(workspace.i18n().bundle()), 900, 500);
            Theme.style(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            vm.activate();
            workspace.reload();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Neighbourhood n = workspace.neighbourhood();
            return !workspace.loadingProperty().get() && !n.eips().loading() && !n.events().loading();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(vm::deactivate);
        FxToolkit.cleanupStages();
        sandbox.close();
    }

    @Test
    void theDetailShowsTheEipOfTheHaVipAndAnUpcomingEventOfAMember() throws Exception {
        Neighbourhood around = workspace.neighbourhood();
        HaVip shown = workspace.inventory().haVips().stream()
                .filter(h -> !h.eips().isEmpty())
                .filter(h -> {
                    Set<String> members = h.associations().stream().map(a -> a.instanceId())
                            .collect(Collectors.toSet());
                    return around.eventsOf(members).stream().anyMatch(SystemEvent::isUpcoming);
                })
                .findFirst().orElseThrow(() -> new AssertionError("no HaVip with an EIP and an event in the demo"));
        SystemEvent event = around.eventsOf(shown.associations().stream().map(a -> a.instanceId()).toList()).stream()
                .filter(SystemEvent::isUpcoming).findFirst().orElseThrow();
        FxToolkit.setupFixture(() -> vm.haVipIdProperty().set(shown.id()));

        robot.clickOn("#eipsTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<EipRow> eips = robot.lookup("#eipTable").queryTableView();
        assertThat(eips.isVisible()).isTrue();
        assertThat(eips.getItems()).singleElement().satisfies(row -> {
            assertThat(row.eipId()).isEqualTo(shown.eips().get(0).eipId());
            assertThat(row.address()).isEqualTo(shown.eips().get(0).ipAddress());
            assertThat(row.status()).isEqualTo("In use");
        });
        assertThat(robot.lookup(shown.eips().get(0).ipAddress()).tryQuery()).as("the address is on screen").isPresent();
        assertThat(robot.lookup("#eipProblemLabel").queryLabeled().isVisible()).isFalse();

        robot.clickOn("#eventsTab");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<EventRow> events = robot.lookup("#eventTable").queryTableView();
        assertThat(events.getItems()).anySatisfy(row -> {
            assertThat(row.eventId()).isEqualTo(event.id());
            assertThat(row.instanceId()).isEqualTo(event.resourceId());
        });
        String type = events.getItems().stream().filter(r -> r.eventId().equals(event.id())).findFirst()
                .orElseThrow().type();
        assertThat(type).doesNotContain(":").as("localized, not the wire value");
        assertThat(robot.lookup(type).tryQuery()).as("the event type is on screen").isPresent();
    }
}
