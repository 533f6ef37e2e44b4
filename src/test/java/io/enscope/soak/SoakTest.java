package io.enscope.soak;

import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small soak of {@code mvn verify} : 80 bind and unbind jobs over the demo
 * scenario with the fault plan on, each fault kind also injected once on a write so that every
 * recovery path runs. {@link SoakMain} runs the full one (500 jobs and more).
 */
class SoakTest {

    @TempDir
    Path dataDir;

    @Test
    void eightyJobsUnderFaultsEndInTheEmulatorsRealStateAndAreAllInTheActivityLog() throws Exception {
        SoakRun.Options options = SoakRun.Options.underFaults(80, DemoScenario.create(), "demo", 20261127L)
                .withEachFaultOnce(true).withFinishWithin(Duration.ofSeconds(60));

        SoakRun.Result result = SoakRun.run(options, dataDir);

        assertThat(result.problems()).as(result.table()).isEmpty();
        assertThat(result.pairs()).as("pairs to spread the jobs over").isGreaterThanOrEqualTo(8);
        assertThat(result.matching()).isEqualTo(80);
        assertThat(result.duplicates()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.logComplete()).isTrue();
        assertThat(result.logJobs()).isEqualTo(80);
        for (FaultKind kind : new FaultKind[] {FaultKind.THROTTLING, FaultKind.SYSTEM_ERROR,
                FaultKind.DROP_AFTER_WRITE, FaultKind.SLOW}) {
            assertThat(result.faults().getOrDefault(kind, 0L)).as("%s injected", kind).isPositive();
        }
        assertThat(result.finalStates().keySet()).as(result.table())
                .anyMatch(s -> s.startsWith("SUCCEEDED bind")).anyMatch(s -> s.startsWith("SUCCEEDED unbind"));
    }

    /** The checks can fail: a client that blindly sends a write again after a dropped connection is caught. */
    @Test
    void theSoakCatchesAClientThatSendsAnAmbiguousWriteAgain(@TempDir Path otherDir) throws Exception {
        SoakRun.Options options = SoakRun.Options.underFaults(16, DemoScenario.create(), "demo", 7L)
                .withEachFaultOnce(true).withFinishWithin(Duration.ofSeconds(30));

        SoakRun.Result result = SoakRun.run(options, otherDir, SoakTest::resendingAmbiguousWrites);

        assertThat(result.passed()).as(result.table()).isFalse();
        assertThat(result.duplicates()).as(result.table()).isPositive();
        assertThat(result.problems()).anyMatch(p -> p.contains("reached the emulator"));
    }

    /** The bug the design forbids: a write whose outcome is unknown is simply sent again. */
    private static EnsApi resendingAmbiguousWrites(EnsApi real) {
        return (EnsApi) Proxy.newProxyInstance(EnsApi.class.getClassLoader(), new Class<?>[] {EnsApi.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException failed) {
                        boolean write = method.getName().equals("associateHaVip")
                                || method.getName().equals("unassociateHaVip");
                        if (write && failed.getCause() instanceof EnsException e && e.error().ambiguous()) {
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException again) {
                                throw again.getCause();
                            }
                        }
                        throw failed.getCause();
                    }
                });
    }
}
