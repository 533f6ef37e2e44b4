package io.enscope.ui.main;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Map;
import java.util.TreeMap;

/**
 * The widths of table columns the user may have dragged, by column ID (their {@code fx:id}), kept
 * in the {@link WindowState} between starts. In a table whose column menu is shown (the user may
 * hide and show its columns), whether each column is shown is kept too, under
 * {@code <id>}{@value #SHOWN}: {@value #YES} shown, {@value #NO} hidden (the state keeps positive
 * numbers only).
 */
public final class ColumnWidths {
    /** The key suffix of a column's "shown" flag. */
    public static final String SHOWN = ".shown";
    static final double YES = 1;
    static final double NO = 0.5;

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
                    widths.put(column.getId() + SHOWN, column.isVisible() ? YES : NO);
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
                Double shown = column.getId() == null ? null : widths.get(column.getId() + SHOWN);
                if (shown != null && table.isTableMenuButtonVisible()) {
                    column.setVisible(shown >= YES);
                }
            }
        }
    }
}
