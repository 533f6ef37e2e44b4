package io.enscope.ui.common;

import io.enscope.binding.ActivityLog;
import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.HaVipRead;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobListener;
import io.enscope.binding.JobState;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsException;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.RouteEntryQuery;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.ResourceTag;
import io.enscope.ens.model.RouteNextHop;
import io.enscope.ens.model.Region;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.inventory.Neighbourhood;
import io.enscope.inventory.NeighbourhoodLoader;
import io.enscope.inventory.LoadHandle;
import io.enscope.inventory.LoadProgress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one connected console works on: the connection's {@link EnsApi}, the current
 * {@link Inventory} snapshot, the binding {@link JobEngine} and the {@link ActivityLog}. Every
 * ViewModel observes the inventory here; changes are made only on the UI thread.
 *
 * <p>Live status: every HaVip a binding job reads (its polls) goes into the inventory as the job
 * read it, without another DescribeHaVips call; the HaVip is read here only after a transition
 * the job made without reading it (a refused write, a cancel, a stop, a failed last poll).
 * HaVips in a transitional state that no job watches are re-read every few seconds; while
 * {@link #setVisible(boolean) visible}, every HaVip of the chosen regions is re-read every
 * {@code refreshSeconds}. Reads that arrive in a burst go into the inventory together, as one
 * change.
 *
 * <p>Reads race: a job's poll, a refresh of one HaVip and the periodic refresh of all may answer
 * in any order. Each read carries the {@link System#nanoTime()} at which it was sent, and the
 * inventory keeps, per HaVip, the newest read it shows: an older one is dropped, so that a stale
 * answer never overwrites a newer state. A full load counts as read when it started.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    private static final long TRANSITIONAL_POLL_SECONDS = 2;
    private static final DateTimeFormatter STALE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String connectionLabel;
    private final ConnectionTarget target;
    private final Optional<SandboxControl> sandbox;
    private final EnsApi api;
    private final InventoryLoader loader;
    private final JobEngine jobs;
    private final ActivityLog activity;
    private final EligibilityEngine eligibility;
    private final TaskRunner tasks;
    private final UiThread ui;
    private volatile I18n i18n;
    private final int refreshSeconds;

    private final ReadOnlyObjectWrapper<Inventory> inventory = new ReadOnlyObjectWrapper<>(Inventory.empty());
    /** EIPs, security groups and events, read after each load: the HaVips never wait for them. UI thread. */
    private final ReadOnlyObjectWrapper<Neighbourhood> neighbourhood = new ReadOnlyObjectWrapper<>(
            Neighbourhood.empty());
    /**
     * UI thread: counts the loads, so that what is read after an older one (its neighbourhood, route
     * entries and listed tags) is dropped.
     */
    private long afterLoadGeneration;
    private final ObservableList<Region> regions = FXCollections.observableArrayList();
    private final ObservableList<String> selectedRegions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The key and arguments of {@link #status}, to say it again in another language; UI thread. */
    private String statusKey;
    private Object[] statusArgs = new Object[0];
    /** UI thread: the status shows the inventory's counts (the last load succeeded), which then follow it. */
    private boolean countsShown;
    private final ReadOnlyObjectWrapper<Throwable> loadError = new ReadOnlyObjectWrapper<>();
    /** Why the statuses shown may be out of date, empty when the last refresh succeeded (UI thread). */
    private final ReadOnlyStringWrapper stale = new ReadOnlyStringWrapper("");
    /** UI thread: when the HaVips were last read in full (a load or a periodic refresh), null before. */
    private Instant lastGoodRefresh;
    /** UI thread: the HaVip whose failed refresh made {@link #stale}, null when it was the refresh of all. */
    private String staleHaVip;
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    /** HaVips read (by a job or by {@link #refreshHaVip}) and not yet in the inventory; per HaVip the newest. */
    private final Map<String, Read> pending = new ConcurrentHashMap<>();
    /** Whether the UI thread has been asked to apply {@link #pending}: one request per burst. */
    private final AtomicBoolean applyRequested = new AtomicBoolean();
    /**
     * UI thread: per HaVip, when the read the inventory shows was sent (what it shows of the HaVip
     * is that read's answer), when newer than {@link #inventoryReadNanos}.
     */
    private final Map<String, Long> shownReadNanos = new ConcurrentHashMap<>();
    /** UI thread: when the shown inventory as a whole was read (the start of its load). */
    private volatile long inventoryReadNanos = System.nanoTime();
    /** UI thread: the route entries to HaVips, read after each inventory load. */
    private final ReadOnlyObjectWrapper<RouteTable> routes = new ReadOnlyObjectWrapper<>(RouteTable.NOT_LOADED);
    /**
     * UI thread: instance tags from ListTagResources, by instance ID; read only when DescribeInstances
     * carried no tag at all (its doc says the response does not return them).
     */
    private final ReadOnlyObjectWrapper<Map<String, List<ResourceTag>>> listedTags =
            new ReadOnlyObjectWrapper<>(Map.of());
    /** The inventory as last set, for background threads (the property belongs to the UI thread). */
    private volatile Inventory published = Inventory.empty();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "enscope-refresh");
        t.setDaemon(true);
        return t;
    });
    private final JobListener jobListener = new JobListener() {
        @Override
        public void haVipRead(HaVipRead read) {
            // Called on an engine thread, which other jobs' events wait for: hand over and return.
            offer(read.haVipId(), new Read(read.haVip(), read.sentNanos()));
            requestApply();
        }

        @Override
        public void jobChanged(JobEvent event, BindingJob job) {
            if (accepted(event)) {
                showAccepted(event, job);
            }
            if (needsRead(event)) {
                refreshHaVip(event.haVipId());
            }
        }
    };
    private LoadHandle currentLoad;
    private ScheduledFuture<?> periodic;
    private volatile boolean visible = true;

    /** A HaVip as read from ENS (empty: no longer listed), with the {@link System#nanoTime()} the read was sent at. */
    private record Read(Optional<HaVip> haVip, long sentNanos) {
        boolean isOlderThan(long otherNanos) {
            return sentNanos - otherNanos < 0;
        }
    }

    /** The services of one connection, as the composition root made them. */
    public record Services(String connectionLabel, ConnectionTarget target, Optional<SandboxControl> sandbox,
                           EnsApi api, InventoryLoader loader, JobEngine jobs, ActivityLog activity,
                           EligibilityEngine eligibility) {

        /** For tests: the target follows from the label (a profile on the public endpoint) or the sandbox. */
        public Services(String connectionLabel, Optional<SandboxControl> sandbox, EnsApi api, InventoryLoader loader,
                        JobEngine jobs, ActivityLog activity, EligibilityEngine eligibility) {
            this(connectionLabel, sandbox.map(s -> ConnectionTarget.sandbox(s.endpoint()))
                    .orElseGet(() -> ConnectionTarget.profile(Optional.of(connectionLabel),
                            io.enscope.ens.EnsClientConfig.defaults())), sandbox, api, loader, jobs, activity,
                    eligibility);
        }
    }

    public Workspace(Services services, TaskRunner tasks, UiThread ui, I18n i18n, int refreshSeconds) {
        this.connectionLabel = services.connectionLabel();
        this.target = services.target();
        this.sandbox = services.sandbox();
        this.api = services.api();
        this.loader = services.loader();
        this.jobs = services.jobs();
        this.activity = services.activity();
        this.eligibility = services.eligibility();
        this.tasks = tasks;
        this.ui = ui;
        this.i18n = i18n;
        this.refreshSeconds = refreshSeconds;
        jobs.addListener(jobListener);
    }

    /** Starts the background refreshes (the composition root calls it once the window shows). */
    public void startLiveRefresh() {
        timer.scheduleWithFixedDelay(this::pollTransitional, TRANSITIONAL_POLL_SECONDS, TRANSITIONAL_POLL_SECONDS,
                TimeUnit.SECONDS);
        if (refreshSeconds > 0) {
            periodic = timer.scheduleWithFixedDelay(this::refreshTimerFired, refreshSeconds, refreshSeconds,
                    TimeUnit.SECONDS);
        }
    }

    /**
     * A tick of the periodic refresh, on the timer's thread: {@link #loading} and
     * {@link #selectedRegions} belong to the UI thread, so they are read there, not here.
     */
    void refreshTimerFired() {
        if (visible) {
            ui.run(() -> {
                if (!loading.get()) {
                    refreshAllHaVips();
                }
            });
        }
    }

    /** The window is shown (or iconified): the periodic refresh runs only while it is visible. */
    public void setVisible(boolean shown) {
        this.visible = shown;
    }

    // ---- loading ---------------------------------------------------------------------------

    /** Reads the ENS regions the account can see, then loads the chosen (or all) regions. */
    public void loadRegions(List<String> preferred) {
        loading.set(true);
        showStatus("workspace.status.regions");
        tasks.submit("regions", p -> api.describeRegions(), list -> {
            regions.setAll(list);
            List<String> keep = new ArrayList<>();
            for (Region r : list) {
                if (preferred.contains(r.id())) {
                    keep.add(r.id());
                }
            }
            if (keep.isEmpty()) {
                list.forEach(r -> keep.add(r.id()));
            }
            selectedRegions.setAll(keep);
            reload();
        }, this::loadFailed);
    }

    /** Loads the whole inventory of the chosen regions again (F5); a load in progress is cancelled. */
    public void reload() {
        if (currentLoad != null) {
            currentLoad.cancel();
        }
        List<String> chosen = List.copyOf(selectedRegions);
        long loadSentNanos = System.nanoTime();
        loading.set(true);
        loadError.set(null);
        progress.set(0);
        // Read again after this load; an answer still coming for the previous one is dropped.
        afterLoadGeneration++;
        neighbourhood.set(Neighbourhood.loading());
        routes.set(RouteTable.LOADING);
        showStatus("workspace.status.loading");
        // Coalesced: a large load reports hundreds of pages; the FX thread shows only the latest.
        AtomicReference<LoadProgress> latest = new AtomicReference<>();
        LoadHandle handle = loader.start(chosen, p -> {
            if (latest.getAndSet(p) == null) {
                ui.run(() -> showProgress(latest.getAndSet(null)));
            }
        });
        currentLoad = handle;
        handle.completion().whenComplete((loaded, error) -> {
            // Setting the property compares the snapshots (equals, 30,000 records in the large
            // scenario) to decide whether to notify; compare here, off the UI thread, so that an
            // unchanged reload (F5) costs the UI thread nothing.
            Inventory shown = published;
            boolean unchanged = error == null && loaded.equals(shown);
            ui.run(() -> {
                if (currentLoad != handle) {
                    return;
                }
                currentLoad = null;
                if (error != null) {
                    if (!handle.isCancelled()) {
                        loadFailed(error);
                    }
                    return;
                }
                publishLoaded(loaded, loadSentNanos, !unchanged || inventory.get() != shown);
                loaded(loaded);
                long generation = ++afterLoadGeneration;
                loadNeighbourhood(loaded, chosen, generation);
                loadRoutes(generation);
                loadListedTags(loaded, generation);
            });
        });
    }

    /** Reads the EIPs, security groups and events after the inventory is shown. UI thread. */
    private void loadNeighbourhood(Inventory loaded, List<String> chosen, long generation) {
        new NeighbourhoodLoader(api, loader.options().parallelism()).start(loaded, chosen)
                .whenComplete((read, error) -> ui.run(() -> {
                    if (generation == afterLoadGeneration) {
                        neighbourhood.set(error == null ? read : new Neighbourhood(Neighbourhood.Section.failed(error),
                                Neighbourhood.Section.failed(error), Neighbourhood.Section.failed(error)));
                    }
                }));
    }

    private void loaded(Inventory loaded) {
        refreshSucceeded(null);
        loading.set(false);
        progress.set(1);
        countsShown = true;
        showCounts(loaded);
    }

    /** Reads the instances' tags with ListTagResources (NextToken pages) when DescribeInstances gave none. */
    private void loadListedTags(Inventory loaded, long generation) {
        if (loaded.instances().isEmpty() || loaded.instances().stream().anyMatch(i -> !i.tags().isEmpty())) {
            listedTags.set(Map.of());
            return;
        }
        tasks.submit("instance tags", p -> api.listAllInstanceTags(List.of()), rows -> {
            if (generation != afterLoadGeneration) {
                return;
            }
            Inventory shown = inventory.get();
            Map<String, List<ResourceTag>> byInstance = new LinkedHashMap<>();
            for (ResourceTag tag : rows) {
                if (shown.instance(tag.resourceId()).isPresent()) {
                    byInstance.computeIfAbsent(tag.resourceId(), k -> new ArrayList<>()).add(tag);
                }
            }
            byInstance.replaceAll((k, v) -> List.copyOf(v));
            listedTags.set(Map.copyOf(byInstance));
        }, error -> LOG.warn("instance tags could not be read: {}", error.toString()));
    }
    /**
     * Reads the route entries with a HaVip next hop (every page, reads retried by the gateway),
     * after the inventory is shown. DescribeEnsRouteEntryList has no region filter, so the regions
     * chosen apply through the HaVips: only entries towards a HaVip of the inventory are kept.
     */
    private void loadRoutes(long generation) {
        tasks.submit("route entries", p -> api.describeAllRouteEntries(RouteEntryQuery.toHaVips()), list -> {
            if (generation != afterLoadGeneration) {
                return;
            }
            Inventory shown = inventory.get();
            routes.set(RouteTable.loaded(list.stream().filter(r -> r.nextHops().stream()
                    .anyMatch(h -> RouteNextHop.HAVIP.equalsIgnoreCase(h.type())
                            && shown.haVip(h.id()).isPresent())).toList()));
        }, error -> {
            if (generation != afterLoadGeneration) {
                return;
            }
            Throwable cause = unwrapped(error);
            LOG.warn("route entries could not be read: {}", cause.toString());
            String reason = cause instanceof EnsException failed && i18n.has(failed.error().messageKey())
                    ? i18n.get(failed.error().messageKey()) : i18n.get("workspace.stale.unknownReason");
            routes.set(RouteTable.failed(reason));
        });
    }

    private void showCounts(Inventory shown) {
        showStatus("workspace.status.loaded", shown.vSwitches().size(), shown.instances().size(),
                shown.networkInterfaces().size(), shown.haVips().size());
    }

    private void showProgress(LoadProgress p) {
        if (loading.get()) {
            progress.set(p.fraction());
            showStatus("workspace.status.progress", p.pagesDone(), Math.max(p.pagesKnown(), p.pagesDone()));
        }
    }

    private void loadFailed(Throwable error) {
        afterLoadGeneration++;
        neighbourhood.set(Neighbourhood.empty());
        Throwable cause = unwrapped(error);
        LOG.warn("inventory load failed: {}", cause.toString());
        loading.set(false);
        loadError.set(cause);
        countsShown = false;
        showStatus("workspace.status.failed");
    }

    // ---- live refresh ------------------------------------------------------------------------

    /**
     * Whether a job's transition calls for reading its HaVip here. Not when the job read it
     * itself (the read came through {@code haVipRead}); not before the write (ENS has nothing new
     * to show yet); not when a write was just accepted, since the job's first poll follows within
     * its initial delay and will bring the HaVip, unless that delay is longer than the refresh of
     * transitional HaVips. Otherwise (a refused write, a cancel, a stop, a failed last poll, an
     * internal error) the inventory may be stale and the job will not read the HaVip again.
     */
    private boolean needsRead(JobEvent event) {
        if (event.read().isPresent()) {
            return false;
        }
        return switch (event.to()) {
            case QUEUED, SUBMITTING -> false;
            case ASSOCIATING, UNASSOCIATING ->
                    jobs.pollPolicy().initialDelay().compareTo(Duration.ofSeconds(TRANSITIONAL_POLL_SECONDS)) > 0;
            default -> true;
        };
    }

    /** Whether ENS just answered a job's write OK (a write found to have taken effect comes with a read). */
    private static boolean accepted(JobEvent event) {
        return event.from() == JobState.SUBMITTING && event.read().isEmpty()
                && (event.to() == JobState.ASSOCIATING || event.to() == JobState.UNASSOCIATING);
    }

    /**
     * Shows the association of an accepted write as ENS will list it ({@code Associating} or
     * {@code Unassociating}) at once, rather than at the job's first poll: it goes in as a read
     * sent now, so that the job's polls, sent later, confirm or correct it, and a read sent
     * before the write cannot undo it. Engine thread.
     */
    private void showAccepted(JobEvent event, BindingJob job) {
        Read waiting = pending.get(event.haVipId());
        Optional<HaVip> known = waiting != null ? waiting.haVip() : published.haVip(event.haVipId());
        if (known.isEmpty()) {
            return;
        }
        HaVip haVip = known.get();
        boolean bind = event.to() == JobState.ASSOCIATING;
        AssociationStatus shown = bind ? AssociationStatus.ASSOCIATING : AssociationStatus.UNASSOCIATING;
        List<HaVipAssociation> associations = new ArrayList<>();
        boolean listed = false;
        for (HaVipAssociation a : haVip.associations()) {
            if (a.instanceId().equals(event.targetId())) {
                listed = true;
                associations.add(new HaVipAssociation(a.instanceId(), a.instanceType(), a.rawInstanceType(),
                        a.ipAddress(), shown, null, a.creationTime()));
            } else {
                associations.add(a);
            }
        }
        if (!listed && bind) {
            associations.add(new HaVipAssociation(event.targetId(), job.instanceType(), null, null, shown, null, null));
        }
        // Only the binding changes: whether ENS also shows it at the HaVip level depends on the
        // model it follows, and HaVip.liveStatus() shows the binding's status either way.
        HaVip expected = haVip.withAssociations(associations);
        offer(haVip.id(), new Read(Optional.of(expected), System.nanoTime()));
        requestApply();
    }

    /**
     * Re-reads one HaVip (off the UI thread) and puts it in the inventory. Bursts are coalesced:
     * a refresh already queued for the HaVip is not repeated, and the HaVips read while the UI
     * thread was busy go into the inventory together, as one change (50 bindings make hundreds of
     * reads, and every inventory change rebuilds what the views show).
     */
    public void refreshHaVip(String haVipId) {
        if (!refreshing.add(haVipId)) {
            return;
        }
        tasks.submit("refresh " + haVipId, p -> {
            refreshing.remove(haVipId);
            long sentNanos = System.nanoTime();
            offer(haVipId, new Read(api.describeHaVip(haVipId), sentNanos));
            return haVipId;
        }, done -> {
            applyPending();
            refreshSucceeded(haVipId);
        }, e -> refreshFailed(haVipId, e));
    }

    /** Keeps a read for the UI thread; of two reads of one HaVip waiting, the newer. Any thread. */
    private void offer(String haVipId, Read read) {
        pending.merge(haVipId, read,
                (waiting, arriving) -> arriving.isOlderThan(waiting.sentNanos()) ? waiting : arriving);
    }

    /**
     * Asks the UI thread to apply what is pending, unless it has been asked already: the reads
     * that arrive while the UI thread is busy go in with the first request. Any thread. It goes
     * through the task runner, which delivers on the UI thread like every result the workspace
     * applies (a synchronous runner, in ViewModel tests, applies at once).
     */
    private void requestApply() {
        if (applyRequested.compareAndSet(false, true)) {
            tasks.submit("apply HaVip reads", p -> Boolean.TRUE, done -> {
                // Cleared first: a read arriving while this runs asks again, so none is left behind.
                applyRequested.set(false);
                applyPending();
            }, e -> {
                applyRequested.set(false);
                LOG.warn("could not apply HaVip reads: {}", e.toString());
            });
        }
    }

    /**
     * Puts every HaVip read so far into the inventory, in one change (UI thread): the first
     * callback of a burst applies the whole burst, the others find nothing left to do.
     */
    private void applyPending() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Read> batch = new LinkedHashMap<>();
        for (String haVipId : List.copyOf(pending.keySet())) {
            Read read = pending.remove(haVipId);
            if (read != null) {
                batch.put(haVipId, read);
            }
        }
        apply(batch);
    }

    /** Puts a HaVip as read from ENS into the inventory (UI thread); empty means it is gone. */
    public void applyHaVip(String haVipId, Optional<HaVip> found) {
        apply(Map.of(haVipId, new Read(found, System.nanoTime())));
    }

    /** Applies reads to the inventory, in one change, skipping those older than what it shows (UI thread). */
    private void apply(Map<String, Read> reads) {
        Inventory current = inventory.get();
        Inventory next = withReads(current, reads);
        if (next != current) {
            publish(next);
        }
    }

    private Inventory withReads(Inventory current, Map<String, Read> reads) {
        List<HaVip> changed = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        int stale = 0;
        for (Map.Entry<String, Read> entry : reads.entrySet()) {
            String haVipId = entry.getKey();
            Read read = entry.getValue();
            Long last = shownReadNanos.get(haVipId);
            if (read.isOlderThan(inventoryReadNanos) || last != null && read.isOlderThan(last)) {
                stale++;
                continue;
            }
            shownReadNanos.put(haVipId, read.sentNanos());
            HaVip before = current.haVip(haVipId).orElse(null);
            if (read.haVip().isPresent()) {
                if (!read.haVip().get().equals(before)) {
                    changed.add(read.haVip().get());
                }
            } else if (before != null) {
                gone.add(haVipId);
            }
        }
        if (stale > 0) {
            LOG.debug("{} HaVip read(s) older than what the inventory shows were dropped", stale);
        }
        return changed.isEmpty() && gone.isEmpty() ? current : current.withHaVips(changed, gone);
    }

    /**
     * Shows a freshly loaded inventory (UI thread), read from {@code loadSentNanos} on. HaVips
     * read after the load started, and already shown, are newer than what the load may have
     * found: they are put back on top of it.
     *
     * @param changed whether the loaded snapshot differs from the one shown
     */
    private void publishLoaded(Inventory loaded, long loadSentNanos, boolean changed) {
        Inventory before = inventory.get();
        Map<String, Read> newer = new LinkedHashMap<>();
        shownReadNanos.forEach((haVipId, sentNanos) -> {
            if (sentNanos - loadSentNanos >= 0) {
                newer.put(haVipId, new Read(before.haVip(haVipId), sentNanos));
            }
        });
        shownReadNanos.clear();
        if (loadSentNanos - inventoryReadNanos > 0) {
            inventoryReadNanos = loadSentNanos;
        }
        Inventory next = withReads(changed ? loaded : before, newer);
        if (next != before) {
            publish(next);
        }
    }

    /** Sets the inventory (UI thread) and the copy that background threads read. */
    private void publish(Inventory next) {
        published = next;
        inventory.set(next);
        // A HaVip created, deleted or refreshed after the load changes the counts the status shows.
        if (countsShown && !loading.get()) {
            showCounts(next);
        }
    }

    private void pollTransitional() {
        try {
            Set<String> watched = ConcurrentHashMap.newKeySet();
            for (BindingJob job : jobs.jobs()) {
                if (!job.isFinished()) {
                    watched.add(job.haVipId());
                }
            }
            for (HaVip h : published.haVips()) {
                if ((h.status().isTransitional() || h.hasTransitionalAssociation()) && !watched.contains(h.id())) {
                    refreshHaVip(h.id());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("transitional refresh failed", e);
        }
    }

    private void refreshAllHaVips() {
        List<String> chosen = List.copyOf(selectedRegions);
        if (chosen.isEmpty()) {
            return;
        }
        long sentNanos = System.nanoTime();
        tasks.submit("refresh HaVips", p -> api.describeAllHaVips(HaVipQuery.inRegions(chosen)), fresh -> {
            Map<String, Read> reads = new LinkedHashMap<>();
            fresh.forEach(h -> reads.put(h.id(), new Read(Optional.of(h), sentNanos)));
            for (HaVip old : inventory.get().haVips()) {
                reads.putIfAbsent(old.id(), new Read(Optional.empty(), sentNanos));
            }
            apply(reads);
            refreshSucceeded(null);
        }, e -> refreshFailed(null, e));
    }

    /**
     * A live refresh failed (UI thread): the statuses on screen may be stale, and the user is told
     * so, with the time of the last good refresh and why, until a refresh succeeds.
     *
     * @param haVipId the HaVip of a single refresh, null for the refresh of all
     */
    private void refreshFailed(String haVipId, Throwable error) {
        Throwable cause = unwrapped(error);
        LOG.warn("live refresh of {} failed: {}", haVipId == null ? "the HaVips" : haVipId, cause.toString());
        String reason = cause instanceof EnsException failed && i18n.has(failed.error().messageKey())
                ? i18n.get(failed.error().messageKey()) : i18n.get("workspace.stale.unknownReason");
        String since = lastGoodRefresh == null ? i18n.get("workspace.stale.never")
                : STALE_TIME.format(lastGoodRefresh.atZone(ZoneId.systemDefault()));
        if (stale.get().isEmpty() || haVipId == null) {
            staleHaVip = haVipId;
        }
        stale.set(i18n.get("workspace.stale.message", since, reason));
    }

    /** @param haVipId the HaVip of a single refresh, null for a load or the refresh of all */
    private void refreshSucceeded(String haVipId) {
        if (haVipId == null) {
            lastGoodRefresh = Instant.now();
        }
        // A single HaVip read does not vouch for the others: it clears only what its own failure set.
        if (haVipId == null || haVipId.equals(staleHaVip)) {
            staleHaVip = null;
            stale.set("");
        }
    }

    // ---- accessors -------------------------------------------------------------------------

    /** Instance tags read with ListTagResources, by instance ID; empty when DescribeInstances carried them (UI thread). */
    public ReadOnlyObjectProperty<Map<String, List<ResourceTag>>> listedTagsProperty() {
        return listedTags.getReadOnlyProperty();
    }

    /** The route entries towards the inventory's HaVips (UI thread). */
    public ReadOnlyObjectProperty<RouteTable> routesProperty() {
        return routes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Inventory> inventoryProperty() {
        return inventory.getReadOnlyProperty();
    }

    public Inventory inventory() {
        return inventory.get();
    }

    /** @return the EIPs, security groups and events of the last load, each section with its own state */
    public ReadOnlyObjectProperty<Neighbourhood> neighbourhoodProperty() {
        return neighbourhood.getReadOnlyProperty();
    }

    public Neighbourhood neighbourhood() {
        return neighbourhood.get();
    }

    /** Replaces the neighbourhood (tests). */
    public void setNeighbourhood(Neighbourhood value) {
        afterLoadGeneration++;
        neighbourhood.set(value);
    }

    /** Replaces the inventory (tests and the composition root); it counts as read now. */
    public void setInventory(Inventory value) {
        shownReadNanos.clear();
        inventoryReadNanos = System.nanoTime();
        publish(value);
    }

    public ObservableList<Region> regions() {
        return regions;
    }

    public ObservableList<String> selectedRegions() {
        return selectedRegions;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /**
     * @return why the statuses shown may be out of date (a live refresh failed), with the time of
     *         the last good refresh; empty when they are current. For the status bar.
     */
    public ReadOnlyStringProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public String connectionLabel() {
        // The sandbox is named in the current language; a profile by its own name.
        return sandbox.isPresent() ? i18n.get("main.connection.sandbox") : connectionLabel;
    }

    /** @return which cloud this connection touches: profile, endpoint, plain HTTP */
    public ConnectionTarget target() {
        return target;
    }

    public Optional<SandboxControl> sandbox() {
        return sandbox;
    }

    public EnsApi api() {
        return api;
    }

    public JobEngine jobs() {
        return jobs;
    }

    public ActivityLog activity() {
        return activity;
    }

    public EligibilityEngine eligibility() {
        return eligibility;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public UiThread ui() {
        return ui;
    }

    public I18n i18n() {
        return i18n;
    }

    /** The language changed: texts made from now on use it, and the status line says itself again. UI thread. */
    public void setI18n(I18n value) {
        this.i18n = value;
        if (statusKey != null) {
            status.set(value.get(statusKey, statusArgs));
        }
    }

    private void showStatus(String key, Object... args) {
        statusKey = key;
        statusArgs = args;
        status.set(i18n.get(key, args));
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.cancel(true);
        }
        timer.shutdownNow();
        jobs.removeListener(jobListener);
        if (currentLoad != null) {
            currentLoad.cancel();
        }
    }

    /** @return the failure inside a {@code CompletionException}, or the error itself */
    private static Throwable unwrapped(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }
}
