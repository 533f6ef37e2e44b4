package io.enscope.ui.havip;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobHistory;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobListener;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.model.Eip;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipEip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.SystemEvent;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.Neighbourhood;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.RouteTable;
import io.enscope.ui.common.Workspace;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The detail of one HaVip, beside the explorer's tables: its header (id, name, IP, status,
 * VSwitch), its bindings with their live status, the timeline of every bind and unbind job on it
 * (from the activity log, then live from the job engine), and the commands Bind…, Unbind,
 * Delete and "copy as aliyun CLI command".
 *
 * <p>Which HaVip: {@link #haVipIdProperty()}, which the explorer binds to its selection. Live
 * data: between {@link #activate()} and {@link #deactivate()} the ViewModel follows the
 * workspace's inventory and the job engine; it releases both listeners when deactivated. Expected
 * ENS errors (a HaVip that cannot be deleted yet…) are shown inline through
 * {@link #errorMessageProperty()}; anything else goes to {@link Dialogs#showError}. All methods
 * are called on the UI thread.
 */
public final class HaVipDetailViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HaVipDetailViewModel.class);
    private static final Comparator<TransitionRow> NEWEST_FIRST = Comparator.comparing(TransitionRow::at)
            .thenComparing(TransitionRow::seq).thenComparing(TransitionRow::jobId).reversed();

    private final Workspace workspace;
    private final Dialogs dialogs;
    private final I18n i18n;
    private final Statuses statuses;
    private final Times times = Times.local();

    private final StringProperty haVipId = new SimpleStringProperty(this, "haVipId");
    private final ReadOnlyObjectWrapper<HaVip> haVip = new ReadOnlyObjectWrapper<>(this, "haVip");
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id", "");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper ipAddress = new ReadOnlyStringWrapper(this, "ipAddress", "");
    private final ReadOnlyObjectWrapper<StatusValue> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper vSwitch = new ReadOnlyStringWrapper(this, "vSwitch", "");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created", "");

    private final ObservableList<AssociationRow> associationSource = FXCollections.observableArrayList(
            row -> new Observable[] {row.statusProperty(), row.targetNameProperty(), row.ipAddressProperty()});
    private final SortedList<AssociationRow> associations = new SortedList<>(associationSource);
    private final Map<String, AssociationRow> associationsById = new HashMap<>();
    private final ObjectProperty<AssociationRow> selectedAssociation =
            new SimpleObjectProperty<>(this, "selectedAssociation");

    private final ObservableList<TransitionRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<TransitionRow> readOnlyTimeline = FXCollections.unmodifiableObservableList(timeline);
    private final Set<String> timelineKeys = new HashSet<>();
    private final ReadOnlyStringWrapper timelineProblem = new ReadOnlyStringWrapper(this, "timelineProblem", "");

    private final ObservableList<EipRow> eips = FXCollections.observableArrayList();
    private final ObservableList<EipRow> readOnlyEips = FXCollections.unmodifiableObservableList(eips);
    private final ReadOnlyStringWrapper eipProblem = new ReadOnlyStringWrapper(this, "eipProblem", "");
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ObservableList<EventRow> readOnlyEvents = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyStringWrapper eventProblem = new ReadOnlyStringWrapper(this, "eventProblem", "");

    private final ObservableList<RouteRow> routes = FXCollections.observableArrayList();
    private final ObservableList<RouteRow> readOnlyRoutes = FXCollections.unmodifiableObservableList(routes);
    private final ReadOnlyStringWrapper routesMessage = new ReadOnlyStringWrapper(this, "routesMessage", "");

    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper(this, "deleting");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper(this, "errorCode", "");
    private final ReadOnlyStringWrapper errorRequestId = new ReadOnlyStringWrapper(this, "errorRequestId", "");
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper(this, "errorDetail", "");

    private final BooleanBinding present;
    private final BooleanBinding canBind;
    private final BooleanBinding canUnbind;
    private final BooleanBinding canDelete;
    private final BooleanBinding canCopyUnbindCommand;

    private final ChangeListener<Inventory> inventoryListener = (obs, old, inventory) -> refresh();
    private final ChangeListener<Neighbourhood> neighbourhoodListener = (obs, old, read) -> refresh();
    private final ChangeListener<RouteTable> routesListener = (obs, old, table) -> refreshRoutes();
    private final JobListener jobListener = new JobListener() {
        @Override
        public void jobChanged(JobEvent event, BindingJob job) {
            // Engine thread: hand over, and decide on the UI thread whether it is still ours.
            workspace.ui().run(() -> {
                if (active && event.haVipId().equals(haVipId.get())) {
                    addTransition(event);
                }
            });
        }
    };
    private boolean active;
    private long historyGeneration;
    private InlineError lastError;

    /**
     * @param workspace the connected session
     * @param dialogs   confirmations, the bind dialog, the clipboard and the error dialog
     */
    public HaVipDetailViewModel(Workspace workspace, Dialogs dialogs) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.i18n = workspace.i18n();
        this.statuses = new Statuses(i18n);
        haVipId.addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                showHaVip();
            }
        });
        present = haVip.isNotNull();
        canBind = present;
        ObservableValue<StatusValue> selectedStatus = selectedAssociation.flatMap(AssociationRow::statusProperty);
        canUnbind = Bindings.createBooleanBinding(() -> {
            AssociationRow row = selectedAssociation.get();
            return haVip.get() != null && row != null && row.isInUse();
        }, haVip, selectedAssociation, selectedStatus);
        canDelete = Bindings.createBooleanBinding(() -> haVip.get() != null && !deleting.get()
                && haVip.get().status() != HaVipStatus.DELETING, haVip, deleting);
        canCopyUnbindCommand = present.and(selectedAssociation.isNotNull());
    }

    /** Starts following the inventory and the job engine; call when the detail is shown. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        workspace.inventoryProperty().addListener(inventoryListener);
        workspace.neighbourhoodProperty().addListener(neighbourhoodListener);
        workspace.routesProperty().addListener(routesListener);
        workspace.jobs().addListener(jobListener);
        showHaVip();
    }

    /** Stops following them; call when the detail is hidden. */
    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        historyGeneration++;
        workspace.inventoryProperty().removeListener(inventoryListener);
        workspace.neighbourhoodProperty().removeListener(neighbourhoodListener);
        workspace.routesProperty().removeListener(routesListener);
        workspace.jobs().removeListener(jobListener);
    }

    // ---- commands -------------------------------------------------------------------------

    /** Opens the bind dialog for this HaVip (Ctrl/Cmd+B). */
    public void bind() {
        if (canBind.get()) {
            dialogs.openBind(haVip.get());
        }
    }

    /**
     * Removes the selected binding (the Delete key), after the user confirms: an unbind job is
     * submitted through the task runner, since submitting writes the activity log. Its progress
     * then shows in the binding's status and in the timeline.
     */
    public void unbind() {
        if (!canUnbind.get()) {
            return;
        }
        HaVip current = haVip.get();
        AssociationRow row = selectedAssociation.get();
        String target = row.getTargetId();
        String targetLabel = row.getTargetName().isEmpty() ? target : target + " (" + row.getTargetName() + ")";
        if (!dialogs.confirm(i18n.get("havip.unbind.confirm.title"),
                i18n.get("havip.unbind.confirm.message", current.id(), text(current.ipAddress()), targetLabel),
                i18n.get("havip.unbind.confirm.action"))) {
            return;
        }
        clearError();
        workspace.tasks().submit("unbind " + current.id(), p -> workspace.jobs().submitUnbind(current.id(), target),
                job -> LOG.debug("unbind job {} submitted for {} / {}", job.id(), current.id(), target),
                failure -> dialogs.showError(i18n.get("havip.unbind.context", current.id()), failure));
    }

    /**
     * Deletes this HaVip after the user confirms, off the FX thread. ENS refuses while the HaVip is
     * bound ({@code IncorrectHaVipStatus}): such an answer is shown inline, and the HaVip is read
     * again either way.
     */
    public void delete() {
        if (!canDelete.get()) {
            return;
        }
        HaVip current = haVip.get();
        int bindings = current.associations().size();
        if (!dialogs.confirm(i18n.get("havip.delete.confirm.title"),
                i18n.get(bindings == 0 ? "havip.delete.confirm.message" : "havip.delete.confirm.messageBound",
                        current.id(), displayName(current), text(current.ipAddress()), bindings),
                i18n.get("havip.delete.confirm.action"))) {
            return;
        }
        clearError();
        deleting.set(true);
        String deletedId = current.id();
        workspace.tasks().submit("delete " + deletedId, p -> workspace.api().deleteHaVips(List.of(deletedId)),
                requestId -> {
                    deleting.set(false);
                    dialogs.notify(i18n.get("havip.delete.done.title"), i18n.get("havip.delete.done", deletedId),
                            Tone.SUCCESS);
                    workspace.refreshHaVip(deletedId);
                },
                failure -> {
                    deleting.set(false);
                    var ens = InlineError.ensError(failure);
                    if (ens.isPresent()) {
                        LOG.info("DeleteHaVips {} refused: {}", deletedId, ens.get().summary());
                        if (deletedId.equals(haVipId.get())) {
                            showError(InlineError.of(ens.get(), i18n));
                        }
                    } else {
                        dialogs.showError(i18n.get("havip.delete.context", deletedId), failure);
                    }
                    workspace.refreshHaVip(deletedId);
                });
    }

    /** Puts the HaVip id on the clipboard. */
    public void copyId() {
        if (present.get()) {
            dialogs.copy(haVip.get().id());
        }
    }

    /**
     * Puts a bound target's id on the clipboard.
     *
     * @param row one of {@link #associations()}
     */
    public void copyTargetId(AssociationRow row) {
        dialogs.copy(row.getTargetId());
    }

    /**
     * @return {@code aliyun ens UnassociateHaVip --HaVipId … --InstanceId …} for the selected binding,
     *         empty when none is selected
     */
    public String unbindCliCommand() {
        AssociationRow row = selectedAssociation.get();
        if (haVip.get() == null || row == null) {
            return "";
        }
        return CliCommand.ens("UnassociateHaVip").param("HaVipId", haVip.get().id())
                .param("InstanceId", row.getTargetId()).on(workspace.target()).toString();
    }

    /** @return {@code aliyun ens DeleteHaVips --HaVipIds '["havip-…"]'}, empty without a HaVip */
    public String deleteCliCommand() {
        if (haVip.get() == null) {
            return "";
        }
        return CliCommand.ens("DeleteHaVips").jsonList("HaVipIds", List.of(haVip.get().id())).on(workspace.target())
                .toString();
    }

    /** Copies {@link #unbindCliCommand()}. */
    public void copyUnbindCliCommand() {
        if (canCopyUnbindCommand.get()) {
            dialogs.copy(unbindCliCommand());
        }
    }

    /** Copies {@link #deleteCliCommand()}. */
    public void copyDeleteCliCommand() {
        if (present.get()) {
            dialogs.copy(deleteCliCommand());
        }
    }

    /** Copies the inline error with its code and RequestId, for a support ticket. */
    public void copyError() {
        if (lastError != null) {
            dialogs.copy(lastError.report());
        }
    }

    /** Hides the inline error. */
    public void dismissError() {
        clearError();
    }

    /**
     * Selects the binding to a target, e.g. to unbind it.
     *
     * @param targetId the instance or ENI
     * @return whether the HaVip has a binding to it
     */
    public boolean selectAssociation(String targetId) {
        AssociationRow row = associationsById.get(targetId);
        selectedAssociation.set(row);
        return row != null;
    }

    // ---- state ----------------------------------------------------------------------------

    private void showHaVip() {
        clearError();
        selectedAssociation.set(null);
        associationSource.clear();
        associationsById.clear();
        timeline.clear();
        timelineKeys.clear();
        timelineProblem.set("");
        historyGeneration++;
        refresh();
        String current = haVipId.get();
        if (active && current != null && !current.isBlank()) {
            loadHistory(current);
        }
    }

    private void refresh() {
        String current = haVipId.get();
        Inventory inventory = workspace.inventory();
        HaVip found = current == null ? null : inventory.haVip(current).orElse(null);
        haVip.set(found);
        if (found == null) {
            id.set(current == null ? "" : current);
            name.set("");
            ipAddress.set("");
            status.set(null);
            vSwitch.set("");
            description.set("");
            created.set("");
            associationSource.clear();
            associationsById.clear();
            eips.clear();
            events.clear();
            eipProblem.set("");
            eventProblem.set("");
            refreshRoutes();
            return;
        }
        id.set(found.id());
        name.set(displayName(found));
        ipAddress.set(found.ipAddress() == null ? "" : found.ipAddress());
        status.set(statuses.haVip(found.liveStatus(), found.liveRawStatus()));
        vSwitch.set(vSwitchText(inventory, found.vSwitchId()));
        description.set(found.description() == null ? "" : found.description());
        created.set(times.minutes(found.creationTime()));
        updateAssociations(inventory, found);
        Neighbourhood around = workspace.neighbourhood();
        updateEips(found, around);
        updateEvents(inventory, found, around);
        refreshRoutes();
    }

    /**
     * The HaVip's EIPs come from DescribeHaVips, as ens-api-ha.md §4 advises; the EIP listing only
     * adds status and bandwidth, so a failure there leaves the addresses shown.
     */
    private void updateEips(HaVip found, Neighbourhood around) {
        List<EipRow> rows = new ArrayList<>();
        for (HaVipEip e : found.eips()) {
            Eip detail = e.eipId() == null ? null : around.eip(e.eipId()).orElse(null);
            String status = detail == null || detail.status() == null ? "" : statusWord(detail.status());
            String bandwidth = "";
            if (detail != null && detail.bandwidth() > 0) {
                bandwidth = i18n.get("havip.eip.bandwidth", detail.bandwidth(), text(detail.isp()));
            }
            rows.add(new EipRow(text(e.eipId()), text(e.ipAddress()), status, bandwidth));
        }
        if (!rows.equals(eips)) {
            eips.setAll(rows);
        }
        Neighbourhood.Section<Eip> section = around.eips();
        if (found.eips().isEmpty()) {
            eipProblem.set("");
        } else if (section.loading()) {
            eipProblem.set(i18n.get("havip.eip.loading"));
        } else if (section.failed()) {
            eipProblem.set(i18n.get("havip.eip.failed", reason(section.error())));
        } else {
            eipProblem.set("");
        }
    }

    private void updateEvents(Inventory inventory, HaVip found, Neighbourhood around) {
        Set<String> members = new LinkedHashSet<>();
        for (HaVipAssociation a : found.associations()) {
            if (a.instanceType() == InstanceType.NETWORK_INTERFACE) {
                inventory.networkInterface(a.instanceId()).map(NetworkInterface::instanceId)
                        .filter(owner -> owner != null && !owner.isBlank()).ifPresent(members::add);
            } else {
                members.add(a.instanceId());
            }
        }
        List<EventRow> rows = new ArrayList<>();
        for (SystemEvent e : around.eventsOf(members)) {
            if (!e.isUpcoming()) {
                continue;
            }
            String instanceName = inventory.instance(e.resourceId()).map(i -> text(i.name())).orElse("");
            rows.add(new EventRow(text(e.id()), e.resourceId(), instanceName,
                    localized("havip.event.type.", text(e.type()).replace(':', '.')),
                    statusWord(text(e.status())),
                    e.notBefore() == null ? "" : times.minutes(e.notBefore()), "CRITICAL".equals(e.level())));
        }
        if (!rows.equals(events)) {
            events.setAll(rows);
        }
        Neighbourhood.Section<SystemEvent> section = around.events();
        if (section.loading()) {
            eventProblem.set(i18n.get("havip.event.loading"));
        } else if (section.failed()) {
            eventProblem.set(i18n.get("havip.event.failed", reason(section.error())));
        } else {
            eventProblem.set("");
        }
    }

    /**
     * The shared status word of an EIP or event status ({@link Statuses#WORD_PREFIX}), else the value
     * as ENS sent it. Events spell {@code Canceled}, the word list {@code Cancelled}.
     */
    private String statusWord(String wire) {
        return localized(Statuses.WORD_PREFIX, wire.equals("Canceled") ? "Cancelled" : wire);
    }

    /** The text of {@code prefix + value} when the bundle has it, else the value as ENS sent it. */
    private String localized(String prefix, String value) {
        return i18n.has(prefix + value) ? i18n.get(prefix + value) : value;
    }

    private String reason(Throwable error) {
        if (error instanceof EnsException ens) {
            return ens.error().localizedMessage(i18n.bundle());
        }
        return error == null ? "" : error.getClass().getSimpleName();
    }

    /** The route entries towards this HaVip, or why there are none to show. */
    private void refreshRoutes() {
        String current = haVipId.get();
        RouteTable table = workspace.routesProperty().get();
        List<RouteRow> rows = new ArrayList<>();
        if (current != null && haVip.get() != null && table.state() == RouteTable.State.LOADED) {
            table.to(current).forEach(e -> rows.add(RouteRow.of(e, times)));
        }
        if (!rows.equals(routes)) {
            routes.setAll(rows);
        }
        routesMessage.set(switch (table.state()) {
            case LOADING, NOT_LOADED -> i18n.get("havip.routes.loading");
            case FAILED -> i18n.get("havip.routes.failed", table.problem());
            case LOADED -> rows.isEmpty() ? i18n.get("havip.routes.none") : "";
        });
    }

    private void updateAssociations(Inventory inventory, HaVip found) {
        Set<String> listed = new LinkedHashSet<>();
        List<AssociationRow> added = new ArrayList<>();
        for (HaVipAssociation a : found.associations()) {
            if (!listed.add(a.instanceId())) {
                continue;
            }
            AssociationRow row = associationsById.get(a.instanceId());
            if (row == null) {
                row = new AssociationRow(a.instanceId());
                associationsById.put(a.instanceId(), row);
                added.add(row);
            }
            boolean eni = a.instanceType() == InstanceType.NETWORK_INTERFACE;
            String targetName = eni ? inventory.networkInterface(a.instanceId()).map(NetworkInterface::name).orElse("")
                    : inventory.instance(a.instanceId()).map(i -> i.name()).orElse("");
            row.update(a, targetName, i18n.get(eni ? "havip.association.type.eni" : "havip.association.type.instance"),
                    statuses.association(a.status(), a.rawStatus()), times.minutes(a.creationTime()));
        }
        if (selectedAssociation.get() != null && !listed.contains(selectedAssociation.get().getTargetId())) {
            selectedAssociation.set(null);
        }
        associationSource.removeIf(row -> !listed.contains(row.getTargetId()));
        associationsById.keySet().retainAll(listed);
        associationSource.addAll(added);
    }

    private void loadHistory(String forHaVip) {
        long generation = historyGeneration;
        workspace.tasks().submit("history " + forHaVip, p -> workspace.activity().history(forHaVip), histories -> {
            if (generation != historyGeneration) {
                return;
            }
            for (JobHistory history : histories) {
                history.transitions().forEach(this::addTransition);
            }
        }, failure -> {
            if (generation == historyGeneration) {
                LOG.warn("the activity log could not be read for {}: {}", forHaVip, failure.toString());
                timelineProblem.set(i18n.get("havip.timeline.unreadable"));
            }
        });
    }

    private void addTransition(JobEvent event) {
        TransitionRow row = transitionRow(event);
        if (!timelineKeys.add(row.key())) {
            return;
        }
        int at = 0;
        while (at < timeline.size() && NEWEST_FIRST.compare(timeline.get(at), row) < 0) {
            at++;
        }
        timeline.add(at, row);
    }

    private TransitionRow transitionRow(JobEvent event) {
        String action = i18n.get(event.kind() == JobKind.BIND ? "havip.timeline.bind" : "havip.timeline.unbind",
                event.targetId());
        String code = event.error().map(EnsError::code).orElse("");
        String message = event.error().map(e -> e.localizedMessage(i18n.bundle())).orElse("");
        return new TransitionRow(event.jobId(), event.seq(), event.at(), times.seconds(event.at()), action,
                event.targetId(), statuses.job(event.from()).text(), statuses.job(event.to()), code, message,
                event.requestId() == null ? "" : event.requestId());
    }

    private void showError(InlineError error) {
        lastError = error;
        errorCode.set(error.code());
        errorRequestId.set(error.requestId());
        errorDetail.set(error.detail());
        errorMessage.set(error.message());
    }

    private void clearError() {
        lastError = null;
        errorMessage.set("");
        errorCode.set("");
        errorRequestId.set("");
        errorDetail.set("");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private String displayName(HaVip h) {
        return h.name() == null || h.name().isBlank() ? i18n.get("havip.detail.unnamed") : h.name();
    }

    private String vSwitchText(Inventory inventory, String vSwitchId) {
        if (vSwitchId == null) {
            return "";
        }
        String vswName = inventory.vSwitch(vSwitchId).map(VSwitch::name).orElse("");
        return vswName.isBlank() ? vSwitchId : vSwitchId + " \u00b7 " + vswName;
    }

    // ---- properties -----------------------------------------------------------------------

    /** @return the id of the HaVip shown; the explorer binds it to its selection (null: none) */
    public StringProperty haVipIdProperty() {
        return haVipId;
    }

    /** @return the HaVip shown, as the inventory lists it now; null when none or when it is gone */
    public ReadOnlyObjectProperty<HaVip> haVipProperty() {
        return haVip.getReadOnlyProperty();
    }

    public HaVip getHaVip() {
        return haVip.get();
    }

    /** @return whether a HaVip is shown */
    public BooleanBinding presentProperty() {
        return present;
    }

    /** @return the HaVip id */
    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    /** @return its name, or a localized "(no name)" */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** @return its virtual IP */
    public ReadOnlyStringProperty ipAddressProperty() {
        return ipAddress.getReadOnlyProperty();
    }

    /** @return its live status as a pill; null when none is shown */
    public ReadOnlyObjectProperty<StatusValue> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StatusValue getStatus() {
        return status.get();
    }

    /** @return "vsw-… · name" */
    public ReadOnlyStringProperty vSwitchProperty() {
        return vSwitch.getReadOnlyProperty();
    }

    /** @return the description, empty when none */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** @return when it was created, local time */
    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    /**
     * @return its bindings, with live status; sorted by the comparator the View binds to its table's
     */
    public SortedList<AssociationRow> associations() {
        return associations;
    }

    /** @return the binding the user selected; the View writes it */
    public ObjectProperty<AssociationRow> selectedAssociationProperty() {
        return selectedAssociation;
    }

    /** @return every state change of the jobs on this HaVip, newest first */
    public ObservableList<TransitionRow> timeline() {
        return readOnlyTimeline;
    }

    /** @return why the timeline may be incomplete (the activity log could not be read), empty normally */
    public ReadOnlyStringProperty timelineProblemProperty() {
        return timelineProblem.getReadOnlyProperty();
    }

    /** @return the HaVip's EIPs (read-only: the console offers no EIP binding) */
    public ObservableList<EipRow> eips() {
        return readOnlyEips;
    }

    /** @return why the EIP details are missing (loading, failed), empty when they are shown */
    public ReadOnlyStringProperty eipProblemProperty() {
        return eipProblem.getReadOnlyProperty();
    }

    /** @return the upcoming system events of the HaVip's members, soonest first */
    public ObservableList<EventRow> events() {
        return readOnlyEvents;
    }

    /** @return why the events are missing (loading, failed), empty when they are shown */
    public ReadOnlyStringProperty eventProblemProperty() {
        return eventProblem.getReadOnlyProperty();
    }

    /** @return whether a DeleteHaVips call is running */
    /** @return the route entries whose next hop is this HaVip (read-only) */
    public ObservableList<RouteRow> routes() {
        return readOnlyRoutes;
    }

    /** @return why no route entry is listed (reading, failed, none), empty when some are */
    public ReadOnlyStringProperty routesMessageProperty() {
        return routesMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    /** @return the localized inline error of the last command, empty when none */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** @return the ENS code of the inline error, empty when none */
    public ReadOnlyStringProperty errorCodeProperty() {
        return errorCode.getReadOnlyProperty();
    }

    public String getErrorCode() {
        return errorCode.get();
    }

    /** @return the RequestId of the inline error, empty when none */
    public ReadOnlyStringProperty errorRequestIdProperty() {
        return errorRequestId.getReadOnlyProperty();
    }

    /** @return "Code: … · RequestId: …" of the inline error, empty when none */
    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail.getReadOnlyProperty();
    }

    /** @return whether {@link #bind()} can run: a HaVip is shown */
    public BooleanBinding canBindProperty() {
        return canBind;
    }

    /** @return whether {@link #unbind()} can run: a settled ({@code InUse}) binding is selected */
    public BooleanBinding canUnbindProperty() {
        return canUnbind;
    }

    /** @return whether {@link #delete()} can run: a HaVip is shown and no deletion is under way */
    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    /** @return whether {@link #copyUnbindCliCommand()} has something to copy */
    public BooleanBinding canCopyUnbindCommandProperty() {
        return canCopyUnbindCommand;
    }
}
