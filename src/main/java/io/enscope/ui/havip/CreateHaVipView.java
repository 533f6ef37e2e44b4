package io.enscope.ui.havip;

import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.ModalStages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The Create HaVip dialog ({@code CreateHaVipView.fxml}): fixed IP (optional, checked as typed),
 * name, description, ENS's refusal inline, "Copy as aliyun CLI command", Cancel (Esc) and Create
 * (Enter). Load it with the {@code ViewLoader} ({@code load(CreateHaVipView.class, new
 * CreateHaVipView(viewModel))}), then {@link #showAndWait(Window)}.
 */
public final class CreateHaVipView {
    private final CreateHaVipViewModel viewModel;

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private Label vSwitchLabel;
    @FXML private TextField ipField;
    @FXML private Label ipHintLabel;
    @FXML private Label ipErrorLabel;
    @FXML private TextField nameField;
    @FXML private Label nameErrorLabel;
    @FXML private TextField descriptionField;
    @FXML private Label descriptionErrorLabel;
    @FXML private HBox errorBox;
    @FXML private Label errorIcon;
    @FXML private Label errorMessageLabel;
    @FXML private Label errorDetailLabel;
    @FXML private Button copyErrorButton;
    @FXML private Button cliButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button cancelButton;
    @FXML private Button createButton;

    /** @param viewModel the dialog's ViewModel, one per dialog */
    public CreateHaVipView(CreateHaVipViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        vSwitchLabel.textProperty().bind(viewModel.vSwitchTextProperty());
        vSwitchLabel.setGraphic(AppIcon.VSWITCH.graphic());
        ipField.textProperty().bindBidirectional(viewModel.ipAddressProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        descriptionField.textProperty().bindBidirectional(viewModel.descriptionProperty());
        ipHintLabel.textProperty().bind(viewModel.ipHintProperty());
        ipErrorLabel.textProperty().bind(viewModel.ipErrorProperty());
        nameErrorLabel.textProperty().bind(viewModel.nameErrorProperty());
        descriptionErrorLabel.textProperty().bind(viewModel.descriptionErrorProperty());
        showWhenNotEmpty(ipErrorLabel);
        showWhenNotEmpty(nameErrorLabel);
        showWhenNotEmpty(descriptionErrorLabel);
        bindError();
        bindButtons();
    }

    private void bindError() {
        errorBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.errorMessageProperty()));
        errorBox.managedProperty().bind(errorBox.visibleProperty());
        errorIcon.setGraphic(AppIcon.ERROR.graphic());
        errorMessageLabel.textProperty().bind(viewModel.errorMessageProperty());
        errorDetailLabel.textProperty().bind(viewModel.errorDetailProperty());
        copyErrorButton.setGraphic(AppIcon.COPY.graphic());
        copyErrorButton.setOnAction(e -> viewModel.copyError());
    }

    private void bindButtons() {
        cliButton.setGraphic(AppIcon.CLI.graphic());
        Tooltip cli = new Tooltip();
        cli.textProperty().bind(viewModel.cliCommandProperty());
        cliButton.setTooltip(cli);
        cliButton.setOnAction(e -> viewModel.copyCliCommand());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        createButton.setGraphic(AppIcon.CREATE.graphic());
        createButton.disableProperty().bind(viewModel.canCreateProperty().not());
        createButton.setOnAction(e -> viewModel.create());
        cancelButton.setOnAction(e -> close());
    }

    private static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    /**
     * Builds the dialog's window, not yet shown: modal to {@code owner}, styled, closing itself once
     * the HaVip is created. Call on the FX thread.
     *
     * @param owner the main window, may be null
     * @return the stage
     */
    public Stage createStage(Window owner) {
        Stage stage = ModalStages.create(owner, resources.getString("havip.create.title"), root);
        stage.setOnShown(e -> ipField.requestFocus());
        for (javafx.scene.Node message : List.of(ipErrorLabel, nameErrorLabel, descriptionErrorLabel, errorBox)) {
            message.visibleProperty().addListener((obs, was, shown) -> Platform.runLater(() -> ModalStages.growToContent(stage)));
        }
        viewModel.resultProperty().addListener((obs, old, ids) -> {
            if (ids != null) {
                stage.close();
            }
        });
        return stage;
    }

    /**
     * Shows the dialog and waits until it is closed.
     *
     * @param owner the main window, may be null
     * @return the ids of the new HaVips, empty when the user cancelled
     */
    public Optional<List<String>> showAndWait(Window owner) {
        createStage(owner).showAndWait();
        return viewModel.getResult();
    }

    /** @return the dialog's ViewModel */
    public CreateHaVipViewModel viewModel() {
        return viewModel;
    }

    /** @return the root node */
    public Parent root() {
        return root;
    }
}
