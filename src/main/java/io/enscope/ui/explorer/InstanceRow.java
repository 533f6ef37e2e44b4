package io.enscope.ui.explorer;

import io.enscope.ens.model.Instance;
import io.enscope.ens.model.ResourceTag;
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

/** An instance in the explorer's table; updated in place like {@link HaVipRow}. */
public final class InstanceRow implements ExplorerRow {
    private final String id;
    private final ReadOnlyObjectWrapper<Instance> instance = new ReadOnlyObjectWrapper<>(this, "instance");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyObjectWrapper<StatusValue> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper privateIp = new ReadOnlyStringWrapper(this, "privateIp", "");
    private final ReadOnlyStringWrapper vSwitchId = new ReadOnlyStringWrapper(this, "vSwitchId", "");
    private final ReadOnlyStringWrapper vSwitchName = new ReadOnlyStringWrapper(this, "vSwitchName", "");
    private final ReadOnlyIntegerWrapper haVipCount = new ReadOnlyIntegerWrapper(this, "haVipCount");
    private final ReadOnlyStringWrapper tags = new ReadOnlyStringWrapper(this, "tags", "");
    private String searchText = "";
    private List<String> csv = List.of();
    private List<String> lastHaVipIds;
    private List<ResourceTag> lastTags;
    /** What the shown values were made from: the instance, its HaVips and its VSwitch's name. */
    private List<Object> derivedFrom;

    InstanceRow(Instance value, RowContext context) {
        this.id = value.id();
        update(value, context);
    }

    void update(Instance value, RowContext context) {
        List<String> haVipIds = context.inventory().haVipIdsOf(id);
        List<ResourceTag> tagList = context.tagsOf(value);
        // A HaVip refresh shares the instance and, unless its bindings changed, the id list: nothing to do.
        if (value == instance.get() && haVipIds == lastHaVipIds && tagList == lastTags) {
            return;
        }
        lastHaVipIds = haVipIds;
        lastTags = tagList;
        String vSwitch = context.vSwitchName(value.vSwitchId());
        List<Object> inputs = List.of(value, haVipIds, vSwitch, tagList);
        instance.set(value);
        // A reload reads every instance again: unchanged rows leave the table's sort and filter alone.
        boolean unchanged = inputs.equals(derivedFrom);
        derivedFrom = inputs;
        if (unchanged) {
            return;
        }
        name.set(RowContext.text(value.name()));
        status.set(context.statuses().instance(value.status(), value.rawStatus()));
        privateIp.set(RowContext.text(value.primaryPrivateIpAddress()));
        vSwitchId.set(RowContext.text(value.vSwitchId()));
        vSwitchName.set(vSwitch);
        haVipCount.set(haVipIds.size());
        tags.set(String.join(", ", tagList.stream().map(ResourceTag::text).toList()));
        List<String> searchable = new ArrayList<>(List.of(id, name.get(), status.get().text(), status.get().code(), vSwitchId.get(),
                vSwitchName.get(), RowContext.text(value.hostName())));
        searchable.addAll(value.privateIpAddresses());
        searchable.addAll(value.publicIpAddresses());
        searchable.addAll(haVipIds);
        searchable.add(tags.get());
        searchText = RowContext.searchText(searchable);
        csv = List.of(id, name.get(), status.get().code(), privateIp.get(), vSwitchId.get(),
                Integer.toString(haVipCount.get()));
    }

    Observable[] observables() {
        return new Observable[] {name, status, privateIp, haVipCount};
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

    /** @return the instance as the inventory lists it */
    public ReadOnlyObjectProperty<Instance> instanceProperty() {
        return instance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    public ReadOnlyObjectProperty<StatusValue> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StatusValue getStatus() {
        return status.get();
    }

    /** @return the primary private IPv4 address */
    public ReadOnlyStringProperty privateIpProperty() {
        return privateIp.getReadOnlyProperty();
    }

    public String getPrivateIp() {
        return privateIp.get();
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

    /** @return how many HaVips list a binding to this instance, in any status */
    public ReadOnlyIntegerProperty haVipCountProperty() {
        return haVipCount.getReadOnlyProperty();
    }

    public int getHaVipCount() {
        return haVipCount.get();
    }

    /** @return the instance's tags as {@code key=value, …} */
    public ReadOnlyStringProperty tagsProperty() {
        return tags.getReadOnlyProperty();
    }

    public String getTags() {
        return tags.get();
    }
}
