package io.enscope.ui.havip;

import io.enscope.ui.common.StatusPill;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/**
 * A table cell showing a {@link StatusValue} as a coloured pill with the status word, and its
 * meaning as the tooltip.
 *
 * @param <S> the row type
 */
public final class StatusCell<S> extends TableCell<S, StatusValue> {
    private final StatusPill pill = new StatusPill();
    private final Tooltip tooltip = new Tooltip();

    private StatusCell() {
        getStyleClass().add("status-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        pill.setMinWidth(USE_PREF_SIZE);
    }

    /** @return a cell factory for a status column */
    public static <S> Callback<TableColumn<S, StatusValue>, TableCell<S, StatusValue>> factory() {
        return column -> new StatusCell<>();
    }

    @Override
    protected void updateItem(StatusValue item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            pill.setTooltip(null);
            return;
        }
        pill.show(item.text(), item.tone());
        // The text is kept for accessibility and lookups; only the pill is drawn.
        setText(item.text());
        if (item.tooltip().isEmpty()) {
            pill.setTooltip(null);
        } else {
            tooltip.setText(item.tooltip());
            pill.setTooltip(tooltip);
        }
        setGraphic(pill);
    }
}
