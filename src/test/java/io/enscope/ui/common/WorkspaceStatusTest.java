package io.enscope.ui.common;

import io.enscope.ens.CreateHaVipRequest;
import io.enscope.ens.model.HaVip;
import io.enscope.ui.TestWorkspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status bar's counts on a real sandbox workspace: they follow the inventory when a HaVip is
 * created or deleted after the load, as the create dialog and the detail's Delete report it.
 */
class WorkspaceStatusTest {
    @TempDir
    Path dir;
    private TestWorkspaces env;

    @AfterEach
    void close() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void theHaVipCountFollowsACreateAndADelete() {
        env = TestWorkspaces.start(dir, new SynchronousTaskRunner(), new DirectUiThread());
        Workspace workspace = env.workspace();
        workspace.reload();
        await().atMost(Duration.ofSeconds(20)).until(() -> !workspace.loadingProperty().get());
        int before = workspace.inventory().haVips().size();
        assertThat(workspace.statusProperty().get()).endsWith(", " + before + " HaVips");
        HaVip some = workspace.inventory().haVips().get(0);

        List<String> created = env.api().createHaVip(CreateHaVipRequest.of(some.vSwitchId(), null, "status-test", null));
        created.forEach(workspace::refreshHaVip);

        await().atMost(Duration.ofSeconds(20)).until(() -> workspace.inventory().haVips().size() == before + 1);
        assertThat(workspace.statusProperty().get()).endsWith(", " + (before + 1) + " HaVips");

        // a HaVip of the demo that is Available and bound to nothing, so it can be deleted at once
        List<String> deleted = List.of(io.enscope.emulator.scenario.DemoScenario.showcases().get(0).haVipId());
        env.api().deleteHaVips(deleted);
        // each read counts as a poll of the emulator's deletion, until the HaVip is gone
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            deleted.forEach(workspace::refreshHaVip);
            return workspace.inventory().haVips().size() == before;
        });
        assertThat(workspace.statusProperty().get()).endsWith(", " + before + " HaVips");
    }
}
