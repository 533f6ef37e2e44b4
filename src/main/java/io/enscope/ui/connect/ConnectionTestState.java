package io.enscope.ui.connect;

import io.enscope.ui.common.Tone;

/** Where the "Test connection" of the Connect dialog stands; the tone colours its pill. */
public enum ConnectionTestState {
    /** Not tested since the choice was made. */
    IDLE(Tone.NEUTRAL),
    /** The test call is running in the background. */
    RUNNING(Tone.BUSY),
    /** ENS answered: the credentials and the endpoint work. */
    SUCCEEDED(Tone.SUCCESS),
    /** The test call failed; the message says why. */
    FAILED(Tone.DANGER);

    private final Tone tone;

    ConnectionTestState(Tone tone) {
        this.tone = tone;
    }

    /** @return how the state reads at a glance */
    public Tone tone() {
        return tone;
    }
}
