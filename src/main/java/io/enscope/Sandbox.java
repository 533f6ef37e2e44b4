package io.enscope;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.scenario.DemoScenario;

/**
 * The sandbox: the embedded ENS emulator on a free loopback port with the demo scenario and a
 * fresh admin and read-only key pair. Only {@code App}/{@code Main} wiring reaches the emulator.
 */
public final class Sandbox implements AutoCloseable {
    private final EnsEmulator emulator;

    private Sandbox(EnsEmulator emulator) {
        this.emulator = emulator;
    }

    /** Starts the sandbox emulator; takes a few milliseconds, but call it off the FX thread. */
    public static Sandbox start() {
        return new Sandbox(EnsEmulator.builder()
                .port(0)
                .scenario(DemoScenario.create())
                .account(Account.generate(false))
                .account(Account.generate(true))
                .start());
    }

    public EnsEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
