package io.enscope.ui.havip;

import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.SpokenText;
import io.enscope.ui.common.StatusPill;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The HaVip detail ({@code HaVipDetailView.fxml}): header, bindings with live status, timeline and
 * the commands. Embedded by the explorer; the Delete key on a selected binding unbinds it (after
 * confirmation), Ctrl/Cmd+C copies the selected target id.
 */
public final class HaVipDetailView {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final HaVipDetailViewModel viewModel;

    @FXML private ResourceBundle resources;
    @FXML private StackPane root;
    @FXML private Label placeholderLabel;
    @FXML private BorderPane content;
    @FXML private Label idLabel;
    @FXML private Button copyIdButton;
    @FXML private StatusPill statusPill;
    @FXML private Label nameLabel;
    @FXML private Label ipLabel;
    @FXML private Label vSwitchLabel;
    @FXML private Label createdLabel;
    @FXML private Button bindButton;
    @FXML private Button unbindButton;
    @FXML private Button deleteButton;
    @FXML private MenuButton cliButton;
    @FXML private MenuItem unbindCliItem;
    @FXML private MenuItem deleteCliItem;
    @FXML private HBox errorBox;
    @FXML private Label errorIcon;
    @FXML private Label errorMessageLabel;
    @FXML private Label errorDetailLabel;
    @FXML private Button copyErrorButton;
    @FXML private Button dismissErrorButton;
    @FXML private Tab associationsTab;
    @FXML private Tab timelineTab;
    @FXML private TableView<AssociationRow> associationTable;
    @FXML private TableColumn<AssociationRow, String> targetColumn;
    @FXML private TableColumn<AssociationRow, String> typeColumn;
    @FXML private TableColumn<AssociationRow, String> targetIpColumn;
    @FXML private TableColumn<AssociationRow, StatusValue> associationStatusColumn;
    @FXML private TableColumn<AssociationRow, String> sinceColumn;
    @FXML private Label timelineProblemLabel;
    @FXML private TableView<TransitionRow> timelineTable;
    @FXML private TableColumn<TransitionRow, String> timeColumn;
    @FXML private TableColumn<TransitionRow, String> actionColumn;
    @FXML private TableColumn<TransitionRow, String> fromColumn;
    @FXML private TableColumn<TransitionRow, StatusValue> toColumn;
    @FXML private TableColumn<TransitionRow, String> jobColumn;
    @FXML private TableColumn<TransitionRow, String> errorColumn;
    @FXML private Tab eipsTab;
    @FXML private Label eipProblemLabel;
    @FXML private TableView<EipRow> eipTable;
    @FXML private TableColumn<EipRow, String> eipIdColumn;
    @FXML private TableColumn<EipRow, String> eipAddressColumn;
    @FXML private TableColumn<EipRow, String> eipStatusColumn;
    @FXML private TableColumn<EipRow, String> eipBandwidthColumn;
    @FXML private Tab eventsTab;
    @FXML private Label eventProblemLabel;
    @FXML private TableView<EventRow> eventTable;
    @FXML private TableColumn<EventRow, String> eventInstanceColumn;
    @FXML private TableColumn<EventRow, String> eventTypeColumn;
    @FXML private TableColumn<EventRow, String> eventStatusColumn;
    @FXML private TableColumn<EventRow, String> eventNotBeforeColumn;
    @FXML private Tab routesTab;
    @FXML private HBox actionBar;
    /** The width of the commands with their names, measured while they show them. */
    private double namedActionsWidth;
    @FXML private TabPane detailTabs;
    @FXML private TableView<RouteRow> routeTable;
    @FXML private TableColumn<RouteRow, String> routeDestinationColumn;
    @FXML private TableColumn<RouteRow, String> routeEntryColumn;
    @FXML private TableColumn<RouteRow, String> routeTableColumn;
    @FXML private TableColumn<RouteRow, String> routeStatusColumn;
    @FXML private TableColumn<RouteRow, String> routeCreatedColumn;

    /** @param viewModel the detail's ViewModel */
    public HaVipDetailView(HaVipDetailViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /**
     * Loads {@code HaVipDetailView.fxml} with this controller, for embedding in another view.
     *
     * @param bundle the texts of the user's language
     * @return the root node
     */
    public Parent load(ResourceBundle bundle) {
        FXMLLoader loader = new FXMLLoader(HaVipDetailView.class.getResource("HaVipDetailView.fxml"), bundle);
        loader.setControllerFactory(type -> this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load HaVipDetailView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        placeholderLabel.visibleProperty().bind(viewModel.presentProperty().not());
        content.visibleProperty().bind(viewModel.presentProperty());
        bindHeader();
        bindCommands();
        bindError();
        bindAssociations();
        bindTimeline();
        bindEips();
        bindEvents();
        bindRoutes();
        keepTabsClearOfTheActions();
    }

    /**
     * The commands sit at the right end of the tabs' header row. When the tab headers and the
     * commands with their names do not both fit in it, the commands show their icons only (their
     * names stay in their tooltips and accessible texts), so that no tab lies under them.
     */
    private void keepTabsClearOfTheActions() {
        javafx.beans.InvalidationListener fit = o -> fitActions();
        detailTabs.widthProperty().addListener(fit);
        detailTabs.skinProperty().addListener(o -> detailTabs.lookupAll(".tab")
                .forEach(tab -> ((Region) tab).widthProperty().addListener(fit)));
    }

    private void fitActions() {
        List<Button> named = List.of(bindButton, unbindButton, deleteButton);
        if (named.get(0).getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
            namedActionsWidth = actionBar.prefWidth(-1);
        }
        double tabs = 0;
        for (Node tab : detailTabs.lookupAll(".tab")) {
            tabs += ((Region) tab).getWidth();
        }
        ContentDisplay display = tabs + namedActionsWidth > detailTabs.getWidth()
                ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        named.forEach(button -> button.setContentDisplay(display));
    }

    private void bindHeader() {
        idLabel.setGraphic(AppIcon.HAVIP.graphic());
        idLabel.textProperty().bind(viewModel.idProperty());
        nameLabel.textProperty().bind(viewModel.nameProperty());
        ipLabel.textProperty().bind(viewModel.ipAddressProperty());
        vSwitchLabel.textProperty().bind(viewModel.vSwitchProperty());
        createdLabel.textProperty().bind(viewModel.createdProperty());
        Tooltip description = new Tooltip();
        description.textProperty().bind(viewModel.descriptionProperty());
        nameLabel.setTooltip(description);
        viewModel.statusProperty().addListener((obs, old, status) -> showStatus(status));
        showStatus(viewModel.getStatus());
    }

    private void showStatus(StatusValue status) {
        statusPill.show(status == null ? null : status.text(), status == null ? null : status.tone());
        statusPill.setTooltip(status == null || status.tooltip().isEmpty() ? null : new Tooltip(status.tooltip()));
    }

    private void bindCommands() {
        copyIdButton.setGraphic(AppIcon.COPY.graphic());
        copyIdButton.setOnAction(e -> viewModel.copyId());
        command(bindButton, AppIcon.BIND, "havip.detail.bind.tooltip");
        bindButton.disableProperty().bind(viewModel.canBindProperty().not());
        bindButton.setOnAction(e -> viewModel.bind());
        command(unbindButton, AppIcon.UNBIND, "havip.detail.unbind.tooltip");
        unbindButton.disableProperty().bind(viewModel.canUnbindProperty().not());
        unbindButton.setOnAction(e -> viewModel.unbind());
        command(deleteButton, AppIcon.DELETE, "havip.detail.delete.tooltip");
        deleteButton.disableProperty().bind(viewModel.canDeleteProperty().not());
        deleteButton.setOnAction(e -> viewModel.delete());
        cliButton.setGraphic(AppIcon.CLI.graphic());
        unbindCliItem.disableProperty().bind(viewModel.canCopyUnbindCommandProperty().not());
        unbindCliItem.setOnAction(e -> viewModel.copyUnbindCliCommand());
        deleteCliItem.setOnAction(e -> viewModel.copyDeleteCliCommand());
    }

    private void command(Button button, AppIcon icon, String tooltipKey) {
        button.setGraphic(icon.graphic());
        button.setTooltip(new Tooltip(resources.getString(tooltipKey)));
    }

    private void bindError() {
        errorBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errorMessageProperty()));
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        errorIcon.setGraphic(AppIcon.ERROR.graphic());
        errorMessageLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorDetailLabel.textProperty().bind(viewModel.errorDetailProperty());
        copyErrorButton.setGraphic(AppIcon.COPY.graphic());
        copyErrorButton.setOnAction(e -> viewModel.copyError());
        dismissErrorButton.setOnAction(e -> viewModel.dismissError());
        timelineProblemLabel.textProperty().bind(viewModel.timelineProblemProperty());
        timelineProblemLabel.visibleProperty().bind(Bindings.isNotEmpty(viewModel.timelineProblemProperty()));
        timelineProblemLabel.managedProperty().bind(timelineProblemLabel.visibleProperty());
    }

    private void bindAssociations() {
        associationsTab.setGraphic(AppIcon.BIND.graphic());
        associationTable.setItems(viewModel.associations());
        associationTable.setRowFactory(t -> new SpokenText.Row<>());
        viewModel.associations().comparatorProperty().bind(associationTable.comparatorProperty());
        associationTable.setPlaceholder(new Label(resources.getString("havip.detail.associations.none")));
        targetColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getTargetId()));
        targetColumn.setCellFactory(IdCell.withNameBeside(AssociationRow::getTargetName));
        typeColumn.setCellValueFactory(c -> c.getValue().typeProperty());
        targetIpColumn.setCellValueFactory(c -> c.getValue().ipAddressProperty());
        targetIpColumn.setCellFactory(IdCell.plain());
        targetIpColumn.setComparator(Ipv4.ORDER);
        associationStatusColumn.setCellValueFactory(c -> c.getValue().statusProperty());
        associationStatusColumn.setCellFactory(StatusCell.factory());
        sinceColumn.setCellValueFactory(c -> c.getValue().sinceTextProperty());
        syncAssociationSelection();
        associationTable.addEventHandler(KeyEvent.KEY_PRESSED, this::associationKey);
        associationTable.setContextMenu(associationMenu());
    }

    private void syncAssociationSelection() {
        associationTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) ->
                viewModel.selectedAssociationProperty().set(row));
        viewModel.selectedAssociationProperty().addListener((obs, old, row) -> {
            if (row != associationTable.getSelectionModel().getSelectedItem()) {
                if (row == null) {
                    associationTable.getSelectionModel().clearSelection();
                } else {
                    associationTable.getSelectionModel().select(row);
                }
            }
        });
    }

    private void associationKey(KeyEvent event) {
        if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE && event.isShortcutDown()) {
            viewModel.unbind();
            event.consume();
        } else if (COPY.match(event) && viewModel.selectedAssociationProperty().get() != null) {
            copyTarget();
            event.consume();
        }
    }

    private ContextMenu associationMenu() {
        MenuItem unbind = new MenuItem(resources.getString("havip.detail.unbind"), AppIcon.UNBIND.graphic());
        unbind.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        unbind.disableProperty().bind(viewModel.canUnbindProperty().not());
        unbind.setOnAction(e -> viewModel.unbind());
        MenuItem copy = new MenuItem(resources.getString("havip.detail.copyTarget"), AppIcon.COPY.graphic());
        copy.disableProperty().bind(viewModel.selectedAssociationProperty().isNull());
        copy.setOnAction(e -> copyTarget());
        MenuItem cli = new MenuItem(resources.getString("havip.detail.cli.unbind"), AppIcon.CLI.graphic());
        cli.disableProperty().bind(viewModel.canCopyUnbindCommandProperty().not());
        cli.setOnAction(e -> viewModel.copyUnbindCliCommand());
        return new ContextMenu(unbind, copy, cli);
    }

    private void copyTarget() {
        AssociationRow row = viewModel.selectedAssociationProperty().get();
        if (row != null) {
            viewModel.copyTargetId(row);
        }
    }

    private void bindTimeline() {
        timelineTab.setGraphic(AppIcon.HISTORY.graphic());
        timelineTable.setItems(viewModel.timeline());
        timelineTable.setRowFactory(t -> new SpokenText.Row<>());
        timelineTable.setPlaceholder(new Label(resources.getString("havip.timeline.none")));
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().timeText()));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        fromColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().from()));
        toColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().to()));
        toColumn.setCellFactory(StatusCell.factory());
        jobColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().shortJobId()));
        jobColumn.setCellFactory(IdCell.withNameTooltip(TransitionRow::jobId));
        errorColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().errorCode()));
        errorColumn.setCellFactory(IdCell.withNameTooltip(this::errorTooltip));
    }

    /** Read-only: ENS documents no call that binds an EIP to a HaVip, so nothing here changes one. */
    private void bindEips() {
        eipsTab.setTooltip(new Tooltip(resources.getString("havip.detail.eips.tooltip")));
        problem(eipProblemLabel, viewModel.eipProblemProperty());
        eipTable.setItems(viewModel.eips());
        eipTable.setRowFactory(t -> new SpokenText.Row<>());
        eipTable.setPlaceholder(new Label(resources.getString("havip.eip.none")));
        eipIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().eipId()));
        eipIdColumn.setCellFactory(IdCell.plain());
        eipAddressColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().address()));
        eipAddressColumn.setCellFactory(IdCell.plain());
        eipAddressColumn.setComparator(Ipv4.ORDER);
        eipStatusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        eipBandwidthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().bandwidth()));
    }

    private void bindEvents() {
        problem(eventProblemLabel, viewModel.eventProblemProperty());
        eventTable.setItems(viewModel.events());
        eventTable.setRowFactory(t -> new SpokenText.Row<>());
        eventTable.setPlaceholder(new Label(resources.getString("havip.event.none")));
        eventInstanceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().instanceId()));
        eventInstanceColumn.setCellFactory(IdCell.withNameBeside(EventRow::instanceName));
        eventTypeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        eventStatusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        eventNotBeforeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().notBefore()));
    }

    private static void problem(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private void bindRoutes() {
        routeTable.setItems(viewModel.routes());
        routeTable.setRowFactory(t -> new SpokenText.Row<>());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(viewModel.routesMessageProperty());
        routeTable.setPlaceholder(placeholder);
        routeDestinationColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().destination()));
        routeEntryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        routeTableColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().tableId()));
        routeStatusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        routeCreatedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().created()));
    }

    private String errorTooltip(TransitionRow row) {
        if (row.errorMessage().isEmpty() || row.requestId().isEmpty()) {
            return row.errorMessage();
        }
        return row.errorMessage() + "\n" + MessageFormat.format(resources.getString("havip.error.requestId"),
                row.requestId());
    }

    /** @return the root node */
    public Parent root() {
        return root;
    }

    /** @return the ViewModel */
    public HaVipDetailViewModel viewModel() {
        return viewModel;
    }
}
