package io.enscope.ui.havip;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobState;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.inventory.Inventory;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HaVip detail's ViewModel on the real sandbox (demo scenario), synchronously. */
class HaVipDetailViewModelTest {
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private HaVipDetailViewModel vm;

    @BeforeEach
    void start() {
        sandbox = TestWorkspaces.start(dir, new SynchronousTaskRunner(), new DirectUiThread());
        workspace = sandbox.workspace();
        vm = new HaVipDetailViewModel(workspace, dialogs);
        vm.activate();
    }

    @AfterEach
    void stop() {
        vm.deactivate();
        sandbox.close();
    }

    private Inventory inventory() {
        return workspace.inventory();
    }

    private HaVip show(String name) {
        HaVip haVip = Demo.haVip(inventory(), name);
        vm.haVipIdProperty().set(haVip.id());
        return haVip;
    }

    private List<BindingJob> unbindJobs(String haVipId) {
        return workspace.jobs().jobs().stream().filter(j -> j.kind() == JobKind.UNBIND && j.haVipId().equals(haVipId))
                .toList();
    }

    @Test
    void showsTheHeaderAndTheBindingsWithTheirTargets() {
        assertThat(vm.presentProperty().get()).isFalse();
        HaVip lb = show("vip-lb-hz");
        assertThat(vm.presentProperty().get()).isTrue();
        assertThat(vm.idProperty().get()).isEqualTo(lb.id());
        assertThat(vm.ipAddressProperty().get()).isEqualTo("10.10.1.100");
        assertThat(vm.getStatus().text()).isEqualTo("In use");
        assertThat(vm.vSwitchProperty().get()).isEqualTo(lb.vSwitchId() + " \u00b7 prod-web-a");
        assertThat(vm.createdProperty().get()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(vm.associations()).extracting(AssociationRow::getTargetName)
                .containsExactlyInAnyOrder("lb-hz-01", "lb-hz-02");
        assertThat(vm.associations()).allSatisfy(row -> {
            assertThat(row.getType()).isEqualTo("Instance");
            assertThat(row.getStatus().text()).isEqualTo("In use");
            assertThat(row.getIpAddress()).startsWith("10.10.1.");
        });
        assertThat(vm.timeline()).isEmpty();
        assertThat(vm.canBindProperty().get()).isTrue();
        assertThat(vm.canUnbindProperty().get()).as("nothing selected").isFalse();

        HaVip app = show("vip-app-hz");
        assertThat(vm.associations()).extracting(AssociationRow::getType).containsOnly("ENI");
        assertThat(vm.associations()).extracting(AssociationRow::getTargetName)
                .containsExactlyInAnyOrder("app-hz-01-eth1", "app-hz-02-eth1");
        assertThat(vm.idProperty().get()).isEqualTo(app.id());
    }

    @Test
    void unbindAsksFirstThenSubmitsAJobWhoseTransitionsFillTheTimeline() {
        HaVip lb = show("vip-lb-hz");
        String target = Demo.instance(inventory(), "lb-hz-01").id();
        assertThat(vm.selectAssociation(target)).isTrue();
        assertThat(vm.canUnbindProperty().get()).isTrue();
        assertThat(vm.unbindCliCommand())
                .isEqualTo("aliyun ens UnassociateHaVip --HaVipId " + lb.id() + " --InstanceId " + target
                        + " --endpoint " + sandbox.sandbox().endpoint() + " --insecure");

        dialogs.confirmAnswer = false;
        vm.unbind();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(dialogs.confirmations.get(0)).contains(lb.id(), target, "lb-hz-01").endsWith("[Unbind]");
        assertThat(unbindJobs(lb.id())).isEmpty();

        dialogs.confirmAnswer = true;
        vm.unbind();
        assertThat(unbindJobs(lb.id())).singleElement().satisfies(job -> assertThat(job.targetId()).isEqualTo(target));
        await().atMost(Duration.ofSeconds(20)).until(() -> unbindJobs(lb.id()).get(0).isFinished());
        assertThat(unbindJobs(lb.id()).get(0).state()).isEqualTo(JobState.SUCCEEDED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(vm.timeline()).isNotEmpty();
            assertThat(vm.timeline().get(0).to().text()).isEqualTo("Succeeded");
            assertThat(vm.associations()).extracting(AssociationRow::getTargetId).doesNotContain(target);
        });
        assertThat(vm.timeline()).allSatisfy(row -> assertThat(row.action()).isEqualTo("Unbind " + target));
        assertThat(vm.timeline()).extracting(TransitionRow::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(dialogs.errors).isEmpty();

        // A fresh detail reads the same history back from the activity log.
        HaVipDetailViewModel again = new HaVipDetailViewModel(workspace, dialogs);
        again.haVipIdProperty().set(lb.id());
        again.activate();
        assertThat(again.timeline()).extracting(TransitionRow::key)
                .containsExactlyElementsOf(vm.timeline().stream().map(TransitionRow::key).toList());
        again.deactivate();
    }

    @Test
    void aBindingThatIsStillChangingCannotBeUnbound() {
        show("vip-db-hz");
        AssociationRow changing = vm.associations().stream()
                .filter(a -> a.getStatus().text().equals("Associating")).findFirst().orElseThrow();
        vm.selectedAssociationProperty().set(changing);
        assertThat(vm.canUnbindProperty().get()).isFalse();
        vm.unbind();
        assertThat(dialogs.confirmations).isEmpty();
        assertThat(vm.canCopyUnbindCommandProperty().get()).isTrue();
    }

    @Test
    void theDeleteConfirmationOfAnUnboundHaVipSaysSoAndItsButtonNamesTheAction() {
        HaVip free = inventory().haVips().stream().filter(h -> h.associations().isEmpty()).findFirst().orElseThrow();
        vm.haVipIdProperty().set(free.id());
        dialogs.confirmAnswer = false;
        vm.delete();
        assertThat(dialogs.confirmations).singleElement().asString().contains(free.id(), "It has no bindings")
                .doesNotContain("bound to", "(s)").endsWith("[Delete HaVip]");
        assertThat(inventory().haVip(free.id())).isPresent();
    }

    @Test
    void deletingABoundHaVipShowsIncorrectHaVipStatusInline() {
        HaVip lb = show("vip-lb-hz");
        assertThat(vm.deleteCliCommand()).isEqualTo("aliyun ens DeleteHaVips --HaVipIds '[\"" + lb.id() + "\"]'"
                + " --endpoint " + sandbox.sandbox().endpoint() + " --insecure");
        vm.delete();
        assertThat(dialogs.confirmations).singleElement().asString().contains(lb.id(), "10.10.1.100")
                .contains("It is still bound to 2 targets", "unbind them first").doesNotContain("(s)")
                .endsWith("[Delete HaVip]");
        assertThat(vm.getErrorCode()).isEqualTo("IncorrectHaVipStatus");
        assertThat(vm.getErrorMessage()).isEqualTo(workspace.i18n().get("ens.error.IncorrectHaVipStatus"));
        assertThat(vm.errorDetailProperty().get()).startsWith("Code: IncorrectHaVipStatus \u00b7 RequestId: ");
        assertThat(vm.errorRequestIdProperty().get()).isNotBlank();
        assertThat(vm.deletingProperty().get()).isFalse();
        assertThat(dialogs.errors).isEmpty();
        assertThat(inventory().haVip(lb.id())).isPresent();

        vm.copyError();
        assertThat(dialogs.lastCopied()).contains("IncorrectHaVipStatus", vm.errorRequestIdProperty().get());
        vm.dismissError();
        assertThat(vm.getErrorMessage()).isEmpty();
    }

    @Test
    void deletingAnUnboundHaVipIsConfirmedThenSentAndReadBack() {
        HaVip web = show("vip-web-hz");
        dialogs.confirmAnswer = false;
        vm.delete();
        assertThat(inventory().haVip(web.id())).isPresent();

        dialogs.confirmAnswer = true;
        vm.delete();
        assertThat(vm.getErrorMessage()).isEmpty();
        assertThat(dialogs.notifications).singleElement().asString().contains(web.id());
        // Read back at once: gone, or on its way out.
        assertThat(inventory().haVip(web.id()).map(HaVip::status).orElse(HaVipStatus.DELETING))
                .isEqualTo(HaVipStatus.DELETING);
    }

    @Test
    void copiesIdsAndCommands() {
        HaVip lb = show("vip-lb-hz");
        vm.copyId();
        assertThat(dialogs.lastCopied()).isEqualTo(lb.id());
        vm.copyDeleteCliCommand();
        assertThat(dialogs.lastCopied()).startsWith("aliyun ens DeleteHaVips --HaVipIds '[");
        vm.copyUnbindCliCommand();
        assertThat(dialogs.copied).hasSize(2);
        AssociationRow row = vm.associations().get(0);
        vm.selectedAssociationProperty().set(row);
        vm.copyTargetId(row);
        assertThat(dialogs.lastCopied()).isEqualTo(row.getTargetId());
        vm.bind();
        assertThat(dialogs.bindDialogs).containsExactly(lb);
    }
}
