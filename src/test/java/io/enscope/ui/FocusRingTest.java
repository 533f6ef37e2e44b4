package io.enscope.ui;

import io.enscope.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyboard focus is visible in the light and the dark theme: a table, a tree, a list, a flat
 * (icon) button and a check box look different when they have the focus (border or background).
 */
class FocusRingTest {
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(Theme.LIGHT::apply);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void focusedControlsLookDifferentFromUnfocusedOnes(Theme theme) throws Exception {
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<>("c"));
        table.getItems().add("row");
        TreeView<String> tree = new TreeView<>(new TreeItem<>("root"));
        ListView<String> list = new ListView<>();
        list.getItems().add("item");
        Button flat = new Button();
        flat.getStyleClass().addAll("button-icon", "flat");
        CheckBox check = new CheckBox();
        Button plain = new Button("other");
        List<Node> watched = List.of(table, tree, list, flat, check);

        FxToolkit.setupFixture(() -> {
            theme.apply();
            Stage stage = new Stage();
            Scene scene = new Scene(new VBox(plain, table, tree, list, flat, check), 400, 600);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        List<String> unchanged = new ArrayList<>();
        for (Node node : watched) {
            AtomicReference<String> before = new AtomicReference<>();
            AtomicReference<String> after = new AtomicReference<>();
            robot.interact(() -> {
                plain.requestFocus();
                node.getScene().getRoot().applyCss();
                before.set(look(node));
                node.requestFocus();
                node.getScene().getRoot().applyCss();
                after.set(look(node));
            });
            assertThat(node.isFocused()).as("%s took the focus", node).isTrue();
            if (Objects.equals(before.get(), after.get())) {
                unchanged.add(node.getClass().getSimpleName() + " " + node.getStyleClass());
            }
        }
        assertThat(unchanged).as("controls whose focus is invisible in %s", theme).isEmpty();
    }

    /** Border and background of the node and of its check box's box, as text. */
    private static String look(Node node) {
        Node target = node instanceof CheckBox ? node.lookup(".box") : node;
        Region region = (Region) target;
        String border = region.getBorder() == null ? "" : region.getBorder().getStrokes().stream()
                .map(s -> s.getTopStroke() + "/" + s.getWidths()).toList().toString();
        String background = region.getBackground() == null ? "" : region.getBackground().getFills().stream()
                .map(f -> f.getFill() + "@" + f.getInsets()).toList().toString();
        return border + "|" + background;
    }
}
