package io.enscope.ui.explorer;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ui.havip.StatusValue;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A HaVip in the explorer's table. The object stays while the HaVip is in the selected node;
 * {@code update} refreshes its properties in place, so selection and scroll position survive a
 * live refresh.
 */
public final class HaVipRow implements ExplorerRow {
    private final String id;
    private final ReadOnlyObjectWrapper<HaVip> haVip = new ReadOnlyObjectWrapper<>(this, "haVip");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper ipAddress = new ReadOnlyStringWrapper(this, "ipAddress", "");
    private final ReadOnlyObjectWrapper<StatusValue> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper associations = new ReadOnlyStringWrapper(this, "associations", "");
    private final ReadOnlyIntegerWrapper associationCount = new ReadOnlyIntegerWrapper(this, "associationCount");
    private final ReadOnlyStringWrapper vSwitchId = new ReadOnlyStringWrapper(this, "vSwitchId", "");
    private final ReadOnlyStringWrapper vSwitchName = new ReadOnlyStringWrapper(this, "vSwitchName", "");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created", "");
    private String searchText = "";
    private List<String> csv = List.of();
    /** What the shown values were made from: the HaVip, its targets' names and its VSwitch's name. */
    private List<Object> derivedFrom;

    HaVipRow(HaVip value, RowContext context) {
        this.id = value.id();
        update(value, context);
    }

    void update(HaVip value, RowContext context) {
        if (value == haVip.get()) {
            // Unchanged by this refresh; the names of its targets change only with a full reload.
            return;
        }
        List<String> targetNames = new ArrayList<>(value.associations().size());
        for (HaVipAssociation a : value.associations()) {
            targetNames.add(targetName(a.instanceId(), context));
        }
        String vSwitch = context.vSwitchName(value.vSwitchId());
        List<Object> inputs = List.of(value, targetNames, vSwitch);
        haVip.set(value);
        // A reload reads every HaVip again: unchanged rows leave the table's sort and filter alone.
        boolean unchanged = inputs.equals(derivedFrom);
        derivedFrom = inputs;
        if (unchanged) {
            return;
        }
        name.set(RowContext.text(value.name()));
        ipAddress.set(RowContext.text(value.ipAddress()));
        status.set(context.statuses().haVip(value.liveStatus(), value.liveRawStatus()));
        StringJoiner bound = new StringJoiner(", ");
        List<String> searchable = new ArrayList<>(List.of(id, name.get(), ipAddress.get(), status.get().text(),
                status.get().code(), RowContext.text(value.description()), RowContext.text(value.vSwitchId())));
        for (int i = 0; i < value.associations().size(); i++) {
            HaVipAssociation a = value.associations().get(i);
            StatusValue binding = context.statuses().association(a.status(), a.rawStatus());
            bound.add(a.instanceId() + " (" + binding.text() + ")");
            searchable.add(a.instanceId());
            searchable.add(binding.text());
            searchable.add(binding.code());
            searchable.add(a.ipAddress());
            searchable.add(targetNames.get(i));
        }
        associations.set(bound.toString());
        associationCount.set(value.associations().size());
        vSwitchId.set(RowContext.text(value.vSwitchId()));
        vSwitchName.set(vSwitch);
        searchable.add(vSwitchName.get());
        created.set(context.times().minutes(value.creationTime()));
        searchText = RowContext.searchText(searchable);
        csv = List.of(id, name.get(), ipAddress.get(), status.get().code(), associations.get(), vSwitchId.get(),
                RowContext.iso(value.creationTime()));
    }

    private static String targetName(String targetId, RowContext context) {
        return context.inventory().instance(targetId).map(Instance::name)
                .or(() -> context.inventory().networkInterface(targetId).map(NetworkInterface::name)).orElse("");
    }

    /** @return the properties whose change re-filters and re-sorts the row (the list's extractor) */
    Observable[] observables() {
        return new Observable[] {name, ipAddress, status, associations, created};
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean matches(SearchQuery query) {
        return query.matches(searchText);
    }

    @Override
    public List<String> csvCells() {
        return csv;
    }

    /** @return the HaVip as the inventory lists it now */
    public ReadOnlyObjectProperty<HaVip> haVipProperty() {
        return haVip.getReadOnlyProperty();
    }

    public HaVip getHaVip() {
        return haVip.get();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    public ReadOnlyStringProperty ipAddressProperty() {
        return ipAddress.getReadOnlyProperty();
    }

    public String getIpAddress() {
        return ipAddress.get();
    }

    /** @return the live status, as a pill */
    public ReadOnlyObjectProperty<StatusValue> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StatusValue getStatus() {
        return status.get();
    }

    /** @return the bindings, e.g. "i-abc (InUse), eni-def (Associating)" */
    public ReadOnlyStringProperty associationsProperty() {
        return associations.getReadOnlyProperty();
    }

    public String getAssociations() {
        return associations.get();
    }

    public ReadOnlyIntegerProperty associationCountProperty() {
        return associationCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty vSwitchIdProperty() {
        return vSwitchId.getReadOnlyProperty();
    }

    public String getVSwitchId() {
        return vSwitchId.get();
    }

    /** @return the VSwitch's name, for the tooltip of its id */
    public String getVSwitchName() {
        return vSwitchName.get();
    }

    /** @return when it was created, local time "yyyy-MM-dd HH:mm" (sorts chronologically) */
    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public String getCreated() {
        return created.get();
    }
}
