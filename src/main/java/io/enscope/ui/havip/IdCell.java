package io.enscope.ui.havip;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;
import javafx.util.Callback;

import java.util.function.Function;

/**
 * A table cell for ids and addresses: monospace, with the resource's name either beside the id
 * (muted) or as the tooltip.
 *
 * @param <S> the row type
 */
public final class IdCell<S> extends TableCell<S, String> {
    private final Function<S, String> nameOf;
    private final boolean nameBeside;
    private final Label idLabel = new Label();
    private final Label nameLabel = new Label();
    private final HBox box = new HBox(6, idLabel, nameLabel);
    /** "id · name", made on hover (most id cells are never hovered; a Tooltip is a popup window). */
    private final HoverTooltip tooltip = new HoverTooltip(this);

    private IdCell(Function<S, String> nameOf, boolean nameBeside) {
        this.nameOf = nameOf;
        this.nameBeside = nameBeside;
        getStyleClass().add("id-cell");
        idLabel.getStyleClass().add("monospace");
        nameLabel.getStyleClass().add("muted");
        idLabel.setMinWidth(USE_PREF_SIZE);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** @return a cell factory for a plain monospace column (ids, IPs) */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> plain() {
        return column -> new IdCell<>(null, false);
    }

    /**
     * @param nameOf the name of the row's resource
     * @return a cell factory showing the id, with the name as tooltip
     */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> withNameTooltip(Function<S, String> nameOf) {
        return column -> new IdCell<>(nameOf, false);
    }

    /**
     * @param nameOf the name of the resource the id names
     * @return a cell factory showing the id and, muted, the name beside it
     */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> withNameBeside(Function<S, String> nameOf) {
        return column -> new IdCell<>(nameOf, true);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.isEmpty()) {
            setText(null);
            setGraphic(null);
            tooltip.setText(null);
            return;
        }
        S row = getTableRow() == null ? null : getTableRow().getItem();
        String name = nameOf == null || row == null ? "" : nameOf.apply(row);
        name = name == null ? "" : name;
        idLabel.setText(item);
        nameLabel.setText(name);
        nameLabel.setVisible(nameBeside && !name.isEmpty());
        nameLabel.setManaged(nameLabel.isVisible());
        setText(item);
        setGraphic(box);
        tooltip.setText(name.isEmpty() ? null : item + " \u00b7 " + name);
    }
}
