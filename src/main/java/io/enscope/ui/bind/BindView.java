package io.enscope.ui.bind;

import atlantafx.base.controls.CustomTextField;
import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.StatusPill;
import io.enscope.ui.common.ModalStages;
import io.enscope.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Comparator;
import java.util.List;

/**
 * The bind dialog of one HaVip ({@code BindView.fxml}): the HaVip's facts, its candidate targets
 * with their verdicts, the choice of targets, "Copy as aliyun CLI command", Cancel (Esc) and Bind
 * (Enter). The composition root opens it with
 * {@code new BindView(new BindViewModel(workspace, haVip)).show(owner, whenShown)}.
 *
 * <p>Keyboard: the table has the focus when the dialog opens; Space chooses the focused target,
 * T ticks "Try anyway" on a target held back by a limit, Ctrl/Cmd+F goes to the filter, Enter
 * binds, Esc cancels.
 */
public final class BindView {
    private final BindViewModel viewModel;
    private final Parent loadedRoot;

    @FXML
    private BorderPane root;
    @FXML
    private Label titleLabel;
    @FXML
    private StatusPill haVipStatusPill;
    @FXML
    private Label haVipNameLabel;
    @FXML
    private Label ipLabel;
    @FXML
    private Label vSwitchLabel;
    @FXML
    private Label bindingsLabel;
    @FXML
    private Label noticeLabel;
    @FXML
    private CustomTextField searchField;
    @FXML
    private CheckBox showIneligibleCheck;
    @FXML
    private TableView<BindRow> table;
    @FXML
    private TableColumn<BindRow, BindRow> selectColumn;
    @FXML
    private TableColumn<BindRow, String> targetColumn;
    @FXML
    private TableColumn<BindRow, BindRow> kindColumn;
    @FXML
    private TableColumn<BindRow, String> nameColumn;
    @FXML
    private TableColumn<BindRow, BindRow> statusColumn;
    @FXML
    private TableColumn<BindRow, String> ipColumn;
    @FXML
    private TableColumn<BindRow, BindRow> vSwitchColumn;
    @FXML
    private TableColumn<BindRow, BindRow> verdictColumn;
    @FXML
    private Label placeholderLabel;
    @FXML
    private Label detailLabel;
    @FXML
    private Label limitNoteLabel;
    @FXML
    private Label selectionLabel;
    @FXML
    private Label limitWarningLabel;
    @FXML
    private Button copyCliButton;
    @FXML
    private Label cliFeedbackLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Button bindButton;

    /**
     * Loads the dialog's layout with the ViewModel's language.
     *
     * @param viewModel the dialog's ViewModel, for one HaVip
     */
    public BindView(BindViewModel viewModel) {
        this.viewModel = viewModel;
        this.loadedRoot = new ViewLoader(viewModel.i18n(), type -> {
            throw new IllegalStateException("BindView.fxml needs no other controller than BindView: " + type);
        }).load(BindView.class, this).root();
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindFilter();
        bindTable();
        bindColumns();
        bindFooter();
        bindButtons();
    }

    private void bindHeader() {
        titleLabel.setText(viewModel.i18n().get("bind.header.title", viewModel.haVipId()));
        titleLabel.setGraphic(AppIcon.HAVIP.graphic());
        Runnable showStatus = () -> haVipStatusPill.show(viewModel.haVipStatusTextProperty().get(),
                viewModel.haVipStatusToneProperty().get());
        viewModel.haVipStatusTextProperty().subscribe(showStatus);
        viewModel.haVipStatusToneProperty().subscribe(showStatus);
        showStatus.run();
        haVipNameLabel.textProperty().bind(viewModel.haVipNameProperty());
        ipLabel.textProperty().bind(viewModel.ipAddressProperty());
        vSwitchLabel.textProperty().bind(viewModel.vSwitchTextProperty());
        bindingsLabel.textProperty().bind(viewModel.bindingsTextProperty());
        bindingsLabel.setTooltip(new Tooltip(viewModel.limitNoteProperty().get()));
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        noticeLabel.setGraphic(AppIcon.WARNING.graphic());
        showWhenNotEmpty(noticeLabel);
    }

    private void bindFilter() {
        searchField.setLeft(AppIcon.SEARCH.graphic());
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        showIneligibleCheck.textProperty().bind(viewModel.showIneligibleTextProperty());
        showIneligibleCheck.selectedProperty().bindBidirectional(viewModel.showIneligibleProperty());
        showIneligibleCheck.disableProperty().bind(viewModel.ineligibleCountProperty().isEqualTo(0)
                .and(viewModel.showIneligibleProperty().not()));
    }

    private void bindTable() {
        table.setItems(viewModel.rows());
        viewModel.rows().comparatorProperty().bind(table.comparatorProperty());
        table.setRowFactory(view -> new BindCells.Row());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholderLabel.textProperty().bind(viewModel.placeholderTextProperty());
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKey);
        table.getFocusModel().focusedItemProperty().subscribe(viewModel.focusedRowProperty()::set);
    }

    private void tableKey(KeyEvent event) {
        BindRow focused = table.getFocusModel().getFocusedItem();
        boolean plain = !event.isShortcutDown() && !event.isAltDown();
        if (plain && event.getCode() == KeyCode.SPACE && !event.isShiftDown()) {
            viewModel.toggle(focused);
            event.consume();
        } else if (plain && event.getCode() == KeyCode.T) {
            viewModel.toggleTryAnyway(focused);
            event.consume();
        }
    }

    private void bindSelectColumn() {
        selectColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        selectColumn.setCellFactory(column -> new BindCells.SelectCell(viewModel));
        Label selectHeader = new Label("", AppIcon.OK.graphic());
        selectHeader.setTooltip(new Tooltip(viewModel.i18n().get("bind.column.select")));
        selectColumn.setGraphic(selectHeader);
    }

    private void bindColumns() {
        bindSelectColumn();
        targetColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().targetId()));
        rowColumn(kindColumn, Comparator.comparing(BindRow::getKindText));
        kindColumn.setCellFactory(column -> new BindCells.KindCell());
        nameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
        rowColumn(statusColumn, Comparator.comparing(BindRow::getStatusText));
        statusColumn.setCellFactory(column -> new BindCells.StatusCell());
        ipColumn.setCellValueFactory(cell -> cell.getValue().ipProperty());
        ipColumn.setCellFactory(column -> new BindCells.FittedTextCell());
        rowColumn(vSwitchColumn, Comparator.comparing(BindRow::getVSwitchId));
        vSwitchColumn.setCellFactory(column -> new BindCells.VSwitchCell());
        rowColumn(verdictColumn, BindViewModel.DEFAULT_ORDER);
        verdictColumn.setCellFactory(column -> new BindCells.VerdictCell(viewModel));
    }

    private static void rowColumn(TableColumn<BindRow, BindRow> column, Comparator<BindRow> order) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(order);
    }

    private void bindFooter() {
        limitNoteLabel.textProperty().bind(viewModel.limitNoteProperty());
        limitNoteLabel.setGraphic(AppIcon.INFO.graphic());
        limitNoteLabel.visibleProperty().bind(viewModel.advisoryCountProperty().greaterThan(0));
        limitNoteLabel.managedProperty().bind(limitNoteLabel.visibleProperty());
        selectionLabel.textProperty().bind(viewModel.selectionTextProperty());
        limitWarningLabel.textProperty().bind(viewModel.limitWarningProperty());
        limitWarningLabel.setGraphic(AppIcon.WARNING.graphic());
        showWhenNotEmpty(limitWarningLabel);
        detailLabel.textProperty().bind(viewModel.focusedDetailsProperty());
    }

    private void bindButtons() {
        copyCliButton.setGraphic(AppIcon.CLI.graphic());
        copyCliButton.disableProperty().bind(viewModel.canCopyCliProperty().not());
        copyCliButton.setOnAction(e -> copy(viewModel.copyCliCommands()));
        cliFeedbackLabel.textProperty().bind(viewModel.cliFeedbackProperty());
        bindButton.setGraphic(AppIcon.BIND.graphic());
        bindButton.textProperty().bind(viewModel.submitTextProperty());
        bindButton.disableProperty().bind(viewModel.canSubmitProperty().not());
        bindButton.setOnAction(e -> viewModel.submit());
        cancelButton.setOnAction(e -> close());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static void showWhenNotEmpty(Label label) {
        ObservableValue<Boolean> notEmpty = Bindings.isNotEmpty(label.textProperty());
        label.visibleProperty().bind(notEmpty);
        label.managedProperty().bind(label.visibleProperty());
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    private void focusTable() {
        table.requestFocus();
        if (!table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
    }

    /**
     * Builds the dialog's window, not yet shown: modal to {@code owner} (or to the application when
     * there is none), styled, following the inventory while shown, closing itself on Esc, on
     * Cancel and as soon as the user bound. Call on the FX thread.
     *
     * @param owner the main window, may be null
     * @return the stage
     */
    public Stage createStage(Window owner) {
        Stage stage = modalStage(owner);
        stage.setOnShown(e -> {
            viewModel.activate();
            focusTable();
        });
        stage.setOnHidden(e -> viewModel.deactivate());
        viewModel.submittedProperty().subscribe(ids -> {
            if (ids != null) {
                stage.close();
            }
        });
        return stage;
    }

    private Stage modalStage(Window owner) {
        Stage stage = ModalStages.create(owner, viewModel.title(), loadedRoot);
        Scene scene = stage.getScene();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                searchField::requestFocus);
        // Esc cancels from anywhere, also from the table and the filter field.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.hide();
            }
        });
        stage.setScene(scene);
        return stage;
    }

    /**
     * Shows the dialog (modal to {@code owner}) and returns; the binds run in the background once
     * submitted.
     *
     * @param owner the main window, may be null
     */
    public void show(Window owner) {
        createStage(owner).show();
    }

    /**
     * Shows the dialog and waits until it is closed.
     *
     * @param owner the main window, may be null
     * @return the IDs of the targets submitted for binding, in order; empty when the user cancelled
     */
    public List<String> showAndWait(Window owner) {
        createStage(owner).showAndWait();
        return viewModel.getSubmitted();
    }

    /** @return the dialog's ViewModel */
    public BindViewModel viewModel() {
        return viewModel;
    }

    /** @return the root node */
    public Parent root() {
        return loadedRoot;
    }
}
