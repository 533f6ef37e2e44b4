package io.enscope.ui.havip;

import io.enscope.ens.CreateHaVipRequest;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.Workspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Create HaVip dialog for one VSwitch: an optional fixed IP, checked as the user types (a
 * dotted IPv4 address, a host address of the VSwitch's block, not already taken by a HaVip,
 * instance or ENI the console knows), an optional name and description; Create calls CreateHaVip
 * off the FX thread, shows ENS's refusal inline (localized, with code and RequestId) and, on
 * success, reads the new HaVips into the inventory and sets {@link #resultProperty()}, which
 * closes the dialog. All methods are called on the UI thread.
 */
public final class CreateHaVipViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CreateHaVipViewModel.class);
    /** ENS's limits for HaVip names (as ModifyHaVipAttribute documents them) and descriptions. */
    static final int MAX_NAME = 128;
    static final int MAX_DESCRIPTION = 256;

    private final Workspace workspace;
    private final Dialogs dialogs;
    private final I18n i18n;
    private final String vSwitchId;
    private final Optional<Ipv4.Cidr> cidr;

    private final StringProperty ipAddress = new SimpleStringProperty(this, "ipAddress", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ReadOnlyStringWrapper ipError = new ReadOnlyStringWrapper(this, "ipError", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper descriptionError = new ReadOnlyStringWrapper(this, "descriptionError", "");
    private final ReadOnlyStringWrapper vSwitchText = new ReadOnlyStringWrapper(this, "vSwitchText", "");
    private final ReadOnlyStringWrapper ipHint = new ReadOnlyStringWrapper(this, "ipHint", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper(this, "errorCode", "");
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper(this, "errorDetail", "");
    private final ReadOnlyStringWrapper cliCommand = new ReadOnlyStringWrapper(this, "cliCommand", "");
    private final ReadOnlyObjectWrapper<List<String>> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BooleanBinding canCreate;
    private InlineError lastError;

    /**
     * @param workspace the connected session (its inventory tells the VSwitch's block and the taken IPs)
     * @param dialogs   the clipboard and the error dialog
     * @param vSwitchId the VSwitch the HaVip goes into
     */
    public CreateHaVipViewModel(Workspace workspace, Dialogs dialogs, String vSwitchId) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.vSwitchId = Objects.requireNonNull(vSwitchId, "vSwitchId");
        this.i18n = workspace.i18n();
        Optional<VSwitch> vsw = workspace.inventory().vSwitch(vSwitchId);
        this.cidr = vsw.flatMap(v -> Ipv4.Cidr.parse(v.cidrBlock()));
        String vswName = vsw.map(VSwitch::name).filter(n -> !n.isBlank()).orElse("");
        String block = vsw.map(VSwitch::cidrBlock).orElse("");
        vSwitchText.set(vSwitchId + (vswName.isEmpty() ? "" : " \u00b7 " + vswName)
                + (block == null || block.isEmpty() ? "" : " \u00b7 " + block));
        ipHint.set(cidr.filter(Ipv4.Cidr::hasHosts)
                .map(c -> i18n.get("havip.create.ip.hint", c.toString(), Ipv4.format(c.firstHost()),
                        Ipv4.format(c.lastHost())))
                .orElse(i18n.get("havip.create.ip.hintUnknown")));

        ipError.bind(Bindings.createStringBinding(() -> validateIp(ipAddress.get()), ipAddress));
        nameError.bind(Bindings.createStringBinding(() -> validateName(name.get()), name));
        descriptionError.bind(Bindings.createStringBinding(() -> length(description.get()) > MAX_DESCRIPTION
                ? i18n.get("havip.create.description.tooLong", MAX_DESCRIPTION) : "", description));
        cliCommand.bind(Bindings.createStringBinding(this::buildCliCommand, ipAddress, name, description));
        canCreate = Bindings.createBooleanBinding(() -> !busy.get() && result.get() == null
                        && ipError.get().isEmpty() && nameError.get().isEmpty() && descriptionError.get().isEmpty(),
                busy, result, ipError, nameError, descriptionError);
        // Editing after a refusal starts over: the old message no longer describes the input.
        ipAddress.addListener((obs, old, now) -> clearError());
        name.addListener((obs, old, now) -> clearError());
        description.addListener((obs, old, now) -> clearError());
    }

    /** Sends CreateHaVip in the background; see the class comment. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        CreateHaVipRequest request = CreateHaVipRequest.of(vSwitchId, text(ipAddress.get()), text(name.get()),
                text(description.get()));
        clearError();
        busy.set(true);
        workspace.tasks().submit("create HaVip in " + vSwitchId, p -> workspace.api().createHaVip(request), ids -> {
            busy.set(false);
            LOG.info("CreateHaVip in {} created {}", vSwitchId, ids);
            ids.forEach(workspace::refreshHaVip);
            result.set(List.copyOf(ids));
        }, failure -> {
            busy.set(false);
            var ens = InlineError.ensError(failure);
            if (ens.isPresent()) {
                LOG.info("CreateHaVip in {} refused: {}", vSwitchId, ens.get().summary());
                showError(InlineError.of(ens.get(), i18n));
            } else {
                dialogs.showError(i18n.get("havip.create.context", vSwitchId), failure);
            }
        });
    }

    /** Copies {@link #cliCommandProperty()}. */
    public void copyCliCommand() {
        dialogs.copy(cliCommand.get());
    }

    /** Copies the inline error with its code and RequestId. */
    public void copyError() {
        if (lastError != null) {
            dialogs.copy(lastError.report());
        }
    }

    private String validateIp(String value) {
        String ip = text(value);
        if (ip == null) {
            return "";
        }
        OptionalLong address = Ipv4.parse(ip);
        if (address.isEmpty()) {
            return i18n.get("havip.create.ip.invalid");
        }
        if (cidr.isPresent() && !cidr.get().isHost(address.getAsLong())) {
            Ipv4.Cidr block = cidr.get();
            return block.hasHosts() ? i18n.get("havip.create.ip.outside", block.toString(),
                    Ipv4.format(block.firstHost()), Ipv4.format(block.lastHost()))
                    : i18n.get("havip.create.ip.noHosts", block.toString());
        }
        String user = takenAddresses().get(ip);
        return user == null ? "" : i18n.get("havip.create.ip.taken", ip, user);
    }

    private Map<String, String> takenAddresses() {
        Inventory inventory = workspace.inventory();
        Map<String, String> taken = new LinkedHashMap<>();
        for (HaVip h : inventory.haVipsIn(vSwitchId)) {
            if (h.ipAddress() != null) {
                taken.putIfAbsent(h.ipAddress(), label(h.id(), h.name()));
            }
        }
        for (Instance i : inventory.instancesIn(vSwitchId)) {
            i.privateIpAddresses().forEach(ip -> taken.putIfAbsent(ip, label(i.id(), i.name())));
        }
        for (NetworkInterface n : inventory.networkInterfacesIn(vSwitchId)) {
            n.privateIpAddresses().forEach(ip -> taken.putIfAbsent(ip, label(n.id(), n.name())));
            if (n.primaryIpAddress() != null) {
                taken.putIfAbsent(n.primaryIpAddress(), label(n.id(), n.name()));
            }
        }
        return taken;
    }

    private static String label(String id, String name) {
        return name == null || name.isBlank() ? id : id + " (" + name + ")";
    }

    private String validateName(String value) {
        String text = text(value);
        if (text == null) {
            return "";
        }
        if (text.length() > MAX_NAME) {
            return i18n.get("havip.create.name.tooLong", MAX_NAME);
        }
        if (text.startsWith("http://") || text.startsWith("https://")) {
            return i18n.get("havip.create.name.url");
        }
        return "";
    }

    private String buildCliCommand() {
        return CliCommand.ens("CreateHaVip").param("VSwitchId", vSwitchId).param("IpAddress", text(ipAddress.get()))
                .param("Name", text(name.get())).param("Description", text(description.get())).on(workspace.target())
                .toString();
    }

    private static int length(String value) {
        String trimmed = text(value);
        return trimmed == null ? 0 : trimmed.length();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private void showError(InlineError error) {
        lastError = error;
        errorCode.set(error.code());
        errorDetail.set(error.detail());
        errorMessage.set(error.message());
    }

    private void clearError() {
        lastError = null;
        errorMessage.set("");
        errorCode.set("");
        errorDetail.set("");
    }

    /** @return the VSwitch the HaVip goes into */
    public String vSwitchId() {
        return vSwitchId;
    }

    /** @return the fixed IP the user typed; empty lets ENS choose */
    public StringProperty ipAddressProperty() {
        return ipAddress;
    }

    /** @return the optional name */
    public StringProperty nameProperty() {
        return name;
    }

    /** @return the optional description */
    public StringProperty descriptionProperty() {
        return description;
    }

    /** @return why the IP cannot be used, empty when it can (or is empty) */
    public ReadOnlyStringProperty ipErrorProperty() {
        return ipError.getReadOnlyProperty();
    }

    public String getIpError() {
        return ipError.get();
    }

    /** @return why the name cannot be used, empty when it can */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public String getNameError() {
        return nameError.get();
    }

    /** @return why the description cannot be used, empty when it can */
    public ReadOnlyStringProperty descriptionErrorProperty() {
        return descriptionError.getReadOnlyProperty();
    }

    /** @return "vsw-… · name · 10.0.1.0/24" */
    public ReadOnlyStringProperty vSwitchTextProperty() {
        return vSwitchText.getReadOnlyProperty();
    }

    /** @return which addresses the VSwitch offers, for the IP field's hint */
    public ReadOnlyStringProperty ipHintProperty() {
        return ipHint.getReadOnlyProperty();
    }

    /** @return whether CreateHaVip is running */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return ENS's refusal, localized; empty when none */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** @return the ENS code of the refusal, empty when none */
    public ReadOnlyStringProperty errorCodeProperty() {
        return errorCode.getReadOnlyProperty();
    }

    public String getErrorCode() {
        return errorCode.get();
    }

    /** @return "Code: … · RequestId: …" of the refusal, empty when none */
    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail.getReadOnlyProperty();
    }

    /** @return the {@code aliyun ens CreateHaVip …} equivalent of the form as it is now */
    public ReadOnlyStringProperty cliCommandProperty() {
        return cliCommand.getReadOnlyProperty();
    }

    public String getCliCommand() {
        return cliCommand.get();
    }

    /** @return the ids of the new HaVips once created; null until then */
    public ReadOnlyObjectProperty<List<String>> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Optional<List<String>> getResult() {
        return Optional.ofNullable(result.get());
    }

    /** @return whether {@link #create()} can run: the input is valid and no call is running */
    public BooleanBinding canCreateProperty() {
        return canCreate;
    }
}
