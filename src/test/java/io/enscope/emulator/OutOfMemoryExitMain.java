package io.enscope.emulator;

import io.enscope.emulator.gateway.JettyTransport;

/**
 * A separate JVM for {@link OutOfMemoryExitTest}: the standalone emulator's out-of-memory policy
 * over a transport whose request handling runs out of heap.
 */
public final class OutOfMemoryExitMain {
    private OutOfMemoryExitMain() {
    }

    public static void main(String[] args) throws Exception {
        EmulatorCommand.exitOnOutOfMemory();
        JettyTransport transport = new JettyTransport("127.0.0.1", 0, 8, call -> {
            throw new OutOfMemoryError("simulated: Java heap space");
        });
        System.out.println("port " + transport.port());
        System.out.flush();
        Thread.currentThread().join(); // serves until the process ends
    }
}
