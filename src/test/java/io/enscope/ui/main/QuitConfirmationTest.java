package io.enscope.ui.main;

import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.havip.RecordingDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Quitting while binding jobs run asks first, and says they will be resumed at the next start. */
class QuitConfirmationTest {
    @TempDir
    Path dataDir;

    @Test
    void quittingWithRunningJobsSaysTheyWillBeResumedAndAsks() {
        // The emulator never completes the binding while the test runs: the job stays Associating.
        try (TestWorkspaces env = TestWorkspaces.start(dataDir, new SynchronousTaskRunner(), new DirectUiThread(),
                Locale.ENGLISH, Timings.all(TransitionTiming.afterPolls(1_000_000)))) {
            RecordingDialogs dialogs = new RecordingDialogs();
            MainViewModel vm = new MainViewModel(env.workspace().i18n(), dialogs);
            vm.attach(env.workspace());

            assertThat(vm.confirmQuit()).as("nothing runs: quits without asking").isTrue();
            assertThat(dialogs.confirmations).isEmpty();

            DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                    .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).findFirst().orElseThrow();
            env.workspace().jobs().submitBind(pair.haVipId(), pair.targetId(),
                    InstanceType.fromWire(pair.instanceType()));

            dialogs.confirmAnswer = false;
            assertThat(vm.confirmQuit()).as("the user stays").isFalse();
            assertThat(dialogs.confirmations).singleElement().asString()
                    .startsWith("Quit while jobs are running?")
                    .contains("One binding job is still running", "resumes watching it")
                    .endsWith("[Quit]");

            dialogs.confirmAnswer = true;
            assertThat(vm.confirmQuit()).isTrue();
        }
    }
}
