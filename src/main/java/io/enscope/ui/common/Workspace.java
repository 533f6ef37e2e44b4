package io.enscope.ui.common;

import io.enscope.binding.ActivityLog;
import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobListener;
import io.enscope.binding.JobState;
import io.enscope.ens.EnsApi;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Region;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one connected console works on: the connection's {@link EnsApi}, the current
 * {@link Inventory} snapshot, the binding {@link JobEngine} and the {@link ActivityLog}. Every
 * ViewModel observes the inventory here; changes are made only on the UI thread.
 *
 * <p>Live status: a job's transitions, from its write on, refresh its HaVip at once (bursts are
 * applied as one change); HaVips in a transitional state that no job watches are re-read every
 * few seconds; while {@link #setVisible(boolean) visible}, every HaVip of the chosen regions is
 * re-read every {@code refreshSeconds}.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    private static final long TRANSITIONAL_POLL_SECONDS = 2;

    private final String connectionLabel;
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
    private final ObservableList<Region> regions = FXCollections.observableArrayList();
    private final ObservableList<String> selectedRegions = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Throwable> loadError = new ReadOnlyObjectWrapper<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    /** HaVips read by {@link #refreshHaVip} and not yet in the inventory. */
    private final Map<String, Optional<HaVip>> refreshed = new ConcurrentHashMap<>();
    /** The inventory as last set, for background threads (the property belongs to the UI thread). */
    private volatile Inventory published = Inventory.empty();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "enscope-refresh");
        t.setDaemon(true);
        return t;
    });
    private final JobListener jobListener = new JobListener() {
        @Override
        public void jobChanged(JobEvent event, BindingJob job) {
            // Queued and submitting come before the write: ENS has nothing new to show yet, and
            // reading the HaVip then would cost a DescribeHaVips call per job for nothing.
            if (event.to() != JobState.QUEUED && event.to() != JobState.SUBMITTING) {
                refreshHaVip(event.haVipId());
            }
        }
    };
    private LoadHandle currentLoad;
    private ScheduledFuture<?> periodic;
    private volatile boolean visible = true;

    /** The services of one connection, as the composition root made them. */
    public record Services(String connectionLabel, Optional<SandboxControl> sandbox, EnsApi api,
                           InventoryLoader loader, JobEngine jobs, ActivityLog activity,
                           EligibilityEngine eligibility) {
    }

    public Workspace(Services services, TaskRunner tasks, UiThread ui, I18n i18n, int refreshSeconds) {
        this.connectionLabel = services.connectionLabel();
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
            periodic = timer.scheduleWithFixedDelay(() -> {
                if (visible && !loading.get()) {
                    refreshAllHaVips();
                }
            }, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
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
        status.set(i18n.get("workspace.status.regions"));
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
        loading.set(true);
        loadError.set(null);
        progress.set(0);
        status.set(i18n.get("workspace.status.loading"));
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
                if (!unchanged || inventory.get() != shown) {
                    publish(loaded);
                }
                loaded(loaded);
            });
        });
    }

    private void loaded(Inventory loaded) {
        loading.set(false);
        progress.set(1);
        status.set(i18n.get("workspace.status.loaded", loaded.vSwitches().size(), loaded.instances().size(),
                loaded.networkInterfaces().size(), loaded.haVips().size()));
    }

    private void showProgress(LoadProgress p) {
        if (loading.get()) {
            progress.set(p.fraction());
            status.set(i18n.get("workspace.status.progress", p.pagesDone(), Math.max(p.pagesKnown(), p.pagesDone())));
        }
    }

    private void loadFailed(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        LOG.warn("inventory load failed: {}", cause.toString());
        loading.set(false);
        loadError.set(cause);
        status.set(i18n.get("workspace.status.failed"));
    }

    // ---- live refresh ------------------------------------------------------------------------

    /**
     * Re-reads one HaVip (off the UI thread) and puts it in the inventory. Bursts are coalesced:
     * a refresh already queued for the HaVip is not repeated, and the HaVips read while the UI
     * thread was busy go into the inventory together, as one change (50 bindings make hundreds of
     * job events, and every inventory change rebuilds what the views show).
     */
    public void refreshHaVip(String haVipId) {
        if (!refreshing.add(haVipId)) {
            return;
        }
        tasks.submit("refresh " + haVipId, p -> {
            refreshing.remove(haVipId);
            refreshed.put(haVipId, api.describeHaVip(haVipId));
            return haVipId;
        }, done -> applyRefreshed(), e -> LOG.debug("refresh of {} failed: {}", haVipId, e.toString()));
    }

    /**
     * Puts every HaVip read so far into the inventory, in one change (UI thread): the first
     * callback of a burst applies the whole burst, the others find nothing left to do.
     */
    private void applyRefreshed() {
        Inventory current = inventory.get();
        Inventory next = current;
        for (String haVipId : List.copyOf(refreshed.keySet())) {
            Optional<HaVip> found = refreshed.remove(haVipId);
            if (found != null) {
                next = withRead(next, haVipId, found);
            }
        }
        if (next != current) {
            publish(next);
        }
    }

    /** Puts a HaVip as read from ENS into the inventory (UI thread); empty means it is gone. */
    public void applyHaVip(String haVipId, Optional<HaVip> found) {
        Inventory current = inventory.get();
        Inventory next = withRead(current, haVipId, found);
        if (next != current) {
            publish(next);
        }
    }

    private static Inventory withRead(Inventory current, String haVipId, Optional<HaVip> found) {
        if (found.isPresent()) {
            return found.get().equals(current.haVip(haVipId).orElse(null)) ? current : current.withHaVip(found.get());
        }
        return current.haVip(haVipId).isPresent() ? current.withoutHaVip(haVipId) : current;
    }

    /** Sets the inventory (UI thread) and the copy that background threads read. */
    private void publish(Inventory next) {
        published = next;
        inventory.set(next);
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
        tasks.submit("refresh HaVips", p -> api.describeAllHaVips(HaVipQuery.inRegions(chosen)), fresh -> {
            Inventory current = inventory.get();
            Map<String, HaVip> byId = new HashMap<>();
            fresh.forEach(h -> byId.put(h.id(), h));
            Inventory next = current;
            for (HaVip h : fresh) {
                if (!h.equals(current.haVip(h.id()).orElse(null))) {
                    next = next.withHaVip(h);
                }
            }
            for (HaVip old : current.haVips()) {
                if (!byId.containsKey(old.id())) {
                    next = next.withoutHaVip(old.id());
                }
            }
            if (next != current) {
                publish(next);
            }
        }, e -> LOG.debug("periodic HaVip refresh failed: {}", e.toString()));
    }

    // ---- accessors -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Inventory> inventoryProperty() {
        return inventory.getReadOnlyProperty();
    }

    public Inventory inventory() {
        return inventory.get();
    }

    /** Replaces the inventory (tests and the composition root). */
    public void setInventory(Inventory value) {
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

    public String connectionLabel() {
        return connectionLabel;
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

    /** The language changed: texts made from now on use it. */
    public void setI18n(I18n value) {
        this.i18n = value;
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
}
