package io.enscope.ui.havip;

import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.model.Eip;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipEip;
import io.enscope.ens.model.SystemEvent;
import io.enscope.inventory.Neighbourhood;
import io.enscope.inventory.Neighbourhood.Section;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The EIP and event sections of the HaVip detail's ViewModel, on the real sandbox and on set data. */
class HaVipDetailNeighbourhoodTest {
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
    }

    @AfterEach
    void stop() {
        vm.deactivate();
        sandbox.close();
    }

    @Test
    void theUpcomingEventsOfTheMembersAreShownOnceRead() {
        workspace.reload();
        await().atMost(Duration.ofSeconds(20)).until(() -> !workspace.neighbourhood().events().loading());
        assertThat(workspace.neighbourhood().events().failed()).as("%s", workspace.neighbourhood().events().error())
                .isFalse();
        assertThat(workspace.neighbourhood().events().items()).as("events read").isNotEmpty();
        SystemEvent redeploy = workspace.neighbourhood().events().items().stream()
                .filter(e -> e.type().equals("Instance:SystemMaintenance.Redeploy")).findFirst().orElseThrow();
        HaVip bound = workspace.inventory().haVips().stream()
                .filter(h -> h.association(redeploy.resourceId()).isPresent()).findFirst().orElseThrow();

        vm.haVipIdProperty().set(bound.id());

        assertThat(vm.eventProblemProperty().get()).isEmpty();
        assertThat(vm.events()).anySatisfy(row -> {
            assertThat(row.instanceId()).isEqualTo(redeploy.resourceId());
            assertThat(row.instanceName()).isNotEmpty();
            assertThat(row.type()).isEqualTo("Redeploy for maintenance");
            assertThat(row.status()).isEqualTo("Scheduled");
            assertThat(row.notBefore()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        });
        assertThat(vm.events()).extracting(EventRow::status).doesNotContain("Executed");
    }

    @Test
    void eipsComeFromTheHaVipAndTheirDetailsFillInOrFailWithAMessage() {
        HaVip shown = withEip(Demo.haVip(workspace.inventory(), "vip-lb-hz"));
        workspace.setNeighbourhood(Neighbourhood.loading());
        vm.haVipIdProperty().set(shown.id());

        assertThat(vm.eips()).singleElement().satisfies(row -> {
            assertThat(row.eipId()).isEqualTo("eip-shown");
            assertThat(row.address()).isEqualTo("47.0.0.9");
            assertThat(row.status()).isEmpty();
        });
        assertThat(vm.eipProblemProperty().get()).isEqualTo("Reading the EIP details\u2026");
        assertThat(vm.eventProblemProperty().get()).isEqualTo("Reading the events of the members\u2026");

        Eip detail = new Eip("eip-shown", "47.0.0.9", "", shown.regionId(), "telecom", "InUse", shown.id(), "HaVip",
                false, 50, Instant.EPOCH);
        workspace.setNeighbourhood(new Neighbourhood(Section.loaded(List.of(detail)), Section.loaded(List.of()),
                Section.loaded(List.of())));
        assertThat(vm.eips()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("In use");
            assertThat(row.bandwidth()).isEqualTo("50 Mbit/s \u00b7 telecom");
        });
        assertThat(vm.eipProblemProperty().get()).isEmpty();
        assertThat(vm.events()).isEmpty();

        EnsException throttled = new EnsException(EnsError.of("ServiceUnavailable",
                "The service is unavailable.", "req-1", 503));
        workspace.setNeighbourhood(new Neighbourhood(Section.failed(throttled), Section.loaded(List.of()),
                Section.failed(throttled)));
        assertThat(vm.eips()).as("the addresses stay").singleElement()
                .satisfies(row -> assertThat(row.address()).isEqualTo("47.0.0.9"));
        assertThat(vm.eipProblemProperty().get()).startsWith("The EIP details could not be read:")
                .endsWith("The addresses come from DescribeHaVips.");
        assertThat(vm.eventProblemProperty().get()).startsWith("The events could not be read:");
        assertThat(vm.presentProperty().get()).as("the HaVip is still shown").isTrue();
    }

    @Test
    void aHaVipWithoutEipsHasNoEipMessage() {
        workspace.setNeighbourhood(Neighbourhood.loading());
        vm.haVipIdProperty().set(Demo.haVip(workspace.inventory(), "vip-lb-hz").id());
        assertThat(vm.eips()).isEmpty();
        assertThat(vm.eipProblemProperty().get()).isEmpty();
    }

    private HaVip withEip(HaVip h) {
        HaVip changed = new HaVip(h.id(), h.name(), h.description(), h.ipAddress(), h.status(), h.rawStatus(),
                h.vSwitchId(), h.networkId(), h.regionId(), h.creationTime(), h.associations(),
                List.of(new HaVipEip("eip-shown", "47.0.0.9")));
        workspace.setInventory(workspace.inventory().withHaVip(changed));
        return changed;
    }
}
