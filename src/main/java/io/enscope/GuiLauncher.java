package io.enscope;

import javafx.application.Application;

/** Starts the JavaFX console; kept apart from {@link Main} so that other modes never load JavaFX. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch(String[] args) {
        // Before the first logger exists: the console logs to a rolling file in its data directory.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("enscope.log.dir", AppDirectories.logDirectory().toString());
            System.setProperty("logback.configurationFile", "logback-gui.xml");
        }
        Application.launch(App.class, args);
    }
}
