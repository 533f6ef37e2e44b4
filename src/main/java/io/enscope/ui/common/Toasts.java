package io.enscope.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.function.Supplier;

/**
 * Passing notifications in the bottom-right corner of the main window, above the status bar and
 * the activities table's scroll bar (AtlantaFX {@link Notification}, themed like the rest): a job
 * ended, a fault was injected, an export finished. They never rise above a ceiling (the Activities
 * toolbar, so that they cover rows, not commands): when the newest does not fit under it with the
 * others, the oldest give way. Each closes by itself or by its close button.
 */
public final class Toasts {
    private static final int MAX_SHOWN = 2;
    private static final int MAX_TEXT = 100;

    private final VBox layer = new VBox(8);
    private Supplier<Node> ceiling = () -> null;

    public Toasts() {
        layer.setAlignment(Pos.BOTTOM_RIGHT);
        layer.setPadding(new Insets(16, 24, 46, 16));
        layer.setPickOnBounds(false);
        layer.setMaxWidth(420);
        layer.getStyleClass().add("toasts");
        StackPane.setAlignment(layer, Pos.BOTTOM_RIGHT);
        layer.heightProperty().addListener(o -> fit());
    }

    /**
     * @param node the node whose bottom edge no notification rises above while it is shown (looked
     *             up each time: the views are rebuilt on a language or connection switch)
     */
    public void keepBelow(Supplier<Node> node) {
        ceiling = node;
    }

    /** The layer to stack over the window's content. */
    public VBox layer() {
        return layer;
    }

    public void show(String title, String text, Tone tone) {
        // two lines of text at most, so that the newest fits under the ceiling even at 1024x700:
        // the whole text is on hover, and in the Activities pane for a job
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
        toast.setPrefWidth(400);
        toast.setMaxWidth(400);
        // the title and two lines of text: the whole message is in the Activities pane
        toast.setMinHeight(Region.USE_PREF_SIZE);

        toast.setOnClose(e -> layer.getChildren().remove(toast));
        if (layer.getChildren().size() >= MAX_SHOWN) {
            layer.getChildren().remove(0);
        }
        layer.getChildren().add(toast);
        fit();
        PauseTransition hide = new PauseTransition(Duration.seconds(tone == Tone.DANGER ? 10 : 5));
        hide.setOnFinished(e -> layer.getChildren().remove(toast));
        hide.play();
    }

    private static String shortened(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1).stripTrailing() + "\u2026";
    }

    /** Removes the oldest notifications until the others end below the ceiling; the newest always stays. */
    private void fit() {
        Node top = ceiling.get();
        if (top == null || top.getScene() == null || !top.isVisible() || layer.getScene() == null
                || layer.getChildren().size() < 2) {
            return;
        }
        layer.applyCss();
        layer.layout();
        double limit = top.localToScene(top.getLayoutBounds()).getMaxY();
        while (layer.getChildren().size() > 1) {
            Node oldest = layer.getChildren().get(0);
            if (oldest.localToScene(oldest.getLayoutBounds()).getMinY() >= limit) {
                return;
            }
            layer.getChildren().remove(0);
            layer.layout();
        }
    }
}
