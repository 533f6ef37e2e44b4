package io.enscope.ui.havip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.ens.model.HaVip;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.RouteTable;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes section of the HaVip detail on the real sandbox (demo scenario), synchronously. */
class HaVipDetailRoutesTest {
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private HaVipDetailViewModel vm;

    @BeforeEach
    void start() {
        sandbox = TestWorkspaces.start(dir, new SynchronousTaskRunner(), new DirectUiThread());
        workspace = sandbox.workspace();
        vm = new HaVipDetailViewModel(workspace, new RecordingDialogs());
        vm.activate();
        reloadAndAwaitRoutes();
    }

    /** A load as the console makes it: the inventory, then the route entries. */
    private void reloadAndAwaitRoutes() {
        workspace.reload();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            RouteTable.State state = workspace.routesProperty().get().state();
            return !workspace.loadingProperty().get()
                    && (state == RouteTable.State.LOADED || state == RouteTable.State.FAILED);
        });
    }

    @AfterEach
    void stop() {
        vm.deactivate();
        sandbox.close();
    }

    private HaVip show(String name) {
        HaVip haVip = Demo.haVip(workspace.inventory(), name);
        vm.haVipIdProperty().set(haVip.id());
        return haVip;
    }

    @Test
    void listsTheRouteEntriesWhoseNextHopIsTheHaVip() {
        assertThat(workspace.routesProperty().get().state()).isEqualTo(RouteTable.State.LOADED);
        show("vip-lb-hz");
        assertThat(vm.routes()).singleElement().satisfies(row -> {
            assertThat(row.destination()).isEqualTo("172.16.0.0/16");
            assertThat(row.label()).startsWith("to-idc-hz (rte-");
            assertThat(row.tableId()).startsWith("vtb-");
            assertThat(row.status()).isEqualTo("Available");
            assertThat(row.created()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        });
        assertThat(vm.routesMessageProperty().get()).isEmpty();

        show("vip-db-hz");
        assertThat(vm.routes()).extracting(RouteRow::destination).containsExactly("10.99.0.0/24");
    }

    @Test
    void aHaVipWithoutRoutesSaysSo() {
        show("vip-web-hz");
        assertThat(vm.routes()).isEmpty();
        assertThat(vm.routesMessageProperty().get()).isEqualTo("No route entry has this HaVip as its next hop.");
    }

    @Test
    void aFailedReadIsShownInTheSectionAndTheRestOfTheDetailStays() {
        // More failures than the gateway's retries: the read fails for good.
        sandbox.sandbox().emulator().faults().add(FaultRule.next("DescribeEnsRouteEntryList", FaultKind.SYSTEM_ERROR,
                50));
        reloadAndAwaitRoutes();
        assertThat(workspace.routesProperty().get().state()).isEqualTo(RouteTable.State.FAILED);
        HaVip lb = show("vip-lb-hz");
        assertThat(vm.presentProperty().get()).isTrue();
        assertThat(vm.associations()).hasSize(lb.associations().size()).isNotEmpty();
        assertThat(vm.routes()).isEmpty();
        assertThat(vm.routesMessageProperty().get())
                .startsWith("The route entries could not be read: ")
                .contains("system error");

        sandbox.sandbox().emulator().faults().clear();
        reloadAndAwaitRoutes();
        assertThat(vm.routes()).hasSize(1);
        assertThat(vm.routesMessageProperty().get()).isEmpty();
    }
}
