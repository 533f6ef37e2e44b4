package io.enscope.ui.activity;

import io.enscope.binding.JobKind;
import io.enscope.binding.JobState;
import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.SpokenText;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.StatusPill;
import io.enscope.ui.common.Tone;
import io.enscope.ui.havip.IdCell;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Activities pane ({@code ActivityView.fxml}): a filter, the commands and the summary above a
 * live table of jobs. Load it with the {@code ViewLoader} and put {@link #root()} in the main
 * window's activity slot. While it is showing, the durations and poll counts of running jobs are
 * brought up to date every second.
 */
public final class ActivityView {
    private static final PseudoClass RESUMED = PseudoClass.getPseudoClass("resumed");

    private final ActivityViewModel viewModel;
    private final I18n i18n;
    private final Timeline ticker;

    @FXML private BorderPane root;
    @FXML private ToggleButton allFilter;
    @FXML private ToggleButton runningFilter;
    @FXML private ToggleButton failedFilter;
    @FXML private Button retryButton;
    @FXML private Button cancelButton;
    @FXML private Button detachButton;
    @FXML private Button copyErrorButton;
    @FXML private Button clearButton;
    @FXML private Label messageLabel;
    @FXML private TableView<ActivityRow> table;
    @FXML private TableColumn<ActivityRow, ActivityRow> startedColumn;
    @FXML private TableColumn<ActivityRow, ActivityRow> kindColumn;
    @FXML private TableColumn<ActivityRow, String> haVipColumn;
    @FXML private TableColumn<ActivityRow, String> targetColumn;
    @FXML private TableColumn<ActivityRow, ActivityRow> stateColumn;
    @FXML private TableColumn<ActivityRow, ActivityRow> durationColumn;
    @FXML private TableColumn<ActivityRow, ActivityRow> lastChangeColumn;
    @FXML private TableColumn<ActivityRow, ActivityRow> pollsColumn;
    @FXML private TableColumn<ActivityRow, ActivityRow> errorColumn;
    @FXML private TableColumn<ActivityRow, String> requestIdColumn;
    @FXML private MenuItem retryItem;
    @FXML private MenuItem cancelItem;
    @FXML private MenuItem detachItem;
    @FXML private MenuItem copyErrorItem;
    @FXML private MenuItem copyJobIdItem;

    /**
     * @param viewModel the pane's ViewModel; its owner disposes it
     * @param i18n      the texts of tooltips and cells made in code
     */
    public ActivityView(ActivityViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.refreshRunning()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        bindFilter();
        bindCommands();
        bindColumns();
        table.setItems(viewModel.rows());
        // The SortedList sorts (the table's comparator, then newest first): the table only asks.
        table.setSortPolicy(t -> true);
        viewModel.tableComparatorProperty().bind(table.comparatorProperty());
        viewModel.selectedRowProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.setRowFactory(t -> new ActivityTableRow());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        ObservableValue<Boolean> showing = root.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        showing.addListener((obs, was, now) -> tick(now));
        tick(showing.getValue());
    }

    private void bindFilter() {
        ToggleGroup filters = new ToggleGroup();
        Map<ActivityFilter, ToggleButton> buttons = Map.of(ActivityFilter.ALL, allFilter,
                ActivityFilter.RUNNING, runningFilter, ActivityFilter.FAILED, failedFilter);
        buttons.forEach((filter, button) -> {
            button.setToggleGroup(filters);
            button.setUserData(filter);
        });
        buttons.get(viewModel.filterProperty().get()).setSelected(true);
        filters.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true);
            } else {
                viewModel.filterProperty().set((ActivityFilter) selected.getUserData());
            }
        });
    }

    private void bindCommands() {
        command(retryButton, retryItem, AppIcon.RETRY, viewModel.canRetry().not(), "activity.action.retry.tooltip");
        command(cancelButton, cancelItem, AppIcon.CANCEL, viewModel.canCancel().not(), "activity.action.cancel.tooltip");
        command(detachButton, detachItem, AppIcon.STOP_WATCHING, viewModel.canDetach().not(),
                "activity.action.detach.tooltip");
        command(copyErrorButton, copyErrorItem, AppIcon.COPY, viewModel.canCopyErrorDetails().not(), null);
        copyJobIdItem.disableProperty().bind(viewModel.selectedRowProperty().isNull());
        clearButton.setGraphic(AppIcon.CLEAR_FINISHED.graphic());
        clearButton.setTooltip(new Tooltip(i18n.get("activity.action.clearFinished.tooltip")));
        clearButton.disableProperty().bind(viewModel.canClearFinished().not());
    }

    private void command(Button button, MenuItem item, AppIcon icon, ObservableValue<Boolean> disabled, String tip) {
        button.setGraphic(icon.graphic());
        item.setGraphic(icon.graphic());
        button.disableProperty().bind(disabled);
        item.disableProperty().bind(disabled);
        if (tip != null) {
            button.setTooltip(new Tooltip(i18n.get(tip)));
        }
    }

    private void bindColumns() {
        setUp(startedColumn, Comparator.comparing(ActivityRow::getCreatedAt),
                () -> new TextCell(row -> new ReadOnlyObjectWrapper<>(row.getStartedText())));
        setUp(kindColumn, Comparator.comparing(ActivityRow::getKind), KindCell::new);
        setUpId(haVipColumn, row -> new ReadOnlyObjectWrapper<>(row.getHaVipId()));
        setUpId(targetColumn, row -> new ReadOnlyObjectWrapper<>(row.getTargetId()));
        setUp(stateColumn, Comparator.comparing(ActivityRow::getState), StateCell::new);
        setUp(durationColumn, Comparator.comparing(ActivityRow::getDuration),
                () -> new TextCell(ActivityRow::durationTextProperty));
        setUp(lastChangeColumn, Comparator.comparing(ActivityRow::getUpdatedAt),
                () -> new TextCell(ActivityRow::lastChangeTextProperty));
        setUp(pollsColumn, Comparator.comparingInt(ActivityRow::getPolls),
                () -> new TextCell(ActivityRow::pollsTextProperty));
        setUp(errorColumn, Comparator.comparing(ActivityRow::getErrorCode), ErrorCell::new);
        setUpId(requestIdColumn, ActivityRow::requestIdProperty);
    }

    /** An ID column: the cells every table shows IDs in, sorted by the ID. */
    private static void setUpId(TableColumn<ActivityRow, String> column,
                                Function<ActivityRow, ObservableValue<String>> id) {
        column.setCellValueFactory(features -> id.apply(features.getValue()));
        column.setCellFactory(IdCell.plain());
    }

    private static void setUp(TableColumn<ActivityRow, ActivityRow> column, Comparator<ActivityRow> order,
                              Supplier<TableCell<ActivityRow, ActivityRow>> cells) {
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(features.getValue()));
        column.setComparator(order);
        column.setCellFactory(c -> cells.get());
    }

    private void tick(boolean showing) {
        if (showing) {
            viewModel.refreshRunning();
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    /** @return the activities table, whose column widths are kept between starts */
    public TableView<?> table() {
        return table;
    }

    /** @return the pane's root node, for the main window's activity slot */
    public BorderPane root() {
        return root;
    }

    @FXML
    private void onRetry() {
        viewModel.retry();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onDetach() {
        viewModel.detach();
    }

    @FXML
    private void onCopyError() {
        viewModel.copyErrorDetails();
    }

    @FXML
    private void onCopyJobId() {
        viewModel.copyJobId();
    }

    @FXML
    private void onClearFinished() {
        viewModel.clearFinished();
    }

    /** A cell whose text follows one string of its row. */
    private static final class TextCell extends TableCell<ActivityRow, ActivityRow> {
        private final Function<ActivityRow, ObservableValue<String>> text;

        TextCell(Function<ActivityRow, ObservableValue<String>> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(ActivityRow row, boolean empty) {
            super.updateItem(row, empty);
            textProperty().unbind();
            if (empty || row == null) {
                setText(null);
            } else {
                textProperty().bind(text.apply(row));
            }
        }
    }

    /**
     * Bind or Unbind with its icon; a retry says which job it repeats. The icon and the tooltip
     * are made once per cell and only updated (cells are reused for every row shown).
     */
    private final class KindCell extends TableCell<ActivityRow, ActivityRow> {
        private FontIcon icon;
        private Tooltip retryTooltip;

        @Override
        protected void updateItem(ActivityRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(row.getKindText());
            icon = (row.getKind() == JobKind.BIND ? AppIcon.BIND : AppIcon.UNBIND).on(icon);
            setGraphic(icon);
            if (row.getRetryOf() == null) {
                setTooltip(null);
            } else {
                if (retryTooltip == null) {
                    retryTooltip = new Tooltip();
                }
                retryTooltip.setText(i18n.get("activity.retryOf.tooltip", row.getRetryOf()));
                setTooltip(retryTooltip);
            }
        }
    }

    /** The state chip, following the job live, and a "resumed" tag for jobs taken over at start. */
    private final class StateCell extends TableCell<ActivityRow, ActivityRow> {
        private final StatusPill pill = new StatusPill();
        private final Label resumed = new Label(i18n.get("activity.resumed"), AppIcon.HISTORY.graphic());
        private final HBox box = new HBox(6, pill, resumed);
        private final ChangeListener<JobState> onState = (obs, old, state) -> showState();

        StateCell() {
            pill.getStyleClass().add("activity-state");
            resumed.getStyleClass().add("activity-resumed");
            // The tooltip (a popup window) is made only if a resumed job is ever shown in this cell.
            resumed.setVisible(false);
            resumed.visibleProperty().addListener((obs, was, visible) -> {
                if (visible && resumed.getTooltip() == null) {
                    resumed.setTooltip(new Tooltip(i18n.get("activity.resumed.tooltip")));
                }
            });
            resumed.managedProperty().bind(resumed.visibleProperty());
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ActivityRow row, boolean empty) {
            ActivityRow previous = getItem();
            if (previous != null) {
                previous.stateProperty().removeListener(onState);
            }
            resumed.visibleProperty().unbind();
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            row.stateProperty().addListener(onState);
            resumed.visibleProperty().bind(row.resumedProperty());
            showState();
            setGraphic(box);
        }

        private void showState() {
            ActivityRow row = getItem();
            if (row != null) {
                pill.show(row.getStateText(), row.getTone());
            }
        }
    }

    /** The localized error, then its code; the whole error in a tooltip. */
    private static final class ErrorCell extends TableCell<ActivityRow, ActivityRow> {
        private final Label message = new Label();
        private final Label code = new Label();
        private final HBox box = new HBox(8, message, code);
        private final Tooltip tooltip = new Tooltip();

        ErrorCell() {
            message.getStyleClass().add("activity-error");
            code.getStyleClass().add("reason-code");
            message.setMinWidth(0);
            code.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_LEFT);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ActivityRow row, boolean empty) {
            super.updateItem(row, empty);
            message.textProperty().unbind();
            code.textProperty().unbind();
            tooltip.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            message.textProperty().bind(row.errorMessageProperty());
            code.textProperty().bind(row.errorCodeProperty());
            tooltip.textProperty().bind(row.errorMessageProperty().concat("\n").concat(row.errorCodeProperty()));
            setTooltip(tooltip);
            setGraphic(box);
        }
    }

    /** Carries the state as pseudo-classes for styling: the tone's ({@code :error}, {@code :busy}…) and {@code :resumed}. */
    private static final class ActivityTableRow extends SpokenText.Row<ActivityRow> {
        private final ChangeListener<JobState> onState = (obs, old, state) -> showState();

        ActivityTableRow() {
            getStyleClass().add("activity-row");
        }

        @Override
        protected void updateItem(ActivityRow row, boolean empty) {
            ActivityRow previous = getItem();
            if (previous != null) {
                previous.stateProperty().removeListener(onState);
            }
            super.updateItem(row, empty);
            if (row != null && !empty) {
                row.stateProperty().addListener(onState);
            }
            showState();
        }

        private void showState() {
            ActivityRow row = isEmpty() ? null : getItem();
            Tone current = row == null ? null : row.getTone();
            for (Tone tone : Tone.values()) {
                pseudoClassStateChanged(StatusPill.pseudoClass(tone), tone == current);
            }
            pseudoClassStateChanged(RESUMED, row != null && row.isResumed());
        }
    }
}
