package io.enscope.ui.main;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Map;
import java.util.TreeMap;

/**
 * The widths of table columns the user may have dragged, by column ID (their {@code fx:id}), kept
 * in the {@link WindowState} between starts.
 */
public final class ColumnWidths {
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
            }
        }
        return widths;
    }

    /** Gives the columns of the tables the widths saved for their IDs; others keep theirs. */
    public static void restore(Map<String, Double> widths, TableView<?>... tables) {
        for (TableView<?> table : tables) {
            for (TableColumn<?, ?> column : table.getColumns()) {
                Double width = column.getId() == null ? null : widths.get(column.getId());
                if (width != null && column.isResizable()) {
                    column.setPrefWidth(Math.max(column.getMinWidth(), Math.min(width, column.getMaxWidth())));
                }
            }
        }
    }
}
