package io.enscope.ui.settings;

import atlantafx.base.theme.Styles;
import io.enscope.ens.ProxySettings;
import io.enscope.ui.common.ModalStages;
import io.enscope.ui.common.Theme;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The Settings dialog ({@code SettingsView.fxml}). Load it with the {@code ViewLoader}, whose
 * controller factory passes a fresh {@link SettingsViewModel}, then {@link #showAndWait(Window)};
 * the caller applies what comes back: {@code Theme.parse(s.theme()).apply()} at once, the language
 * at the next start, the numbers for work started afterwards.
 */
public final class SettingsView {
    private final SettingsViewModel viewModel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private BorderPane root;
    @FXML
    private ComboBox<Language> languageChoice;
    @FXML
    private Label restartNote;
    @FXML
    private ComboBox<Theme> themeChoice;
    @FXML
    private TextField pollInitialField;
    @FXML
    private Label pollInitialError;
    @FXML
    private TextField pollMaxField;
    @FXML
    private Label pollMaxError;
    @FXML
    private TextField jobTimeoutField;
    @FXML
    private Label jobTimeoutError;
    @FXML
    private TextField maxTargetsField;
    @FXML
    private Label maxTargetsError;
    @FXML
    private TextField maxHaVipsField;
    @FXML
    private Label maxHaVipsError;
    @FXML
    private TextField parallelismField;
    @FXML
    private Label parallelismError;
    @FXML
    private TextField refreshField;
    @FXML
    private Label refreshError;
    @FXML
    private ComboBox<ProxySettings.Mode> proxyModeChoice;
    @FXML
    private TextField proxyHostField;
    @FXML
    private Label proxyHostError;
    @FXML
    private TextField proxyPortField;
    @FXML
    private Label proxyPortError;
    @FXML
    private TextField proxyUserField;
    @FXML
    private PasswordField proxyPasswordField;
    @FXML
    private TextField proxyExclusionsField;
    @FXML
    private Label proxyExclusionsError;
    @FXML
    private GridPane rateLimitsGrid;
    @FXML
    private Button rateLimitsDocumentedButton;
    @FXML
    private Label saveErrorLabel;
    @FXML
    private Button defaultsButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button saveButton;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindChoice(languageChoice, viewModel.languages(), viewModel.languageProperty(), viewModel::languageName);
        bindChoice(themeChoice, viewModel.themes(), viewModel.themeProperty(), viewModel::themeName);
        restartNote.visibleProperty().bind(viewModel.languageChangesProperty());
        restartNote.managedProperty().bind(restartNote.visibleProperty());
        bindNumber(pollInitialField, pollInitialError, viewModel.pollInitialMillis());
        bindNumber(pollMaxField, pollMaxError, viewModel.pollMaxMillis());
        bindNumber(jobTimeoutField, jobTimeoutError, viewModel.jobTimeoutSeconds());
        bindNumber(maxTargetsField, maxTargetsError, viewModel.maxTargetsPerHaVip());
        bindNumber(maxHaVipsField, maxHaVipsError, viewModel.maxHaVipsPerTarget());
        bindNumber(parallelismField, parallelismError, viewModel.parallelism());
        bindNumber(refreshField, refreshError, viewModel.refreshSeconds());
        bindProxy();
        bindRateLimits();
        saveErrorLabel.textProperty().bind(viewModel.saveErrorProperty());
        showWhenNotEmpty(saveErrorLabel);
        defaultsButton.setOnAction(e -> viewModel.restoreDefaults());
        cancelButton.setOnAction(e -> root.getScene().getWindow().hide());
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        saveButton.setOnAction(e -> viewModel.save());
    }

    private void bindProxy() {
        bindChoice(proxyModeChoice, viewModel.proxyModes(), viewModel.proxyModeProperty(), viewModel::proxyModeName);
        bindNumber(proxyPortField, proxyPortError, viewModel.proxyPort());
        bindText(proxyHostField, proxyHostError, viewModel.proxyHostProperty(), viewModel.proxyHostErrorProperty());
        bindText(proxyExclusionsField, proxyExclusionsError, viewModel.proxyExclusionsProperty(),
                viewModel.proxyExclusionsErrorProperty());
        proxyUserField.textProperty().bindBidirectional(viewModel.proxyUserProperty());
        proxyPasswordField.textProperty().bindBidirectional(viewModel.proxyPasswordProperty());
        for (TextField field : new TextField[] {proxyHostField, proxyPortField, proxyUserField, proxyPasswordField,
                proxyExclusionsField}) {
            field.disableProperty().bind(viewModel.manualProxyProperty().not());
        }
    }

    /** One row per operation: its Action name, the calls per second with their error, the default. */
    private void bindRateLimits() {
        int rowIndex = 0;
        for (RateLimitRow row : viewModel.rateLimits()) {
            addRateLimit(row, rowIndex++);
        }
        rateLimitsDocumentedButton.setOnAction(e -> viewModel.useDocumentedRateLimits());
    }

    private void addRateLimit(RateLimitRow row, int rowIndex) {
        TextField field = new TextField();
        field.setId("rateLimit-" + row.action());
        field.setPrefColumnCount(8);
        field.setAccessibleText(MessageFormat.format(resources.getString("settings.rateLimits.field"), row.action()));
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("inline-error");
        bindNumber(field, error, row.field());
        Label name = new Label(row.action());
        name.setLabelFor(field);
        Label unit = new Label(resources.getString("settings.rateLimits.unit") + " \u00b7 "
                + MessageFormat.format(resources.getString("settings.rateLimits.documented"), row.documented()));
        unit.getStyleClass().add("text-muted");
        rateLimitsGrid.addRow(rowIndex, name, new VBox(2, field, error), unit);
    }

    private static void bindText(TextField field, Label error, Property<String> text,
                                 javafx.beans.value.ObservableStringValue errorText) {
        field.textProperty().bindBidirectional(text);
        error.textProperty().bind(errorText);
        showWhenNotEmpty(error);
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !errorText.get().isEmpty());
        errorText.addListener((obs, was, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
    }

    private static <T> void bindChoice(ComboBox<T> box, ObservableList<T> items, Property<T> value,
                                       Function<T, String> name) {
        box.setItems(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return items.stream().filter(item -> name.apply(item).equals(text)).findFirst().orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(value);
    }

    private static void bindNumber(TextField field, Label error, NumberField number) {
        field.textProperty().bindBidirectional(number.textProperty());
        error.textProperty().bind(number.errorProperty());
        showWhenNotEmpty(error);
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !number.isValid());
        number.validProperty().addListener((obs, was, valid) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !valid));
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * Builds the dialog's window, not yet shown: modal to {@code owner} (or to the application when
     * there is none), styled, and closing itself once the settings are saved. Call on the FX thread.
     *
     * @param owner the main window, may be null
     * @return the stage
     */
    public Stage createStage(Window owner) {
        Stage stage = ModalStages.create(owner, resources.getString("settings.dialog.title"), root);
        viewModel.savedProperty().addListener((obs, old, settings) -> {
            if (settings != null) {
                stage.close();
            }
        });
        return stage;
    }


    /**
     * Shows the dialog and waits until it is closed.
     *
     * @param owner the main window, may be null
     * @return the saved settings, empty when the user cancelled
     */
    public Optional<Settings> showAndWait(Window owner) {
        createStage(owner).showAndWait();
        return viewModel.getSaved();
    }

    /** @return the dialog's ViewModel */
    public SettingsViewModel viewModel() {
        return viewModel;
    }

    /** @return the root node */
    public Parent root() {
        return root;
    }
}
