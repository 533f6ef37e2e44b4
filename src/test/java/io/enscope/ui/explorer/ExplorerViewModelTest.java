package io.enscope.ui.explorer;

import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.VSwitchCounts;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.TaskRunner;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.Demo;
import io.enscope.ui.havip.Ipv4;
import io.enscope.ui.havip.RecordingDialogs;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The explorer's ViewModel on the real sandbox (demo scenario), synchronously. */
class ExplorerViewModelTest {
    private static final String HANGZHOU = "cn-hangzhou-telecom";

    @TempDir
    Path dir;
    private TestWorkspaces sandbox;
    private Workspace workspace;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final StringProperty search = new SimpleStringProperty("");
    private ExplorerViewModel vm;

    @BeforeEach
    void start() {
        sandbox = TestWorkspaces.start(dir, new SynchronousTaskRunner(), new DirectUiThread());
        workspace = sandbox.workspace();
        vm = new ExplorerViewModel(workspace, dialogs, search);
        vm.activate();
    }

    @AfterEach
    void stop() {
        vm.deactivate();
        sandbox.close();
    }

    private Inventory inventory() {
        return workspace.inventory();
    }

    private VSwitch hzWeb() {
        return Demo.vSwitch(inventory(), HANGZHOU, "prod-web-a");
    }

    private ExplorerNode node(ExplorerNode.Kind kind, String id) {
        assertThat(vm.selectNode(kind, id)).as(kind + " " + id).isTrue();
        return vm.getSelectedNode();
    }

    private static List<String> ids(List<? extends ExplorerRow> rows) {
        return rows.stream().map(ExplorerRow::getId).toList();
    }

    @Test
    void treeListsRegionsNetworksAndVSwitchesWithCountsAndTheFirstRegionIsSelected() {
        List<ExplorerNode> regions = vm.treeProperty().get();
        assertThat(regions).extracting(ExplorerNode::id)
                .containsExactly(HANGZHOU, "cn-beijing-unicom", "cn-guangzhou-cmcc");
        assertThat(regions).extracting(ExplorerNode::name)
                .containsExactly("Hangzhou Telecom", "Beijing Unicom", "Guangzhou CMCC");
        assertThat(vm.getSelectedNode().id()).isEqualTo(HANGZHOU);

        ExplorerNode web = node(ExplorerNode.Kind.VSWITCH, hzWeb().id());
        VSwitchCounts counts = inventory().countsIn(hzWeb().id());
        assertThat(counts).isEqualTo(new VSwitchCounts(7, 11, 2));
        assertThat(web.counts()).isEqualTo(counts);
        assertThat(web.countsText()).isEqualTo("7 inst \u00b7 11 ENI \u00b7 2 HaVip");
        assertThat(web.name()).isEqualTo("prod-web-a");
        assertThat(web.cidrBlock()).isEqualTo("10.10.1.0/24");

        ExplorerNode hz = regions.get(0);
        int instances = hz.children().stream().mapToInt(n -> n.counts().instances()).sum();
        assertThat(hz.counts().instances()).isEqualTo(instances).isEqualTo(inventory().instancesInRegion(HANGZHOU).size());
        assertThat(hz.counts().haVips()).isEqualTo(inventory().haVipsInRegion(HANGZHOU).size());
        assertThat(hz.children()).extracting(ExplorerNode::name).containsExactly("prod-edge", "staging-edge");
        assertThat(vm.scopeTextProperty().get()).contains(HANGZHOU, "prod-edge", hzWeb().id(), "prod-web-a");
    }

    @Test
    void regionsAreNamedInChineseInTheChineseUi(@TempDir Path other) {
        try (TestWorkspaces chinese = TestWorkspaces.start(other, new SynchronousTaskRunner(), new DirectUiThread(),
                I18n.CHINESE, Timings.all(TransitionTiming.afterPolls(2)))) {
            ExplorerViewModel zh = new ExplorerViewModel(chinese.workspace(), dialogs, search);
            zh.activate();
            assertThat(zh.treeProperty().get()).extracting(ExplorerNode::name)
                    .containsExactly("杭州电信", "北京联通", "广州移动");
            ExplorerNode web = zh.treeProperty().get().get(0).children().get(0).children().get(0);
            assertThat(web.countsText()).isEqualTo("7 实例 · 11 弹性网卡 · 2 HaVip");
            assertThat(zh.tabTitle(ExplorerTab.ENIS).get()).startsWith("弹性网卡（");
            zh.deactivate();
        }
    }

    @Test
    void aVSwitchShowsItsRowsAndANetworkOrRegionEverythingUnderIt() {
        node(ExplorerNode.Kind.VSWITCH, hzWeb().id());
        assertThat(vm.haVipRows()).extracting(HaVipRow::getName)
                .containsExactlyInAnyOrder("vip-lb-hz", "vip-web-hz");
        assertThat(vm.instanceRows()).hasSize(7).allMatch(r -> r.getVSwitchId().equals(hzWeb().id()));
        assertThat(vm.eniRows()).hasSize(11);
        assertThat(vm.tabTitle(ExplorerTab.HAVIPS).get()).isEqualTo("HaVips (2)");

        HaVipRow lb = vm.haVipRows().stream().filter(r -> r.getName().equals("vip-lb-hz")).findFirst().orElseThrow();
        String lb1 = Demo.instance(inventory(), "lb-hz-01").id();
        assertThat(lb.getAssociations()).contains(lb1 + " (In use)").contains(", ");
        assertThat(lb.getStatus().text()).isEqualTo("In use");
        assertThat(lb.getStatus().code()).isEqualTo("InUse");
        assertThat(lb.getStatus().tooltip()).isEqualTo("Bound to at least one instance or ENI.");
        assertThat(lb.getIpAddress()).isEqualTo("10.10.1.100");

        EniRow eth1 = vm.eniRows().stream().filter(r -> r.getName().equals("lb-hz-01-eth1")).findFirst().orElseThrow();
        assertThat(eth1.getType()).isEqualTo("Secondary");
        assertThat(eth1.getInstanceId()).isEqualTo(lb1);
        assertThat(eth1.getInstanceName()).isEqualTo("lb-hz-01");
        InstanceRow lbRow = vm.instanceRows().stream().filter(r -> r.getId().equals(lb1)).findFirst().orElseThrow();
        assertThat(lbRow.getHaVipCount()).isEqualTo(1);
        assertThat(lbRow.getStatus().text()).isEqualTo("Running");

        ExplorerNode network = vm.treeProperty().get().get(0).children().get(0);
        vm.selectedNodeProperty().set(network);
        assertThat(vm.haVipRows()).hasSize(network.counts().haVips()).hasSize(5);
        assertThat(vm.instanceRows()).hasSize(network.counts().instances());
        assertThat(vm.selectedVSwitchIdProperty().get()).isNull();

        vm.selectedNodeProperty().set(vm.treeProperty().get().get(0));
        assertThat(vm.haVipRows()).hasSize(inventory().haVipsInRegion(HANGZHOU).size());
        assertThat(vm.eniRows()).hasSize(inventory().networkInterfacesInRegion(HANGZHOU).size());
    }

    @Test
    void theSearchFiltersAllThreeTablesByIdNameIpAndStatus() {
        vm.selectedNodeProperty().set(vm.treeProperty().get().get(0));
        String lb1 = Demo.instance(inventory(), "lb-hz-01").id();

        search.set("lb-hz-01");
        assertThat(vm.instanceRows()).extracting(InstanceRow::getName).containsExactly("lb-hz-01");
        assertThat(vm.eniRows()).extracting(EniRow::getName)
                .containsExactlyInAnyOrder("lb-hz-01-eth0", "lb-hz-01-eth1");
        assertThat(vm.haVipRows()).extracting(HaVipRow::getName).containsExactly("vip-lb-hz");
        int regionHaVips = inventory().haVipsInRegion(HANGZHOU).size();
        assertThat(vm.tabTitle(ExplorerTab.HAVIPS).get()).isEqualTo("HaVips (1 of " + regionHaVips + ")");

        search.set(lb1.toUpperCase(Locale.ROOT));
        assertThat(vm.instanceRows()).extracting(InstanceRow::getId).containsExactly(lb1);

        search.set("10.10.1.100");
        assertThat(vm.haVipRows()).extracting(HaVipRow::getIpAddress).containsExactly("10.10.1.100");

        search.set("expired");
        assertThat(vm.instanceRows()).extracting(InstanceRow::getName)
                .containsExactlyInAnyOrder("web-hz-05", "stg-app-hz-02");

        search.set("  web   stopped ");
        assertThat(vm.instanceRows()).extracting(InstanceRow::getName)
                .containsExactlyInAnyOrder("web-hz-04", "stg-web-hz-02");

        search.set("no-such-thing");
        assertThat(vm.haVipRows()).isEmpty();
        assertThat(vm.placeholder(ExplorerTab.HAVIPS).get()).isEqualTo("Nothing here matches \u201cno-such-thing\u201d.");

        search.set("");
        assertThat(vm.haVipRows()).hasSize(regionHaVips);
    }

    @Test
    void rowsSortByTheTablesComparatorWithIpsInNumericOrder() {
        vm.selectedNodeProperty().set(vm.treeProperty().get().get(0));
        vm.eniRows().comparatorProperty().set(Comparator.comparing(EniRow::getPrimaryIp, Ipv4.ORDER));
        List<String> ips = vm.eniRows().stream().map(EniRow::getPrimaryIp).toList();
        assertThat(ips).isSortedAccordingTo(Ipv4.ORDER).hasSize(inventory().networkInterfacesInRegion(HANGZHOU).size());
        assertThat(Ipv4.ORDER.compare("10.10.1.50", "10.10.1.100")).isNegative();

        vm.haVipRows().comparatorProperty().set(Comparator.comparing(HaVipRow::getStatus).reversed());
        assertThat(vm.haVipRows()).extracting(r -> r.getStatus().text()).isSortedAccordingTo(Comparator.reverseOrder());

        vm.instanceRows().comparatorProperty().set(Comparator.comparing(InstanceRow::getName));
        assertThat(vm.instanceRows()).extracting(InstanceRow::getName).isSorted();
        vm.instanceRows().comparatorProperty().set(null);
        assertThat(ids(vm.instanceRows())).isEqualTo(inventory().instancesInRegion(HANGZHOU).stream()
                .map(i -> i.id()).toList());
    }

    @Test
    void csvHasAHeaderAndTheVisibleRowsQuotedPerRfc4180() {
        HaVip lb = Demo.haVip(inventory(), "vip-lb-hz");
        workspace.setInventory(inventory().withHaVip(new HaVip(lb.id(), "edge \"north\", primary", lb.description(),
                lb.ipAddress(), lb.status(), lb.rawStatus(), lb.vSwitchId(), lb.networkId(), lb.regionId(),
                lb.creationTime(), lb.associations(), lb.eips())));
        node(ExplorerNode.Kind.VSWITCH, hzWeb().id());
        search.set("north");
        vm.activeTabProperty().set(ExplorerTab.HAVIPS);

        String csv = vm.csvOfVisibleRows();
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        assertThat(lines[0]).isEqualTo("HaVip ID,Name,IP address,Status,Bound to,VSwitch,Created");
        String bound = lb.associations().stream().map(a -> a.instanceId() + " (In use)")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        assertThat(lines[1]).isEqualTo(lb.id() + ",\"edge \"\"north\"\", primary\",10.10.1.100,InUse,\"" + bound
                + "\"," + lb.vSwitchId() + "," + lb.creationTime());
        assertThat(vm.suggestedCsvFileName()).isEqualTo("enscope-havips-" + hzWeb().id() + ".csv");

        search.set("");
        vm.activeTabProperty().set(ExplorerTab.INSTANCES);
        vm.instanceRows().comparatorProperty().set(Comparator.comparing(InstanceRow::getName).reversed());
        List<String> rows = List.of(vm.csvOfVisibleRows().split("\r\n"));
        assertThat(rows.get(0)).isEqualTo("Instance ID,Name,Status,Private IP,VSwitch,HaVips");
        assertThat(rows).hasSize(8);
        assertThat(rows.get(1)).contains(",web-hz-05,Expired,");
    }

    @Test
    void aLiveRefreshUpdatesRowsInPlaceAndKeepsTheSelection() {
        node(ExplorerNode.Kind.VSWITCH, hzWeb().id());
        HaVipRow row = vm.haVipRows().stream().filter(r -> r.getName().equals("vip-lb-hz")).findFirst().orElseThrow();
        List<HaVipRow> before = List.copyOf(vm.haVipRows());
        vm.selectedHaVipRowProperty().set(row);
        assertThat(vm.getSelectedHaVip().id()).isEqualTo(row.getId());
        assertThat(vm.detail().haVipIdProperty().get()).isEqualTo(row.getId());

        HaVip old = row.getHaVip();
        HaVipAssociation first = old.associations().get(0);
        HaVip changed = old.withAssociations(List.of(new HaVipAssociation(first.instanceId(), first.instanceType(),
                null, first.ipAddress(), AssociationStatus.UNASSOCIATING, "Unassociating", first.creationTime()),
                old.associations().get(1)));
        workspace.setInventory(inventory().withHaVip(changed));

        assertThat(vm.haVipRows()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(vm.selectedHaVipRowProperty().get()).isSameAs(row);
        assertThat(vm.getSelectedHaVip()).isEqualTo(changed);
        assertThat(row.getAssociations()).contains(first.instanceId() + " (Unassociating)");
        assertThat(vm.detail().associations()).filteredOn(a -> a.getTargetId().equals(first.instanceId()))
                .extracting(a -> a.getStatus().text()).containsExactly("Unassociating");

        // A new HaVip appears, the selected one stays selected; a deleted one disappears.
        HaVip added = new HaVip("havip-new0001", "fresh", null, "10.10.1.150", HaVipStatus.AVAILABLE, "Available",
                old.vSwitchId(), old.networkId(), old.regionId(), null, List.of(), List.of());
        workspace.setInventory(inventory().withHaVip(added));
        assertThat(ids(vm.haVipRows())).contains("havip-new0001");
        assertThat(vm.selectedHaVipRowProperty().get()).isSameAs(row);
        assertThat(vm.treeProperty().get().get(0).children().get(0).children().get(0).counts().haVips()).isEqualTo(3);

        workspace.setInventory(inventory().withoutHaVip(row.getId()));
        assertThat(ids(vm.haVipRows())).doesNotContain(row.getId());
        assertThat(vm.getSelectedHaVip()).isNull();
        assertThat(vm.detail().presentProperty().get()).isFalse();
    }

    @Test
    void aReloadTouchesOnlyTheRowsWhoseShownValuesChanged() throws Exception {
        node(ExplorerNode.Kind.REGION, HANGZHOU);
        HaVipRow renamed = vm.haVipRows().stream().filter(r -> r.getName().equals("vip-lb-hz")).findFirst()
                .orElseThrow();
        List<String> updated = new CopyOnWriteArrayList<>();
        ListChangeListener<ExplorerRow> updates = c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    c.getList().subList(c.getFrom(), c.getTo()).forEach(r -> updated.add(r.getId()));
                }
            }
        };
        vm.haVipRows().addListener(updates);
        vm.instanceRows().addListener(updates);
        vm.eniRows().addListener(updates);
        sandbox.api().modifyHaVipAttribute(renamed.getId(), "vip-lb-hz-renamed");
        Map<String, List<Object>> before = shownCells();

        // Every HaVip, instance and ENI is read again and is a new object; one HaVip has a new name.
        workspace.reload();
        await().atMost(Duration.ofSeconds(30)).until(() -> renamed.getName().endsWith("-renamed")
                && !workspace.loadingProperty().get());

        assertThat(renamed.getName()).isEqualTo("vip-lb-hz-renamed");
        // The demo's HaVips that start in a transition (Creating, Associating) complete on the
        // sandbox's wall clock, so they may also change between the two loads: the rows expected to
        // be touched are the renamed one and those whose cells show something else now.
        Map<String, List<Object>> after = shownCells();
        Set<String> changed = after.keySet().stream().filter(id -> !after.get(id).equals(before.get(id)))
                .collect(Collectors.toSet());
        assertThat(changed).as("rows whose cells changed").contains(renamed.getId());
        assertThat(Set.copyOf(updated)).as("rows reported as updated").isEqualTo(changed);
        assertThat(vm.instanceRows()).isNotEmpty().allSatisfy(r -> assertThat(r.instanceProperty().get())
                .isSameAs(inventory().instance(r.getId()).orElseThrow()));
    }

    /** What every row of the selected node shows, by row ID. */
    private Map<String, List<Object>> shownCells() {
        Map<String, List<Object>> shown = new HashMap<>();
        vm.haVipRows().forEach(r -> shown.put(r.getId(), values(r.observables())));
        vm.instanceRows().forEach(r -> shown.put(r.getId(), values(r.observables())));
        vm.eniRows().forEach(r -> shown.put(r.getId(), values(r.observables())));
        return shown;
    }

    private static List<Object> values(Observable[] cells) {
        List<Object> values = new ArrayList<>();
        for (Observable cell : cells) {
            values.add(((ObservableValue<?>) cell).getValue());
        }
        return values;
    }

    @Test
    void commandsCopyBindAndCreateFollowTheSelection() {
        ExplorerNode region = vm.getSelectedNode();
        assertThat(vm.canCreateHaVipProperty().get()).isFalse();
        assertThat(vm.canBindProperty().get()).isFalse();
        assertThat(vm.canCopyIdProperty().get()).isFalse();
        vm.createHaVip();
        vm.bind();
        assertThat(dialogs.createDialogs).isEmpty();
        assertThat(dialogs.bindDialogs).isEmpty();

        vm.copyNodeId(region);
        assertThat(dialogs.lastCopied()).isEqualTo(HANGZHOU);

        node(ExplorerNode.Kind.VSWITCH, hzWeb().id());
        assertThat(vm.selectedVSwitchIdProperty().get()).isEqualTo(hzWeb().id());
        vm.createHaVip();
        assertThat(dialogs.createDialogs).containsExactly(hzWeb().id());

        HaVipRow row = vm.haVipRows().get(0);
        vm.selectedHaVipRowProperty().set(row);
        vm.bind();
        assertThat(dialogs.bindDialogs).extracting(HaVip::id).containsExactly(row.getId());
        vm.copyId();
        assertThat(dialogs.lastCopied()).isEqualTo(row.getId());
        vm.copyIp();
        assertThat(dialogs.lastCopied()).isEqualTo(row.getIpAddress());

        vm.activeTabProperty().set(ExplorerTab.INSTANCES);
        assertThat(vm.canCopyIdProperty().get()).isFalse();
        InstanceRow instance = vm.instanceRows().get(0);
        vm.selectedInstanceRowProperty().set(instance);
        vm.copyId();
        assertThat(dialogs.lastCopied()).isEqualTo(instance.getId());
    }

    @Test
    void selectHaVipBringsItsVSwitchAndTabToTheFront() {
        HaVip db = Demo.haVip(inventory(), "vip-db-bj");
        vm.activeTabProperty().set(ExplorerTab.ENIS);
        vm.selectHaVip(db.id());
        assertThat(vm.getSelectedNode().id()).isEqualTo(db.vSwitchId());
        assertThat(vm.activeTabProperty().get()).isEqualTo(ExplorerTab.HAVIPS);
        assertThat(vm.getSelectedHaVip()).isEqualTo(db);

        // Not loaded yet (just created): selected as soon as a refresh brings it.
        vm.selectHaVip("havip-later01");
        assertThat(vm.getSelectedHaVip()).isEqualTo(db);
        HaVip later = new HaVip("havip-later01", "later", null, "10.20.3.150", HaVipStatus.AVAILABLE, "Available",
                db.vSwitchId(), db.networkId(), db.regionId(), null, List.of(), List.of());
        workspace.setInventory(inventory().withHaVip(later));
        assertThat(vm.getSelectedHaVip()).isEqualTo(later);
    }

    @Test
    void deactivatedItNoLongerFollowsTheInventory() {
        node(ExplorerNode.Kind.VSWITCH, hzWeb().id());
        int before = vm.haVipRows().size();
        vm.deactivate();
        HaVip any = vm.haVipRows().get(0).getHaVip();
        workspace.setInventory(inventory().withoutHaVip(any.id()));
        assertThat(vm.haVipRows()).hasSize(before);
        vm.activate();
        assertThat(vm.haVipRows()).hasSize(before - 1);

        vm.dispose();
        vm.activate();
        workspace.setInventory(inventory().withoutHaVip(vm.haVipRows().get(0).getId()));
        assertThat(vm.haVipRows()).as("disposed for good").hasSize(before - 1);
    }

    @Test
    void manyNewRowsAreMadeInTheBackgroundWhileTheTreeShowsAtOnce(@TempDir Path other) {
        HoldingTaskRunner tasks = new HoldingTaskRunner();
        try (TestWorkspaces env = TestWorkspaces.start(other, tasks, new DirectUiThread())) {
            Inventory loaded = env.workspace().inventory();
            ExplorerViewModel big = new ExplorerViewModel(env.workspace(), dialogs, search);
            big.buildRowsInBackgroundAbove(10);
            tasks.hold = true;
            big.activate();

            assertThat(big.treeProperty().get()).as("the tree at once").hasSize(3);
            assertThat(big.getSelectedNode().id()).isEqualTo(HANGZHOU);
            assertThat(big.instanceRows()).as("the region's rows are being made").isEmpty();
            assertThat(big.rowsBuildingProperty().get()).as("the tables wait for them").isTrue();
            assertThat(tasks.held).hasSize(1);

            // a change meanwhile is applied with the rows, not lost
            HaVip gone = loaded.haVipsInRegion(HANGZHOU).get(0);
            env.workspace().setInventory(loaded.withoutHaVip(gone.id()));
            tasks.runHeld();
            assertThat(big.rowsBuildingProperty().get()).as("the rows are in").isFalse();

            Inventory now = env.workspace().inventory();
            assertThat(ids(big.instanceRows())).containsExactlyInAnyOrderElementsOf(
                    now.instancesInRegion(HANGZHOU).stream().map(i -> i.id()).toList());
            assertThat(ids(big.haVipRows())).doesNotContain(gone.id()).containsExactlyInAnyOrderElementsOf(
                    now.haVipsInRegion(HANGZHOU).stream().map(HaVip::id).toList());
            assertThat(ids(big.eniRows())).hasSize(now.networkInterfacesInRegion(HANGZHOU).size());

            // a VSwitch of the region needs no new row: at once
            VSwitch web = Demo.vSwitch(now, HANGZHOU, "prod-web-a");
            assertThat(big.selectNode(ExplorerNode.Kind.VSWITCH, web.id())).isTrue();
            assertThat(tasks.held).isEmpty();
            assertThat(big.instanceRows()).hasSize(7);
            big.dispose();
        }
    }

    /** Runs tasks at once, or, while {@link #hold} is set, keeps them until {@link #runHeld()}. */
    private static final class HoldingTaskRunner implements TaskRunner {
        private final SynchronousTaskRunner now = new SynchronousTaskRunner();
        final List<Runnable> held = new java.util.ArrayList<>();
        boolean hold;

        @Override
        public <T> Handle submit(String name, Work<T> work, java.util.function.Consumer<? super T> onSuccess,
                                 java.util.function.Consumer<? super Throwable> onFailure,
                                 java.util.function.Consumer<ProgressUpdate> onProgress) {
            if (!hold) {
                return now.submit(name, work, onSuccess, onFailure, onProgress);
            }
            held.add(() -> now.submit(name, work, onSuccess, onFailure, onProgress));
            return new Handle() {
                @Override
                public void cancel() {
                    // kept until run
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        void runHeld() {
            hold = false;
            List<Runnable> tasks = List.copyOf(held);
            held.clear();
            tasks.forEach(Runnable::run);
        }

        @Override
        public void shutdown() {
            held.clear();
        }
    }
}
