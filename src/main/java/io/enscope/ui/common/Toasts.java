package io.enscope.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Passing notifications in the bottom-right corner of the main window, above the status bar and
 * the activities table's scroll bar, where they cover no control (at the top right they hid the
 * explorer's Copy ID, Bind and Create buttons) (AtlantaFX
 * {@link Notification}, themed like the rest): a job ended, a fault was injected, an export
 * finished. At most a few at a time; each closes by itself or by its close button.
 */
public final class Toasts {
    /** Two stay within the activities table's rows at 1024x700, below its toolbar. */
    private static final int MAX_SHOWN = 2;

    private final VBox layer = new VBox(8);

    public Toasts() {
        layer.setAlignment(Pos.BOTTOM_RIGHT);
        layer.setPadding(new Insets(16, 24, 52, 16));
        layer.setPickOnBounds(false);
        layer.setMaxWidth(420);
        layer.getStyleClass().add("toasts");
        StackPane.setAlignment(layer, Pos.BOTTOM_RIGHT);
    }

    /** The layer to stack over the window's content. */
    public VBox layer() {
        return layer;
    }

    public void show(String title, String text, Tone tone) {
        Notification toast = new Notification(title + "\n" + text, tone.icon().graphic());
        toast.getStyleClass().add(Styles.ELEVATED_1);
        switch (tone) {
            case SUCCESS -> toast.getStyleClass().add(Styles.SUCCESS);
            case WARNING -> toast.getStyleClass().add(Styles.WARNING);
            case DANGER -> toast.getStyleClass().add(Styles.DANGER);
            case BUSY -> toast.getStyleClass().add(Styles.ACCENT);
            default -> { }
        }
        toast.setPrefWidth(400);
        toast.setMaxWidth(400);
        toast.setMaxHeight(120);
        toast.setOnClose(e -> layer.getChildren().remove(toast));
        if (layer.getChildren().size() >= MAX_SHOWN) {
            layer.getChildren().remove(0);
        }
        layer.getChildren().add(toast);
        PauseTransition hide = new PauseTransition(Duration.seconds(tone == Tone.DANGER ? 10 : 5));
        hide.setOnFinished(e -> layer.getChildren().remove(toast));
        hide.play();
    }
}
