package io.enscope.ui.activity;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobHistory;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobListener;
import io.enscope.binding.JobState;
import io.enscope.ens.EnsError;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.KeyedRows;
import io.enscope.ui.common.Workspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The Activities pane: every bind and unbind job of the workspace — this session's, and the past
 * and resumed ones of the {@link io.enscope.binding.ActivityLog} — as {@link ActivityRow}s that
 * follow their job live, with Retry, Cancel and Stop watching, a notification when a job ends,
 * and a summary for the status bar and the collapsed pane's title.
 *
 * <p><b>Threads.</b> The job engine reports on its own threads; those reports are queued and
 * handed to the workspace's UI thread in one batch, however many arrive meanwhile, so a burst of
 * transitions costs one UI update. Everything else (properties, lists, commands) is used on the
 * UI thread.
 *
 * <p><b>Lifecycle.</b> The ViewModel listens to the job engine from construction — the summary and
 * the notifications matter while the pane is collapsed — until {@link #dispose()}. The history is
 * read once, in the background, at construction. A job the engine reports that was created before
 * this ViewModel was made was resumed from the activity log, and is marked
 * {@link ActivityRow#resumedProperty() resumed}.
 *
 * <p><b>Lists.</b> {@link #allRows()} (every row, with an extractor on the state) →
 * {@link #rows()} filtered by {@link #filterProperty()} and sorted by the table's comparator, then
 * newest first.
 */
public final class ActivityViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityViewModel.class);

    /** The order of the rows when the table has no sort column, and among equal rows: newest first. */
    public static final Comparator<ActivityRow> NEWEST_FIRST = Comparator.comparing(ActivityRow::getCreatedAt)
            .reversed().thenComparing(ActivityRow::getJobId);

    private final Workspace workspace;
    private final Dialogs dialogs;
    private final Clock clock;
    private final I18n i18n;
    private final ActivityTexts texts;
    private final Instant sessionStart;

    private final ObservableList<ActivityRow> source = FXCollections.observableArrayList(ActivityRow::observables);
    private final ObservableList<ActivityRow> allRows = FXCollections.unmodifiableObservableList(source);
    private final FilteredList<ActivityRow> filtered = new FilteredList<>(source);
    private final SortedList<ActivityRow> sorted = new SortedList<>(filtered, NEWEST_FIRST);
    private final ObjectProperty<ActivityFilter> filter = new SimpleObjectProperty<>(this, "filter", ActivityFilter.ALL);
    private final ObjectProperty<Comparator<ActivityRow>> tableComparator =
            new SimpleObjectProperty<>(this, "tableComparator");
    private final ObjectProperty<ActivityRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyObjectWrapper<JobState> selectedState = new ReadOnlyObjectWrapper<>(this, "selectedState");
    private final ReadOnlyBooleanWrapper selectedRetried = new ReadOnlyBooleanWrapper(this, "selectedRetried");
    private final ReadOnlyIntegerWrapper runningCount = new ReadOnlyIntegerWrapper(this, "runningCount");
    private final ReadOnlyIntegerWrapper failedCount = new ReadOnlyIntegerWrapper(this, "failedCount");
    private final ReadOnlyIntegerWrapper doneCount = new ReadOnlyIntegerWrapper(this, "doneCount");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loadingHistory = new ReadOnlyBooleanWrapper(this, "loadingHistory");
    private final BooleanBinding canRetry;
    private final BooleanBinding canCancel;
    private final BooleanBinding canDetach;
    private final BooleanBinding canCopyErrorDetails;
    private final BooleanBinding canClearFinished;

    /** Guarded by {@link #uiLock}: the tests' direct UI thread may flush from several engine threads. */
    private final KeyedRows<String, ActivityRow> rowsById = new KeyedRows<>(source, ActivityRow::getJobId);
    private final Map<String, NavigableMap<Integer, JobEvent>> transitions = new HashMap<>();
    private final Set<String> cleared = new HashSet<>();
    /** Job ID → the job that retries it, of every row seen (cleared ones too): a job is retried once. */
    private final Map<String, String> retries = new HashMap<>();
    private final Object uiLock = new Object();

    private final Queue<Update> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final JobListener listener = new JobListener() {
        @Override
        public void jobAdded(BindingJob job) {
            enqueue(new Update(job, null));
        }

        @Override
        public void jobChanged(JobEvent event, BindingJob job) {
            enqueue(new Update(job, event));
        }
    };
    private volatile boolean disposed;
    /** UI thread: a background read of the running jobs' snapshots is on its way. */
    private boolean refreshInFlight;

    /** One report of the engine: a job's snapshot, with the transition that produced it (null when added). */
    private record Update(BindingJob job, JobEvent event) {
    }

    /**
     * Starts listening to the workspace's jobs, shows those the engine already has and reads the
     * history in the background.
     *
     * @param workspace the connection's workspace: jobs, activity log, task runner, UI thread, texts
     * @param dialogs   for notifications, the clipboard and unexpected errors
     */
    public ActivityViewModel(Workspace workspace, Dialogs dialogs) {
        this(workspace, dialogs, Clock.systemDefaultZone());
    }

    /**
     * @param workspace the connection's workspace
     * @param dialogs   for notifications, the clipboard and unexpected errors
     * @param clock     the time for durations and the zone for times shown
     */
    public ActivityViewModel(Workspace workspace, Dialogs dialogs, Clock clock) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.i18n = workspace.i18n();
        this.texts = new ActivityTexts(i18n, clock.getZone());
        this.sessionStart = clock.instant();

        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            ActivityFilter current = filter.get() == null ? ActivityFilter.ALL : filter.get();
            Predicate<ActivityRow> accepts = row -> current.accepts(row.getState());
            return accepts;
        }, filter));
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> tableComparator.get() == null
                ? NEWEST_FIRST : tableComparator.get().thenComparing(NEWEST_FIRST), tableComparator));
        selectedRow.addListener((obs, old, row) -> {
            selectedState.unbind();
            selectedRetried.unbind();
            if (row == null) {
                selectedState.set(null);
                selectedRetried.set(false);
            } else {
                selectedState.bind(row.stateProperty());
                selectedRetried.bind(row.retriedProperty());
            }
        });
        canRetry = Bindings.createBooleanBinding(() -> selectedState.get() != null
                && ActivityFilter.isFailure(selectedState.get()) && !selectedRetried.get(), selectedState, selectedRetried);
        canCancel = Bindings.createBooleanBinding(() -> selectedState.get() == JobState.QUEUED, selectedState);
        canDetach = Bindings.createBooleanBinding(() -> selectedState.get() != null
                && selectedState.get() != JobState.QUEUED && !selectedState.get().isTerminal(), selectedState);
        canCopyErrorDetails = Bindings.createBooleanBinding(
                () -> selectedRow.get() != null && selectedRow.get().getError() != null, selectedRow, selectedState);
        canClearFinished = failedCount.add(doneCount).greaterThan(0);
        showCounts(0, 0, 0);

        JobEngine jobs = workspace.jobs();
        jobs.addListener(listener);
        for (BindingJob job : jobs.jobs()) {
            enqueue(new Update(job, null));
        }
        loadHistory();
    }

    // ---- lists and filters -------------------------------------------------------------------

    /** @return the rows to show: filtered by {@link #filterProperty()}, sorted (the table's order, then newest first) */
    public ObservableList<ActivityRow> rows() {
        return sorted;
    }

    /** @return every row, unfiltered, in arrival order; unmodifiable */
    public ObservableList<ActivityRow> allRows() {
        return allRows;
    }

    /**
     * @param jobId a job ID
     * @return its row, empty when the pane does not show it (unknown, or cleared from view)
     */
    public Optional<ActivityRow> row(String jobId) {
        synchronized (uiLock) {
            return Optional.ofNullable(rowsById.get(jobId));
        }
    }

    /** @return which jobs {@link #rows()} shows; the View writes it */
    public ObjectProperty<ActivityFilter> filterProperty() {
        return filter;
    }

    /** @return the table's comparator, null when no column is sorted; the View binds it */
    public ObjectProperty<Comparator<ActivityRow>> tableComparatorProperty() {
        return tableComparator;
    }

    /** @return the row the commands act on; the View binds it to the table's selection */
    public ObjectProperty<ActivityRow> selectedRowProperty() {
        return selectedRow;
    }

    /**
     * The transitions of a job, oldest first: those of the activity log and those seen live,
     * without duplicates. For timelines (the HaVip detail).
     *
     * @param jobId a job ID
     * @return its transitions, empty when none is known
     */
    public List<JobEvent> transitionsOf(String jobId) {
        synchronized (uiLock) {
            NavigableMap<Integer, JobEvent> events = transitions.get(jobId);
            return events == null ? List.of() : List.copyOf(events.values());
        }
    }

    // ---- summary -----------------------------------------------------------------------------

    /** @return e.g. "2 running · 1 failed · 14 done", or "No jobs"; for the status bar */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String getSummary() {
        return summary.get();
    }

    /** @return the pane's title with the summary, e.g. "Activities (2 running · 1 failed)" */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String getTitle() {
        return title.get();
    }

    /** @return how many shown jobs are not finished (queued, sending or polling) */
    public ReadOnlyIntegerProperty runningCountProperty() {
        return runningCount.getReadOnlyProperty();
    }

    public int getRunningCount() {
        return runningCount.get();
    }

    /** @return how many shown jobs failed or timed out */
    public ReadOnlyIntegerProperty failedCountProperty() {
        return failedCount.getReadOnlyProperty();
    }

    public int getFailedCount() {
        return failedCount.get();
    }

    /** @return how many shown jobs ended otherwise: succeeded, cancelled or no longer watched */
    public ReadOnlyIntegerProperty doneCountProperty() {
        return doneCount.getReadOnlyProperty();
    }

    public int getDoneCount() {
        return doneCount.get();
    }

    /** @return an inline message about the last command or the history, empty when none */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String getMessage() {
        return message.get();
    }

    /** @return whether the history is still being read */
    public ReadOnlyBooleanProperty loadingHistoryProperty() {
        return loadingHistory.getReadOnlyProperty();
    }

    // ---- commands ----------------------------------------------------------------------------

    /** @return whether the selected job failed or timed out and was not retried yet, so that {@link #retry()} applies */
    public BooleanBinding canRetry() {
        return canRetry;
    }

    /** @return whether the selected job is queued, so that {@link #cancel()} applies */
    public BooleanBinding canCancel() {
        return canCancel;
    }

    /** @return whether the selected job is being sent or polled, so that {@link #detach()} applies */
    public BooleanBinding canDetach() {
        return canDetach;
    }

    /** @return whether the selected job has an error to copy */
    public BooleanBinding canCopyErrorDetails() {
        return canCopyErrorDetails;
    }

    /** @return whether some shown job is finished, so that {@link #clearFinished()} hides something */
    public BooleanBinding canClearFinished() {
        return canClearFinished;
    }

    /**
     * Submits the selected failed job again, in the background, as a new job with the same
     * HaVip, target and kind; the new job appears on top. A past job the engine no longer knows
     * is submitted afresh. A job is retried once (its retry, if it fails, is retried itself):
     * the row counts as retried from now, so a second press sends nothing.
     */
    public void retry() {
        ActivityRow row = selectedRow.get();
        if (row == null || !canRetry.get()) {
            return;
        }
        message.set("");
        row.markRetried(true);
        workspace.tasks().submit("activity-retry " + row.getJobId(), progress -> retryJob(row),
                job -> LOG.info("job {} queued as a retry of {}", job.id(), row.getJobId()),
                error -> {
                    synchronized (uiLock) {
                        row.markRetried(retries.containsKey(row.getJobId()));
                    }
                    commandFailed("retry", error);
                });
    }

    /** Withdraws the selected queued job before it is sent. */
    public void cancel() {
        ActivityRow row = selectedRow.get();
        if (row == null || !canCancel.get()) {
            return;
        }
        message.set("");
        workspace.tasks().submit("activity-cancel " + row.getJobId(), progress -> workspace.jobs().cancel(row.getJobId()),
                done -> {
                    if (!done) {
                        message.set(i18n.get("activity.message.notCancelled"));
                    }
                }, error -> commandFailed("cancel", error));
    }

    /** Stops watching the selected running job; ENS may still complete its change. */
    public void detach() {
        ActivityRow row = selectedRow.get();
        if (row == null || !canDetach.get()) {
            return;
        }
        message.set("");
        workspace.tasks().submit("activity-detach " + row.getJobId(), progress -> workspace.jobs().detach(row.getJobId()),
                done -> {
                    if (!done) {
                        message.set(i18n.get("activity.message.notDetached"));
                    }
                }, error -> commandFailed("detach", error));
    }

    /** Copies the selected job's error: localized message, code, RequestId and the job. */
    public void copyErrorDetails() {
        ActivityRow row = selectedRow.get();
        if (row != null && row.getError() != null) {
            dialogs.copy(texts.errorDetails(row));
        }
    }

    /** Copies the selected job's ID. */
    public void copyJobId() {
        ActivityRow row = selectedRow.get();
        if (row != null) {
            dialogs.copy(row.getJobId());
        }
    }

    /** Hides every finished job from the pane; the activity log keeps them all. */
    public void clearFinished() {
        synchronized (uiLock) {
            for (ActivityRow row : rowsById.removeIf(row -> row.getState().isTerminal())) {
                cleared.add(row.getJobId());
            }
            recount();
        }
    }

    /**
     * Brings the durations and poll counts of running jobs up to date; the View calls it about
     * once a second while it is shown. Polls are not transitions, so the engine reports them only
     * in its snapshots. The snapshots are read in the background: reading them takes the engine's
     * lock, which its threads hold while they journal transitions, and 50 running bindings kept
     * the UI thread waiting on it for hundreds of milliseconds. One read is in flight at a time.
     */
    public void refreshRunning() {
        List<ActivityRow> running;
        synchronized (uiLock) {
            running = source.stream().filter(row -> !row.getState().isTerminal()).toList();
        }
        if (running.isEmpty() || refreshInFlight) {
            return;
        }
        refreshInFlight = true;
        List<String> ids = running.stream().map(ActivityRow::getJobId).toList();
        try {
            workspace.tasks().submit("activity-refresh", progress -> {
                // Outside the UI lock: the engine calls the listener, and so takes the lock, while holding its own.
                Map<String, BindingJob> current = new HashMap<>();
                for (String id : ids) {
                    workspace.jobs().job(id).ifPresent(job -> current.put(job.id(), job));
                }
                return current;
            }, current -> {
                refreshInFlight = false;
                applyRunning(running, current);
            }, error -> {
                refreshInFlight = false;
                LOG.warn("reading the running jobs failed", error);
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the connection is being closed: nothing left to bring up to date
            refreshInFlight = false;
        }
    }

    private void applyRunning(List<ActivityRow> running, Map<String, BindingJob> current) {
        Instant now = clock.instant();
        synchronized (uiLock) {
            for (ActivityRow row : running) {
                BindingJob job = current.get(row.getJobId());
                if (job != null && job.revision() == row.getRevision()) {
                    row.updatePolls(job.polls(), texts);
                }
                if (!row.getState().isTerminal()) {
                    row.updateDuration(texts, now);
                }
            }
        }
    }

    /** Stops listening to the job engine; the rows stay as they are. Idempotent. */
    public void dispose() {
        disposed = true;
        workspace.jobs().removeListener(listener);
        pending.clear();
        selectedState.unbind();
        selectedRetried.unbind();
    }

    // ---- live updates ------------------------------------------------------------------------

    /** Engine thread: queue the report and make sure one flush is on its way to the UI thread. */
    private void enqueue(Update update) {
        if (disposed) {
            return;
        }
        pending.add(update);
        if (flushScheduled.compareAndSet(false, true)) {
            workspace.ui().run(this::flush);
        }
    }

    /** UI thread: applies every queued report, the latest snapshot per job, then notifies. */
    private void flush() {
        synchronized (uiLock) {
            // Reset before draining: a report queued after the drain schedules the next flush.
            flushScheduled.set(false);
            if (disposed) {
                pending.clear();
                return;
            }
            Map<String, BindingJob> latest = new LinkedHashMap<>();
            List<Update> ended = new ArrayList<>();
            for (Update update = pending.poll(); update != null; update = pending.poll()) {
                latest.merge(update.job().id(), update.job(), (a, b) -> b.revision() >= a.revision() ? b : a);
                if (update.event() != null) {
                    remember(update.event());
                    if (update.event().to().isTerminal()) {
                        ended.add(update);
                    }
                }
            }
            if (latest.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            rowsById.merge(notCleared(latest.values()), BindingJob::id, job -> markIfResumed(newRow(job, now), job),
                    (row, job) -> {
                        if (job.revision() >= row.getRevision()) {
                            row.update(job, texts, now);
                        }
                        markIfResumed(row, job);
                    });
            recount();
            ended.forEach(this::notifyEnded);
        }
    }

    private List<BindingJob> notCleared(Collection<BindingJob> jobs) {
        return jobs.stream().filter(job -> !cleared.contains(job.id())).toList();
    }

    /** The engine knows jobs created before this session only by resuming them from the log. */
    private ActivityRow markIfResumed(ActivityRow row, BindingJob job) {
        if (job.createdAt().isBefore(sessionStart)) {
            row.markResumed();
        }
        return row;
    }

    /** UI lock held: a row for a job not shown yet, linked to the job it retries or that retries it. */
    private ActivityRow newRow(BindingJob job, Instant now) {
        ActivityRow row = new ActivityRow(job, texts, now);
        if (job.retryOf() != null) {
            retries.putIfAbsent(job.retryOf(), job.id());
            ActivityRow original = rowsById.get(job.retryOf());
            if (original != null) {
                original.markRetried(true);
            }
        }
        row.markRetried(retries.containsKey(job.id()));
        return row;
    }

    private void remember(JobEvent event) {
        transitions.computeIfAbsent(event.jobId(), id -> new TreeMap<>()).putIfAbsent(event.seq(), event);
    }

    /** A terminal transition is a job's last, so the snapshot that came with it is the ended job. */
    private void notifyEnded(Update update) {
        BindingJob job = update.job();
        EnsError error = update.event().error().orElse(job.error().orElse(null));
        ActivityTexts.Notice notice = texts.ended(job, error);
        dialogs.notify(notice.title(), notice.text(), notice.tone());
    }

    // ---- history -----------------------------------------------------------------------------

    private void loadHistory() {
        loadingHistory.set(true);
        workspace.tasks().submit("activity-history", progress -> workspace.activity().history(), this::showHistory,
                error -> {
                    LOG.warn("the activity history could not be read", error);
                    loadingHistory.set(false);
                    message.set(i18n.get("activity.message.historyFailed"));
                });
    }

    private void showHistory(List<JobHistory> history) {
        synchronized (uiLock) {
            loadingHistory.set(false);
            if (disposed) {
                return;
            }
            Instant now = clock.instant();
            List<BindingJob> jobs = new ArrayList<>();
            for (JobHistory entry : history) {
                entry.transitions().forEach(this::remember);
                jobs.add(entry.job());
            }
            rowsById.merge(notCleared(jobs), BindingJob::id, job -> newRow(job, now), (row, job) -> {
                if (job.revision() > row.getRevision()) {
                    row.update(job, texts, now);
                }
            });
            recount();
        }
    }

    // ---- commands' work ------------------------------------------------------------------------

    /** Background thread. */
    private BindingJob retryJob(ActivityRow row) {
        JobEngine jobs = workspace.jobs();
        if (jobs.job(row.getJobId()).isPresent()) {
            return jobs.retry(row.getJobId());
        }
        return row.getKind() == JobKind.BIND
                ? jobs.submitBind(row.getHaVipId(), row.getTargetId(), row.getInstanceType())
                : jobs.submitUnbind(row.getHaVipId(), row.getTargetId());
    }

    private void commandFailed(String command, Throwable error) {
        LOG.warn("activity {} failed", command, error);
        dialogs.showError(i18n.get("activity.error.command"), error);
    }

    private void recount() {
        int running = 0;
        int failed = 0;
        int done = 0;
        for (ActivityRow row : source) {
            JobState state = row.getState();
            if (!state.isTerminal()) {
                running++;
            } else if (ActivityFilter.isFailure(state)) {
                failed++;
            } else {
                done++;
            }
        }
        showCounts(running, failed, done);
    }

    private void showCounts(int running, int failed, int done) {
        runningCount.set(running);
        failedCount.set(failed);
        doneCount.set(done);
        summary.set(texts.summary(running, failed, done));
        title.set(texts.title(summary.get(), running + failed + done == 0));
    }
}
