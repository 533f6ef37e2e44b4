package io.enscope;

import javafx.application.Application;

/** Starts the JavaFX console; kept apart from {@link Main} so that other modes never load JavaFX. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(App.class, args);
    }
}
