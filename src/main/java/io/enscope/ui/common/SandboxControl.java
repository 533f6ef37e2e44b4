package io.enscope.ui.common;

/**
 * What the Sandbox menu can do to the embedded emulator, for training and demos. The UI reaches
 * the emulator only through this interface, implemented by the composition root.
 */
public interface SandboxControl {

    /** Faults that can be injected from the menu. */
    enum Fault {
        /** The next calls are throttled ({@code Throttling.User}). */
        THROTTLING,
        /** The next AssociateHaVip answers {@code SystemError}. */
        SYSTEM_ERROR,
        /** Associations take 20 seconds instead of a few. */
        SLOW_ASSOCIATION,
        /** The next AssociateHaVip is applied but its connection is dropped (an ambiguous failure). */
        DROPPED_CONNECTION
    }

    /** The emulator's endpoint, e.g. {@code 127.0.0.1:9180}. */
    String endpoint();

    /** Puts the sandbox back to the demo scenario and clears every fault. */
    void reset();

    void inject(Fault fault);

    void clearFaults();
}
