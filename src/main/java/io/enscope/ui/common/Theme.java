package io.enscope.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Locale;
import java.util.Objects;

/** Light and dark: AtlantaFX Primer as the user-agent stylesheet plus our {@code app.css}. */
public enum Theme {
    LIGHT, DARK;

    private static final String APP_CSS = Objects.requireNonNull(Theme.class.getResource("/io/enscope/ui/app.css"),
            "app.css").toExternalForm();

    /** Sets this theme for every window. */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the app's own stylesheet to a scene (once). */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }

    public static Theme parse(String text) {
        return text != null && text.toUpperCase(Locale.ROOT).equals("DARK") ? DARK : LIGHT;
    }
}
