package io.enscope.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The console's alerts with their buttons in the user's language: JavaFX's own {@link ButtonType}s
 * read OK, Cancel and Close in English whatever the locale. A question's default button names
 * what it does ("Delete HaVip"), never OK.
 */
public final class Alerts {
    private Alerts() {
    }

    /** @return an OK button, localized */
    public static ButtonType ok(I18n i18n) {
        return new ButtonType(i18n.get("common.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    /** @return a Cancel button, localized */
    public static ButtonType cancel(I18n i18n) {
        return new ButtonType(i18n.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** @return a Close button, localized */
    public static ButtonType close(I18n i18n) {
        return new ButtonType(i18n.get("common.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /**
     * A question whose default button is {@code action} and whose other button cancels.
     *
     * @param action what confirming does, as a verb: "Delete HaVip", "Unbind", "Quit"
     */
    public static Alert confirmation(Window owner, I18n i18n, String title, String message, String action) {
        ButtonType confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, cancel(i18n));
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(I18n.plainText(title));
        alert.setHeaderText(title);
        ModalStages.keepOnScreen(alert);
        return alert;
    }

    /** @return whether the user chose the confirming button of {@link #confirmation} */
    public static boolean confirmed(Alert alert) {
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }
}
