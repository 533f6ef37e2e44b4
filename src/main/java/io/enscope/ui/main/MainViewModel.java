package io.enscope.ui.main;

import io.enscope.ens.model.Region;
import io.enscope.ui.common.ConnectionTarget;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SandboxControl;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.common.Dialogs;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * The main window: title, connection, regions chosen, the shared search text, status and
 * progress, and the Sandbox menu's commands. It binds to a {@link Workspace} once connected.
 */
public final class MainViewModel {
    private final I18n i18n;
    private final Dialogs dialogs;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Tone> connectionTone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
    private final ReadOnlyBooleanWrapper sandbox = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper sandboxEndpoint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stale = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ObservableList<Region> regions = FXCollections.observableArrayList();
    private final ObservableList<String> selectedRegions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper regionSummary = new ReadOnlyStringWrapper("");
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty activitiesExpanded = new SimpleBooleanProperty(true);
    private final BooleanBinding canRefresh;
    private Workspace workspace;

    public MainViewModel(I18n i18n, Dialogs dialogs) {
        this.i18n = i18n;
        this.dialogs = dialogs;
        title.set(i18n.get("app.title"));
        connection.set(i18n.get("main.connecting"));
        status.set(i18n.get("main.connecting"));
        canRefresh = connected.and(loading.not());
        selectedRegions.addListener((ListChangeListener<String>) c -> regionSummary.set(selectedRegions.size() < 2
                ? "" : i18n.get("main.toolbar.regions.count", selectedRegions.size())));
    }

    /** Binds this window to a connected workspace (again after every reconnect). */
    public void attach(Workspace ws) {
        this.workspace = Objects.requireNonNull(ws);
        connected.set(true);
        sandbox.set(ws.sandbox().isPresent());
        sandboxEndpoint.set(ws.sandbox().map(SandboxControl::endpoint).orElse(""));
        connection.set(connectionText(ws.connectionLabel(), ws.target()));
        // Plain HTTP is readable on the way; the sandbox is plain HTTP on loopback and not the cloud.
        connectionTone.set(ws.target().plainHttp() ? Tone.WARNING : Tone.NEUTRAL);
        title.set(i18n.get("main.title", ws.connectionLabel()));
        status.bind(ws.statusProperty());
        stale.bind(ws.staleProperty());
        progress.bind(ws.progressProperty());
        loading.bind(ws.loadingProperty());
        Bindings.bindContent(regions, ws.regions());
        Bindings.bindContent(selectedRegions, ws.selectedRegions());
    }

    /** The profile (or Sandbox), then the endpoint unless it is the public one, then a word for plain HTTP. */
    private String connectionText(String label, ConnectionTarget target) {
        String text = target.defaultEndpoint() ? label : i18n.get("main.connection.endpoint", label,
                target.endpoint());
        return target.plainHttp() && !target.sandbox() ? i18n.get("main.connection.plainHttp", text) : text;
    }

    /** Unbinds from the workspace before it is closed (reconnect). */
    public void detach() {
        if (workspace != null) {
            Bindings.unbindContent(regions, workspace.regions());
            Bindings.unbindContent(selectedRegions, workspace.selectedRegions());
            status.unbind();
            stale.unbind();
            stale.set("");
            progress.unbind();
            loading.unbind();
            workspace = null;
        }
        connected.set(false);
        loading.set(true);
        status.set(i18n.get("main.connecting"));
        connection.set(i18n.get("main.connecting"));
        connectionTone.set(Tone.NEUTRAL);
    }

    /**
     * Tells the user that a connection failed; for a profile, that the console falls back to the
     * sandbox, so that nobody takes the demo data for their account.
     *
     * @param profile the profile that failed; empty when the sandbox itself failed
     * @param reason  what went wrong, already redacted
     */
    public void connectionFailed(java.util.Optional<String> profile, String reason) {
        String text = profile.map(name -> i18n.get("main.connection.fallback", name, reason)).orElse(reason);
        dialogs.notify(i18n.plain("main.menu.connect"), text, Tone.DANGER);
    }

    /** @return why the statuses shown may be out of date, empty when they are current; for the status bar */
    public ReadOnlyStringProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** F5: reloads the whole inventory of the chosen regions. */
    public void refresh() {
        if (workspace != null) {
            workspace.reload();
        }
    }

    /** The user picked regions in the toolbar. */
    public void chooseRegions(List<String> regionIds) {
        if (workspace == null || regionIds.equals(List.copyOf(workspace.selectedRegions()))) {
            return;
        }
        workspace.selectedRegions().setAll(regionIds);
        workspace.reload();
    }

    public List<String> chosenRegions() {
        return List.copyOf(selectedRegions);
    }

    /** The regions whose inventory is shown. */
    public ObservableList<String> selectedRegions() {
        return selectedRegions;
    }

    public void sandboxReset() {
        workspace.sandbox().ifPresent(s -> runOnSandbox(() -> {
            s.reset();
            return menuText("main.menu.sandbox.reset");
        }, true));
    }

    public void sandboxInject(SandboxControl.Fault fault) {
        String key = switch (fault) {
            case THROTTLING -> "main.menu.sandbox.throttling";
            case SYSTEM_ERROR -> "main.menu.sandbox.systemError";
            case SLOW_ASSOCIATION -> "main.menu.sandbox.slow";
            case DROPPED_CONNECTION -> "main.menu.sandbox.dropped";
        };
        workspace.sandbox().ifPresent(s -> runOnSandbox(() -> {
            s.inject(fault);
            return i18n.get(key);
        }, false));
    }

    public void sandboxClearFaults() {
        workspace.sandbox().ifPresent(s -> runOnSandbox(() -> {
            s.clearFaults();
            return menuText("main.menu.sandbox.clear");
        }, false));
    }

    private void runOnSandbox(java.util.concurrent.Callable<String> action, boolean reloadAfter) {
        Workspace ws = workspace;
        ws.tasks().submit("sandbox", p -> action.call(), done -> {
            dialogs.notify(menuText("main.menu.sandbox"), i18n.get("main.sandbox.done", done),
                    Tone.WARNING);
            if (reloadAfter) {
                ws.reload();
            }
        }, e -> dialogs.showError(menuText("main.menu.sandbox"), e));
    }

    /** A menu label as plain text: without its mnemonic marker. */
    private String menuText(String key) {
        return i18n.plain(key);
    }

    /**
     * Asks before quitting while binding jobs run, saying they will be resumed: ENS completes them
     * anyway, and the next connection to the account watches them again from the activity log.
     *
     * @return whether to quit
     */
    public boolean confirmQuit() {
        Workspace ws = workspace;
        long running = ws == null ? 0 : ws.jobs().jobs().stream().filter(job -> !job.isFinished()).count();
        return running == 0 || dialogs.confirm(i18n.get("main.quit.confirm.title"),
                i18n.get("main.quit.confirm.message", running), i18n.get("main.quit.confirm.action"));
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** @return how the connection indicator reads: a warning for plain HTTP */
    public ReadOnlyObjectProperty<Tone> connectionToneProperty() {
        return connectionTone.getReadOnlyProperty();
    }

    /** @return "3 regions" when several regions are chosen, empty otherwise (the picker then names the one) */
    public ReadOnlyStringProperty regionSummaryProperty() {
        return regionSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sandboxProperty() {
        return sandbox.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sandboxEndpointProperty() {
        return sandboxEndpoint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ObservableList<Region> regions() {
        return regions;
    }

    /** The search text every table filters by. */
    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty activitiesExpandedProperty() {
        return activitiesExpanded;
    }

    public BooleanBinding canRefresh() {
        return canRefresh;
    }
}
