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
}
