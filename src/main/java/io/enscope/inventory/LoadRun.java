package io.enscope.inventory;

import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.InstanceQuery;
import io.enscope.ens.NetworkInterfaceQuery;
import io.enscope.ens.NetworkQuery;
import io.enscope.ens.Pacer;
import io.enscope.ens.VSwitchQuery;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inventory load. Event-driven rather than coordinated by a waiting thread: the first page of
 * every listing is requested at once; the answer to a first page tells the total, and the task
 * that received it queues the remaining pages of that listing. No task ever waits for another, so
 * a pool of {@code parallelism} threads bounds the requests in flight without any risk of
 * deadlock, and parallelism 1 degenerates into fetching the same pages one after another.
 *
 * <p>The task that records the last page builds the snapshot. The first failure completes the
 * result exceptionally and stops everything; so does a cancel.
 */
final class LoadRun {

    private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);
    private static final AtomicInteger LOAD_NUMBERS = new AtomicInteger();
    /** A server reporting an absurd TotalCount must not make the loader queue millions of requests. */
    static final int MAX_PAGES_PER_LISTING = 10_000;

    private final EnsApi api;
    private final LoadListener listener;
    private final List<String> regionIds;
    private final ThreadPoolExecutor executor;
    private final CompletableFuture<Inventory> result = new CompletableFuture<>();
    private final Listing<Network> networks;
    private final Listing<VSwitch> vSwitches;
    private final Listing<Instance> instances;
    private final Listing<NetworkInterface> networkInterfaces;
    private final Listing<HaVip> haVips;
    private final List<Listing<?>> listings;
    private final int loadNumber;
    private final long startNanos = System.nanoTime();
    private final AtomicLong taskNumbers = new AtomicLong();

    // Guarded by "this".
    private List<Region> regions;
    private int pagesDone;
    private int pagesKnown;

    private volatile boolean stopped;
    private volatile LoadProgress progress;

    LoadRun(EnsApi api, LoadOptions options, List<String> regionIds, LoadListener listener) {
        this.api = api;
        this.listener = listener;
        this.regionIds = List.copyOf(regionIds);
        this.loadNumber = LOAD_NUMBERS.incrementAndGet();
        boolean all = regionIds.isEmpty();
        NetworkQuery networkQuery = all ? NetworkQuery.all() : NetworkQuery.inRegions(regionIds);
        VSwitchQuery vSwitchQuery = all ? VSwitchQuery.all() : VSwitchQuery.inRegions(regionIds);
        InstanceQuery instanceQuery = all ? InstanceQuery.all() : InstanceQuery.inRegions(regionIds);
        NetworkInterfaceQuery eniQuery = all ? NetworkInterfaceQuery.all() : NetworkInterfaceQuery.inRegions(regionIds);
        HaVipQuery haVipQuery = all ? HaVipQuery.all() : HaVipQuery.inRegions(regionIds);
        this.networks = new Listing<>(EnsOperation.DESCRIBE_NETWORKS, options.networkPageSize(),
                page -> api.describeNetworks(networkQuery, page));
        this.vSwitches = new Listing<>(EnsOperation.DESCRIBE_VSWITCHES, options.vSwitchPageSize(),
                page -> api.describeVSwitches(vSwitchQuery, page));
        this.instances = new Listing<>(EnsOperation.DESCRIBE_INSTANCES, options.instancePageSize(),
                page -> api.describeInstances(instanceQuery, page));
        this.networkInterfaces = new Listing<>(EnsOperation.DESCRIBE_NETWORK_INTERFACES,
                options.networkInterfacePageSize(), page -> api.describeNetworkInterfaces(eniQuery, page));
        this.haVips = new Listing<>(EnsOperation.DESCRIBE_HAVIPS, options.haVipPageSize(),
                page -> api.describeHaVips(haVipQuery, page));
        this.listings = List.of(networks, vSwitches, instances, networkInterfaces, haVips);
        this.executor = new ThreadPoolExecutor(options.parallelism(), options.parallelism(), 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), threadFactory(loadNumber));
        this.progress = new LoadProgress(LoadPhase.SIZING, 0, 0, 0, listings.size() + 1);
    }

    private static ThreadFactory threadFactory(int loadNumber) {
        AtomicInteger threadNumbers = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "enscope-inventory-" + loadNumber + "-" + threadNumbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    CompletableFuture<Inventory> result() {
        return result;
    }

    LoadProgress progress() {
        return progress;
    }

    void start() {
        LOG.info("inventory load {} started: regions {}, {} request(s) at a time", loadNumber,
                regionIds.isEmpty() ? "all" : regionIds, executor.getMaximumPoolSize());
        synchronized (this) {
            pagesKnown = 1 + listings.size();
            report();
            submit(1, this::fetchRegions);
            for (Listing<?> listing : listings) {
                submit(1, () -> fetchPage(listing, 1));
            }
        }
    }

    /**
     * Stops the load: no new request is issued, queued ones are dropped and the threads of the
     * ones in flight are interrupted.
     *
     * @return whether this call cancelled it (false when it had already ended)
     */
    boolean cancel() {
        // Not result.cancel(): it also answers true when the load had been cancelled before.
        boolean cancelled = result.completeExceptionally(new CancellationException("inventory load cancelled"));
        if (cancelled) {
            LOG.info("inventory load {} cancelled after {} page(s)", loadNumber, progress.pagesDone());
            stop();
        }
        return cancelled;
    }

    private void stop() {
        stopped = true;
        executor.shutdownNow();
    }

    private void submit(int pageNumber, Runnable body) {
        if (stopped) {
            return;
        }
        try {
            executor.execute(new PageTask(pageNumber, taskNumbers.incrementAndGet(), () -> {
                if (stopped) {
                    return;
                }
                try {
                    // Inventory pages give way to the polls of running jobs.
                    Pacer.inBackground(() -> {
                        body.run();
                        return null;
                    });
                } catch (Throwable failure) {
                    // Anything, even an Error, must end the load: a pool thread would swallow it.
                    fail(failure);
                }
            }));
        } catch (RejectedExecutionException rejected) {
            if (!stopped) {
                fail(rejected);
            }
        }
    }

    private void fail(Throwable failure) {
        if (result.completeExceptionally(failure)) {
            LOG.warn("inventory load {} failed after {} page(s)", loadNumber, progress.pagesDone(), failure);
            stop();
        }
    }

    private void fetchRegions() {
        List<Region> all = api.describeRegions();
        boolean last;
        synchronized (this) {
            if (stopped) {
                return;
            }
            regions = chosen(all);
            pagesDone++;
            last = isComplete();
            report();
        }
        if (last) {
            assemble();
        }
    }

    private List<Region> chosen(List<Region> all) {
        if (regionIds.isEmpty()) {
            return all;
        }
        Set<String> wanted = Set.copyOf(regionIds);
        List<Region> kept = all.stream().filter(region -> wanted.contains(region.id())).toList();
        if (kept.size() < wanted.size()) {
            LOG.warn("inventory load {}: {} of the {} chosen region(s) are not listed by DescribeEnsRegions",
                    loadNumber, wanted.size() - kept.size(), wanted.size());
        }
        return kept;
    }

    private <T> void fetchPage(Listing<T> listing, int pageNumber) {
        int pageSize;
        synchronized (this) {
            pageSize = pageNumber == 1 ? listing.requestedPageSize : listing.pageSize;
        }
        Page<T> page = listing.fetcher.apply(new PageRequest(pageNumber, pageSize));
        boolean last;
        synchronized (this) {
            if (stopped) {
                return;
            }
            record(listing, pageNumber, pageSize, page);
            last = isComplete();
            report();
        }
        if (last) {
            assemble();
        }
    }

    /** Stores a page and queues the pages its total reveals. Holds the lock. */
    private <T> void record(Listing<T> listing, int pageNumber, int requestedSize, Page<T> page) {
        listing.pages.put(pageNumber, page.items());
        listing.done++;
        pagesDone++;
        listing.minTotal = Math.min(listing.minTotal, page.totalCount());
        listing.maxTotal = Math.max(listing.maxTotal, page.totalCount());
        if (pageNumber == 1) {
            // A server that caps the page size silently is followed, so no item falls between pages.
            listing.pageSize = page.pageSize() > 0 ? page.pageSize() : requestedSize;
            listing.sized = true;
        }
        if (!listing.sized || (pageNumber == 1 && page.items().isEmpty())) {
            return;
        }
        // Later pages are checked too: a total that grew while loading asks for more pages.
        long needed = Math.max(1, (listing.maxTotal + (long) listing.pageSize - 1) / listing.pageSize);
        if (needed > MAX_PAGES_PER_LISTING) {
            LOG.warn("{} reports {} items; only the first {} pages are fetched", listing.operation.action(),
                    listing.maxTotal, MAX_PAGES_PER_LISTING);
            needed = MAX_PAGES_PER_LISTING;
        }
        for (int next = listing.scheduled + 1; next <= needed; next++) {
            int number = next;
            submit(number, () -> fetchPage(listing, number));
            pagesKnown++;
            listing.scheduled = number;
        }
    }

    /** Holds the lock. */
    private boolean isComplete() {
        if (regions == null) {
            return false;
        }
        for (Listing<?> listing : listings) {
            if (!listing.sized || listing.done < listing.scheduled) {
                return false;
            }
        }
        return true;
    }

    /** Holds the lock. */
    private void report() {
        int sized = regions == null ? 0 : 1;
        for (Listing<?> listing : listings) {
            sized += listing.sized ? 1 : 0;
        }
        LoadPhase phase = sized < listings.size() + 1 ? LoadPhase.SIZING : LoadPhase.FETCHING;
        publish(new LoadProgress(phase, pagesDone, pagesKnown, sized, listings.size() + 1));
    }

    /** Holds the lock. */
    private void publish(LoadProgress next) {
        if (stopped) {
            return;
        }
        progress = next;
        try {
            listener.onProgress(next);
        } catch (RuntimeException listenerFailure) {
            LOG.warn("an inventory progress listener failed; the load goes on", listenerFailure);
        }
    }

    private void assemble() {
        LoadProgress indexing;
        synchronized (this) {
            indexing = new LoadProgress(LoadPhase.INDEXING, pagesDone, pagesKnown, listings.size() + 1,
                    listings.size() + 1);
            publish(indexing);
        }
        Inventory inventory = Inventory.of(regions, networks.concatenated(), vSwitches.concatenated(),
                instances.concatenated(), networkInterfaces.concatenated(), haVips.concatenated());
        networks.checkConsistency(inventory.networks().size());
        vSwitches.checkConsistency(inventory.vSwitches().size());
        instances.checkConsistency(inventory.instances().size());
        networkInterfaces.checkConsistency(inventory.networkInterfaces().size());
        haVips.checkConsistency(inventory.haVips().size());
        synchronized (this) {
            if (stopped) {
                return;
            }
            publish(new LoadProgress(LoadPhase.DONE, indexing.pagesDone(), indexing.pagesKnown(),
                    indexing.listingsSized(), indexing.listings()));
        }
        if (result.complete(inventory)) {
            LOG.info("inventory load {} done in {} ms with {} request(s): {}", loadNumber,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), indexing.pagesDone(), inventory);
        }
        executor.shutdown();
    }

    /**
     * A queued request, taken lowest page number first (then first queued): the listings are paged
     * side by side, page n of each before page n + 1 of any. First queued, first sent would send
     * the listings one after another, each at its own operation's rate limit, and keep the workers
     * waiting on the limit of one operation while the pages of the others wait in the queue.
     */
    private record PageTask(int pageNumber, long sequence, Runnable body) implements Runnable, Comparable<PageTask> {
        @Override
        public void run() {
            body.run();
        }

        @Override
        public int compareTo(PageTask other) {
            int byPage = Integer.compare(pageNumber, other.pageNumber);
            return byPage != 0 ? byPage : Long.compare(sequence, other.sequence);
        }
    }

    /** The pages of one Describe* listing. Mutable state guarded by the run's lock. */
    private final class Listing<T> {
        final EnsOperation operation;
        final int requestedPageSize;
        final Function<PageRequest, Page<T>> fetcher;
        final Map<Integer, List<T>> pages = new HashMap<>();
        int pageSize;
        int scheduled = 1;
        int done;
        boolean sized;
        int minTotal = Integer.MAX_VALUE;
        int maxTotal;
        int fetched;

        Listing(EnsOperation operation, int requestedPageSize, Function<PageRequest, Page<T>> fetcher) {
            this.operation = operation;
            this.requestedPageSize = requestedPageSize;
            this.fetcher = fetcher;
        }

        /**
         * The items of all pages in page order. {@link Inventory#of} then keeps each ID once (the
         * first), which is what paging needs: it is not a snapshot, so an item created or deleted
         * between two requests shifts the later pages and an item can come twice.
         */
        List<T> concatenated() {
            synchronized (LoadRun.this) {
                List<T> all = new ArrayList<>(Math.max(maxTotal, 16));
                for (int number = 1; number <= scheduled; number++) {
                    all.addAll(pages.getOrDefault(number, List.of()));
                }
                fetched = all.size();
                // The handle may outlive the load (a UI keeps it); the pages need not.
                pages.clear();
                return all;
            }
        }

        /**
         * Logs when the listing changed while it was paged: an item may then also have been missed
         * (shifted onto a page already read), which the next load or poll corrects.
         */
        void checkConsistency(int distinct) {
            if (distinct != fetched || distinct < minTotal || minTotal != maxTotal) {
                LOG.warn("{} changed while it was paged (TotalCount {}..{}, {} item(s) fetched, {} distinct)",
                        operation.action(), minTotal, maxTotal, fetched, distinct);
            }
        }
    }
}
