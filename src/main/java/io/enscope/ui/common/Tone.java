package io.enscope.ui.common;

/**
 * How a status reads at a glance; drives the pill's colour (a CSS pseudo-class) and icon.
 * Kept free of JavaFX so ViewModels can decide the tone of what they show.
 */
public enum Tone {
    SUCCESS("ok", AppIcon.OK),
    BUSY("busy", AppIcon.BUSY),
    PENDING("pending", AppIcon.QUEUED),
    WARNING("warn", AppIcon.WARNING),
    DANGER("error", AppIcon.ERROR),
    NEUTRAL("muted", AppIcon.NEUTRAL);

    private final String pseudoClass;
    private final AppIcon icon;

    Tone(String pseudoClass, AppIcon icon) {
        this.pseudoClass = pseudoClass;
        this.icon = icon;
    }

    public String pseudoClass() {
        return pseudoClass;
    }

    public AppIcon icon() {
        return icon;
    }
}
