package io.enscope.inventory;

import static io.enscope.inventory.Models.haVip;
import static io.enscope.inventory.Models.instance;
import static io.enscope.inventory.Models.region;
import static io.enscope.inventory.Models.vSwitch;
import static org.assertj.core.api.Assertions.assertThat;

import io.enscope.ens.EnsApi;
import io.enscope.ens.UnsupportedEnsApi;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.InstanceQuery;
import io.enscope.ens.NetworkInterfaceQuery;
import io.enscope.ens.NetworkQuery;
import io.enscope.ens.VSwitchQuery;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Paging behaviours the emulator does not show on its own (a server that caps the page size, a
 * listing whose items shift between pages), against an in-memory {@link EnsApi}.
 */
class InventoryLoaderPagingTest {

    private static final VSwitch VSW = vSwitch("vsw-1", "n-1", "r-1");

    @Test
    void itemsShiftedOntoTheNextPageAreKeptOnce() {
        Listings cloud = new Listings();
        for (int i = 0; i < 10; i++) {
            cloud.haVips.add(haVip("havip-" + i, VSW, HaVipStatus.AVAILABLE));
        }
        List<HaVip> original = List.copyOf(cloud.haVips);
        // An HaVip created at the head of the listing after page 1: page 2 then repeats havip-3.
        cloud.afterHaVipPage = page -> {
            if (page.pageNumber() == 1) {
                cloud.haVips.add(0, haVip("havip-new", VSW, HaVipStatus.AVAILABLE));
            }
        };

        Inventory inventory = new InventoryLoader(cloud, LoadOptions.sequential().withPageSize(4)).load(List.of());

        assertThat(inventory.haVips()).containsExactlyElementsOf(original);
        assertThat(cloud.haVipCalls).isEqualTo(3);
    }

    @Test
    void aServerThatCapsThePageSizeIsFollowed() {
        Listings cloud = new Listings();
        cloud.pageSizeCap = 7;
        for (int i = 0; i < 95; i++) {
            cloud.instances.add(instance("i-" + i, VSW, InstanceStatus.RUNNING));
        }

        Inventory inventory = new InventoryLoader(cloud, LoadOptions.defaults()).load(List.of());

        assertThat(inventory.instances()).containsExactlyElementsOf(cloud.instances);
        assertThat(cloud.instanceCalls).isEqualTo(14);
    }

    @Test
    void anEmptyListingTakesOneRequest() {
        Listings cloud = new Listings();

        Inventory inventory = new InventoryLoader(cloud, LoadOptions.defaults()).load(List.of());

        assertThat(inventory.instances()).isEmpty();
        assertThat(inventory.regions()).extracting(Region::id).containsExactly("r-1");
        assertThat(cloud.instanceCalls).isEqualTo(1);
        assertThat(cloud.haVipCalls).isEqualTo(1);
    }

    /** An in-memory cloud with one region and mutable listings. */
    private static final class Listings extends UnsupportedEnsApi {
        final List<Instance> instances = new CopyOnWriteArrayList<>();
        final List<HaVip> haVips = new CopyOnWriteArrayList<>();
        volatile int pageSizeCap = Integer.MAX_VALUE;
        volatile java.util.function.Consumer<PageRequest> afterHaVipPage = page -> { };
        volatile int instanceCalls;
        volatile int haVipCalls;

        private <T> Page<T> page(List<T> all, PageRequest request) {
            int size = Math.min(request.pageSize(), pageSizeCap);
            List<T> snapshot = new ArrayList<>(all);
            int from = Math.min(snapshot.size(), (request.pageNumber() - 1) * size);
            int to = Math.min(snapshot.size(), from + size);
            return new Page<>(snapshot.subList(from, to), request.pageNumber(), size, snapshot.size());
        }

        @Override
        public List<Region> describeRegions() {
            return List.of(region("r-1"));
        }

        @Override
        public Page<Network> describeNetworks(NetworkQuery query, PageRequest page) {
            return page(List.of(), page);
        }

        @Override
        public Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page) {
            return page(List.of(VSW), page);
        }

        @Override
        public synchronized Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
            instanceCalls++;
            return page(instances, page);
        }

        @Override
        public Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page) {
            return page(List.of(), page);
        }

        @Override
        public synchronized Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
            haVipCalls++;
            Page<HaVip> answer = page(haVips, page);
            afterHaVipPage.accept(page);
            return answer;
        }
    }
}
