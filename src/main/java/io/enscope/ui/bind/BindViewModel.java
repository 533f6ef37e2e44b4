package io.enscope.ui.bind;

import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.EligibilityReport;
import io.enscope.binding.JobEngine;
import io.enscope.binding.LimitPolicy;
import io.enscope.binding.Reason;
import io.enscope.binding.Verdict;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.KeyedRows;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.CliCommand;
import io.enscope.ui.havip.StatusValue;
import io.enscope.ui.havip.Statuses;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The bind dialog of one HaVip: its candidate instances and ENIs with the eligibility engine's
 * verdicts, the user's choice of targets, and the commands to bind them or to copy the equivalent
 * aliyun CLI commands.
 *
 * <p><b>Rows.</b> {@link #rows()} is a pipeline: every candidate of the HaVip's region, kept
 * eligible first, then held back by a limit ({@link Eligibility#ADVISORY}), then ineligible, each
 * group in the report's order (the HaVip's own vSwitch first) → filtered by {@link #searchTextProperty()}
 * and, unless {@link #showIneligibleProperty()} is set, without the ineligible ones → sorted by
 * the table's comparator (bind it to the {@link SortedList}'s comparator; with none, the order above).
 *
 * <p><b>Choice.</b> Eligible targets are chosen with {@link #setSelected}; a target held back only
 * by a count limit becomes selectable once the user ticks {@link #setTryAnyway "Try anyway"},
 * because ENS does not publish its limits; ineligible targets can never be chosen. The chosen
 * targets are bound in the order they were chosen, one after another (the job engine runs the jobs
 * of one HaVip in order).
 *
 * <p><b>Live.</b> Between {@link #activate()} and {@link #deactivate()} the verdicts follow the
 * workspace's inventory; rows keep their identity and the choice is kept by target ID, minus
 * targets that can no longer be chosen.
 *
 * <p><b>Submitting.</b> {@link #submit()} sets {@link #submittedProperty()} at once (the View
 * closes the dialog on it) and queues the jobs through the workspace's task runner, never on the
 * UI thread: queuing writes the activity log. All methods are called on the UI thread.
 */
public final class BindViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BindViewModel.class);
    /** Eligible first, then advisory, then ineligible; within a group, the order of the eligibility report. */
    static final Comparator<BindRow> DEFAULT_ORDER =
            Comparator.comparing(BindRow::getEligibility).thenComparingInt(BindRow::order);

    private final Workspace workspace;
    private final I18n i18n;
    private final Statuses statuses;
    private final EligibilityEngine engine;
    private final String haVipId;
    private final BiConsumer<String, ? super Throwable> onSubmitFailed;

    private final ObservableList<BindRow> source = FXCollections.observableArrayList(BindRow::extractor);
    private final FilteredList<BindRow> filtered = new FilteredList<>(source);
    private final SortedList<BindRow> sorted = new SortedList<>(filtered);
    private final KeyedRows<String, BindRow> rowsById = new KeyedRows<>(source, BindRow::targetId);
    private final ObservableList<String> selectedIds = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlySelectedIds = FXCollections.unmodifiableObservableList(selectedIds);
    private final Set<String> tryAnywayIds = new HashSet<>();

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty showIneligible = new SimpleBooleanProperty(this, "showIneligible");

    private final ReadOnlyObjectWrapper<HaVip> haVip = new ReadOnlyObjectWrapper<>(this, "haVip");
    private final ReadOnlyBooleanWrapper haVipGone = new ReadOnlyBooleanWrapper(this, "haVipGone");
    private final ReadOnlyStringWrapper haVipName = new ReadOnlyStringWrapper(this, "haVipName", "");
    private final ReadOnlyStringWrapper ipAddress = new ReadOnlyStringWrapper(this, "ipAddress", "");
    private final ReadOnlyStringWrapper vSwitchText = new ReadOnlyStringWrapper(this, "vSwitchText", "");
    private final ReadOnlyStringWrapper haVipStatusText = new ReadOnlyStringWrapper(this, "haVipStatusText", "");
    private final ReadOnlyObjectWrapper<Tone> haVipStatusTone =
            new ReadOnlyObjectWrapper<>(this, "haVipStatusTone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper bindingsText = new ReadOnlyStringWrapper(this, "bindingsText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyIntegerWrapper eligibleCount = new ReadOnlyIntegerWrapper(this, "eligibleCount");
    private final ReadOnlyIntegerWrapper advisoryCount = new ReadOnlyIntegerWrapper(this, "advisoryCount");
    private final ReadOnlyIntegerWrapper ineligibleCount = new ReadOnlyIntegerWrapper(this, "ineligibleCount");
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper(this, "selectedCount");
    private final ReadOnlyStringWrapper showIneligibleText = new ReadOnlyStringWrapper(this, "showIneligibleText", "");
    private final ReadOnlyStringWrapper limitNote = new ReadOnlyStringWrapper(this, "limitNote", "");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText", "");
    private final ReadOnlyStringWrapper limitWarning = new ReadOnlyStringWrapper(this, "limitWarning", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    private final ReadOnlyStringWrapper submitText = new ReadOnlyStringWrapper(this, "submitText", "");
    private final ReadOnlyStringWrapper cliFeedback = new ReadOnlyStringWrapper(this, "cliFeedback", "");
    private final ReadOnlyObjectWrapper<List<String>> submitted = new ReadOnlyObjectWrapper<>(this, "submitted");
    private final ObjectProperty<BindRow> focusedRow = new SimpleObjectProperty<>(this, "focusedRow");
    private final ReadOnlyStringWrapper focusedDetails = new ReadOnlyStringWrapper(this, "focusedDetails", "");
    private final BooleanBinding canSubmit;
    private final BooleanBinding canCopyCli;
    private final ChangeListener<Inventory> inventoryListener = (obs, old, now) -> evaluate(now);
    private boolean active;
    private Inventory evaluated;

    /**
     * A dialog whose queuing failures go to the UI thread's uncaught-exception handler, which the
     * composition root points at the error dialog.
     *
     * @param workspace the connected console: inventory, eligibility, jobs, task runner, texts
     * @param haVip     the HaVip to bind, as the caller saw it; the inventory's fresher copy is used
     */
    public BindViewModel(Workspace workspace, HaVip haVip) {
        this(workspace, haVip, (context, error) -> {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, error);
        });
    }

    /**
     * @param workspace      the connected console: inventory, eligibility, jobs, task runner, texts
     * @param haVip          the HaVip to bind, as the caller saw it; the inventory's fresher copy is used
     * @param onSubmitFailed receives, on the UI thread, what was being done (localized, for
     *                       "While …") and the failure, when the chosen binds could not be queued;
     *                       normally {@code dialogs::showError}
     */
    public BindViewModel(Workspace workspace, HaVip haVip, BiConsumer<String, ? super Throwable> onSubmitFailed) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.i18n = workspace.i18n();
        this.statuses = new Statuses(i18n);
        this.engine = workspace.eligibility();
        this.haVipId = Objects.requireNonNull(haVip, "haVip").id();
        this.onSubmitFailed = Objects.requireNonNull(onSubmitFailed, "onSubmitFailed");
        this.haVip.set(haVip);

        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> visibleRows(showIneligible.get(), tokens(searchText.get())), showIneligible, searchText));
        selectedCount.bind(Bindings.size(selectedIds));
        canSubmit = Bindings.createBooleanBinding(() -> !selectedIds.isEmpty() && !haVipGone.get()
                && submitted.get() == null, selectedIds, haVipGone, submitted);
        canCopyCli = Bindings.isNotEmpty(selectedIds);
        showIneligibleText.bind(Bindings.createStringBinding(() -> switch (ineligibleCount.get()) {
            case 0 -> i18n.get("bind.showIneligible.none");
            case 1 -> i18n.get("bind.showIneligible.one");
            default -> i18n.get("bind.showIneligible.many", ineligibleCount.get());
        }, ineligibleCount));
        placeholderText.bind(Bindings.createStringBinding(this::placeholder, source, searchText, showIneligible));
        // The source list reports in-place changes of a row's verdict, so this follows them too.
        focusedDetails.bind(Bindings.createStringBinding(() -> explain(focusedRow.get()), focusedRow, source));
        selectedIds.addListener((ListChangeListener<String>) change -> {
            cliFeedback.set("");
            showSelection();
        });
        evaluate(workspace.inventory());
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    /** Follows the inventory from now on (call when the dialog is shown); evaluates it at once. */
    public void activate() {
        if (!active && submitted.get() == null) {
            active = true;
            workspace.inventoryProperty().addListener(inventoryListener);
            evaluate(workspace.inventory());
        }
    }

    /** Stops following the inventory (call when the dialog is hidden). */
    public void deactivate() {
        if (active) {
            active = false;
            workspace.inventoryProperty().removeListener(inventoryListener);
        }
    }

    // ---- commands ------------------------------------------------------------------------------

    /**
     * Chooses or un-chooses a target. Choosing adds it after the targets already chosen.
     *
     * @param row    a row of {@link #rows()}
     * @param select whether to choose it
     * @return whether the choice is now as asked: false for a target that cannot be chosen
     *         (ineligible, or held back by a limit without "Try anyway")
     */
    public boolean setSelected(BindRow row, boolean select) {
        if (!isCurrent(row)) {
            return false;
        }
        String id = row.targetId();
        if (select) {
            if (!row.isSelectable()) {
                return false;
            }
            if (!selectedIds.contains(id)) {
                selectedIds.add(id);
            }
        } else {
            selectedIds.remove(id);
        }
        row.setChoice(select, row.isTryAnyway());
        return true;
    }

    /**
     * Space on a row, or a click on its check box.
     *
     * @param row a row of {@link #rows()}
     * @return whether the row's choice changed
     */
    public boolean toggle(BindRow row) {
        return row != null && setSelected(row, !row.isSelected());
    }

    /**
     * "Try anyway" on a target held back only by a count limit: ticking it also chooses the
     * target, unticking it also un-chooses it. ENS decides; the job fails with the limit's error
     * code if ENS refuses.
     *
     * @param row    a row of {@link #rows()}
     * @param tryIt  whether to try the target despite the limit
     * @return whether the row accepts it: false for a target that is not {@link Eligibility#ADVISORY}
     */
    public boolean setTryAnyway(BindRow row, boolean tryIt) {
        if (!isCurrent(row) || row.getEligibility() != Eligibility.ADVISORY) {
            return false;
        }
        String id = row.targetId();
        if (tryIt) {
            tryAnywayIds.add(id);
            row.setChoice(row.isSelected(), true);
            setSelected(row, true);
        } else {
            tryAnywayIds.remove(id);
            selectedIds.remove(id);
            row.setChoice(false, false);
        }
        return true;
    }

    /**
     * @param row a row of {@link #rows()}
     * @return whether "Try anyway" changed (only advisory rows have it)
     */
    public boolean toggleTryAnyway(BindRow row) {
        return row != null && setTryAnyway(row, !row.isTryAnyway());
    }

    /**
     * Binds the chosen targets: {@link #submittedProperty()} becomes their IDs at once, then one
     * bind job per target is queued on the HaVip in the order they were chosen, off the UI thread.
     * If queuing fails, the error callback gets a {@link BindSubmitException} naming what was not
     * queued. Does nothing unless {@link #canSubmitProperty()}.
     */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        List<Target> targets = selectedIds.stream().map(id -> new Target(id, rowsById.get(id).type())).toList();
        List<String> ids = List.copyOf(selectedIds);
        deactivate();
        submitted.set(ids);
        JobEngine jobs = workspace.jobs();
        workspace.tasks().submit("bind " + haVipId, progress -> queue(jobs, targets),
                queued -> LOG.info("queued {} bind job(s) on {}: {}", queued.size(), haVipId,
                        queued.stream().map(BindingJob::id).toList()),
                this::submitFailed);
    }

    /**
     * The aliyun CLI commands that do what {@link #submit()} does: per chosen target, in order,
     * AssociateHaVip, then a waiter until the HaVip is {@code InUse} again. The waiter is needed
     * after each bind, not only the last: ENS refuses a bind while another one of the same HaVip
     * is in progress ({@code IncorrectHaVipStatus}).
     *
     * @return the command lines, separated by {@code \n}; empty when nothing is chosen
     */
    public String cliCommands() {
        List<String> lines = new ArrayList<>();
        for (String id : selectedIds) {
            lines.add(CliCommand.ens("AssociateHaVip").param("HaVipId", haVipId).param("InstanceId", id)
                    .param("InstanceType", rowsById.get(id).type().wireValue()).on(workspace.target()).toString());
            lines.add(CliCommand.ens("DescribeHaVips").param("HaVipId", haVipId).on(workspace.target())
                    + " --waiter expr='HaVips[0].Status' to=InUse");
        }
        return String.join("\n", lines);
    }

    /**
     * {@link #cliCommands()}, noting in {@link #cliFeedbackProperty()} that they were copied; the
     * View puts the text on the clipboard.
     *
     * @return the commands
     */
    public String copyCliCommands() {
        String commands = cliCommands();
        cliFeedback.set(commands.isEmpty() ? "" : i18n.get("bind.copyCli.done", selectedIds.size() * 2));
        return commands;
    }

    // ---- evaluation ----------------------------------------------------------------------------

    private void evaluate(Inventory inventory) {
        if (inventory == evaluated) {
            return;
        }
        evaluated = inventory;
        Optional<HaVip> fresh = inventory.haVip(haVipId);
        HaVip current = fresh.orElse(haVip.get());
        haVip.set(current);
        haVipGone.set(fresh.isEmpty());
        EligibilityReport report = engine.evaluate(inventory, current);
        List<Ordered> verdicts = new ArrayList<>();
        for (Verdict reported : report.verdicts()) {
            verdicts.add(new Ordered(fresh.isPresent() ? reported : withHaVipGone(reported), verdicts.size()));
        }
        BiConsumer<BindRow, Ordered> update = (row, ordered) ->
                row.update(data(inventory, current, ordered.verdict(), ordered.order()));
        rowsById.sync(verdicts, ordered -> ordered.verdict().targetId(), ordered -> {
            BindRow row = new BindRow(ordered.verdict().targetId(), ordered.verdict().targetType());
            update.accept(row, ordered);
            return row;
        }, update);
        if (!isInDefaultOrder()) {
            FXCollections.sort(source, DEFAULT_ORDER);
        }
        keepChoices();
        count();
        showHeader(inventory, current, report, fresh.isPresent());
    }

    /** A verdict and its place in the report, which is the rows' default order. */
    private record Ordered(Verdict verdict, int order) {
    }

    private static Verdict withHaVipGone(Verdict verdict) {
        List<Reason> reasons = new ArrayList<>(verdict.reasons());
        reasons.add(Reason.HAVIP_NOT_FOUND);
        return Verdict.of(verdict.targetId(), verdict.targetType(), reasons);
    }

    private boolean isInDefaultOrder() {
        for (int i = 1; i < source.size(); i++) {
            if (DEFAULT_ORDER.compare(source.get(i - 1), source.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Drops choices that are no longer possible; the rest stays, by target ID. */
    private void keepChoices() {
        tryAnywayIds.removeIf(id -> rowsById.get(id) == null
                || rowsById.get(id).getEligibility() != Eligibility.ADVISORY);
        selectedIds.removeIf(id -> rowsById.get(id) == null
                || !rowsById.get(id).computeSelectable(tryAnywayIds.contains(id)));
        Set<String> chosen = new HashSet<>(selectedIds);
        for (BindRow row : source) {
            row.setChoice(chosen.contains(row.targetId()), tryAnywayIds.contains(row.targetId()));
        }
    }

    private void count() {
        int eligible = 0;
        int advisory = 0;
        for (BindRow row : source) {
            eligible += row.getEligibility() == Eligibility.ELIGIBLE ? 1 : 0;
            advisory += row.getEligibility() == Eligibility.ADVISORY ? 1 : 0;
        }
        eligibleCount.set(eligible);
        advisoryCount.set(advisory);
        ineligibleCount.set(source.size() - eligible - advisory);
    }

    private BindRow.Data data(Inventory inventory, HaVip current, Verdict verdict, int order) {
        String id = verdict.targetId();
        String reasonText = verdict.reason().map(reason -> i18n.get(reason.messageKey())).orElse("");
        String details = details(inventory, current, verdict);
        if (verdict.targetType() == InstanceType.NETWORK_INTERFACE) {
            Optional<NetworkInterface> found = inventory.networkInterface(id);
            NetworkInterface eni = found.orElse(null);
            String vSwitchId = eni == null ? "" : nonNull(eni.vSwitchId());
            return new BindRow.Data(i18n.get("bind.kind.eni"), eni == null ? "" : eniName(inventory, eni),
                    eni == null ? "" : statuses.networkInterface(eni.status(), eni.rawStatus()).text(),
                    eni == null ? "" : eni.rawStatus(), eni == null ? Tone.WARNING : Statuses.tone(eni.status()),
                    eni == null ? "" : nonNull(eni.primaryIpAddress()), vSwitchId, vSwitchName(inventory, vSwitchId),
                    verdict, reasonText, details, order);
        }
        Instance instance = inventory.instance(id).orElse(null);
        String vSwitchId = instance == null ? "" : nonNull(instance.vSwitchId());
        return new BindRow.Data(i18n.get("bind.kind.instance"), instance == null ? "" : nonNull(instance.name()),
                instance == null ? "" : statuses.instance(instance.status(), instance.rawStatus()).text(),
                instance == null ? "" : instance.rawStatus(),
                instance == null ? Tone.WARNING : Statuses.tone(instance.status()),
                instance == null ? "" : nonNull(instance.primaryPrivateIpAddress()), vSwitchId,
                vSwitchName(inventory, vSwitchId), verdict, reasonText, details, order);
    }

    private String details(Inventory inventory, HaVip current, Verdict verdict) {
        List<String> lines = new ArrayList<>();
        for (Reason reason : verdict.reasons()) {
            lines.add(i18n.get("bind.verdict.reasonLine", reason.code(), i18n.get(reason.messageKey())));
        }
        LimitPolicy policy = engine.policy();
        if (verdict.fails(Reason.COUNT_LIMIT_INSTANCE_ON_HAVIP)) {
            lines.add(i18n.get("bind.limit.targetsOnHaVip", current.associations().size(),
                    policy.maxTargetsPerHaVip()));
        }
        if (verdict.fails(Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE)) {
            lines.add(i18n.get("bind.limit.haVipsOnTarget", inventory.haVipCountOf(verdict.targetId()),
                    policy.maxHaVipsPerTarget()));
        }
        return String.join("\n", lines);
    }

    private String eniName(Inventory inventory, NetworkInterface eni) {
        String name = nonNull(eni.name());
        if (eni.instanceId() == null) {
            return name;
        }
        String owner = inventory.instance(eni.instanceId()).map(Instance::name).filter(n -> !n.isBlank())
                .orElse(eni.instanceId());
        return i18n.get("bind.row.attachedTo", name, owner);
    }

    private static String vSwitchName(Inventory inventory, String vSwitchId) {
        return vSwitchId.isEmpty() ? "" : inventory.vSwitch(vSwitchId).map(VSwitch::name).map(BindViewModel::nonNull)
                .orElse("");
    }

    private void showHeader(Inventory inventory, HaVip current, EligibilityReport report, boolean exists) {
        String description = nonNull(current.description());
        String name = nonNull(current.name());
        haVipName.set(description.isBlank() || description.equals(name) ? name
                : name.isBlank() ? description : i18n.get("bind.header.nameAndDescription", name, description));
        ipAddress.set(nonNull(current.ipAddress()));
        String vSwitchId = nonNull(current.vSwitchId());
        String vSwitchName = vSwitchName(inventory, vSwitchId);
        vSwitchText.set(vSwitchName.isBlank() ? vSwitchId : i18n.get("bind.header.vSwitchValue", vSwitchId, vSwitchName));
        bindingsText.set(i18n.get("bind.header.bindingsValue", current.associations().size(),
                engine.policy().maxTargetsPerHaVip()));
        StatusValue status = statuses.haVip(current.liveStatus(), current.liveRawStatus());
        haVipStatusTone.set(status.tone());
        haVipStatusText.set(status.text());
        limitNote.set(i18n.get("bind.limitNote", engine.policy().maxTargetsPerHaVip(),
                engine.policy().maxHaVipsPerTarget()));
        if (!exists) {
            notice.set(i18n.get("bind.header.gone"));
        } else if (report.verdicts().stream().anyMatch(v -> v.fails(Reason.INCORRECT_HAVIP_STATUS))) {
            notice.set(i18n.get("bind.header.blocked", i18n.get(Reason.INCORRECT_HAVIP_STATUS.messageKey())));
        } else {
            notice.set("");
        }
        showSelection();
    }

    private void showSelection() {
        int chosen = selectedIds.size();
        selectionText.set(switch (chosen) {
            case 0 -> i18n.get("bind.selection.none");
            case 1 -> i18n.get("bind.selection.one");
            default -> i18n.get("bind.selection.many", chosen);
        });
        submitText.set(chosen <= 1 ? i18n.get("bind.submit") : i18n.get("bind.submit.many", chosen));
        HaVip current = haVip.get();
        int after = current.associations().size() + chosen;
        int limit = engine.policy().maxTargetsPerHaVip();
        limitWarning.set(chosen > 0 && after > limit ? i18n.get("bind.selection.overLimit", after, limit) : "");
    }

    private String explain(BindRow row) {
        if (row == null || rowsById.get(row.targetId()) != row) {
            return "";
        }
        String target = row.getName().isEmpty() ? row.targetId() : row.targetId() + " \u00b7 " + row.getName();
        String verdict = row.getEligibility() == Eligibility.ELIGIBLE ? i18n.get("bind.verdict.eligible")
                : String.join("   \u00b7   ", row.getDetails().split("\n"));
        return target + " \u2014 " + verdict;
    }

    private String placeholder() {
        if (source.isEmpty()) {
            return i18n.get("bind.placeholder.noTargets");
        }
        String[] needles = tokens(searchText.get());
        if (needles.length == 0) {
            return i18n.get("bind.placeholder.noneBindable");
        }
        long hiddenMatches = showIneligible.get() ? 0 : source.stream()
                .filter(visibleRows(true, needles))
                .filter(row -> row.getEligibility() == Eligibility.INELIGIBLE)
                .count();
        return hiddenMatches == 0 ? i18n.get("bind.placeholder.noMatch")
                : i18n.get("bind.placeholder.noMatchHidden", hiddenMatches);
    }

    private static Predicate<BindRow> visibleRows(boolean withIneligible, String[] needles) {
        return row -> {
            if (!withIneligible && row.getEligibility() == Eligibility.INELIGIBLE) {
                return false;
            }
            for (String needle : needles) {
                if (!row.matches(needle)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String[] tokens(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    // ---- submitting ----------------------------------------------------------------------------

    private record Target(String id, InstanceType type) {
    }

    private List<BindingJob> queue(JobEngine jobs, List<Target> targets) {
        List<BindingJob> queued = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            try {
                queued.add(jobs.submitBind(haVipId, target.id(), target.type()));
            } catch (RuntimeException e) {
                throw new BindSubmitException(haVipId, queued.stream().map(BindingJob::targetId).toList(),
                        targets.subList(i, targets.size()).stream().map(Target::id).toList(), e);
            }
        }
        return queued;
    }

    private void submitFailed(Throwable failure) {
        LOG.error("could not queue the binds of {}", haVipId, failure);
        List<String> notQueued = failure instanceof BindSubmitException e ? e.notQueued() : submitted.get();
        onSubmitFailed.accept(i18n.get("bind.submit.failed", haVipId, String.join(", ", notQueued)), failure);
    }

    private boolean isCurrent(BindRow row) {
        return row != null && submitted.get() == null && rowsById.get(row.targetId()) == row;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    // ---- properties ----------------------------------------------------------------------------

    /** @return the HaVip's ID */
    public String haVipId() {
        return haVipId;
    }

    /** @return the texts of the user's language (the View loads its FXML with this bundle) */
    public I18n i18n() {
        return i18n;
    }

    /** @return the window title */
    public String title() {
        return i18n.get("bind.dialog.title", haVipId);
    }

    /**
     * @return the candidates to show: filtered, then sorted by the comparator the View binds to
     *         {@link SortedList#comparatorProperty()} (the table's)
     */
    public SortedList<BindRow> rows() {
        return sorted;
    }

    /**
     * @param targetId an instance or ENI ID
     * @return its row, shown or not
     */
    public Optional<BindRow> row(String targetId) {
        return Optional.ofNullable(rowsById.get(targetId));
    }

    /** @return every candidate in the default order, whatever the filter */
    public List<BindRow> allRows() {
        return List.copyOf(source);
    }

    /** @return the chosen target IDs, in the order they were chosen (and will be bound) */
    public ObservableList<String> selectedIds() {
        return readOnlySelectedIds;
    }

    /** @return the filter text: every word must appear in the ID, name, IP, VSwitch, status or reason; the View writes it */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** @return whether targets that cannot be bound are listed too (off by default); the View writes it */
    public BooleanProperty showIneligibleProperty() {
        return showIneligible;
    }

    /** @return the row the table's focus is on, whose verdict {@link #focusedDetailsProperty()} explains; the View writes it */
    public ObjectProperty<BindRow> focusedRowProperty() {
        return focusedRow;
    }

    /** @return the focused target and every reason it fails (or that it can be bound), in full */
    public ReadOnlyStringProperty focusedDetailsProperty() {
        return focusedDetails.getReadOnlyProperty();
    }

    /** @return the HaVip as the inventory knows it now (the caller's copy when it disappeared) */
    public ReadOnlyObjectProperty<HaVip> haVipProperty() {
        return haVip.getReadOnlyProperty();
    }

    /** @return whether the HaVip is no longer in the inventory (deleted): nothing can be bound */
    public ReadOnlyBooleanProperty haVipGoneProperty() {
        return haVipGone.getReadOnlyProperty();
    }

    /** @return the HaVip's name and description */
    public ReadOnlyStringProperty haVipNameProperty() {
        return haVipName.getReadOnlyProperty();
    }

    /** @return the HaVip's virtual IP */
    public ReadOnlyStringProperty ipAddressProperty() {
        return ipAddress.getReadOnlyProperty();
    }

    /** @return the HaVip's vSwitch: ID and name */
    public ReadOnlyStringProperty vSwitchTextProperty() {
        return vSwitchText.getReadOnlyProperty();
    }

    /** @return the HaVip's status, localized */
    public ReadOnlyStringProperty haVipStatusTextProperty() {
        return haVipStatusText.getReadOnlyProperty();
    }

    /** @return the colour of the HaVip's status pill */
    public ReadOnlyObjectProperty<Tone> haVipStatusToneProperty() {
        return haVipStatusTone.getReadOnlyProperty();
    }

    /** @return the HaVip's current bindings against the assumed limit, e.g. "2 of at most 10" */
    public ReadOnlyStringProperty bindingsTextProperty() {
        return bindingsText.getReadOnlyProperty();
    }

    /** @return why nothing can be bound to the HaVip now (gone, or not in a bindable state); empty otherwise */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** @return how many candidates can be bound */
    public ReadOnlyIntegerProperty eligibleCountProperty() {
        return eligibleCount.getReadOnlyProperty();
    }

    /** @return how many candidates only a count limit holds back */
    public ReadOnlyIntegerProperty advisoryCountProperty() {
        return advisoryCount.getReadOnlyProperty();
    }

    /** @return how many candidates cannot be bound (hidden unless {@link #showIneligibleProperty()}) */
    public ReadOnlyIntegerProperty ineligibleCountProperty() {
        return ineligibleCount.getReadOnlyProperty();
    }

    /** @return how many targets are chosen */
    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** @return the label of the "show ineligible" toggle: "Show 12 targets that cannot be bound" */
    public ReadOnlyStringProperty showIneligibleTextProperty() {
        return showIneligibleText.getReadOnlyProperty();
    }

    /** @return why limit-held targets need "Try anyway": ENS does not publish its limits; show when {@link #advisoryCountProperty()} &gt; 0 */
    public ReadOnlyStringProperty limitNoteProperty() {
        return limitNote.getReadOnlyProperty();
    }

    /** @return what is chosen and how it will be bound */
    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    /** @return a warning when the chosen targets would take the HaVip over its assumed limit; empty otherwise */
    public ReadOnlyStringProperty limitWarningProperty() {
        return limitWarning.getReadOnlyProperty();
    }

    /** @return what an empty table should say, depending on the filter */
    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    /** @return the label of the bind button: "Bind", "Bind 3 targets" */
    public ReadOnlyStringProperty submitTextProperty() {
        return submitText.getReadOnlyProperty();
    }

    /** @return "Copied …" after {@link #copyCliCommands()}, until the choice changes; empty otherwise */
    public ReadOnlyStringProperty cliFeedbackProperty() {
        return cliFeedback.getReadOnlyProperty();
    }

    /** @return the IDs submitted, in order, once {@link #submit()} ran; null until then (and when cancelled) */
    public ReadOnlyObjectProperty<List<String>> submittedProperty() {
        return submitted.getReadOnlyProperty();
    }

    /** @return the IDs submitted, empty when nothing was (yet) */
    public List<String> getSubmitted() {
        return submitted.get() == null ? List.of() : submitted.get();
    }

    /** @return whether {@link #submit()} would bind something: targets chosen, the HaVip exists, not yet submitted */
    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** @return whether there are commands to copy */
    public BooleanBinding canCopyCliProperty() {
        return canCopyCli;
    }
}
