package io.enscope;

import io.enscope.ens.model.HaVip;
import io.enscope.ui.activity.ActivityView;
import io.enscope.ui.activity.ActivityViewModel;
import io.enscope.ui.bind.BindView;
import io.enscope.ui.bind.BindViewModel;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.TaskRunner;
import io.enscope.ui.common.ViewLoader;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.main.MainView;
import io.enscope.ui.main.MainViewModel;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.util.List;

/** Builds the screens of a workspace and puts them into the main window (composition root helper). */
final class Views {
    private Views() {
    }

    static void install(ViewLoader loader, Workspace workspace, Dialogs dialogs, MainViewModel main, MainView view,
                        List<Runnable> disposers) {
        view.setWorkArea(new Label(workspace.connectionLabel()));

        ActivityViewModel activity = new ActivityViewModel(workspace, dialogs);
        ActivityView activityView = new ActivityView(activity, loader.i18n());
        loader.load(ActivityView.class, activityView);
        view.setActivities(activityView.root());
        view.showJobSummary(activity.summaryProperty(), activity.titleProperty());
        disposers.add(activity::dispose);
    }

    static void openBind(Stage owner, Workspace workspace, HaVip haVip, Dialogs dialogs) {
        BindView view = new BindView(new BindViewModel(workspace, haVip, dialogs::showError));
        view.show(owner);
    }

    static void openCreateHaVip(Stage owner, Workspace workspace, String vSwitchId, Dialogs dialogs) {
        // wired when the create dialog lands
    }

    static void exportCsv(Stage owner, I18n i18n, TaskRunner tasks, Dialogs dialogs) {
        // wired when the explorer lands
    }
}
