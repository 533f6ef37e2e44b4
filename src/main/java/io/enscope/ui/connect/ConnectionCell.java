package io.enscope.ui.connect;

import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.SpokenText;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One line of the Connect dialog's list: icon, title, a "default" pill for the profile the aliyun
 * CLI would use, the details, and in red why the line cannot be used. Unusable lines are disabled,
 * so they can be read but not picked.
 */
final class ConnectionCell extends ListCell<ConnectionRow> {
    private final FontIcon icon = AppIcon.KEY.graphic();
    private final Label title = new Label();
    private final Label currentPill = new Label();
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final HBox content;

    /**
     * @param currentText the text of the pill that marks the aliyun CLI's default profile
     */
    ConnectionCell(String currentText) {
        // A plain tag in the pill's neutral look: it marks a fact, not a status, so it has no icon.
        currentPill.setText(currentText);
        currentPill.getStyleClass().addAll("status-pill", "connection-current");
        title.getStyleClass().addAll("connection-title", "text-bold");
        summary.getStyleClass().addAll("connection-summary", "text-muted");
        problem.getStyleClass().addAll("connection-problem", "inline-error");
        problem.setWrapText(true);
        HBox heading = new HBox(8, title, currentPill);
        VBox text = new VBox(2, heading, summary, problem);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        content = new HBox(10, icon, text);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // Take the list's width instead of asking for more: long problems wrap, no horizontal scroll bar.
        setPrefWidth(0);
    }

    @Override
    protected double computePrefHeight(double width) {
        // The label skin measures its graphic without a width, so a wrapped problem would be cut to one
        // line; measuring the content at the cell's width lets the cell grow to show all of it.
        if (getGraphic() == null || width <= 0) {
            return super.computePrefHeight(width);
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + content.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void updateItem(ConnectionRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            setDisable(false);
            return;
        }
        icon.setIconCode((row.isSandbox() ? AppIcon.SANDBOX : AppIcon.KEY).ikon());
        title.setText(row.title());
        currentPill.setVisible(row.current());
        currentPill.setManaged(row.current());
        summary.setText(row.summary());
        problem.setText(row.problem());
        problem.setVisible(!row.usable());
        problem.setManaged(!row.usable());
        setTooltip(row.location().isEmpty() ? null : new Tooltip(row.location()));
        setDisable(!row.usable());
        setGraphic(content);
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        // the content is a graphic of labels: a screen reader gets their texts
        if (attribute == AccessibleAttribute.TEXT && !isEmpty() && getItem() != null) {
            return SpokenText.of(this);
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }
}
