package io.enscope.ui.havip;

import io.enscope.ui.common.StatusPill;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/**
 * A table cell showing a {@link StatusValue} as a coloured pill with the status word, and its
 * meaning as the tooltip. The pill, its icon and the tooltip are made once per cell and only
 * updated: cells are reused for every row scrolled into view and every live status change.
 *
 * @param <S> the row type
 */
public final class StatusCell<S> extends TableCell<S, StatusValue> {
    private final StatusPill pill = new StatusPill();
    /** The status's meaning, as the pill's tooltip (made on hover: a Tooltip is a popup window). */
    private final HoverTooltip tooltip = new HoverTooltip(pill);

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
            tooltip.setText(null);
            return;
        }
        pill.show(item.text(), item.tone());
        // The text is kept for accessibility and lookups; only the pill is drawn.
        setText(item.text());
        tooltip.setText(item.tooltip());
        setGraphic(pill);
    }
}
