package io.enscope.inventory;

import io.enscope.ens.EipQuery;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.EventQuery;
import io.enscope.ens.Pacer;
import io.enscope.ens.SecurityGroupQuery;
import io.enscope.ens.model.Eip;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SystemEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link Neighbourhood} for an inventory, after it: the inventory names the instances
 * whose events matter. Like the inventory, every listing asks its first page, learns the total
 * from it and then asks the remaining pages together, on a pool of {@code parallelism} threads;
 * the {@link EnsApi} retries each read. A section that fails is recorded with its error and the
 * others go on.
 */
public final class NeighbourhoodLoader {
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourhoodLoader.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Events are asked for this many instances per call: no maximum is documented. */
    static final int RESOURCES_PER_EVENT_QUERY = 50;

    private final EnsApi api;
    private final int parallelism;
    /** The page size of every listing; 0 asks each for its largest documented page. */
    private final int pageSize;

    /**
     * @param api         the ENS gateway, safe to call from several threads
     * @param parallelism requests in flight at most
     */
    public NeighbourhoodLoader(EnsApi api, int parallelism) {
        this(api, parallelism, 0);
    }

    /** With one page size for every listing, so that tests see several pages of a small scenario. */
    NeighbourhoodLoader(EnsApi api, int parallelism, int pageSize) {
        this.api = Objects.requireNonNull(api, "api");
        this.parallelism = Math.max(1, parallelism);
        this.pageSize = pageSize;
    }

    private int pageSize(EnsOperation operation) {
        return pageSize > 0 ? Math.min(pageSize, operation.maxPageSize()) : operation.maxPageSize();
    }

    /**
     * Starts loading in the background.
     *
     * @param inventory the inventory just loaded
     * @param regionIds the chosen regions, empty for all
     * @return the neighbourhood; it always completes normally, failed sections carry their error
     */
    public CompletableFuture<Neighbourhood> start(Inventory inventory, List<String> regionIds) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread t = new Thread(task, "enscope-neighbourhood-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<String> regions = regionIds.isEmpty()
                ? inventory.regions().stream().map(r -> r.id()).toList() : List.copyOf(regionIds);
        CompletableFuture<Neighbourhood.Section<Eip>> eips = section("EIPs",
                all(pool, pageSize(EnsOperation.DESCRIBE_EIP_ADDRESSES), page -> api.describeEips(EipQuery.inRegions(regions), page)));
        CompletableFuture<Neighbourhood.Section<SecurityGroup>> groups = section("security groups",
                all(pool, pageSize(EnsOperation.DESCRIBE_SECURITY_GROUPS),
                        page -> api.describeSecurityGroups(SecurityGroupQuery.all(), page)));
        List<CompletableFuture<List<SystemEvent>>> chunks = new ArrayList<>();
        List<String> members = members(inventory);
        for (int from = 0; from < members.size(); from += RESOURCES_PER_EVENT_QUERY) {
            EventQuery query = EventQuery.upcomingHaEvents(
                    members.subList(from, Math.min(members.size(), from + RESOURCES_PER_EVENT_QUERY)));
            chunks.add(all(pool, pageSize(EnsOperation.DESCRIBE_HISTORY_EVENTS), page -> api.describeEvents(query, page)));
        }
        CompletableFuture<Neighbourhood.Section<SystemEvent>> events = section("events",
                CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new)).thenApply(done -> {
                    Map<String, SystemEvent> byId = new LinkedHashMap<>();
                    chunks.forEach(c -> c.join().forEach(e -> byId.putIfAbsent(e.id(), e)));
                    return new ArrayList<>(byId.values());
                }));
        return CompletableFuture.allOf(eips, groups, events)
                .thenApply(done -> new Neighbourhood(eips.join(), groups.join(), events.join()))
                .whenComplete((n, e) -> pool.shutdown());
    }

    /** The instances behind the HaVips: bound instances, and the owners of bound ENIs. */
    static List<String> members(Inventory inventory) {
        Set<String> ids = new LinkedHashSet<>();
        for (HaVip h : inventory.haVips()) {
            for (HaVipAssociation a : h.associations()) {
                if (a.instanceType() == InstanceType.NETWORK_INTERFACE) {
                    inventory.networkInterface(a.instanceId()).map(eni -> eni.instanceId())
                            .filter(id -> id != null && !id.isBlank()).ifPresent(ids::add);
                } else {
                    ids.add(a.instanceId());
                }
            }
        }
        return List.copyOf(ids);
    }

    private static <T> CompletableFuture<Neighbourhood.Section<T>> section(String what,
            CompletableFuture<List<T>> items) {
        return items.handle((list, error) -> {
            if (error == null) {
                return Neighbourhood.Section.loaded(list);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            LOG.warn("the {} could not be read: {}", what, cause.toString());
            return Neighbourhood.Section.failed(cause);
        });
    }

    /** Every page of one listing: the first, then the others together. */
    private static <T> CompletableFuture<List<T>> all(ExecutorService pool, int pageSize,
            Function<PageRequest, Page<T>> fetch) {
        return CompletableFuture.supplyAsync(() -> inBackground(fetch, PageRequest.first(pageSize)), pool)
                .thenCompose(first -> {
                    int size = first.pageSize() > 0 ? first.pageSize() : pageSize;
                    int pages = first.hasNext()
                            ? Math.min(LoadRun.MAX_PAGES_PER_LISTING, Math.max(1, first.totalPages())) : 1;
                    List<CompletableFuture<Page<T>>> rest = new ArrayList<>();
                    for (int number = 2; number <= pages; number++) {
                        PageRequest request = new PageRequest(number, size);
                        rest.add(CompletableFuture.supplyAsync(() -> inBackground(fetch, request), pool));
                    }
                    return CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).thenApply(done -> {
                        List<T> items = new ArrayList<>(first.items());
                        rest.forEach(page -> items.addAll(page.join().items()));
                        return items;
                    });
                });
    }

    private static <T> Page<T> inBackground(Function<PageRequest, Page<T>> fetch, PageRequest request) {
        // Like inventory pages, these give way to the polls of running jobs.
        return Pacer.inBackground(() -> fetch.apply(request));
    }
}
