package io.enscope.ui.havip;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.VSwitch;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Create HaVip dialog's ViewModel on the real sandbox, synchronously. */
class CreateHaVipViewModelTest {
    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private VSwitch web;
    private CreateHaVipViewModel vm;

    @BeforeEach
    void start() {
        sandbox = TestWorkspaces.start(dir, new SynchronousTaskRunner(), new DirectUiThread());
        workspace = sandbox.workspace();
        web = Demo.vSwitch(workspace.inventory(), "cn-hangzhou-telecom", "prod-web-a");
        vm = new CreateHaVipViewModel(workspace, dialogs, web.id());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theFixedIpIsCheckedAgainstTheVSwitchBlockAsTyped() {
        assertThat(vm.vSwitchTextProperty().get()).isEqualTo(web.id() + " \u00b7 prod-web-a \u00b7 10.10.1.0/24");
        assertThat(vm.ipHintProperty().get()).contains("10.10.1.2", "10.10.1.254", "10.10.1.0/24");
        assertThat(vm.getIpError()).isEmpty();
        assertThat(vm.canCreateProperty().get()).isTrue();

        vm.ipAddressProperty().set("10.10.1");
        assertThat(vm.getIpError()).isEqualTo("Enter an IPv4 address such as 10.0.1.100, or leave the field empty.");
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.ipAddressProperty().set("10.10.1.300");
        assertThat(vm.getIpError()).startsWith("Enter an IPv4 address");
        for (String outside : List.of("10.10.2.5", "10.10.1.0", "10.10.1.1", "10.10.1.255")) {
            vm.ipAddressProperty().set(outside);
            assertThat(vm.getIpError()).as(outside)
                    .startsWith("The address must lie in the VSwitch: 10.10.1.2 \u2013 10.10.1.254 (10.10.1.0/24");
        }
        vm.ipAddressProperty().set("10.10.1.10");
        assertThat(vm.getIpError()).startsWith("10.10.1.10 is already used by ").contains("(lb-hz-01)");
        vm.ipAddressProperty().set("10.10.1.100");
        assertThat(vm.getIpError()).contains("vip-lb-hz");
        vm.ipAddressProperty().set(" 10.10.1.200 ");
        assertThat(vm.getIpError()).isEmpty();
        assertThat(vm.canCreateProperty().get()).isTrue();

        vm.nameProperty().set("https://example.com");
        assertThat(vm.getNameError()).isEqualTo("The name must not start with http:// or https://.");
        vm.nameProperty().set("x".repeat(129));
        assertThat(vm.getNameError()).isEqualTo("At most 128 characters.");
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.nameProperty().set("x".repeat(128));
        assertThat(vm.getNameError()).isEmpty();
        vm.descriptionProperty().set("d".repeat(257));
        assertThat(vm.descriptionErrorProperty().get()).isEqualTo("At most 256 characters.");
        assertThat(vm.canCreateProperty().get()).isFalse();
    }

    @Test
    void theCliCommandFollowsTheFormAndQuotesWhatNeedsIt() {
        String onSandbox = " --endpoint " + sandbox.sandbox().endpoint() + " --insecure";
        assertThat(vm.getCliCommand()).isEqualTo("aliyun ens CreateHaVip --VSwitchId " + web.id() + onSandbox);
        vm.ipAddressProperty().set("10.10.1.200");
        vm.nameProperty().set("web vip");
        vm.descriptionProperty().set("it's the backup");
        assertThat(vm.getCliCommand()).isEqualTo("aliyun ens CreateHaVip --VSwitchId " + web.id()
                + " --IpAddress 10.10.1.200 --Name 'web vip' --Description 'it'\\''s the backup'" + onSandbox);
        vm.copyCliCommand();
        assertThat(dialogs.lastCopied()).isEqualTo(vm.getCliCommand());
    }

    @Test
    void createSendsTheRequestReadsTheNewHaVipAndSetsTheResult() {
        vm.ipAddressProperty().set("10.10.1.200");
        vm.nameProperty().set("web-vip-2");
        vm.descriptionProperty().set("second entry point");
        vm.create();
        assertThat(vm.getErrorMessage()).isEmpty();
        assertThat(vm.getResult().orElseThrow()).hasSize(1);
        String id = vm.getResult().orElseThrow().get(0);
        HaVip created = workspace.inventory().haVip(id).orElseThrow();
        assertThat(created.ipAddress()).isEqualTo("10.10.1.200");
        assertThat(created.name()).isEqualTo("web-vip-2");
        assertThat(created.vSwitchId()).isEqualTo(web.id());
        assertThat(vm.canCreateProperty().get()).as("only once").isFalse();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void anAddressEnsRefusesIsShownInlineWithItsCode() {
        Inventory before = workspace.inventory();
        CreateHaVipViewModel first = new CreateHaVipViewModel(workspace, dialogs, web.id());
        first.ipAddressProperty().set("10.10.1.201");
        first.create();
        assertThat(first.getResult()).isPresent();
        // The console has not seen the new HaVip yet, so only ENS can tell that the address is taken.
        workspace.setInventory(before);

        vm.ipAddressProperty().set("10.10.1.201");
        assertThat(vm.getIpError()).isEmpty();
        vm.create();
        assertThat(vm.getResult()).isEmpty();
        assertThat(vm.getErrorCode()).isEqualTo("InvalidParameter.IpAddress");
        assertThat(vm.getErrorMessage()).isEqualTo(workspace.i18n().get("ens.error.InvalidParameter.param", "IpAddress"));
        assertThat(vm.errorDetailProperty().get()).startsWith("Code: InvalidParameter.IpAddress \u00b7 RequestId: ");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.errors).isEmpty();

        vm.ipAddressProperty().set("10.10.1.202");
        assertThat(vm.getErrorMessage()).as("editing clears the refusal").isEmpty();
    }
}
