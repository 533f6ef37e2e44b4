package io.enscope.ui.bind;

import io.enscope.ens.model.InstanceType;
import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.SpokenText;
import io.enscope.ui.common.StatusPill;
import io.enscope.ui.havip.HoverTooltip;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The cells and rows of the bind dialog's table. Rows are updated in place while the dialog is
 * open, so every cell watches the properties it shows rather than relying on a new item.
 */
final class BindCells {
    private static final PseudoClass INELIGIBLE = PseudoClass.getPseudoClass("ineligible");
    private static final PseudoClass ADVISORY = PseudoClass.getPseudoClass("advisory");
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private BindCells() {
    }

    /**
     * Widens the cell's column, never narrows it, to the width the cell's content needs: a column
     * whose minimum follows its longest content keeps it whole when the constrained resize policy
     * shares out a narrow table (an IP cut to "10...." tells the admin nothing). A table cell's
     * own preferred width is its column's, so the content is measured here.
     */
    static void fitColumnToContent(TableCell<?, ?> cell) {
        TableColumn<?, ?> column = cell.getTableColumn();
        if (column == null || cell.isEmpty()) {
            return;
        }
        Node graphic = cell.getGraphic();
        String text = cell.getText();
        double content = graphic == null ? 0 : graphic.prefWidth(-1);
        if (text != null && !text.isEmpty()) {
            MEASURE.setFont(cell.getFont());
            MEASURE.setText(text);
            content += MEASURE.getLayoutBounds().getWidth() + (graphic == null ? 0 : cell.getGraphicTextGap());
        }
        // one pixel each side for the rounding of text to pixels
        double needed = Math.ceil(content + cell.snappedLeftInset() + cell.snappedRightInset() + 2);
        if (needed > column.getMinWidth()) {
            column.setMinWidth(needed);
        }
    }

    private static final Text MEASURE = new Text();

    /** A cell of monospace text (an IP address) that its column always has room for. */
    static final class FittedTextCell extends TableCell<BindRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            fitColumnToContent(this);
        }
    }

    /** A cell whose item is the row itself; it renders again whenever a watched property changes. */
    abstract static class RowCell extends TableCell<BindRow, BindRow> {
        private Subscription subscription = Subscription.EMPTY;

        @Override
        protected final void updateItem(BindRow row, boolean empty) {
            super.updateItem(row, empty);
            subscription.unsubscribe();
            subscription = Subscription.EMPTY;
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                cleared();
                return;
            }
            // Change subscriptions are not called at once: the cell renders once here, then on changes
            // (subscribe(Consumer) would render it once per watched property on every update).
            for (ObservableValue<?> value : watched(row)) {
                subscription = subscription.and(value.subscribe((old, now) -> render(row)));
            }
            render(row);
        }

        /** The cell shows no row any more. */
        void cleared() {
        }

        /** @return the properties of the row this cell shows */
        abstract ObservableValue<?>[] watched(BindRow row);

        abstract void render(BindRow row);
    }

    /** The selection check box: disabled for targets that cannot be chosen. */
    static final class SelectCell extends RowCell {
        private final CheckBox box = new CheckBox();
        private final BindViewModel viewModel;
        private BindRow current;

        SelectCell(BindViewModel viewModel) {
            this.viewModel = viewModel;
            box.setFocusTraversable(false);
            box.setOnAction(e -> {
                if (current != null) {
                    viewModel.setSelected(current, box.isSelected());
                    render(current);
                }
            });
            setAlignment(Pos.CENTER);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        ObservableValue<?>[] watched(BindRow row) {
            return new ObservableValue<?>[] {row.selectedProperty(), row.selectableProperty()};
        }

        @Override
        void render(BindRow row) {
            current = row;
            box.setSelected(row.isSelected());
            box.setDisable(!row.isSelectable() && !row.isSelected());
            box.setId("select-" + row.targetId());
            box.setAccessibleText(viewModel.i18n().get("bind.select.accessible", row.targetId()));
            setGraphic(box);
        }
    }

    /** Instance or ENI, with its icon (one per cell, its glyph changed when the kind changes). */
    static final class KindCell extends RowCell {
        private FontIcon icon;

        @Override
        ObservableValue<?>[] watched(BindRow row) {
            return new ObservableValue<?>[] {row.kindTextProperty()};
        }

        @Override
        void render(BindRow row) {
            setText(row.getKindText());
            icon = (row.type() == InstanceType.NETWORK_INTERFACE ? AppIcon.NETWORK_INTERFACE : AppIcon.INSTANCE)
                    .on(icon);
            setGraphic(icon);
        }
    }

    /** The target's status as a pill; its tooltip is the status as ENS spells it. */
    static final class StatusCell extends RowCell {
        private final StatusPill pill = new StatusPill();

        StatusCell() {
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        ObservableValue<?>[] watched(BindRow row) {
            return new ObservableValue<?>[] {row.statusTextProperty(), row.statusToneProperty()};
        }

        @Override
        void render(BindRow row) {
            pill.show(row.getStatusText(), row.getStatusTone());
            setGraphic(row.getStatusText().isEmpty() ? null : pill);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            fitColumnToContent(this);
        }
    }

    /** The target's vSwitch ID, its name in the tooltip. */
    static final class VSwitchCell extends RowCell {
        private final HoverTooltip nameTooltip = new HoverTooltip(this);

        @Override
        ObservableValue<?>[] watched(BindRow row) {
            return new ObservableValue<?>[] {row.vSwitchIdProperty(), row.vSwitchNameProperty()};
        }

        @Override
        void render(BindRow row) {
            setText(row.getVSwitchId());
            nameTooltip.setText(row.getVSwitchName());
        }

        @Override
        void cleared() {
            nameTooltip.setText(null);
        }
    }

    /**
     * ✓ eligible; ⚠ held back by a limit, with "Try anyway"; ✗ ineligible. Non-eligible targets
     * show the reason in words on the first line and the error code (monospace, never cut short)
     * on the second.
     */
    static final class VerdictCell extends RowCell {
        private final BindViewModel viewModel;
        private final Label icon = new Label();
        private final CheckBox tryAnyway = new CheckBox();
        private final Label words = new Label();
        private final Label code = new Label();
        private final VBox box = new VBox(1, new HBox(6, icon, tryAnyway, words), code);
        private BindRow current;
        private FontIcon verdictIcon;
        private Eligibility styled;
        private final HoverTooltip detailsTooltip = new HoverTooltip(this);

        VerdictCell(BindViewModel viewModel) {
            this.viewModel = viewModel;
            tryAnyway.setText(viewModel.i18n().get("bind.verdict.tryAnyway"));
            tryAnyway.setFocusTraversable(false);
            tryAnyway.setMinWidth(Region.USE_PREF_SIZE);
            tryAnyway.getStyleClass().add("try-anyway");
            tryAnyway.setOnAction(e -> {
                if (current != null) {
                    viewModel.setTryAnyway(current, tryAnyway.isSelected());
                    render(current);
                }
            });
            icon.setMinWidth(Region.USE_PREF_SIZE);
            words.getStyleClass().add("verdict-words");
            words.setTextOverrun(OverrunStyle.ELLIPSIS);
            words.setMinWidth(0);
            code.getStyleClass().addAll("reason-code", "verdict-code");
            code.setMinWidth(Region.USE_PREF_SIZE);
            // Under the words, past the icon.
            code.setPadding(new Insets(0, 0, 0, 22));
            box.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        ObservableValue<?>[] watched(BindRow row) {
            return new ObservableValue<?>[] {row.verdictProperty(), row.tryAnywayProperty(), row.reasonTextProperty(),
                    row.detailsProperty()};
        }

        @Override
        void render(BindRow row) {
            current = row;
            Eligibility eligibility = row.getEligibility();
            AppIcon glyph = switch (eligibility) {
                case ELIGIBLE -> AppIcon.OK;
                case ADVISORY -> AppIcon.WARNING;
                case INELIGIBLE -> AppIcon.BLOCKED;
            };
            verdictIcon = glyph.on(verdictIcon);
            icon.setGraphic(verdictIcon);
            words.setText(eligibility == Eligibility.ELIGIBLE ? viewModel.i18n().get("bind.verdict.eligible")
                    : row.getReasonText());
            if (styled != eligibility) {
                // a style class change restyles the whole box: only when the verdict changes
                styled = eligibility;
                box.getStyleClass().setAll("verdict", "verdict-" + eligibility.name().toLowerCase(Locale.ROOT));
            }
            show(tryAnyway, eligibility == Eligibility.ADVISORY);
            tryAnyway.setSelected(row.isTryAnyway());
            show(code, eligibility != Eligibility.ELIGIBLE);
            code.setText(row.getCode());
            detailsTooltip.setText(row.getDetails());
            setGraphic(box);
        }

        @Override
        void cleared() {
            detailsTooltip.setText(null);
        }

        private static void show(Node node, boolean visible) {
            node.setVisible(visible);
            node.setManaged(visible);
        }
    }

    /** A table row that greys out targets that cannot be bound and marks chosen ones. */
    static final class Row extends SpokenText.Row<BindRow> {
        private Subscription subscription = Subscription.EMPTY;

        @Override
        protected void updateItem(BindRow row, boolean empty) {
            super.updateItem(row, empty);
            subscription.unsubscribe();
            subscription = Subscription.EMPTY;
            if (empty || row == null) {
                restyle(null);
                return;
            }
            subscription = row.eligibilityProperty().subscribe((old, now) -> restyle(row))
                    .and(row.selectedProperty().subscribe((old, now) -> restyle(row)));
            restyle(row);
        }

        private void restyle(BindRow row) {
            pseudoClassStateChanged(INELIGIBLE, row != null && row.getEligibility() == Eligibility.INELIGIBLE);
            pseudoClassStateChanged(ADVISORY, row != null && row.getEligibility() == Eligibility.ADVISORY);
            pseudoClassStateChanged(CHOSEN, row != null && row.isSelected());
        }
    }
}
