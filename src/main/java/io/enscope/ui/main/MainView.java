package io.enscope.ui.main;

import io.enscope.ens.model.Region;
import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SandboxControl;
import io.enscope.ui.common.StatusPill;
import io.enscope.ui.common.Theme;
import io.enscope.ui.common.Tone;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.control.ProgressBar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The main window's frame: menus, sandbox banner, toolbar, work area, activities and status bar. */
public final class MainView {

    /** What the menus do beyond the ViewModel: dialogs and windows, owned by the composition root. */
    public interface Actions {
        void connect();

        void settings();

        void exportCsv();

        void language(Locale locale);

        void theme(Theme theme);

        void about();

        void openLogs();

        void quit();
    }

    private final MainViewModel viewModel;
    private final Actions actions;
    private final I18n i18n;

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private Menu sandboxMenu;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem searchItem;
    @FXML private MenuItem connectItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem settingsItem;
    @FXML private CheckMenuItem activitiesItem;
    @FXML private RadioMenuItem englishItem;
    @FXML private RadioMenuItem chineseItem;
    @FXML private RadioMenuItem lightItem;
    @FXML private RadioMenuItem darkItem;
    @FXML private HBox sandboxBanner;
    @FXML private Label bannerTitle;
    @FXML private Label bannerText;
    @FXML private CheckComboBox<Region> regionPicker;
    @FXML private Button refreshButton;
    @FXML private CustomTextField searchField;
    @FXML private Label connectionLabel;
    @FXML private SplitPane verticalSplit;
    @FXML private StackPane workArea;
    @FXML private TitledPane activitiesPane;
    private double savedDivider = -1;
    private double activitiesHeight = -1;
    private boolean draggingDivider;
    @FXML private StackPane activitySlot;
    @FXML private HBox statusBar;
    @FXML private Label statusText;
    @FXML private Label staleText;
    @FXML private Label jobSummary;
    @FXML private ProgressBar statusProgress;

    private boolean updatingRegions;

    public MainView(MainViewModel viewModel, Actions actions, I18n i18n) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        refreshItem.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        searchItem.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        refreshItem.disableProperty().bind(viewModel.canRefresh().not());
        refreshButton.setGraphic(AppIcon.REFRESH.graphic());
        refreshButton.disableProperty().bind(viewModel.canRefresh().not());

        ToggleGroup languages = new ToggleGroup();
        englishItem.setToggleGroup(languages);
        chineseItem.setToggleGroup(languages);
        (i18n.locale().getLanguage().equals("zh") ? chineseItem : englishItem).setSelected(true);
        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);

        sandboxMenu.visibleProperty().bind(viewModel.sandboxProperty());
        sandboxBanner.visibleProperty().bind(viewModel.sandboxProperty());
        sandboxBanner.managedProperty().bind(viewModel.sandboxProperty());
        bannerTitle.setGraphic(AppIcon.SANDBOX.graphic());
        bannerText.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("main.banner.text", viewModel.sandboxEndpointProperty().get()),
                viewModel.sandboxEndpointProperty()));
        connectionLabel.textProperty().bind(viewModel.connectionProperty());
        connectionLabel.setGraphic(AppIcon.KEY.graphic());
        connectionLabel.getStyleClass().add("status-pill");
        showConnectionTone(null, viewModel.connectionToneProperty().get());
        viewModel.connectionToneProperty().addListener((obs, was, tone) -> showConnectionTone(was, tone));

        searchField.setPromptText(i18n.get("main.toolbar.search"));
        searchField.setLeft(AppIcon.SEARCH.graphic());
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());

        regionPicker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Region r) {
                if (r == null) {
                    return "";
                }
                String name = i18n.locale().getLanguage().equals("zh") ? r.name() : r.enName();
                return name == null || name.isBlank() ? r.id() : name + " (" + r.id() + ")";
            }

            @Override
            public Region fromString(String s) {
                return null;
            }
        });
        // Not bound: ControlsFX's check model keeps its checked indices when the items change, so
        // the checks are cleared while they still name the old items (syncRegionChecks).
        regionPicker.getItems().setAll(viewModel.regions());
        viewModel.regions().addListener((ListChangeListener<Region>) c -> syncRegionChecks());
        viewModel.selectedRegions().addListener((ListChangeListener<String>) c -> syncRegionChecks());
        // Several checked regions read "3 regions" rather than a truncated list of names.
        regionPicker.titleProperty().bind(Bindings.createStringBinding(() -> viewModel.regionSummaryProperty().get()
                .isEmpty() ? null : viewModel.regionSummaryProperty().get(), viewModel.regionSummaryProperty()));
        regionPicker.getCheckModel().getCheckedItems().addListener((ListChangeListener<Region>) c -> {
            if (!updatingRegions) {
                List<String> ids = new ArrayList<>();
                regionPicker.getCheckModel().getCheckedItems().forEach(r -> ids.add(r.id()));
                if (!ids.isEmpty()) {
                    viewModel.chooseRegions(ids);
                }
            }
        });

        activitiesItem.selectedProperty().bindBidirectional(viewModel.activitiesExpandedProperty());
        activitiesPane.expandedProperty().bindBidirectional(viewModel.activitiesExpandedProperty());
        activitiesPane.setGraphic(AppIcon.HISTORY.graphic());
        keepActivitiesHeightOnResize();

        statusText.textProperty().bind(viewModel.statusProperty());
        staleText.textProperty().bind(viewModel.staleProperty());
        staleText.visibleProperty().bind(viewModel.staleProperty().isNotEmpty());
        staleText.managedProperty().bind(staleText.visibleProperty());
        statusProgress.progressProperty().bind(viewModel.progressProperty());
        statusProgress.visibleProperty().bind(viewModel.loadingProperty());
        statusProgress.managedProperty().bind(viewModel.loadingProperty());
        connectItem.setGraphic(AppIcon.CONNECT.graphic());
        exportItem.setGraphic(AppIcon.EXPORT.graphic());
        settingsItem.setGraphic(AppIcon.SETTINGS.graphic());
        refreshButton.setTooltip(new Tooltip(i18n.get("main.toolbar.refresh")));
    }

    private void syncRegionChecks() {
        updatingRegions = true;
        try {
            regionPicker.getCheckModel().clearChecks();
            if (!regionPicker.getItems().equals(viewModel.regions())) {
                regionPicker.getItems().setAll(viewModel.regions());
            }
            List<String> chosen = viewModel.chosenRegions();
            for (Region r : regionPicker.getItems()) {
                if (chosen.contains(r.id())) {
                    regionPicker.getCheckModel().check(r);
                }
            }
        } finally {
            updatingRegions = false;
        }
    }

    private void showConnectionTone(Tone was, Tone tone) {
        if (was != null) {
            connectionLabel.pseudoClassStateChanged(StatusPill.pseudoClass(was), false);
        }
        connectionLabel.pseudoClassStateChanged(StatusPill.pseudoClass(tone), true);
    }

    /** Puts the explorer (tree, tables, HaVip detail) in the work area. */
    public void setWorkArea(Node node) {
        workArea.getChildren().setAll(node);
    }

    /** @return the position (0..1) of the divider above the Activities pane */
    public double activitiesDivider() {
        return verticalSplit.getDividerPositions()[0];
    }

    /** @param position a position saved from {@link #activitiesDivider()}; ignored when out of 0..1 */
    public void restoreActivitiesDivider(double position) {
        if (position > 0 && position < 1) {
            savedDivider = position;
            keepActivitiesHeight();
        }
    }

    /**
     * The Activities pane keeps its height when the window is resized: the height app.css gives it,
     * or the one it was given by dragging the divider (or at the last start). A split pane's ratio
     * would give it too few rows on a small screen and too many on a big one. The split pane
     * still keeps every pane at least at its minimum height.
     */
    private void keepActivitiesHeightOnResize() {
        verticalSplit.heightProperty().addListener(o -> keepActivitiesHeight());
        SplitPane.Divider divider = verticalSplit.getDividers().get(0);
        divider.positionProperty().addListener(o -> {
            if (draggingDivider && verticalSplit.getHeight() > 0) {
                activitiesHeight = (1 - divider.getPosition()) * verticalSplit.getHeight();
            }
        });
        verticalSplit.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e ->
                draggingDivider = e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider"));
        verticalSplit.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> draggingDivider = false);
    }

    private void keepActivitiesHeight() {
        double total = verticalSplit.getHeight();
        if (total <= 0) {
            return;
        }
        if (activitiesHeight < 0) {
            activitiesHeight = savedDivider > 0 ? (1 - savedDivider) * total : activitiesPane.prefHeight(-1);
        }
        verticalSplit.setDividerPositions(Math.max(0, Math.min(1, 1 - activitiesHeight / total)));
    }

    /** Puts the activities view in the bottom pane. */
    public void setActivities(Node node) {
        activitySlot.getChildren().setAll(node);
    }

    /** Shows the jobs' summary (e.g. "2 running · 1 failed") in the status bar and the pane title. */
    public void showJobSummary(javafx.beans.value.ObservableValue<String> summary,
                               javafx.beans.value.ObservableValue<String> paneTitle) {
        jobSummary.textProperty().bind(summary);
        activitiesPane.textProperty().bind(paneTitle);
    }

    public void selectTheme(Theme theme) {
        (theme == Theme.DARK ? darkItem : lightItem).setSelected(true);
    }

    public BorderPane root() {
        return root;
    }

    @FXML
    private void onConnect() {
        actions.connect();
    }

    @FXML
    private void onExport() {
        actions.exportCsv();
    }

    @FXML
    private void onSettings() {
        actions.settings();
    }

    @FXML
    private void onQuit() {
        actions.quit();
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    @FXML
    private void onSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void onEnglish() {
        actions.language(Locale.ENGLISH);
    }

    @FXML
    private void onChinese() {
        actions.language(I18n.CHINESE);
    }

    @FXML
    private void onLight() {
        actions.theme(Theme.LIGHT);
    }

    @FXML
    private void onDark() {
        actions.theme(Theme.DARK);
    }

    @FXML
    private void onSandboxReset() {
        viewModel.sandboxReset();
    }

    @FXML
    private void onFaultThrottling() {
        viewModel.sandboxInject(SandboxControl.Fault.THROTTLING);
    }

    @FXML
    private void onFaultSystemError() {
        viewModel.sandboxInject(SandboxControl.Fault.SYSTEM_ERROR);
    }

    @FXML
    private void onFaultSlow() {
        viewModel.sandboxInject(SandboxControl.Fault.SLOW_ASSOCIATION);
    }

    @FXML
    private void onFaultDropped() {
        viewModel.sandboxInject(SandboxControl.Fault.DROPPED_CONNECTION);
    }

    @FXML
    private void onSandboxClear() {
        viewModel.sandboxClearFaults();
    }

    @FXML
    private void onAbout() {
        actions.about();
    }

    @FXML
    private void onLogs() {
        actions.openLogs();
    }
}
