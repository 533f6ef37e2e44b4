package io.enscope.inventory;

import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsException;
import io.enscope.ens.model.HaVip;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Loads an {@link Inventory} for the chosen ENS regions through an {@link EnsApi}: the regions,
 * and every page of DescribeNetworks, DescribeVSwitches, DescribeInstances,
 * DescribeNetworkInterfaces and DescribeHaVips filtered to those regions.
 *
 * <p>Strategy: the five listings and DescribeEnsRegions are independent once the region IDs are
 * known, so all six first requests go out together; each first page tells its listing's
 * TotalCount, and the remaining pages of that listing are then queued at once. A pool of
 * {@link LoadOptions#parallelism()} threads (default {@value LoadOptions#DEFAULT_PARALLELISM})
 * bounds the requests in flight; with parallelism 1 the same pages are fetched one after another,
 * which is the baseline the benchmark compares with. Pages are merged in page order and
 * deduplicated by ID, so a parallel load gives the same snapshot as a sequential one on a
 * listing that does not change.
 *
 * <p>Each load has its own pool, shut down when the load ends, so a loader holds no threads
 * between loads and needs no closing.
 */
public final class InventoryLoader {

    private final EnsApi api;
    private final LoadOptions options;

    /**
     * @param api the ENS gateway; it must be safe to call from several threads
     */
    public InventoryLoader(EnsApi api) {
        this(api, LoadOptions.defaults());
    }

    /**
     * @param api     the ENS gateway; it must be safe to call from several threads
     * @param options parallelism and page sizes
     */
    public InventoryLoader(EnsApi api, LoadOptions options) {
        this.api = Objects.requireNonNull(api, "api");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return parallelism and page sizes */
    public LoadOptions options() {
        return options;
    }

    /**
     * Starts a load in the background and returns at once.
     *
     * @param regionIds the ENS node IDs to load; empty loads every region the account sees
     * @param listener  receives the progress on a loader thread
     * @return the handle to follow, wait for or cancel the load
     */
    public LoadHandle start(Collection<String> regionIds, LoadListener listener) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(regionIds, "regionIds")));
        ids.removeIf(id -> id == null || id.isBlank());
        LoadRun run = new LoadRun(api, options, ids, listener == null ? LoadListener.NONE : listener);
        run.start();
        return new LoadHandle(run);
    }

    /**
     * Loads and waits for the snapshot.
     *
     * @param regionIds the ENS node IDs to load; empty loads every region the account sees
     * @param listener  receives the progress on a loader thread
     * @return the snapshot
     * @throws EnsException          when a request failed after the EnsApi's own retries
     * @throws CancellationException when the calling thread was interrupted (the load is then cancelled)
     */
    public Inventory load(Collection<String> regionIds, LoadListener listener) {
        return start(regionIds, listener).join();
    }

    /**
     * Loads without progress reporting and waits for the snapshot.
     *
     * @param regionIds the ENS node IDs to load; empty loads every region the account sees
     * @return the snapshot
     * @throws EnsException          when a request failed after the EnsApi's own retries
     * @throws CancellationException when the calling thread was interrupted
     */
    public Inventory load(Collection<String> regionIds) {
        return load(regionIds, LoadListener.NONE);
    }

    /**
     * Re-reads one HaVip (one DescribeHaVips call) and applies it to a snapshot, e.g. after a
     * binding changed it.
     *
     * @param inventory the snapshot to update
     * @param haVipId   the HaVip
     * @return the updated snapshot: the HaVip replaced or added, or removed when ENS no longer lists it
     * @throws EnsException when the request failed
     */
    public Inventory refreshHaVip(Inventory inventory, String haVipId) {
        Optional<HaVip> current = api.describeHaVip(haVipId);
        return current.map(inventory::withHaVip).orElseGet(() -> inventory.withoutHaVip(haVipId));
    }
}
