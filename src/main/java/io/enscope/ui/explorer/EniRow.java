package io.enscope.ui.explorer;

import io.enscope.ens.model.Instance;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.NetworkInterfaceType;
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

/** An elastic network interface in the explorer's table; updated in place like {@link HaVipRow}. */
public final class EniRow implements ExplorerRow {
    private final String id;
    private final ReadOnlyObjectWrapper<NetworkInterface> networkInterface =
            new ReadOnlyObjectWrapper<>(this, "networkInterface");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper type = new ReadOnlyStringWrapper(this, "type", "");
    private final ReadOnlyObjectWrapper<StatusValue> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper primaryIp = new ReadOnlyStringWrapper(this, "primaryIp", "");
    private final ReadOnlyStringWrapper instanceId = new ReadOnlyStringWrapper(this, "instanceId", "");
    private final ReadOnlyStringWrapper instanceName = new ReadOnlyStringWrapper(this, "instanceName", "");
    private final ReadOnlyStringWrapper vSwitchId = new ReadOnlyStringWrapper(this, "vSwitchId", "");
    private final ReadOnlyStringWrapper vSwitchName = new ReadOnlyStringWrapper(this, "vSwitchName", "");
    private final ReadOnlyIntegerWrapper haVipCount = new ReadOnlyIntegerWrapper(this, "haVipCount");
    private String searchText = "";
    private List<String> csv = List.of();
    private List<String> lastHaVipIds;
    /** What the shown values were made from: the ENI, its HaVips, the instance's and VSwitch's names. */
    private List<Object> derivedFrom;

    EniRow(NetworkInterface value, RowContext context) {
        this.id = value.id();
        update(value, context);
    }

    void update(NetworkInterface value, RowContext context) {
        List<String> haVipIds = context.inventory().haVipIdsOf(id);
        // A HaVip refresh shares the ENI and, unless its bindings changed, the id list: nothing to do.
        if (value == networkInterface.get() && haVipIds == lastHaVipIds) {
            return;
        }
        lastHaVipIds = haVipIds;
        String instance = value.instanceId() == null ? ""
                : context.inventory().instance(value.instanceId()).map(Instance::name).orElse("");
        String vSwitch = context.vSwitchName(value.vSwitchId());
        List<Object> inputs = List.of(value, haVipIds, instance, vSwitch);
        networkInterface.set(value);
        // A reload reads every ENI again: when nothing the row shows changed, its cells and the
        // table's sort and filter are left alone (thousands of rows on a large node).
        boolean unchanged = inputs.equals(derivedFrom);
        derivedFrom = inputs;
        if (unchanged) {
            return;
        }
        name.set(RowContext.text(value.name()));
        type.set(typeText(value, context));
        status.set(context.statuses().networkInterface(value.status(), value.rawStatus()));
        primaryIp.set(RowContext.text(value.primaryIpAddress()));
        instanceId.set(RowContext.text(value.instanceId()));
        instanceName.set(instance);
        vSwitchId.set(RowContext.text(value.vSwitchId()));
        vSwitchName.set(vSwitch);
        haVipCount.set(haVipIds.size());
        List<String> searchable = new ArrayList<>(List.of(id, name.get(), type.get(), RowContext.text(value.rawType()),
                status.get().text(), status.get().code(), instanceId.get(), instanceName.get(), vSwitchId.get(), vSwitchName.get()));
        searchable.addAll(value.privateIpAddresses());
        searchable.add(value.primaryIpAddress());
        searchable.addAll(haVipIds);
        searchText = RowContext.searchText(searchable);
        csv = List.of(id, name.get(), value.type() == NetworkInterfaceType.UNKNOWN ? type.get()
                        : value.type().wireValue(), status.get().code(), primaryIp.get(), instanceId.get(),
                vSwitchId.get(), Integer.toString(haVipCount.get()));
    }

    private static String typeText(NetworkInterface value, RowContext context) {
        return switch (value.type()) {
            case PRIMARY -> context.i18n().get("explorer.eni.type.primary");
            case SECONDARY -> context.i18n().get("explorer.eni.type.secondary");
            case UNKNOWN -> RowContext.text(value.rawType());
        };
    }

    Observable[] observables() {
        return new Observable[] {name, type, status, primaryIp, instanceId, haVipCount};
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

    /** @return the ENI as the inventory lists it */
    public ReadOnlyObjectProperty<NetworkInterface> networkInterfaceProperty() {
        return networkInterface.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    /** @return Primary or Secondary, in the user's language */
    public ReadOnlyStringProperty typeProperty() {
        return type.getReadOnlyProperty();
    }

    public String getType() {
        return type.get();
    }

    public ReadOnlyObjectProperty<StatusValue> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StatusValue getStatus() {
        return status.get();
    }

    public ReadOnlyStringProperty primaryIpProperty() {
        return primaryIp.getReadOnlyProperty();
    }

    public String getPrimaryIp() {
        return primaryIp.get();
    }

    /** @return the instance it is attached to, empty when detached */
    public ReadOnlyStringProperty instanceIdProperty() {
        return instanceId.getReadOnlyProperty();
    }

    public String getInstanceId() {
        return instanceId.get();
    }

    /** @return that instance's name, empty when unknown */
    public String getInstanceName() {
        return instanceName.get();
    }

    public ReadOnlyStringProperty vSwitchIdProperty() {
        return vSwitchId.getReadOnlyProperty();
    }

    public String getVSwitchId() {
        return vSwitchId.get();
    }

    public String getVSwitchName() {
        return vSwitchName.get();
    }

    /** @return how many HaVips list a binding to this ENI */
    public ReadOnlyIntegerProperty haVipCountProperty() {
        return haVipCount.getReadOnlyProperty();
    }

    public int getHaVipCount() {
        return haVipCount.get();
    }
}
