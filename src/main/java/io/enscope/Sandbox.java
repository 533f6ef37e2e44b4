package io.enscope;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.RateLimits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ui.common.SandboxControl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The sandbox: the embedded ENS emulator on a free loopback port with the demo scenario and a
 * fresh admin and read-only key pair. Only {@code App}/{@code Main} wiring reaches the emulator;
 * the UI sees it through {@link SandboxControl}.
 */
public final class Sandbox implements SandboxControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    /** System property choosing the scenario of a fresh sandbox: {@code demo} (default), {@code large[:SEED]}. */
    public static final String SCENARIO_PROPERTY = "enscope.sandbox.scenario";
    /** {@code documented} (the default), {@code off} or a JSON FILE: the flow control of the sandbox's emulator. */
    public static final String RATE_LIMITS_PROPERTY = "enscope.sandbox.rateLimits";
    /** {@code true} lets the sandbox bind EIPs to HaVips (see {@link #eipOnHaVip()}). */
    public static final String EIP_ON_HAVIP_PROPERTY = "enscope.sandbox.eipOnHaVip";
    private static final long LARGE_SEED = 42L;
    private final EnsEmulator emulator;
    private final Timings normalTimings;

    private Sandbox(EnsEmulator emulator) {
        this.emulator = emulator;
        this.normalTimings = emulator.state().timings();
    }

    /** Starts the sandbox emulator with the demo scenario; call it off the FX thread. */
    public static Sandbox start() {
        return start(DemoScenario.create(eipOnHaVip()));
    }

    public static Sandbox start(Scenario scenario) {
        return new Sandbox(builder().scenario(scenario).start());
    }

    /**
     * Starts the sandbox with its state kept in {@code stateFile}, so that its HaVips (and the jobs
     * that watch them) survive a restart of the console. A state file that cannot be read is moved
     * aside and the demo scenario is used.
     */
    public static Sandbox start(Path stateFile) {
        try {
            return new Sandbox(builder().stateFile(stateFile).start());
        } catch (IllegalArgumentException e) {
            LOG.warn("the sandbox state {} is unusable ({}); starting from the demo scenario", stateFile,
                    e.getMessage());
            try {
                Files.move(stateFile, stateFile.resolveSibling(stateFile.getFileName() + ".broken"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside", stateFile, moveFailed);
            }
            return new Sandbox(builder().stateFile(stateFile).start());
        }
    }

    /**
     * The inventory parallelism to use against the sandbox: the configured one, but no more than the
     * machine's cores. The emulator runs in this process on loopback, so there is no network latency
     * for requests in flight to hide; each one is CPU work on both sides, and more of them than there
     * are cores only take the cores from the FX thread, which then stops reacting while
     * {@code large} loads (measured in docs/benchmarks.md).
     *
     * @param configured the user's setting, at least 1
     * @param cores      the processors available to the JVM
     */
    static int loadParallelism(int configured, int cores) {
        return Math.max(1, Math.min(configured, cores));
    }

    private static EnsEmulator.Builder builder() {
        EnsEmulator.Builder b = EnsEmulator.builder();
        // For demos and tests: e.g. -Denscope.sandbox.delay=fixed:2500 or polls:3
        String delay = System.getProperty("enscope.sandbox.delay");
        if (delay != null && !delay.isBlank()) {
            b.timings(Timings.all(TransitionTiming.parse(delay)));
        }
        return b
                .port(0)
                .eipOnHaVip(eipOnHaVip())
                .scenario(scenarioFromProperty())
                .account(Account.generate(false))
                .account(Account.generate(true))
                .rateLimits(RateLimits.resolve(System.getProperty(RATE_LIMITS_PROPERTY, "documented")));
    }

    /**
     * The scenario a fresh sandbox starts from: demo, unless {@value #SCENARIO_PROPERTY} says
     * {@code large} or {@code large:SEED} (benchmarks and the FX-stall test load 10,000 instances).
     */
    static Scenario scenarioFromProperty() {
        String name = System.getProperty(SCENARIO_PROPERTY, "demo").trim();
        if (name.equals("large") || name.startsWith("large:")) {
            long seed = name.equals("large") ? LARGE_SEED : Long.parseLong(name.substring("large:".length()));
            return LargeScenario.create(seed, eipOnHaVip());
        }
        if (!name.isEmpty() && !name.equals("demo")) {
            LOG.warn("unknown sandbox scenario '{}' in {}; using demo", name, SCENARIO_PROPERTY);
        }
        return DemoScenario.create(eipOnHaVip());
    }

    /**
     * Whether the sandbox binds EIPs to HaVips, which ENS does not document: off unless
     * {@value #EIP_ON_HAVIP_PROPERTY} is {@code true} (demos of the HaVip detail's EIP section).
     */
    static boolean eipOnHaVip() {
        return Boolean.getBoolean(EIP_ON_HAVIP_PROPERTY);
    }

    public EnsEmulator emulator() {
        return emulator;
    }

    /** The sandbox's admin key pair, generated at start; it exists only in memory. */
    public Account adminAccount() {
        return emulator.adminAccount();
    }

    @Override
    public String endpoint() {
        return emulator.endpoint();
    }

    @Override
    public void reset() {
        emulator.setTimings(normalTimings);
        emulator.reset();
    }

    @Override
    public void inject(Fault fault) {
        switch (fault) {
            case THROTTLING -> emulator.faults().add(FaultRule.next("*", FaultKind.THROTTLING, 3)
                    .withDelay(Duration.ofMillis(800)));
            case SYSTEM_ERROR -> emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SYSTEM_ERROR, 1));
            case SLOW_ASSOCIATION -> emulator.setTimings(normalTimings.withAssociate(
                    TransitionTiming.fixed(Duration.ofSeconds(20))));
            case DROPPED_CONNECTION -> emulator.faults().add(FaultRule.next("AssociateHaVip",
                    FaultKind.DROP_AFTER_WRITE, 1));
        }
    }

    @Override
    public void clearFaults() {
        emulator.faults().clear();
        emulator.setTimings(normalTimings);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
