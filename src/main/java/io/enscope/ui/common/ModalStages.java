package io.enscope.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.List;

/**
 * The one way dialogs get their window: modal to the main window, themed, with the app icons,
 * sized to their content and kept inside the visible area of the owner's screen.
 */
public final class ModalStages {
    private ModalStages() {
    }

    /**
     * A modal stage showing {@code content}: modal to {@code owner} when there is one (so other
     * windows of the OS stay usable), to the whole application otherwise. It opens at its
     * content's preferred size, shrunk to the screen when that is smaller (see {@link #keepOnScreen}).
     */
    public static Stage create(Window owner, String title, Parent content) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner instanceof Stage ownerStage) {
                stage.getIcons().setAll(ownerStage.getIcons());
            }
        } else {
            stage.initModality(Modality.APPLICATION_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(content);
        Theme.style(scene);
        stage.setScene(scene);
        keepOnScreen(stage);
        return stage;
    }

    /** Keeps an alert (a confirmation, an error) inside the screen like the other dialogs. */
    public static void keepOnScreen(Dialog<?> dialog) {
        keepOnScreen(dialog.getDialogPane().getScene().getWindow());
    }

    /**
     * Whenever {@code window} opens: no larger than the visible area (without task bars and menus)
     * of its owner's screen, and inside it. A scene made without a size already opens at its
     * content's preferred size; only a content larger than the screen is shrunk.
     */
    public static void keepOnScreen(Window window) {
        window.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> shrinkContent(window, visualBounds(window)));
        // after showing, the window's size includes the decorations the platform added
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> fit(window, visualBounds(window)));
    }

    private static void shrinkContent(Window window, Rectangle2D screen) {
        Parent root = window.getScene() == null ? null : window.getScene().getRoot();
        if (root == null) {
            return;
        }
        root.applyCss();
        if (root.prefWidth(-1) > screen.getWidth()) {
            window.setWidth(screen.getWidth());
        }
        if (root.prefHeight(window.getWidth() > 0 ? window.getWidth() : -1) > screen.getHeight()) {
            window.setHeight(screen.getHeight());
        }
    }

    /**
     * Shrinks {@code window} to {@code screen} where it is larger and moves it inside.
     *
     * @param screen the visible bounds of a screen
     */
    public static void fit(Window window, Rectangle2D screen) {
        double width = Math.min(window.getWidth(), screen.getWidth());
        double height = Math.min(window.getHeight(), screen.getHeight());
        if (width != window.getWidth()) {
            window.setWidth(width);
        }
        if (height != window.getHeight()) {
            window.setHeight(height);
        }
        window.setX(Math.max(screen.getMinX(), Math.min(window.getX(), screen.getMaxX() - width)));
        window.setY(Math.max(screen.getMinY(), Math.min(window.getY(), screen.getMaxY() - height)));
    }

    /**
     * Grows {@code window} when its content now needs more height than it has (a message appeared),
     * staying inside the screen; never shrinks it, so a size the user chose stays.
     */
    public static void growToContent(Window window) {
        Parent root = window.getScene() == null ? null : window.getScene().getRoot();
        if (root == null || !window.isShowing()) {
            return;
        }
        root.applyCss();
        double missing = root.prefHeight(window.getScene().getWidth()) - window.getScene().getHeight();
        // a wrapped text may take a line more when laid out than its preferred height counted
        for (int i = 0; i < 3 && missing > 0.5; i++) {
            window.setHeight(window.getHeight() + Math.ceil(missing));
            root.resize(window.getScene().getWidth(), window.getScene().getHeight());
            root.layout();
            missing = overflow(root);
        }
        fit(window, visualBounds(window));
    }

    /** @return how far the root's children reach below its bottom padding */
    private static double overflow(Parent root) {
        double bottom = 0;
        for (Node child : root.getChildrenUnmodifiable()) {
            if (child.isManaged() && child.isVisible()) {
                bottom = Math.max(bottom, child.getBoundsInParent().getMaxY());
            }
        }
        double inset = root instanceof Region region ? region.snappedBottomInset() : 0;
        return bottom + inset - root.getLayoutBounds().getHeight();
    }

    /** @return the visible bounds of the screen the window's owner (or the window) is on, else the primary's */
    static Rectangle2D visualBounds(Window window) {
        Window anchor = window instanceof Stage stage && stage.getOwner() != null ? stage.getOwner() : window;
        List<Screen> screens = anchor.getWidth() > 0 && anchor.getHeight() > 0
                ? Screen.getScreensForRectangle(anchor.getX(), anchor.getY(), anchor.getWidth(), anchor.getHeight())
                : List.of();
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }
}
