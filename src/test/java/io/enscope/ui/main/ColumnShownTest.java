package io.enscope.ui.main;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A column the user showed or hid through a table's column menu stays so in the next view and start. */
class ColumnShownTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Like the explorer's instance table: a column menu, and a Tags column hidden by default. */
    private static TableView<String> shown(boolean menu) throws Exception {
        TableView<String> table = new TableView<>();
        table.setTableMenuButtonVisible(menu);
        for (String id : new String[] {"instanceIdColumn", "instanceTagsColumn"}) {
            TableColumn<String, String> column = new TableColumn<>(id);
            column.setId(id);
            column.setPrefWidth(100);
            table.getColumns().add(column);
        }
        table.getColumns().get(1).setVisible(false);
        FxToolkit.setupFixture(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(table, 800, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    @Test
    void aShownColumnIsSavedAndShownAgain() throws Exception {
        TableView<String> before = shown(true);
        assertThat(ColumnWidths.capture(before)).containsEntry("instanceTagsColumn" + ColumnWidths.VISIBLE, 0.5);
        FxToolkit.setupFixture(() -> before.getColumns().get(1).setVisible(true));
        Path file = dir.resolve("window.properties");
        new WindowState(10, 20, 1100, 760, false, 0.6).withColumns(ColumnWidths.capture(before)).save(file);

        WindowState loaded = WindowState.load(file);
        TableView<String> after = shown(true);
        assertThat(after.getColumns().get(1).isVisible()).as("hidden by default").isFalse();
        FxToolkit.setupFixture(() -> ColumnWidths.restore(loaded.columns(), after));
        assertThat(after.getColumns().get(1).isVisible()).isTrue();

        FxToolkit.setupFixture(() -> after.getColumns().get(1).setVisible(false));
        TableView<String> third = shown(true);
        FxToolkit.setupFixture(() -> ColumnWidths.restore(ColumnWidths.capture(after), third));
        assertThat(third.getColumns().get(1).isVisible()).isFalse();
    }

    @Test
    void aTableWithoutColumnMenuKeepsNoShownFlags() throws Exception {
        TableView<String> table = shown(false);
        assertThat(ColumnWidths.capture(table).keySet()).noneMatch(k -> k.endsWith(ColumnWidths.VISIBLE));
    }
}
