package io.enscope.ui.connect;

import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.StatusPill;
import io.enscope.ui.common.ModalStages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The Connect dialog ({@code ConnectView.fxml}): the list of choices, "Test connection" with its
 * outcome inline, Connect and Cancel (Esc). Load it with the {@code ViewLoader}, whose controller
 * factory passes a fresh {@link ConnectViewModel}, then {@link #showAndWait(Window)}.
 */
public final class ConnectView {
    private final ConnectViewModel viewModel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private BorderPane root;
    @FXML
    private ListView<ConnectionRow> choiceList;
    @FXML
    private Label loadErrorLabel;
    @FXML
    private HBox testResultBox;
    @FXML
    private StatusPill testStatusPill;
    @FXML
    private Label testMessageLabel;
    @FXML
    private Label testDetailLabel;
    @FXML
    private Button copyTestButton;
    @FXML
    private Button refreshButton;
    @FXML
    private Button testButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button connectButton;

    public ConnectView(ConnectViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bindChoices();
        bindTest();
        refreshButton.setGraphic(AppIcon.REFRESH.graphic());
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        refreshButton.setOnAction(e -> viewModel.refresh());
        connectButton.setGraphic(AppIcon.CONNECT.graphic());
        connectButton.disableProperty().bind(viewModel.canConnectProperty().not());
        connectButton.setOnAction(e -> viewModel.connect());
        cancelButton.setOnAction(e -> close());
        loadErrorLabel.textProperty().bind(viewModel.loadErrorProperty());
        showWhenNotEmpty(loadErrorLabel);
    }

    private void bindChoices() {
        choiceList.setItems(viewModel.rows());
        choiceList.setCellFactory(list -> new ConnectionCell(resources.getString("connect.row.current")));
        choiceList.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            // Replacing the rows clears the list's selection for a moment; the ViewModel then chooses.
            if (row != null) {
                viewModel.selectedRowProperty().set(row);
            }
        });
        viewModel.selectedRowProperty().addListener((obs, old, row) -> select(row));
        viewModel.rows().addListener((ListChangeListener<ConnectionRow>) change -> select(viewModel.getSelectedRow()));
        select(viewModel.getSelectedRow());
        choiceList.setOnMouseClicked(this::connectOnDoubleClick);
    }

    private void connectOnDoubleClick(MouseEvent event) {
        if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
            viewModel.connect();
        }
    }

    private void bindTest() {
        testButton.setGraphic(AppIcon.BUSY.graphic());
        testButton.disableProperty().bind(viewModel.canTestConnectionProperty().not());
        testButton.setOnAction(e -> viewModel.testConnection());
        testResultBox.visibleProperty().bind(viewModel.testStateProperty().isNotEqualTo(ConnectionTestState.IDLE));
        testResultBox.managedProperty().bind(testResultBox.visibleProperty());
        viewModel.testStateProperty().addListener((obs, old, state) ->
                testStatusPill.show(viewModel.testStatusTextProperty().get(), state.tone()));
        testMessageLabel.textProperty().bind(viewModel.testMessageProperty());
        testDetailLabel.textProperty().bind(viewModel.testDetailProperty());
        showWhenNotEmpty(testDetailLabel);
        bindCopy();
    }

    private void bindCopy() {
        copyTestButton.setGraphic(AppIcon.COPY.graphic());
        copyTestButton.visibleProperty().bind(viewModel.testStateProperty().isNotEqualTo(ConnectionTestState.RUNNING));
        copyTestButton.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.testReport());
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private void select(ConnectionRow row) {
        if (row != null && !row.equals(choiceList.getSelectionModel().getSelectedItem())) {
            choiceList.getSelectionModel().select(row);
            choiceList.scrollTo(row);
        }
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
     * Builds the dialog's window, not yet shown: modal to {@code owner} (or to the application when
     * there is none), styled, activating the ViewModel when shown and deactivating it when hidden,
     * and closing itself once the user connected. Call on the FX thread.
     *
     * @param owner the main window, may be null
     * @return the stage
     */
    public Stage createStage(Window owner) {
        Stage stage = ModalStages.create(owner, resources.getString("connect.dialog.title"), root);
        stage.setOnShown(e -> {
            viewModel.activate();
            choiceList.requestFocus();
        });
        stage.setOnHidden(e -> viewModel.deactivate());
        viewModel.resultProperty().addListener((obs, old, choice) -> {
            if (choice != null) {
                stage.close();
            }
        });
        return stage;
    }


    /**
     * Shows the dialog and waits until it is closed.
     *
     * @param owner the main window, may be null
     * @return the chosen connection, empty when the user cancelled
     */
    public Optional<ConnectionChoice> showAndWait(Window owner) {
        createStage(owner).showAndWait();
        return viewModel.getResult();
    }

    /** @return the dialog's ViewModel */
    public ConnectViewModel viewModel() {
        return viewModel;
    }

    /** @return the root node, for embedding the list in another window */
    public Parent root() {
        return root;
    }
}
