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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A column width the user dragged is saved with the window state and given back to a new view. */
class ColumnWidthsTest {
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

    private static TableView<String> table() {
        TableView<String> table = new TableView<>();
        for (String id : new String[] {"haVipIdColumn", "haVipIpColumn", "haVipStatusColumn"}) {
            TableColumn<String, String> column = new TableColumn<>(id);
            column.setId(id);
            column.setPrefWidth(100);
            table.getColumns().add(column);
        }
        return table;
    }

    private static TableView<String> shown() throws Exception {
        TableView<String> table = table();
        FxToolkit.setupFixture(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(table, 800, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    @Test
    void aChangedWidthIsSavedAndRestoredInANewView() throws Exception {
        TableView<String> before = shown();
        FxToolkit.setupFixture(() -> before.getColumns().get(1).setPrefWidth(233));
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("window.properties");
        new WindowState(10, 20, 1100, 760, false, 0.6).withColumns(ColumnWidths.capture(before)).save(file);
        assertThat(Files.readString(file)).contains("column.haVipIpColumn=233.0");

        WindowState loaded = WindowState.load(file);
        assertThat(loaded.columns()).containsEntry("haVipIpColumn", 233.0).containsEntry("haVipIdColumn", 100.0);
        TableView<String> after = shown();
        assertThat(after.getColumns().get(1).getWidth()).isEqualTo(100);
        FxToolkit.setupFixture(() -> ColumnWidths.restore(loaded.columns(), after));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(after.getColumns().get(1).getWidth()).isEqualTo(233);
        assertThat(loaded.divider()).isEqualTo(0.6);
    }

    @Test
    void aBadWidthIsLeftOutAndTheRestOfTheStateKept() throws Exception {
        Path file = dir.resolve("window.properties");
        Files.writeString(file, "x=1\ny=2\nwidth=1100\nheight=760\nmaximized=false\n"
                + "column.a=abc\ncolumn.b=-5\ncolumn.c=140\n");
        WindowState loaded = WindowState.load(file);
        assertThat(loaded).isNotNull();
        assertThat(loaded.columns()).isEqualTo(Map.of("c", 140.0));
    }
}
