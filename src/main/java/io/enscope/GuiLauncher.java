package io.enscope;

import javafx.application.Application;

/** Starts the JavaFX console; kept apart from {@link Main} so that other modes never load JavaFX. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch(String[] args) {
        // Before the first logger exists: the console logs to a rolling file in its data directory
        // (logback-gui.xml), unless -Dlogback.configurationFile names another configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("enscope.log.dir", AppDirectories.logDirectory().toString());
            System.setProperty("logback.configurationFile", "logback-gui.xml");
        }
        Application.launch(App.class, args);
    }

    /**
     * The console in smoke mode: the composition root sees {@link Smoke#PROPERTY} and hands the
     * connected workspace to {@link Smoke#start}, which ends the process with the result.
     *
     * @return the exit code, when the console ended without the smoke run ending it
     */
    static int smoke(String[] args) {
        Smoke.prepare();
        try {
            launch(args);
        } catch (RuntimeException | Error e) {
            return Smoke.consoleEnded(e);
        }
        return Smoke.consoleEnded(null);
    }
}
