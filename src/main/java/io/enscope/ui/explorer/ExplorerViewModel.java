package io.enscope.ui.explorer;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.VSwitchCounts;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.KeyedRows;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.HaVipDetailViewModel;
import io.enscope.ui.havip.Statuses;
import io.enscope.ui.havip.Times;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The explorer: the tree region → network → VSwitch with counts, and for the selected node (a
 * VSwitch, or everything under a network or region) three tables of HaVips, instances and ENIs,
 * filtered by the main window's search text and sorted by the table's columns; the selected
 * HaVip's detail ({@link #detail()}); copy id, Bind…, Create HaVip… and CSV export of the visible
 * rows.
 *
 * <p>Lists are a pipeline per table: source rows (with an extractor on their live properties) →
 * {@link FilteredList} with one predicate over the search text → {@link SortedList}, whose
 * comparator the View binds to its table's. When the workspace's inventory changes, rows are
 * updated in place by id (new ones appended, vanished ones removed), so selection and scroll
 * position survive a live refresh.
 *
 * <p>Lifecycle: {@link #activate()} when shown (follows the inventory from then on, and rebuilds),
 * {@link #deactivate()} when hidden (releases the listener). All methods are called on the UI
 * thread.
 */
public final class ExplorerViewModel {
    /**
     * When a node needs more new rows than this (a region of the large scenario: 1,600), they are
     * made in the background; fewer (a VSwitch, a live refresh, the demo) are made at once.
     */
    static final int BUILD_IN_BACKGROUND_ABOVE = 400;

    private final Workspace workspace;
    private final Dialogs dialogs;
    private final I18n i18n;
    private final StringProperty search;
    private final Statuses statuses;
    private final Times times = Times.local();
    private final HaVipDetailViewModel detail;

    private final ReadOnlyObjectWrapper<List<ExplorerNode>> tree =
            new ReadOnlyObjectWrapper<>(this, "tree", List.of());
    private final ObjectProperty<ExplorerNode> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<ExplorerTab> activeTab = new SimpleObjectProperty<>(this, "activeTab", ExplorerTab.HAVIPS);
    private final ReadOnlyStringWrapper scopeText = new ReadOnlyStringWrapper(this, "scopeText", "");

    private final ObjectBinding<Predicate<ExplorerRow>> predicate;
    private final Table<HaVip, HaVipRow> haVips;
    private final Table<Instance, InstanceRow> instances;
    private final Table<NetworkInterface, EniRow> enis;

    private final ReadOnlyObjectWrapper<HaVip> selectedHaVip = new ReadOnlyObjectWrapper<>(this, "selectedHaVip");
    private final ReadOnlyStringWrapper selectedVSwitchId = new ReadOnlyStringWrapper(this, "selectedVSwitchId");
    private final BooleanBinding canCopyId;
    private final BooleanBinding canBind;
    private final BooleanBinding canCreateHaVip;

    private final ChangeListener<Inventory> inventoryListener = (obs, old, now) -> rebuild();
    private final ChangeListener<Object> tagsListener = (obs, old, now) -> rebuild();
    /** "{0} inst · {1} ENI · {2} HaVip", parsed once: the tree formats it for every node it builds. */
    private final MessageFormat countsFormat;
    private final NumberFormat countFormat;
    private Map<String, CachedNode> treeCache = Map.of();
    /**
     * Rows are being made in the background ({@link #buildInBackground}): the tables still show
     * the previous node's rows, which the view disables meanwhile so that none is acted on.
     */
    private final ReadOnlyBooleanWrapper rowsBuilding = new ReadOnlyBooleanWrapper(this, "rowsBuilding");
    private int buildInBackgroundAbove = BUILD_IN_BACKGROUND_ABOVE;
    /** Sync now, even when many rows are missing (the background build is done or failed). */
    private boolean buildInline;
    private boolean active;
    private boolean disposed;
    private String pendingHaVipId;

    /**
     * @param workspace the connected session
     * @param dialogs   the bind and create dialogs, confirmations, the clipboard
     * @param search    the main window's search text; every table filters by it
     */
    public ExplorerViewModel(Workspace workspace, Dialogs dialogs, StringProperty search) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.search = Objects.requireNonNull(search, "search");
        this.i18n = workspace.i18n();
        this.statuses = new Statuses(i18n);
        this.countsFormat = new MessageFormat(i18n.get("explorer.tree.counts"), i18n.locale());
        this.countFormat = NumberFormat.getIntegerInstance(i18n.locale());
        this.detail = new HaVipDetailViewModel(workspace, dialogs);
        predicate = Bindings.createObjectBinding(() -> {
            SearchQuery query = SearchQuery.parse(search.get());
            return row -> row.matches(query);
        }, search);
        haVips = new Table<>(HaVip::id, HaVipRow::new, HaVipRow::update, HaVipRow::observables);
        instances = new Table<>(Instance::id, InstanceRow::new, InstanceRow::update, InstanceRow::observables);
        enis = new Table<>(NetworkInterface::id, EniRow::new, EniRow::update, EniRow::observables);

        selectedHaVip.bind(haVips.selected.flatMap(HaVipRow::haVipProperty));
        detail.haVipIdProperty().bind(haVips.selected.map(HaVipRow::getId));
        selectedVSwitchId.bind(selectedNode.map(n -> n.kind() == ExplorerNode.Kind.VSWITCH ? n.id() : null));
        selectedNode.addListener((obs, old, node) -> {
            scopeText.set(scopeText(node));
            if (old == null || node == null || !old.key().equals(node.key())) {
                rebuildRows();
            }
        });
        canCopyId = Bindings.createBooleanBinding(() -> selectedRow().isPresent(), activeTab, haVips.selected,
                instances.selected, enis.selected);
        canBind = selectedHaVip.isNotNull();
        canCreateHaVip = selectedVSwitchId.isNotNull();
    }

    /** Follows the inventory from now on and shows its current state; call when the explorer is shown. */
    public void activate() {
        if (active || disposed) {
            return;
        }
        active = true;
        workspace.inventoryProperty().addListener(inventoryListener);
        workspace.listedTagsProperty().addListener(tagsListener);
        rebuild();
        detail.activate();
    }

    /** Stops following the inventory; call when the explorer is hidden. */
    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        workspace.inventoryProperty().removeListener(inventoryListener);
        workspace.listedTagsProperty().removeListener(tagsListener);
        detail.deactivate();
    }

    /**
     * Releases everything for good, e.g. before the workspace is closed on reconnect: the explorer
     * stops following the inventory and the job engine and is not activated again.
     */
    public void dispose() {
        deactivate();
        disposed = true;
    }

    // ---- commands -------------------------------------------------------------------------

    /** Copies the id of the selected row of the active table. */
    public void copyId() {
        selectedRow().ifPresent(row -> dialogs.copy(row.getId()));
    }

    /** Copies the IP of the selected row of the active table (HaVip IP, instance or ENI primary IP). */
    public void copyIp() {
        String ip = switch (activeTab.get()) {
            case HAVIPS -> haVips.selected.get() == null ? null : haVips.selected.get().getIpAddress();
            case INSTANCES -> instances.selected.get() == null ? null : instances.selected.get().getPrivateIp();
            case ENIS -> enis.selected.get() == null ? null : enis.selected.get().getPrimaryIp();
        };
        if (ip != null && !ip.isEmpty()) {
            dialogs.copy(ip);
        }
    }

    /**
     * Copies the id of a tree node.
     *
     * @param node a node of {@link #treeProperty()}
     */
    public void copyNodeId(ExplorerNode node) {
        if (node != null) {
            dialogs.copy(node.id());
        }
    }

    /** Opens the bind dialog of the selected HaVip (Ctrl/Cmd+B). */
    public void bind() {
        if (canBind.get()) {
            dialogs.openBind(selectedHaVip.get());
        }
    }

    /** Opens the create-HaVip dialog for the selected VSwitch. */
    public void createHaVip() {
        if (canCreateHaVip.get()) {
            dialogs.openCreateHaVip(selectedVSwitchId.get());
        }
    }

    /**
     * Shows a HaVip: its VSwitch is selected in the tree when the HaVip is not under the selected
     * node, the HaVips tab comes to the front and its row is selected, now or as soon as a refresh
     * brings it (e.g. right after it was created).
     *
     * @param haVipId the HaVip
     */
    public void selectHaVip(String haVipId) {
        Optional<HaVip> known = workspace.inventory().haVip(haVipId);
        if (known.isPresent() && !haVips.byId.containsKey(haVipId)) {
            findNode(ExplorerNode.Kind.VSWITCH, known.get().vSwitchId()).ifPresent(selectedNode::set);
        }
        activeTab.set(ExplorerTab.HAVIPS);
        HaVipRow row = haVips.byId.get(haVipId);
        pendingHaVipId = row == null ? haVipId : null;
        if (row != null) {
            haVips.selected.set(row);
        }
    }

    /**
     * The rows of the active table as they are shown (filtered and sorted), as CSV (RFC 4180:
     * header row, CRLF, quoted fields where needed); the composition root writes it to a file.
     *
     * @return the text
     */
    public String csvOfVisibleRows() {
        return switch (activeTab.get()) {
            case HAVIPS -> Csv.of(headers("explorer.havips.column.", "id", "name", "ip", "status", "associations",
                    "vSwitch", "created"), cells(haVips.sorted));
            case INSTANCES -> Csv.of(headers("explorer.instances.column.", "id", "name", "status", "ip", "vSwitch",
                    "haVips"), cells(instances.sorted));
            case ENIS -> Csv.of(headers("explorer.enis.column.", "id", "name", "type", "status", "ip", "instance",
                    "vSwitch", "haVips"), cells(enis.sorted));
        };
    }

    /** @return a file name for {@link #csvOfVisibleRows()}, e.g. {@code enscope-havips-vsw-abc.csv} */
    public String suggestedCsvFileName() {
        ExplorerNode node = selectedNode.get();
        String scope = node == null ? "all" : node.id().replaceAll("[^A-Za-z0-9._-]", "_");
        return "enscope-" + activeTab.get().slug() + "-" + scope + ".csv";
    }

    private List<String> headers(String prefix, String... columns) {
        List<String> out = new ArrayList<>();
        for (String column : columns) {
            out.add(i18n.get(prefix + column));
        }
        return out;
    }

    private static List<List<String>> cells(List<? extends ExplorerRow> rows) {
        return rows.stream().map(ExplorerRow::csvCells).toList();
    }

    private Optional<? extends ExplorerRow> selectedRow() {
        return Optional.ofNullable(switch (activeTab.get()) {
            case HAVIPS -> haVips.selected.get();
            case INSTANCES -> instances.selected.get();
            case ENIS -> enis.selected.get();
        });
    }

    // ---- tree and rows --------------------------------------------------------------------

    private void rebuild() {
        List<ExplorerNode> regions = buildTree(workspace.inventory());
        // Unchanged nodes are reused (buildTree), so identity says whether anything changed.
        if (!sameElements(regions, tree.get())) {
            tree.set(regions);
        }
        ExplorerNode current = selectedNode.get();
        ExplorerNode fresh = current == null ? null : findNode(current.kind(), current.id()).orElse(null);
        if (fresh == null && !regions.isEmpty()) {
            fresh = regions.get(0);
        }
        boolean sameKey = current == null ? fresh == null : fresh != null && current.key().equals(fresh.key());
        selectedNode.set(fresh);
        if (sameKey) {
            // The node's listener rebuilds the rows only when another node is chosen.
            rebuildRows();
        }
    }

    /**
     * The tree of the inventory. It runs on every inventory change, i.e. after every HaVip refresh,
     * on 1,000 VSwitches in the large scenario: a node whose source object and counts did not
     * change since the last build is reused as it was, so that a refresh costs hash lookups, not
     * a thousand formatted texts, and the View sees the same node objects.
     */
    private List<ExplorerNode> buildTree(Inventory inventory) {
        Map<String, CachedNode> previous = treeCache;
        Map<String, CachedNode> next = new HashMap<>(previous.size() * 4 / 3 + 16);
        List<ExplorerNode> regions = new ArrayList<>();
        for (Region region : inventory.regions()) {
            List<ExplorerNode> networks = new ArrayList<>();
            for (Network network : inventory.networksIn(region.id())) {
                List<ExplorerNode> vSwitches = new ArrayList<>();
                for (VSwitch v : inventory.vSwitchesIn(network.id())) {
                    VSwitchCounts counts = inventory.countsIn(v.id());
                    vSwitches.add(cachedNode(previous, next, ExplorerNode.Kind.VSWITCH, v.id(), v, counts, List.of(),
                            () -> node(ExplorerNode.Kind.VSWITCH, v.id(), v.name(), v.cidrBlock(), v.description(),
                                    counts, List.of())));
                }
                VSwitchCounts networkCounts = sum(vSwitches);
                networks.add(cachedNode(previous, next, ExplorerNode.Kind.NETWORK, network.id(), network,
                        networkCounts, vSwitches, () -> node(ExplorerNode.Kind.NETWORK, network.id(), network.name(),
                                network.cidrBlock(), network.description(), networkCounts, vSwitches)));
            }
            VSwitchCounts regionCounts = sum(networks);
            regions.add(cachedNode(previous, next, ExplorerNode.Kind.REGION, region.id(), region, regionCounts,
                    networks, () -> node(ExplorerNode.Kind.REGION, region.id(), regionName(region), "",
                            region.area(), regionCounts, networks)));
        }
        treeCache = next;
        return regions;
    }

    /** A node of the last build, with what it was made from. */
    private record CachedNode(Object source, VSwitchCounts counts, ExplorerNode node) {
    }

    private static ExplorerNode cachedNode(Map<String, CachedNode> previous, Map<String, CachedNode> next,
                                           ExplorerNode.Kind kind, String id, Object source, VSwitchCounts counts,
                                           List<ExplorerNode> children, Supplier<ExplorerNode> make) {
        String key = ExplorerNode.key(kind, id);
        CachedNode old = previous.get(key);
        ExplorerNode node = old != null && old.source() == source && old.counts().equals(counts)
                && sameElements(old.node().children(), children) ? old.node() : make.get();
        next.put(key, new CachedNode(source, counts, node));
        return node;
    }

    private static boolean sameElements(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private ExplorerNode node(ExplorerNode.Kind kind, String id, String name, String cidr, String description,
                              VSwitchCounts counts, List<ExplorerNode> children) {
        // Numbers formatted here: MessageFormat would make a NumberFormat for every number argument.
        String countsText = countsFormat.format(new Object[] {countFormat.format(counts.instances()),
                countFormat.format(counts.networkInterfaces()), countFormat.format(counts.haVips())});
        return new ExplorerNode(kind, id, name, cidr, description, counts, countsText, children);
    }

    private static VSwitchCounts sum(List<ExplorerNode> nodes) {
        int instanceCount = 0;
        int eniCount = 0;
        int haVipCount = 0;
        for (ExplorerNode n : nodes) {
            instanceCount += n.counts().instances();
            eniCount += n.counts().networkInterfaces();
            haVipCount += n.counts().haVips();
        }
        return new VSwitchCounts(instanceCount, eniCount, haVipCount);
    }

    /** The region's name in the user's language: Chinese {@code Name} in zh, {@code EnName} otherwise. */
    private String regionName(Region region) {
        String name = i18n.locale().getLanguage().equals("zh") ? region.name() : region.enName();
        if (name == null || name.isBlank()) {
            name = i18n.locale().getLanguage().equals("zh") ? region.enName() : region.name();
        }
        return name == null ? "" : name;
    }

    private Optional<ExplorerNode> findNode(ExplorerNode.Kind kind, String id) {
        if (id == null) {
            return Optional.empty();
        }
        String key = ExplorerNode.key(kind, id);
        List<ExplorerNode> level = tree.get();
        while (!level.isEmpty()) {
            List<ExplorerNode> next = new ArrayList<>();
            for (ExplorerNode n : level) {
                if (n.key().equals(key)) {
                    return Optional.of(n);
                }
                next.addAll(n.children());
            }
            level = next;
        }
        return Optional.empty();
    }

    private String scopeText(ExplorerNode node) {
        if (node == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (ExplorerNode region : tree.get()) {
            if (pathTo(region, node.key(), parts)) {
                break;
            }
        }
        return String.join("  \u203a  ", parts);
    }

    private static boolean pathTo(ExplorerNode from, String key, List<String> parts) {
        if (from.name().isEmpty()) {
            parts.add(from.id());
        } else {
            parts.add(from.kind() == ExplorerNode.Kind.REGION ? from.name() + " (" + from.id() + ")"
                    : from.id() + " " + from.name());
        }
        if (from.key().equals(key)) {
            return true;
        }
        for (ExplorerNode child : from.children()) {
            if (pathTo(child, key, parts)) {
                return true;
            }
        }
        parts.remove(parts.size() - 1);
        return false;
    }

    private void rebuildRows() {
        if (rowsBuilding.get()) {
            // Rows are being made in the background; when they are, this runs again with them.
            return;
        }
        Inventory inventory = workspace.inventory();
        RowContext context = new RowContext(inventory, i18n, statuses, times, workspace.listedTagsProperty().get());
        ExplorerNode node = selectedNode.get();
        List<HaVip> haVipModels = new ArrayList<>();
        List<Instance> instanceModels = new ArrayList<>();
        List<NetworkInterface> eniModels = new ArrayList<>();
        if (node == null) {
            haVipModels.addAll(inventory.haVips());
            instanceModels.addAll(inventory.instances());
            eniModels.addAll(inventory.networkInterfaces());
        } else if (node.kind() == ExplorerNode.Kind.REGION) {
            haVipModels.addAll(inventory.haVipsInRegion(node.id()));
            instanceModels.addAll(inventory.instancesInRegion(node.id()));
            eniModels.addAll(inventory.networkInterfacesInRegion(node.id()));
        } else {
            List<String> vSwitchIds = node.kind() == ExplorerNode.Kind.VSWITCH ? List.of(node.id())
                    : node.children().stream().map(ExplorerNode::id).toList();
            for (String vSwitchId : vSwitchIds) {
                haVipModels.addAll(inventory.haVipsIn(vSwitchId));
                instanceModels.addAll(inventory.instancesIn(vSwitchId));
                eniModels.addAll(inventory.networkInterfacesIn(vSwitchId));
            }
        }
        int missing = haVips.missing(haVipModels) + instances.missing(instanceModels) + enis.missing(eniModels);
        if (missing > buildInBackgroundAbove && !buildInline) {
            buildInBackground(haVipModels, instanceModels, eniModels, context);
            return;
        }
        haVips.sync(haVipModels, context);
        instances.sync(instanceModels, context);
        enis.sync(eniModels, context);
        if (pendingHaVipId != null && haVips.byId.containsKey(pendingHaVipId)) {
            haVips.selected.set(haVips.byId.get(pendingHaVipId));
            pendingHaVipId = null;
        }
    }

    /**
     * Makes the rows a node needs in the background (a region of the large scenario: 1,600 rows,
     * each with its texts and search text, tens of milliseconds of the UI thread in a cold JVM),
     * then syncs the tables with them in one UI turn. The tree is shown at once, so the pulse that
     * draws its cells and the one that draws the tables' cells are separate too. Meanwhile the
     * tables keep what they showed; changes arriving meanwhile are applied with the rows.
     */
    private void buildInBackground(List<HaVip> haVipModels, List<Instance> instanceModels,
                                   List<NetworkInterface> eniModels, RowContext context) {
        rowsBuilding.set(true);
        Set<String> knownHaVips = haVips.known();
        Set<String> knownInstances = instances.known();
        Set<String> knownEnis = enis.known();
        try {
            workspace.tasks().submit("explorer rows", progress -> new BuiltRows(
                    haVips.build(haVipModels, knownHaVips, context),
                    instances.build(instanceModels, knownInstances, context),
                    enis.build(eniModels, knownEnis, context)), built -> {
                        rowsBuilding.set(false);
                        if (disposed) {
                            return;
                        }
                        haVips.offer(built.haVips());
                        instances.offer(built.instances());
                        enis.offer(built.enis());
                        // the node may have changed meanwhile: then its rows are made in turn
                        rebuildRows();
                    }, error -> {
                        rowsBuilding.set(false);
                        if (!disposed) {
                            rebuildRowsInline();
                        }
                    });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            rowsBuilding.set(false);
            rebuildRowsInline();
        }
    }

    /** The rows {@link #buildInBackground} made, per table, by id. */
    private record BuiltRows(Map<String, HaVipRow> haVips, Map<String, InstanceRow> instances,
                             Map<String, EniRow> enis) {
    }

    /** Syncs the tables now, on this thread, with the rows made in the background if any. */
    private void rebuildRowsInline() {
        buildInline = true;
        try {
            rebuildRows();
        } finally {
            buildInline = false;
        }
    }

    /** One table's pipeline, its rows by id and its selected row. */
    private final class Table<M, R extends ExplorerRow> {
        final ObservableList<R> source;
        final FilteredList<R> filtered;
        final SortedList<R> sorted;
        final KeyedRows<String, R> byId;
        /** Rows made in the background for ids the table did not have; used (and emptied) by the next sync. */
        final Map<String, R> prebuilt = new HashMap<>();
        final ObjectProperty<R> selected = new SimpleObjectProperty<>();
        private final Function<M, String> idOf;
        private final BiFunction<M, RowContext, R> create;
        private final TriConsumer<R, M, RowContext> update;

        Table(Function<M, String> idOf, BiFunction<M, RowContext, R> create, TriConsumer<R, M, RowContext> update,
              Function<R, javafx.beans.Observable[]> extractor) {
            this.idOf = idOf;
            this.create = create;
            this.update = update;
            this.source = FXCollections.observableArrayList(extractor::apply);
            this.byId = new KeyedRows<>(source, ExplorerRow::getId);
            this.filtered = new FilteredList<>(source);
            filtered.predicateProperty().bind(predicate);
            this.sorted = new SortedList<>(filtered);
        }

        /** UI thread: how many of {@code models} have no row yet (made or being made). */
        int missing(List<M> models) {
            int count = 0;
            for (M model : models) {
                String id = idOf.apply(model);
                if (!byId.containsKey(id) && !prebuilt.containsKey(id)) {
                    count++;
                }
            }
            return count;
        }

        /** Any thread: new rows for the models whose ids are not in {@code known}; touches no table state. */
        Map<String, R> build(List<M> models, Set<String> known, RowContext context) {
            Map<String, R> made = new HashMap<>();
            for (M model : models) {
                String id = idOf.apply(model);
                if (id != null && !known.contains(id) && !made.containsKey(id)) {
                    made.put(id, create.apply(model, context));
                }
            }
            return made;
        }

        /** UI thread: the ids that have a row, or one made in the background waiting for a sync. */
        Set<String> known() {
            Set<String> ids = new HashSet<>(byId.keys());
            ids.addAll(prebuilt.keySet());
            return ids;
        }

        /** UI thread: keeps rows made by {@link #build} for the next sync. */
        void offer(Map<String, R> rows) {
            prebuilt.putAll(rows);
        }

        void sync(List<M> models, RowContext context) {
            try {
                byId.sync(models, idOf, model -> rowFor(model, context), (row, model) -> update.accept(row, model, context),
                        gone -> {
                            if (gone.contains(selected.get())) {
                                selected.set(null);
                            }
                        });
            } finally {
                // rows made for models no longer shown are not kept
                prebuilt.clear();
            }
        }

        /** The row made in the background for the model, if any, else a new one. */
        private R rowFor(M model, RowContext context) {
            R row = prebuilt.remove(idOf.apply(model));
            if (row == null) {
                return create.apply(model, context);
            }
            // made from this model or an older one: brought up to date (cheap when unchanged)
            update.accept(row, model, context);
            return row;
        }
    }

    @FunctionalInterface
    private interface TriConsumer<A, B, C> {
        void accept(A a, B b, C c);
    }

    /** Tests: how many new rows a node may need before they are made in the background. */
    void buildRowsInBackgroundAbove(int rows) {
        this.buildInBackgroundAbove = rows;
    }

    // ---- properties -----------------------------------------------------------------------

    /** @return the selected HaVip's detail, which the explorer's View embeds */
    public HaVipDetailViewModel detail() {
        return detail;
    }

    /** True while the selected node's rows are made in the background and the tables still show the previous ones. */
    public ReadOnlyBooleanProperty rowsBuildingProperty() {
        return rowsBuilding.getReadOnlyProperty();
    }

    /** @return the regions of the inventory with their networks and VSwitches, rebuilt on every change */
    public ReadOnlyObjectProperty<List<ExplorerNode>> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /**
     * @return the node whose resources the tables show; the View writes it from the tree's selection
     *         (and follows it when the ViewModel changes it); the first region until the user chooses
     */
    public ObjectProperty<ExplorerNode> selectedNodeProperty() {
        return selectedNode;
    }

    public ExplorerNode getSelectedNode() {
        return selectedNode.get();
    }

    /**
     * Selects a node by kind and id, e.g. a VSwitch.
     *
     * @param kind the node's kind
     * @param id   its id
     * @return whether the tree has it
     */
    public boolean selectNode(ExplorerNode.Kind kind, String id) {
        Optional<ExplorerNode> found = findNode(kind, id);
        found.ifPresent(selectedNode::set);
        return found.isPresent();
    }

    /** @return "region › network › VSwitch" of the selected node */
    public ReadOnlyStringProperty scopeTextProperty() {
        return scopeText.getReadOnlyProperty();
    }

    /** @return the table in front; the View writes it; {@link #csvOfVisibleRows()} and copy id follow it */
    public ObjectProperty<ExplorerTab> activeTabProperty() {
        return activeTab;
    }

    /** @return the HaVips of the selected node, filtered and sorted */
    public SortedList<HaVipRow> haVipRows() {
        return haVips.sorted;
    }

    /** @return the instances of the selected node, filtered and sorted */
    public SortedList<InstanceRow> instanceRows() {
        return instances.sorted;
    }

    /** @return the ENIs of the selected node, filtered and sorted */
    public SortedList<EniRow> eniRows() {
        return enis.sorted;
    }

    /** @return the selected HaVip row; the View writes it from its table */
    public ObjectProperty<HaVipRow> selectedHaVipRowProperty() {
        return haVips.selected;
    }

    /** @return the selected instance row; the View writes it */
    public ObjectProperty<InstanceRow> selectedInstanceRowProperty() {
        return instances.selected;
    }

    /** @return the selected ENI row; the View writes it */
    public ObjectProperty<EniRow> selectedEniRowProperty() {
        return enis.selected;
    }

    /** @return the selected HaVip as the inventory lists it now (live), null when none */
    public ReadOnlyObjectProperty<HaVip> selectedHaVipProperty() {
        return selectedHaVip.getReadOnlyProperty();
    }

    public HaVip getSelectedHaVip() {
        return selectedHaVip.get();
    }

    /** @return the VSwitch selected in the tree, null when the selected node is not a VSwitch */
    public ReadOnlyStringProperty selectedVSwitchIdProperty() {
        return selectedVSwitchId.getReadOnlyProperty();
    }

    /**
     * @param tab a table
     * @return its tab title with the number of rows shown, e.g. "HaVips (3)" or "HaVips (2 of 3)"
     */
    public StringBinding tabTitle(ExplorerTab tab) {
        Table<?, ?> table = table(tab);
        return Bindings.createStringBinding(() -> {
            String key = "explorer.tab." + tab.slug();
            return table.filtered.size() == table.source.size() ? i18n.get(key, table.source.size())
                    : i18n.get(key + ".filtered", table.filtered.size(), table.source.size());
        }, table.filtered, table.source);
    }

    /**
     * @param tab a table
     * @return what its table says when it shows no row: nothing here, or nothing matches the search
     */
    public StringBinding placeholder(ExplorerTab tab) {
        Table<?, ?> table = table(tab);
        return Bindings.createStringBinding(() -> table.source.isEmpty()
                ? i18n.get("explorer." + tab.slug() + ".none")
                : i18n.get("explorer.search.noMatch", search.get() == null ? "" : search.get().trim()),
                table.source, search);
    }

    private Table<?, ?> table(ExplorerTab tab) {
        return switch (tab) {
            case HAVIPS -> haVips;
            case INSTANCES -> instances;
            case ENIS -> enis;
        };
    }

    /** @return the search text the tables filter by */
    public StringProperty searchProperty() {
        return search;
    }

    /** @return whether {@link #copyId()} has a row to copy */
    public BooleanBinding canCopyIdProperty() {
        return canCopyId;
    }

    /** @return whether {@link #bind()} can run: a HaVip is selected */
    public BooleanBinding canBindProperty() {
        return canBind;
    }

    /** @return whether {@link #createHaVip()} can run: a VSwitch is selected in the tree */
    public BooleanBinding canCreateHaVipProperty() {
        return canCreateHaVip;
    }
}
