package io.enscope.ui.main;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Map;
import java.util.TreeMap;

/**
 * The widths of table columns the user may have dragged, by column ID (their {@code fx:id}), kept
 * in the {@link WindowState} between starts. Tables whose column menu is shown (columns the user
 * may hide or show) also keep each column's visibility, as {@code <id>@visible}: 1 shown,
 * {@value #HIDDEN} hidden (the state file keeps positive numbers only).
 */
public final class ColumnWidths {
    /** The key suffix of a column's visibility. */
    public static final String VISIBLE = "@visible";
    static final double SHOWN = 1;
    static final double HIDDEN = 0.5;

    private ColumnWidths() {
    }

    /** @return the current width of every column with an ID of the tables */
    public static Map<String, Double> capture(TableView<?>... tables) {
        Map<String, Double> widths = new TreeMap<>();
        for (TableView<?> table : tables) {
            for (TableColumn<?, ?> column : table.getColumns()) {
                if (column.getId() != null && column.getWidth() > 0) {
                    widths.put(column.getId(), column.getWidth());
                }
                if (column.getId() != null && table.isTableMenuButtonVisible()) {
                    widths.put(column.getId() + VISIBLE, column.isVisible() ? SHOWN : HIDDEN);
                }
            }
        }
        return widths;
    }

    /** Gives the columns of the tables the widths (and visibility) saved for their IDs; others keep theirs. */
    public static void restore(Map<String, Double> widths, TableView<?>... tables) {
        for (TableView<?> table : tables) {
            for (TableColumn<?, ?> column : table.getColumns()) {
                Double width = column.getId() == null ? null : widths.get(column.getId());
                if (width != null && column.isResizable()) {
                    column.setPrefWidth(Math.max(column.getMinWidth(), Math.min(width, column.getMaxWidth())));
                }
                Double visible = column.getId() == null ? null : widths.get(column.getId() + VISIBLE);
                if (visible != null && table.isTableMenuButtonVisible()) {
                    column.setVisible(visible >= SHOWN);
                }
            }
        }
    }
}
