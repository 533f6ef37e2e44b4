package io.enscope.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.UnaryOperator;

/**
 * The one dialog for unexpected errors (bugs): a short message, details collapsed, and a button
 * that copies the details. Expected errors never come here; they are shown inline as text.
 */
public final class ErrorDialog {
    private final I18n i18n;
    private final UnaryOperator<String> redactor;

    /** @param redactor applied to the details, so no key or signature is ever shown or copied */
    public ErrorDialog(I18n i18n, UnaryOperator<String> redactor) {
        this.i18n = i18n;
        this.redactor = redactor;
    }

    public void show(Window owner, String context, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String details = redactor.apply(trace.toString());

        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(i18n.get("error.dialog.title"));
        alert.setHeaderText(i18n.get("error.dialog.header"));
        Label message = new Label(context == null ? i18n.get("error.dialog.message")
                : i18n.get("error.dialog.messageWithContext", context));
        message.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(8, message));
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(14);
        area.setId("errorDetails");
        VBox expandable = new VBox(area);
        expandable.setPadding(new Insets(4, 0, 0, 0));
        alert.getDialogPane().setExpandableContent(expandable);
        alert.getDialogPane().setExpanded(false);
        ButtonType copy = new ButtonType(i18n.get("error.dialog.copy"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, Alerts.close(i18n));
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            e.consume();
        });
        ModalStages.keepOnScreen(alert);
        alert.show();
    }
}
