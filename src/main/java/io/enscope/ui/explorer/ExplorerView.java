package io.enscope.ui.explorer;

import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.SpokenText;
import io.enscope.ui.havip.HaVipDetailView;
import io.enscope.ui.havip.IdCell;
import io.enscope.ui.havip.Ipv4;
import io.enscope.ui.havip.StatusCell;
import io.enscope.ui.havip.StatusValue;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Callback;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The explorer ({@code ExplorerView.fxml}): tree at the left; at the right the tables of the
 * selected node in tabs, with the selected HaVip's detail below them. The composition root loads
 * it with the {@code ViewLoader} ({@code load(ExplorerView.class, new ExplorerView(viewModel))})
 * and puts {@link #root()} in the main window's work area. The ViewModel is activated while the
 * view is in a showing window. Keys: Ctrl/Cmd+B binds the selected HaVip, Ctrl/Cmd+C copies the
 * selected id, Delete on a binding in the detail unbinds it.
 */
public final class ExplorerView {
    /** Opens the bind dialog of the selected HaVip. */
    public static final KeyCombination BIND = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final ExplorerViewModel viewModel;
    private final Map<String, TreeItem<ExplorerNode>> treeItems = new HashMap<>();
    private final TreeItem<ExplorerNode> treeRoot = new TreeItem<>();
    private final Runnable bindAccelerator;
    private HaVipDetailView detailView;
    private ObservableValue<Boolean> showing;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private SplitPane mainSplit;
    @FXML private TreeView<ExplorerNode> tree;
    @FXML private SplitPane detailSplit;
    @FXML private Label scopeLabel;
    @FXML private Button copyIdButton;
    @FXML private Button bindButton;
    @FXML private Button createHaVipButton;
    @FXML private TabPane tabs;
    @FXML private Tab haVipsTab;
    @FXML private Tab instancesTab;
    @FXML private Tab enisTab;
    @FXML private TableView<HaVipRow> haVipTable;
    @FXML private TableColumn<HaVipRow, String> haVipIdColumn;
    @FXML private TableColumn<HaVipRow, String> haVipNameColumn;
    @FXML private TableColumn<HaVipRow, String> haVipIpColumn;
    @FXML private TableColumn<HaVipRow, StatusValue> haVipStatusColumn;
    @FXML private TableColumn<HaVipRow, String> haVipAssociationsColumn;
    @FXML private TableColumn<HaVipRow, String> haVipVSwitchColumn;
    @FXML private TableColumn<HaVipRow, String> haVipCreatedColumn;
    @FXML private TableView<InstanceRow> instanceTable;
    @FXML private TableColumn<InstanceRow, String> instanceIdColumn;
    @FXML private TableColumn<InstanceRow, String> instanceNameColumn;
    @FXML private TableColumn<InstanceRow, StatusValue> instanceStatusColumn;
    @FXML private TableColumn<InstanceRow, String> instanceIpColumn;
    @FXML private TableColumn<InstanceRow, String> instanceVSwitchColumn;
    @FXML private TableColumn<InstanceRow, Number> instanceHaVipsColumn;
    @FXML private TableColumn<InstanceRow, String> instanceSecurityGroupsColumn;
    @FXML private TableColumn<InstanceRow, String> instanceTagsColumn;
    @FXML private TableView<EniRow> eniTable;
    @FXML private TableColumn<EniRow, String> eniIdColumn;
    @FXML private TableColumn<EniRow, String> eniNameColumn;
    @FXML private TableColumn<EniRow, String> eniTypeColumn;
    @FXML private TableColumn<EniRow, StatusValue> eniStatusColumn;
    @FXML private TableColumn<EniRow, String> eniIpColumn;
    @FXML private TableColumn<EniRow, String> eniInstanceColumn;
    @FXML private TableColumn<EniRow, String> eniVSwitchColumn;
    @FXML private TableColumn<EniRow, Number> eniHaVipsColumn;
    @FXML private TableColumn<EniRow, String> eniSecurityGroupsColumn;
    @FXML private StackPane detailSlot;

    /** @param viewModel the explorer's ViewModel */
    public ExplorerView(ExplorerViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.bindAccelerator = viewModel::bind;
    }

    @FXML
    private void initialize() {
        bindTree();
        bindToolBar();
        bindTabs();
        bindHaVipTable();
        bindInstanceTable();
        bindEniTable();
        installDetail();
        followVisibility();
    }

    // ---- HaVip detail ---------------------------------------------------------------------


    private void installDetail() {
        detailView = new HaVipDetailView(viewModel.detail());
        detailSlot.getChildren().setAll(detailView.load(resources));
    }

    // ---- tree -----------------------------------------------------------------------------

    private void bindTree() {
        tree.setRoot(treeRoot);
        tree.setCellFactory(view -> fixesCellSize(new ExplorerTreeCell(), tree.fixedCellSizeProperty()));
        viewModel.treeProperty().addListener((obs, old, regions) -> showTree(regions));
        showTree(viewModel.treeProperty().get());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() != null) {
                viewModel.selectedNodeProperty().set(item.getValue());
            }
        });
        viewModel.selectedNodeProperty().addListener((obs, old, node) -> selectNode(node));
        onCopyKey(tree, () -> viewModel.copyNodeId(viewModel.getSelectedNode()));
        tree.setContextMenu(treeMenu());
    }

    private static void onCopyKey(Node node, Runnable copy) {
        node.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copy.run();
                e.consume();
            }
        });
    }

    private ContextMenu treeMenu() {
        MenuItem copy = new MenuItem(resources.getString("explorer.action.copyId"), AppIcon.COPY.graphic());
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> viewModel.copyNodeId(viewModel.getSelectedNode()));
        return new ContextMenu(copy, createItem());
    }

    /** Rebuilds the tree's items from the ViewModel's nodes, reusing items by key to keep expansion and selection. */
    private void showTree(List<ExplorerNode> regions) {
        Map<String, TreeItem<ExplorerNode>> seen = new HashMap<>();
        syncChildren(treeRoot, regions, seen);
        treeItems.clear();
        treeItems.putAll(seen);
        selectNode(viewModel.getSelectedNode());
    }

    private void syncChildren(TreeItem<ExplorerNode> parent, List<ExplorerNode> nodes,
                              Map<String, TreeItem<ExplorerNode>> seen) {
        List<TreeItem<ExplorerNode>> children = new ArrayList<>(nodes.size());
        for (ExplorerNode node : nodes) {
            TreeItem<ExplorerNode> item = treeItems.get(node.key());
            if (item == null) {
                item = new TreeItem<>(node);
                item.setExpanded(node.kind() != ExplorerNode.Kind.VSWITCH);
            } else if (node != item.getValue() && !node.equals(item.getValue())) {
                item.setValue(node);
            }
            seen.put(node.key(), item);
            syncChildren(item, node.children(), seen);
            children.add(item);
        }
        if (!sameItems(parent.getChildren(), children)) {
            parent.getChildren().setAll(children);
        }
    }

    private static boolean sameItems(List<TreeItem<ExplorerNode>> current, List<TreeItem<ExplorerNode>> wanted) {
        if (current.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i) != wanted.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void selectNode(ExplorerNode node) {
        TreeItem<ExplorerNode> item = node == null ? null : treeItems.get(node.key());
        if (item == null || tree.getSelectionModel().getSelectedItem() == item) {
            return;
        }
        for (TreeItem<ExplorerNode> parent = item.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0 && !scrolledTo(Math.max(0, row - 3))) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    /**
     * Whether the tree already shows {@code top} as its first row. scrollTo lays the tree out at
     * once, creating and styling its cells, which stalls the window when the large inventory first
     * arrives; it is skipped for the first region, which is at the top anyway.
     */
    private boolean scrolledTo(int top) {
        VirtualFlow<?> flow = tree.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
        if (flow == null) {
            return false;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        return first == null ? top == 0 && flow.getPosition() == 0 : first.getIndex() == top;
    }

    // ---- toolbar and tabs -----------------------------------------------------------------

    private void bindToolBar() {
        scopeLabel.textProperty().bind(viewModel.scopeTextProperty());
        // The end of the path (the VSwitch) matters most, so a long path loses its beginning.
        scopeLabel.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        Tooltip scope = new Tooltip();
        scope.textProperty().bind(viewModel.scopeTextProperty());
        scopeLabel.setTooltip(scope);
        scopeLabel.setGraphic(AppIcon.NETWORK.graphic());
        action(copyIdButton, AppIcon.COPY, "explorer.action.copyId.tooltip", COPY);
        copyIdButton.disableProperty().bind(viewModel.canCopyIdProperty().not());
        copyIdButton.setOnAction(e -> viewModel.copyId());
        action(bindButton, AppIcon.BIND, "explorer.action.bind.tooltip", BIND);
        bindButton.disableProperty().bind(viewModel.canBindProperty().not());
        bindButton.setOnAction(e -> viewModel.bind());
        action(createHaVipButton, AppIcon.CREATE, "explorer.action.createHaVip.tooltip", null);
        createHaVipButton.disableProperty().bind(viewModel.canCreateHaVipProperty().not());
        createHaVipButton.setOnAction(e -> viewModel.createHaVip());
    }

    private void action(Button button, AppIcon icon, String tooltipKey, KeyCombination keys) {
        button.setGraphic(icon.graphic());
        String text = MessageFormat.format(resources.getString(tooltipKey), keys == null ? "" : keys.getDisplayText());
        button.setTooltip(new Tooltip(text));
    }

    private void bindTabs() {
        haVipsTab.textProperty().bind(viewModel.tabTitle(ExplorerTab.HAVIPS));
        instancesTab.textProperty().bind(viewModel.tabTitle(ExplorerTab.INSTANCES));
        enisTab.textProperty().bind(viewModel.tabTitle(ExplorerTab.ENIS));
        haVipsTab.setGraphic(AppIcon.HAVIP.graphic());
        instancesTab.setGraphic(AppIcon.INSTANCE.graphic());
        enisTab.setGraphic(AppIcon.NETWORK_INTERFACE.graphic());
        // TabPane lays out the content of every tab, shown or not: a table in a hidden tab would
        // create and style its rows on every change (hundreds of cells when a large node loads).
        // Unmanaged, it is not sized until its tab is selected; it still holds its rows.
        for (Tab tab : List.of(haVipsTab, instancesTab, enisTab)) {
            tab.getContent().managedProperty().bind(tab.selectedProperty());
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                viewModel.activeTabProperty().set(tabOf(tab)));
        viewModel.activeTabProperty().addListener((obs, old, tab) -> tabs.getSelectionModel().select(tabFor(tab)));
        tabs.getSelectionModel().select(tabFor(viewModel.activeTabProperty().get()));
        lazyTabs();
    }

    /**
     * A hidden tab's table joins the scene when its tab is first selected: TabPane styles and
     * skins the content of hidden tabs too. The tables are fed by the ViewModel from the start.
     */
    private void lazyTabs() {
        for (Tab tab : List.of(haVipsTab, instancesTab, enisTab)) {
            if (tab.isSelected()) {
                continue;
            }
            Node content = tab.getContent();
            tab.setContent(null);
            tab.selectedProperty().addListener((obs, was, selected) -> {
                if (selected && tab.getContent() == null) {
                    tab.setContent(content);
                }
            });
        }
    }

    private ExplorerTab tabOf(Tab tab) {
        return tab == instancesTab ? ExplorerTab.INSTANCES : tab == enisTab ? ExplorerTab.ENIS : ExplorerTab.HAVIPS;
    }

    private Tab tabFor(ExplorerTab tab) {
        return switch (tab) {
            case HAVIPS -> haVipsTab;
            case INSTANCES -> instancesTab;
            case ENIS -> enisTab;
        };
    }

    // ---- tables ---------------------------------------------------------------------------

    private void bindHaVipTable() {
        table(haVipTable, viewModel.haVipRows(), viewModel.selectedHaVipRowProperty(), ExplorerTab.HAVIPS);
        id(haVipIdColumn);
        haVipNameColumn.setCellValueFactory(c -> c.getValue().nameProperty());
        ip(haVipIpColumn, c -> c.getValue().ipAddressProperty());
        status(haVipStatusColumn, c -> c.getValue().statusProperty());
        haVipAssociationsColumn.setCellValueFactory(c -> c.getValue().associationsProperty());
        haVipAssociationsColumn.setCellFactory(IdCell.plain());
        haVipVSwitchColumn.setCellValueFactory(c -> c.getValue().vSwitchIdProperty());
        haVipVSwitchColumn.setCellFactory(IdCell.withNameTooltip(HaVipRow::getVSwitchName));
        haVipCreatedColumn.setCellValueFactory(c -> c.getValue().createdProperty());
        haVipTable.getContextMenu().getItems().addAll(new SeparatorMenuItem(), bindItem(), createItem());
    }

    private MenuItem bindItem() {
        MenuItem bind = new MenuItem(resources.getString("explorer.action.bind"), AppIcon.BIND.graphic());
        bind.setAccelerator(BIND);
        bind.disableProperty().bind(viewModel.canBindProperty().not());
        bind.setOnAction(e -> viewModel.bind());
        return bind;
    }

    private MenuItem createItem() {
        MenuItem create = new MenuItem(resources.getString("explorer.action.createHaVip"), AppIcon.CREATE.graphic());
        create.disableProperty().bind(viewModel.canCreateHaVipProperty().not());
        create.setOnAction(e -> viewModel.createHaVip());
        return create;
    }

    private void bindInstanceTable() {
        table(instanceTable, viewModel.instanceRows(), viewModel.selectedInstanceRowProperty(), ExplorerTab.INSTANCES);
        id(instanceIdColumn);
        instanceNameColumn.setCellValueFactory(c -> c.getValue().nameProperty());
        status(instanceStatusColumn, c -> c.getValue().statusProperty());
        ip(instanceIpColumn, c -> c.getValue().privateIpProperty());
        instanceVSwitchColumn.setCellValueFactory(c -> c.getValue().vSwitchIdProperty());
        instanceVSwitchColumn.setCellFactory(IdCell.withNameTooltip(InstanceRow::getVSwitchName));
        instanceHaVipsColumn.setCellValueFactory(c -> c.getValue().haVipCountProperty());
        instanceHaVipsColumn.getStyleClass().add("number-column");
        // Hidden by default (the table's column menu shows it); remembered with the column widths.
        instanceSecurityGroupsColumn.setCellValueFactory(c -> c.getValue().instanceProperty()
                .map(i -> String.join(", ", i.securityGroupIds())));
        instanceSecurityGroupsColumn.setCellFactory(IdCell.plain());
        instanceTagsColumn.setCellValueFactory(c -> c.getValue().tagsProperty());
    }

    private void bindEniTable() {
        table(eniTable, viewModel.eniRows(), viewModel.selectedEniRowProperty(), ExplorerTab.ENIS);
        id(eniIdColumn);
        eniNameColumn.setCellValueFactory(c -> c.getValue().nameProperty());
        eniTypeColumn.setCellValueFactory(c -> c.getValue().typeProperty());
        status(eniStatusColumn, c -> c.getValue().statusProperty());
        ip(eniIpColumn, c -> c.getValue().primaryIpProperty());
        eniInstanceColumn.setCellValueFactory(c -> c.getValue().instanceIdProperty());
        eniInstanceColumn.setCellFactory(IdCell.withNameBeside(EniRow::getInstanceName));
        eniVSwitchColumn.setCellValueFactory(c -> c.getValue().vSwitchIdProperty());
        eniVSwitchColumn.setCellFactory(IdCell.withNameTooltip(EniRow::getVSwitchName));
        eniHaVipsColumn.setCellValueFactory(c -> c.getValue().haVipCountProperty());
        eniHaVipsColumn.getStyleClass().add("number-column");
        eniSecurityGroupsColumn.setCellValueFactory(c -> c.getValue().networkInterfaceProperty()
                .map(e -> String.join(", ", e.securityGroupIds())));
        eniSecurityGroupsColumn.setCellFactory(IdCell.plain());
    }

    /** Items, sorting, placeholder, selection both ways, Ctrl/Cmd+C and the copy context menu. */
    private <R extends ExplorerRow> void table(TableView<R> table, SortedList<R> rows, ObjectProperty<R> selected,
                                               ExplorerTab tab) {
        table.setItems(rows);
        // the previous node's rows, until the new node's are made in the background: not to be acted
        // on (set, not bound: a Tab sets its content's disable state when the content is put in)
        viewModel.rowsBuildingProperty().addListener((obs, was, building) -> table.setDisable(building));
        table.setRowFactory(view -> fixesCellSize(new SpokenText.Row<>(), table.fixedCellSizeProperty()));
        rows.comparatorProperty().bind(table.comparatorProperty());
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholder(tab));
        placeholder.getStyleClass().add("muted");
        table.setPlaceholder(placeholder);
        syncSelection(table, selected);
        onCopyKey(table, viewModel::copyId);
        table.setContextMenu(copyMenu());
    }

    /** The table's selection and the ViewModel's, both ways; the row objects are the same in both. */
    /**
     * Fixes the cell size of the cell's tree or table to the height of its first filled row. All
     * rows of these views are one line high; without a fixed size the view estimates its scroll
     * length by filling rows one after another through a spare cell (status pills, icons and
     * CSS included), which in the large scenario made a big part of every long stall.
     */
    private static <C extends IndexedCell<?>> C fixesCellSize(C cell, DoubleProperty fixedCellSize) {
        cell.heightProperty().addListener((obs, old, height) -> {
            if (fixedCellSize.get() <= 0 && height.doubleValue() > 0 && !cell.isEmpty() && cell.getItem() != null) {
                fixedCellSize.set(height.doubleValue());
            }
        });
        return cell;
    }

    private static <R> void syncSelection(TableView<R> table, ObjectProperty<R> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> selected.set(row));
        selected.addListener((obs, old, row) -> {
            if (row == table.getSelectionModel().getSelectedItem()) {
                return;
            }
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        });
    }

    private ContextMenu copyMenu() {
        MenuItem copyId = new MenuItem(resources.getString("explorer.action.copyId"), AppIcon.COPY.graphic());
        copyId.setAccelerator(COPY);
        copyId.disableProperty().bind(viewModel.canCopyIdProperty().not());
        copyId.setOnAction(e -> viewModel.copyId());
        MenuItem copyIp = new MenuItem(resources.getString("explorer.action.copyIp"));
        copyIp.disableProperty().bind(viewModel.canCopyIdProperty().not());
        copyIp.setOnAction(e -> viewModel.copyIp());
        return new ContextMenu(copyId, copyIp);
    }

    private static <R extends ExplorerRow> void id(TableColumn<R, String> column) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getId()));
        column.setCellFactory(IdCell.plain());
    }

    private static <R> void ip(TableColumn<R, String> column,
                               Callback<TableColumn.CellDataFeatures<R, String>, ObservableValue<String>> value) {
        column.setCellValueFactory(value);
        column.setCellFactory(IdCell.plain());
        column.setComparator(Ipv4.ORDER);
    }

    private static <R> void status(TableColumn<R, StatusValue> column,
                                   Callback<TableColumn.CellDataFeatures<R, StatusValue>, ObservableValue<StatusValue>> value) {
        column.setCellValueFactory(value);
        column.setCellFactory(StatusCell.factory());
    }

    // ---- lifecycle ------------------------------------------------------------------------

    /** Activates the ViewModel while the view is in a showing window; installs Ctrl/Cmd+B in its scene. */
    private void followVisibility() {
        showing = root.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        showing.addListener((obs, was, now) -> {
            if (now) {
                viewModel.activate();
            } else {
                viewModel.deactivate();
            }
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(BIND, bindAccelerator);
            }
            if (scene != null) {
                scene.getAccelerators().putIfAbsent(BIND, bindAccelerator);
            }
        });
    }

    /** @return the HaVips, instances and ENIs tables, whose column widths are kept between starts */
    public List<TableView<?>> tables() {
        return List.of(haVipTable, instanceTable, eniTable);
    }

    /** @return the positions (0..1) of the dividers beside the tree and above the HaVip detail, by name */
    public java.util.Map<String, Double> dividers() {
        return java.util.Map.of("explorer", mainSplit.getDividerPositions()[0],
                "detail", detailSplit.getDividerPositions()[0]);
    }

    /** @param positions positions saved from {@link #dividers()}; missing or out of 0..1 ones are ignored */
    public void restoreDividers(java.util.Map<String, Double> positions) {
        restore(mainSplit, positions.get("explorer"));
        restore(detailSplit, positions.get("detail"));
    }

    private static void restore(SplitPane split, Double position) {
        if (position != null && position > 0 && position < 1) {
            split.setDividerPositions(position);
        }
    }

    /** @return the root node, for the main window's work area */
    public Parent root() {
        return root;
    }

    /** @return the ViewModel (CSV export, selection, active tab) */
    public ExplorerViewModel viewModel() {
        return viewModel;
    }

    /** @return the embedded HaVip detail */
    public HaVipDetailView detailView() {
        return detailView;
    }
}
