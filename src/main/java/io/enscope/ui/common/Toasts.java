package io.enscope.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Passing notifications in the bottom-right corner of the main window, above the status bar and
 * the activities table's scroll bar (AtlantaFX {@link Notification}, themed like the rest): a job
 * ended, a fault was injected, an export finished. One at a time, with two lines of text at most,
 * so that it covers the ends of activity rows and no command even at 1024x700. It closes by itself
 * or by its close button.
 */
public final class Toasts {
    private static final int MAX_TEXT = 80;
    private static final double WIDTH = 380;

    private final VBox layer = new VBox(8);

    public Toasts() {
        layer.setAlignment(Pos.BOTTOM_RIGHT);
        layer.setPadding(new Insets(16, 24, 46, 16));
        layer.setPickOnBounds(false);
        layer.setMaxWidth(WIDTH + 40);
        layer.getStyleClass().add("toasts");
        StackPane.setAlignment(layer, Pos.BOTTOM_RIGHT);
    }

    /** The layer to stack over the window's content. */
    public VBox layer() {
        return layer;
    }

    public void show(String title, String text, Tone tone) {
        // a long text is cut: the whole of it is on hover, and in the Activities pane for a job
        Notification toast = new Notification(title + "\n" + shortened(text), tone.icon().graphic());
        if (text.length() > MAX_TEXT) {
            Tooltip.install(toast, new Tooltip(text));
        }
        toast.getStyleClass().add(Styles.ELEVATED_1);
        switch (tone) {
            case SUCCESS -> toast.getStyleClass().add(Styles.SUCCESS);
            case WARNING -> toast.getStyleClass().add(Styles.WARNING);
            case DANGER -> toast.getStyleClass().add(Styles.DANGER);
            case BUSY -> toast.getStyleClass().add(Styles.ACCENT);
            default -> { }
        }
        // the width the layer gives it (its own less its padding), so that the height it asks
        // for is the one its wrapped text needs
        toast.setPrefWidth(WIDTH);
        toast.setMaxWidth(WIDTH);
        toast.setMinHeight(Region.USE_PREF_SIZE);
        toast.setOnClose(e -> layer.getChildren().remove(toast));
        layer.getChildren().setAll(toast);
        PauseTransition hide = new PauseTransition(Duration.seconds(tone == Tone.DANGER ? 10 : 5));
        hide.setOnFinished(e -> layer.getChildren().remove(toast));
        hide.play();
    }

    private static String shortened(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1).stripTrailing() + "\u2026";
    }
}
