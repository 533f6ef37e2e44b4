package io.enscope.ui;

import io.enscope.ui.common.StatusPill;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;

import java.util.ArrayList;
import java.util.List;

/**
 * What a screen reader would find nameless in a scene: a focusable, visible control with no
 * accessible text, no text of its own, no label pointing at it ({@code labelFor}) and no prompt;
 * an icon-only button without accessible text; a table, tree or list without accessible text; a
 * filled row, tree or list cell, or a status pill that gives a screen reader no text. Call on the
 * FX thread.
 */
public final class AccessibleNames {
    private AccessibleNames() {
    }

    /** @return one line per nameless node of {@code root}'s scene graph, empty when all have a name */
    public static List<String> problems(Parent root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        List<String> problems = new ArrayList<>();
        for (Node node : all) {
            if (!showing(node)) {
                continue;
            }
            String problem = problem(node, all);
            if (problem != null) {
                problems.add(problem + ": " + describe(node));
            }
        }
        return problems;
    }

    private static String problem(Node node, List<Node> all) {
        if (node instanceof TableView<?> || node instanceof TreeView<?> || node instanceof ListView<?>) {
            // a list inside a combo box's popup is named by its combo box
            return isNamed(node) || insideComboBox(node) ? null : "list without accessible text";
        }
        if (node instanceof TableRow<?> row) {
            return row.isEmpty() || row.getItem() == null || isSpoken(node) ? null : "row without accessible text";
        }
        if (node instanceof TreeCell<?> cell) {
            return cell.isEmpty() || cell.getItem() == null || isSpoken(node) ? null : "tree cell without accessible text";
        }
        if (node instanceof ListCell<?> cell && cell.getListView() != null && !insideComboBox(node)
                && isAncestor(cell.getListView(), cell)) {
            return cell.isEmpty() || cell.getItem() == null || isSpoken(node) ? null : "list cell without accessible text";
        }
        if (node instanceof StatusPill pill) {
            return blank(pill.getText()) || isSpoken(node) ? null : "status pill without accessible text";
        }
        if (node instanceof ButtonBase button && blank(button.getText()) && !isNamed(node)) {
            return "icon-only button without accessible text";
        }
        if (!node.isFocusTraversable() || isNamed(node)) {
            return null;
        }
        if (node instanceof Labeled labeled && !blank(labeled.getText())) {
            return null;
        }
        if (node instanceof TextInputControl field && !blank(field.getPromptText())) {
            return null;
        }
        if (node instanceof ComboBoxBase<?> box && !blank(box.getPromptText())) {
            return null;
        }
        for (Node other : all) {
            if (other instanceof Label label && label.getLabelFor() == node && !blank(label.getText())) {
                return null;
            }
        }
        return "focusable control without accessible name";
    }

    /** What a screen reader gets as the node's text (a labeled's own text counts, a row's cells do not). */
    private static boolean isSpoken(Node node) {
        return node.queryAccessibleAttribute(AccessibleAttribute.TEXT) instanceof String text && !blank(text);
    }

    private static boolean isNamed(Node node) {
        return !blank(node.getAccessibleText());
    }

    private static boolean insideComboBox(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Visible with all its ancestors: what the user (and a screen reader) can reach. */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.replace("_", "").isBlank();
    }

    private static String describe(Node node) {
        Object role = node.queryAccessibleAttribute(AccessibleAttribute.ROLE);
        StringBuilder sb = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            sb.append(" #").append(node.getId());
        }
        sb.append(" role=").append(role).append(" styleClass=").append(node.getStyleClass());
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n.getId() != null) {
                sb.append(" in #").append(n.getId());
                break;
            }
        }
        return sb.toString();
    }
}
