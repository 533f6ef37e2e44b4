package io.enscope;

import io.enscope.ens.model.HaVip;
import io.enscope.ui.activity.ActivityView;
import io.enscope.ui.activity.ActivityViewModel;
import io.enscope.ui.bind.BindView;
import io.enscope.ui.bind.BindViewModel;
import io.enscope.ui.common.AtomicFiles;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.TaskRunner;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.explorer.ExplorerView;
import io.enscope.ui.explorer.ExplorerViewModel;
import io.enscope.ui.havip.CreateHaVipView;
import io.enscope.ui.havip.CreateHaVipViewModel;
import io.enscope.ui.main.ColumnWidths;
import io.enscope.ui.main.MainView;
import io.enscope.ui.main.MainViewModel;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the screens of a workspace and puts them into the main window (composition root helper). */
final class Views {
    private ExplorerViewModel currentExplorer;
    private TableView<?>[] tables = new TableView<?>[0];
    /** The column widths to give the next views, and those of the last views disposed. */
    private Map<String, Double> columnWidths = Map.of();
    /** The explorer's divider positions, kept the same way. */
    private Map<String, Double> dividers = Map.of();
    private ExplorerView currentExplorerView;

    /** Builds the explorer and the activities pane of a workspace and puts them in the main window. */
    void install(ViewLoader loader, Workspace workspace, Dialogs dialogs, MainViewModel main, MainView view,
                        List<Runnable> disposers) {
        ExplorerViewModel explorer = new ExplorerViewModel(workspace, dialogs, main.searchProperty());
        ExplorerView explorerView = new ExplorerView(explorer);
        loader.load(ExplorerView.class, explorerView);
        view.setWorkArea(explorerView.root());
        currentExplorer = explorer;
        disposers.add(explorer::dispose);
        disposers.add(() -> currentExplorer = null);

        ActivityViewModel activity = new ActivityViewModel(workspace, dialogs);
        view.showJobSummary(activity.summaryProperty(), activity.titleProperty());
        disposers.add(activity::dispose);

        ActivityView activityView = new ActivityView(activity, loader.i18n());
        loader.load(ActivityView.class, activityView);
        view.setActivities(activityView.root());

        List<TableView<?>> shown = new ArrayList<>(explorerView.tables());
        shown.add(activityView.table());
        tables = shown.toArray(TableView<?>[]::new);
        ColumnWidths.restore(columnWidths, tables);
        explorerView.restoreDividers(dividers);
        currentExplorerView = explorerView;
        disposers.add(() -> {
            columnWidths = columnWidths();
            dividers = dividers();
            tables = new TableView<?>[0];
            currentExplorerView = null;
        });
    }

    /** @param positions the explorer's divider positions saved at the last stop */
    void restoreDividers(Map<String, Double> positions) {
        dividers = positions;
        if (currentExplorerView != null) {
            currentExplorerView.restoreDividers(positions);
        }
    }

    /** @return the explorer's divider positions, or the last ones when no explorer is shown */
    Map<String, Double> dividers() {
        return currentExplorerView == null ? dividers : currentExplorerView.dividers();
    }

    /** @param widths the column widths saved at the last stop, given to the views installed from now on */
    void restoreColumnWidths(Map<String, Double> widths) {
        columnWidths = widths;
        ColumnWidths.restore(widths, tables);
    }

    /** @return the column widths of the views shown, or of the last ones when none are */
    Map<String, Double> columnWidths() {
        if (tables.length == 0) {
            return columnWidths;
        }
        Map<String, Double> widths = new TreeMap<>(columnWidths);
        widths.putAll(ColumnWidths.capture(tables));
        return widths;
    }

    void openBind(Stage owner, Workspace workspace, HaVip haVip, Dialogs dialogs) {
        new BindView(new BindViewModel(workspace, haVip, dialogs::showError)).show(owner);
    }

    void openCreateHaVip(Stage owner, Workspace workspace, String vSwitchId, Dialogs dialogs) {
        CreateHaVipView view = new CreateHaVipView(new CreateHaVipViewModel(workspace, dialogs, vSwitchId));
        new ViewLoader(workspace.i18n(), type -> view).load(CreateHaVipView.class, view);
        view.showAndWait(owner).ifPresent(ids -> {
            ExplorerViewModel explorer = currentExplorer;
            if (explorer != null && !ids.isEmpty()) {
                explorer.selectHaVip(ids.get(0));
            }
        });
    }

    /** Writes the visible rows of the active table to a CSV file the user picks (UTF-8 with BOM, atomically). */
    void exportCsv(Stage owner, I18n i18n, TaskRunner tasks, Dialogs dialogs) {
        ExplorerViewModel explorer = currentExplorer;
        if (explorer == null) {
            return;
        }
        String csv = explorer.csvOfVisibleRows();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("main.menu.export").replace("_", "").replace("\u2026", ""));
        chooser.setInitialFileName(explorer.suggestedCsvFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        Path target = file.toPath();
        tasks.submit("export csv", p -> {
            writeAtomically(target, csv);
            return target;
        }, done -> dialogs.notify(i18n.get("main.export.done.title"), i18n.get("main.export.done", done.toString()),
                Tone.SUCCESS), e -> dialogs.notify(i18n.get("main.export.failed.title"),
                i18n.get("main.export.failed", target.toString(), String.valueOf(e.getMessage())), Tone.DANGER));
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        AtomicFiles.write(target, bytes);
    }
}
