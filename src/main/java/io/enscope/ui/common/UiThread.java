package io.enscope.ui.common;

import javafx.application.Platform;

/**
 * Where ViewModels deliver changes to their properties: the FX application thread in the app,
 * the calling thread in unit tests.
 */
@FunctionalInterface
public interface UiThread {
    void run(Runnable action);

    /** The JavaFX application thread; runs at once when already on it. */
    static UiThread fx() {
        return action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        };
    }
}
