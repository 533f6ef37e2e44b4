package io.enscope.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The one way dialogs get their window: modal to the main window, themed, with the app icons. */
public final class ModalStages {
    private ModalStages() {
    }

    /**
     * A modal stage showing {@code content}: modal to {@code owner} when there is one (so other
     * windows of the OS stay usable), to the whole application otherwise.
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
        return stage;
    }

    /**
     * Shows a stage made by {@link #create} that is not showing yet, in three FX turns instead of
     * one: its CSS, then its layout at the size it is given, then the window. Opening a dialog with
     * a table styles and lays out every control of it at once, the first time 100-170 ms of FX
     * work (the bind dialog, measured in the TestFX journeys); in separate turns the FX thread
     * handles input and pulses between them. The window shows a few milliseconds later; the caller
     * learns when from its {@code WINDOW_SHOWN} event, as with {@link Stage#show}.
     *
     * @param stage    a stage with a scene, not showing
     * @param whenDone runs right after the window was shown (or failed to show)
     */
    public static void showInSteps(Stage stage, Runnable whenDone) {
        Parent content = stage.getScene().getRoot();
        new PulseSteps(content)
                .then(content::applyCss)
                .then(() -> {
                    // The scene takes the window's size when shown; laid out at about that size now,
                    // the layout then has little left to do.
                    if (stage.getWidth() > 0 && stage.getHeight() > 0) {
                        content.resize(stage.getWidth(), stage.getHeight());
                    }
                    content.layout();
                })
                .then(() -> {
                    try {
                        stage.show();
                    } finally {
                        whenDone.run();
                    }
                });
    }
}
