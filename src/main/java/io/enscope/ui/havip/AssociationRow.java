package io.enscope.ui.havip;

import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.InstanceType;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;

/**
 * One binding of the HaVip shown in the detail: its target, the target's name, type, IP, live
 * status and since when it exists. The row object stays while the binding exists and its
 * properties follow every refresh, so the table keeps its selection.
 */
public final class AssociationRow {
    private final String targetId;
    private final ReadOnlyObjectWrapper<HaVipAssociation> association = new ReadOnlyObjectWrapper<>(this, "association");
    private final ReadOnlyStringWrapper targetName = new ReadOnlyStringWrapper(this, "targetName", "");
    private final ReadOnlyStringWrapper type = new ReadOnlyStringWrapper(this, "type", "");
    private final ReadOnlyStringWrapper ipAddress = new ReadOnlyStringWrapper(this, "ipAddress", "");
    private final ReadOnlyObjectWrapper<StatusValue> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<Instant> since = new ReadOnlyObjectWrapper<>(this, "since");
    private final ReadOnlyStringWrapper sinceText = new ReadOnlyStringWrapper(this, "sinceText", "");

    AssociationRow(String targetId) {
        this.targetId = targetId;
    }

    void update(HaVipAssociation value, String name, String typeText, StatusValue statusValue, String sinceValue) {
        association.set(value);
        targetName.set(name == null ? "" : name);
        type.set(typeText);
        ipAddress.set(value.ipAddress() == null ? "" : value.ipAddress());
        status.set(statusValue);
        since.set(value.creationTime());
        sinceText.set(sinceValue);
    }

    /** @return the bound instance ({@code i-…}) or ENI ({@code eni-…}) */
    public String getTargetId() {
        return targetId;
    }

    /** @return the binding as ENS lists it now */
    public ReadOnlyObjectProperty<HaVipAssociation> associationProperty() {
        return association.getReadOnlyProperty();
    }

    public HaVipAssociation getAssociation() {
        return association.get();
    }

    /** @return whether the target is an ENI */
    public boolean isNetworkInterface() {
        return association.get().instanceType() == InstanceType.NETWORK_INTERFACE;
    }

    /** @return whether the binding is settled ({@code InUse}), so that it can be removed */
    public boolean isInUse() {
        return association.get().status() == AssociationStatus.IN_USE;
    }

    /** @return the target's name from the inventory, empty when unknown */
    public ReadOnlyStringProperty targetNameProperty() {
        return targetName.getReadOnlyProperty();
    }

    public String getTargetName() {
        return targetName.get();
    }

    /** @return "Instance" or "ENI", localized */
    public ReadOnlyStringProperty typeProperty() {
        return type.getReadOnlyProperty();
    }

    public String getType() {
        return type.get();
    }

    /** @return the target's private address */
    public ReadOnlyStringProperty ipAddressProperty() {
        return ipAddress.getReadOnlyProperty();
    }

    public String getIpAddress() {
        return ipAddress.get();
    }

    /** @return the binding's live status */
    public ReadOnlyObjectProperty<StatusValue> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StatusValue getStatus() {
        return status.get();
    }

    /** @return when ENS says the binding was made, null when it does not say */
    public ReadOnlyObjectProperty<Instant> sinceProperty() {
        return since.getReadOnlyProperty();
    }

    /** @return {@link #sinceProperty()} as local time */
    public ReadOnlyStringProperty sinceTextProperty() {
        return sinceText.getReadOnlyProperty();
    }

    public String getSinceText() {
        return sinceText.get();
    }
}
