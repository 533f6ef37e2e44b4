package io.enscope.ui.havip;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.Objects;

/**
 * The tooltip of a table or tree cell, made when the mouse first moves over the cell rather than
 * when the cell is made or filled. A {@link Tooltip} is a popup window with its own styling; one
 * per status, id and tree cell made hundreds of them (and styled them) in the pulse that draws a
 * large node's tables, while the user hovers over a few. Once made, it is kept and its text
 * follows the cell's item; the user sees the same tooltip, after the same delay.
 */
public final class HoverTooltip {
    private final Control control;
    private String text = "";
    private Tooltip tooltip;

    /** @param control the control that shows the tooltip (a cell, or a label in it) */
    public HoverTooltip(Control control) {
        this.control = Objects.requireNonNull(control, "control");
        // Tooltips show on mouse moves over the node: made on the first, shown from the next.
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> make());
        control.addEventHandler(MouseEvent.MOUSE_MOVED, e -> make());
    }

    /** @param value the text to show on hover; null or empty for no tooltip */
    public void setText(String value) {
        text = value == null ? "" : value;
        if (tooltip == null) {
            return;
        }
        if (text.isEmpty()) {
            control.setTooltip(null);
        } else {
            tooltip.setText(text);
            control.setTooltip(tooltip);
        }
    }

    /** @return the text shown on hover, empty when none */
    public String getText() {
        return text;
    }

    private void make() {
        if (tooltip == null && !text.isEmpty()) {
            tooltip = new Tooltip(text);
            control.setTooltip(tooltip);
        }
    }
}
