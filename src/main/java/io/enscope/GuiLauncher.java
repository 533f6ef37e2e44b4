package io.enscope;

import io.enscope.ui.common.I18n;
import javafx.application.Application;

import java.util.Optional;

/** Starts the JavaFX console; kept apart from {@link Main} so that other modes never load JavaFX. */
final class GuiLauncher {
    /** The exit code when the window cannot be opened (no display, no GTK 3). */
    static final int NO_WINDOW = 3;

    private GuiLauncher() {
    }

    static void launch(String[] args) {
        // Before anything else: without a display or GTK 3, JavaFX would end in a stack trace.
        Optional<DisplayCheck.Problem> missing = DisplayCheck.run();
        if (missing.isPresent()) {
            cannotOpenWindow(texts().get(missing.get().key()));
        }
        // Before the first logger exists: the console logs to a rolling file in its data directory
        // (logback-gui.xml), unless -Dlogback.configurationFile names another configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("enscope.log.dir", AppDirectories.logDirectory().toString());
            System.setProperty("logback.configurationFile", "logback-gui.xml");
        }
        try {
            Application.launch(App.class, args);
        } catch (UnsupportedOperationException | UnsatisfiedLinkError toolkit) {
            // The toolkit itself failed to start (a failure of App.start arrives wrapped in a
            // RuntimeException): a display that cannot be opened, a GTK that cannot be loaded.
            cannotOpenWindow(texts().get("startup.toolkitFailed", String.valueOf(toolkit.getMessage())));
        }
    }

    /** One line on stderr, no stack trace, and a non-zero exit: meant for a terminal, before any window. */
    private static void cannotOpenWindow(String line) {
        System.err.println(line);
        System.err.flush();
        System.exit(NO_WINDOW);
    }

    private static I18n texts() {
        return new I18n(I18n.defaultLocale());
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
