package io.enscope;

import io.enscope.binding.EligibilityEngine;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.InstanceType;
import io.enscope.inventory.Inventory;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.SynchronousTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --smoke} on a real sandbox workspace (emulator, SDK, job engine), with one thread standing
 * in for the FX thread. The installed launcher is checked by the command in packaging/README.md.
 */
class SmokeTest {
    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Smoke.Outcome outcome = new Smoke.Outcome(new PrintStream(printed, true, StandardCharsets.UTF_8),
            false);
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private ExecutorService uiThread;
    private TestWorkspaces sandbox;

    @BeforeEach
    void start() throws Exception {
        uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        sandbox = TestWorkspaces.start(dataDir, new SynchronousTaskRunner(), uiThread::execute);
        uiThread.submit(() -> { }).get(); // the loaded inventory is in the workspace
    }

    @AfterEach
    void stop() throws InterruptedException {
        sandbox.close();
        uiThread.shutdownNow();
        uiThread.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void bindsOnePairUntilTheConsoleShowsItInUseAndPrintsOneLine() throws Exception {
        Smoke.start(sandbox.workspace(), exitCode::complete, outcome, Duration.ofSeconds(60));

        assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
        String line = printed.toString(StandardCharsets.UTF_8);
        assertThat(line).matches("smoke: ok bound (havip-\\S+) to (i-\\S+) in \\d+\\.\\d s \\(inventory \\d+ regions, "
                + "\\d+ VSwitches, \\d+ instances, \\d+ ENIs, \\d+ HaVips; total \\d+\\.\\d s\\)\\R");
        String haVipId = line.split(" ")[3];
        String targetId = line.split(" ")[5];
        assertThat(sandbox.api().describeHaVip(haVipId).orElseThrow().association(targetId)
                .map(HaVipAssociation::status)).contains(AssociationStatus.IN_USE);
    }

    @Test
    void aTimeoutFailsWithWhatItWasWaitingFor() throws Exception {
        uiThread.submit(() -> sandbox.workspace().setInventory(Inventory.empty())).get();

        Smoke.start(sandbox.workspace(), exitCode::complete, outcome, Duration.ofMillis(300));

        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("smoke: FAILED timed out after 0.3 s while loading the inventory" + System.lineSeparator());
    }

    @Test
    void choosesTheFirstHaVipWithAnEligibleTargetPreferringAnInstance() {
        Inventory inventory = sandbox.workspace().inventory();
        EligibilityEngine engine = new EligibilityEngine();

        Smoke.Pick pick = Smoke.choose(inventory, h -> engine.evaluate(inventory, h)).orElseThrow();

        assertThat(pick.targetType()).isEqualTo(InstanceType.ENS_INSTANCE);
        assertThat(engine.check(inventory, pick.haVipId(), pick.targetId(), pick.targetType()).isEligible()).isTrue();
        assertThat(Smoke.choose(inventory, h -> engine.evaluate(inventory, h))).contains(pick);
    }
}
