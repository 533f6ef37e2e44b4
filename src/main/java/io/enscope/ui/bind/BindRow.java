package io.enscope.ui.bind;

import io.enscope.binding.Verdict;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.common.Tone;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;
import java.util.Objects;

/**
 * One candidate target (instance or ENI) of the bind dialog. A row keeps its identity while the
 * dialog is open: when the inventory changes, {@link BindViewModel} updates it in place, so the
 * table keeps its focus and the user's choices stay on the same line. Only the ViewModel writes;
 * the View reads the properties and calls the ViewModel's commands.
 */
public final class BindRow {
    private final String targetId;
    private final InstanceType type;
    private final ReadOnlyStringWrapper kindText = new ReadOnlyStringWrapper(this, "kindText", "");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<Tone> statusTone = new ReadOnlyObjectWrapper<>(this, "statusTone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper ip = new ReadOnlyStringWrapper(this, "ip", "");
    private final ReadOnlyStringWrapper vSwitchId = new ReadOnlyStringWrapper(this, "vSwitchId", "");
    private final ReadOnlyStringWrapper vSwitchName = new ReadOnlyStringWrapper(this, "vSwitchName", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyObjectWrapper<Eligibility> eligibility =
            new ReadOnlyObjectWrapper<>(this, "eligibility", Eligibility.INELIGIBLE);
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper(this, "code", "");
    private final ReadOnlyStringWrapper reasonText = new ReadOnlyStringWrapper(this, "reasonText", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(this, "selected");
    private final ReadOnlyBooleanWrapper tryAnyway = new ReadOnlyBooleanWrapper(this, "tryAnyway");
    private final ReadOnlyBooleanWrapper selectable = new ReadOnlyBooleanWrapper(this, "selectable");
    private int order;
    private String searchable = "";

    /**
     * What the ViewModel shows of a target for one evaluation.
     *
     * @param kindText    "Instance" or "ENI", localized
     * @param name        the name, with the owning instance for an attached ENI
     * @param statusText  the status, localized
     * @param rawStatus   the status as ENS spells it (searchable too)
     * @param statusTone  the colour of the status pill
     * @param ip          the primary private IPv4 address, empty when unknown
     * @param vSwitchId   the target's vSwitch
     * @param vSwitchName its name, empty when unknown
     * @param verdict     the eligibility engine's verdict
     * @param reasonText  the first reason in words, empty when eligible
     * @param details     every reason with its code, one per line, empty when eligible
     * @param order       the position in the eligibility report
     */
    record Data(String kindText, String name, String statusText, String rawStatus, Tone statusTone, String ip,
                String vSwitchId, String vSwitchName, Verdict verdict, String reasonText, String details,
                int order) {
    }

    BindRow(String targetId, InstanceType type) {
        this.targetId = Objects.requireNonNull(targetId, "targetId");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The properties whose change can move a row in or out of the filter or change its place. */
    static Observable[] extractor(BindRow row) {
        return new Observable[] {row.eligibility, row.verdict, row.name, row.statusText, row.ip, row.vSwitchId};
    }

    void update(Data data) {
        kindText.set(data.kindText());
        name.set(data.name());
        statusText.set(data.statusText());
        statusTone.set(data.statusTone());
        ip.set(data.ip());
        vSwitchId.set(data.vSwitchId());
        vSwitchName.set(data.vSwitchName());
        code.set(data.verdict().isEligible() ? "" : data.verdict().code());
        reasonText.set(data.reasonText());
        details.set(data.details());
        order = data.order();
        searchable = String.join("\n", targetId, data.kindText(), data.name(), data.statusText(),
                nonNull(data.rawStatus()), data.ip(), data.vSwitchId(), data.vSwitchName(), code.get(),
                data.reasonText()).toLowerCase(Locale.ROOT);
        // Verdict and eligibility last: listeners on them read the texts of the new state.
        verdict.set(data.verdict());
        eligibility.set(Eligibility.of(data.verdict()));
    }

    void setChoice(boolean isSelected, boolean isTryAnyway) {
        tryAnyway.set(isTryAnyway);
        selectable.set(computeSelectable(isTryAnyway));
        selected.set(isSelected);
    }

    boolean computeSelectable(boolean withTryAnyway) {
        Eligibility e = eligibility.get();
        return e == Eligibility.ELIGIBLE || (e == Eligibility.ADVISORY && withTryAnyway);
    }

    int order() {
        return order;
    }

    boolean matches(String needle) {
        return searchable.contains(needle);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** @return the instance ({@code i-…}) or ENI ({@code eni-…}) ID */
    public String targetId() {
        return targetId;
    }

    /** @return whether the target is an instance or an ENI: the {@code InstanceType} of AssociateHaVip */
    public InstanceType type() {
        return type;
    }

    /** @return "Instance" or "ENI" in the user's language */
    public ReadOnlyStringProperty kindTextProperty() {
        return kindText.getReadOnlyProperty();
    }

    public String getKindText() {
        return kindText.get();
    }

    /** @return the name; for an attached ENI also the instance it is attached to */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    /** @return the status in the user's language (the ENS spelling when it is not known) */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public String getStatusText() {
        return statusText.get();
    }

    /** @return how the status reads: the colour of its pill */
    public ReadOnlyObjectProperty<Tone> statusToneProperty() {
        return statusTone.getReadOnlyProperty();
    }

    public Tone getStatusTone() {
        return statusTone.get();
    }

    /** @return the primary private IPv4 address, empty when unknown */
    public ReadOnlyStringProperty ipProperty() {
        return ip.getReadOnlyProperty();
    }

    public String getIp() {
        return ip.get();
    }

    /** @return the target's vSwitch ID */
    public ReadOnlyStringProperty vSwitchIdProperty() {
        return vSwitchId.getReadOnlyProperty();
    }

    public String getVSwitchId() {
        return vSwitchId.get();
    }

    /** @return the name of the target's vSwitch, empty when the inventory does not know it */
    public ReadOnlyStringProperty vSwitchNameProperty() {
        return vSwitchName.getReadOnlyProperty();
    }

    public String getVSwitchName() {
        return vSwitchName.get();
    }

    /** @return the eligibility engine's verdict for this target */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public Verdict getVerdict() {
        return verdict.get();
    }

    /** @return eligible, held back by a limit, or ineligible */
    public ReadOnlyObjectProperty<Eligibility> eligibilityProperty() {
        return eligibility.getReadOnlyProperty();
    }

    public Eligibility getEligibility() {
        return eligibility.get();
    }

    /** @return the error code AssociateHaVip is predicted to answer, empty when eligible */
    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    public String getCode() {
        return code.get();
    }

    /** @return that error in the user's words, empty when eligible */
    public ReadOnlyStringProperty reasonTextProperty() {
        return reasonText.getReadOnlyProperty();
    }

    public String getReasonText() {
        return reasonText.get();
    }

    /** @return every rule the target fails, code and words, one per line (for a tooltip); empty when eligible */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public String getDetails() {
        return details.get();
    }

    /** @return whether the target is chosen for binding */
    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public boolean isSelected() {
        return selected.get();
    }

    /** @return whether the user chose to try this limit-held target anyway (advisory rows only) */
    public ReadOnlyBooleanProperty tryAnywayProperty() {
        return tryAnyway.getReadOnlyProperty();
    }

    public boolean isTryAnyway() {
        return tryAnyway.get();
    }

    /** @return whether the target may be chosen now: eligible, or advisory with "Try anyway" ticked */
    public ReadOnlyBooleanProperty selectableProperty() {
        return selectable.getReadOnlyProperty();
    }

    public boolean isSelectable() {
        return selectable.get();
    }

    @Override
    public String toString() {
        return "BindRow[" + targetId + ", " + eligibility.get() + (code.get().isEmpty() ? "" : " " + code.get())
                + (selected.get() ? ", selected" : "") + "]";
    }
}
