package io.enscope.ui.common;

import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;

import java.util.StringJoiner;

/**
 * What a screen reader says for a row or a cell whose content is a graphic of labels: the texts it
 * shows, in order, joined by commas ({@code "havip-xxx, web, 10.0.0.5, In use"}). Made when the
 * screen reader asks, so it is always the current content and costs nothing while scrolling.
 */
public final class SpokenText {
    private SpokenText() {
    }

    /** @return the non-blank texts shown in {@code node} (its own, its cells', its graphic's), comma-joined */
    public static String of(Node node) {
        StringJoiner spoken = new StringJoiner(", ");
        collect(node, spoken);
        return spoken.toString();
    }

    private static void collect(Node node, StringJoiner into) {
        if (!node.isVisible()) {
            return;
        }
        String own = node.getAccessibleText();
        if (own != null && !own.isBlank()) {
            into.add(own);
            return;
        }
        if (node instanceof Labeled labeled) {
            // A cell that draws only its graphic (an ID label, a status pill) keeps its text for lookups:
            // reading both would say the same thing twice.
            boolean drawn = labeled.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY || labeled.getGraphic() == null;
            String text = labeled.getText();
            if (drawn && text != null && !text.isBlank()) {
                into.add(text.strip());
            }
            if (labeled.getGraphic() != null) {
                collect(labeled.getGraphic(), into);
            }
            if (node instanceof TableRow<?> row) {
                // a row's children are its cells; a labeled's other children repeat its text and graphic
                row.getChildrenUnmodifiable().forEach(cell -> collect(cell, into));
            }
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    /** A table row that reads its cells to a screen reader, for tables with no row class of their own. */
    public static class Row<T> extends TableRow<T> {
        @Override
        public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
            if (attribute == AccessibleAttribute.TEXT && !isEmpty() && getItem() != null) {
                return of(this);
            }
            return super.queryAccessibleAttribute(attribute, parameters);
        }
    }
}
