package io.enscope.binding;

import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.InstanceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bind and unbind jobs: AssociateHaVip / UnassociateHaVip off the caller's thread, then
 * DescribeHaVips polls with backoff until the association is {@code InUse} (bind) or gone
 * (unbind), ENS refuses, or the job times out. Build one with {@link #builder(EnsApi)}.
 *
 * <p><b>Order.</b> Jobs on the same HaVip run one after another, in submission order; jobs on
 * different HaVips run in parallel, as many at once as the scheduler's workers (default 4).
 *
 * <p><b>Never twice.</b> A write is sent at most once per job. When its outcome is unknown (read
 * timeout, dropped connection, 5xx: {@link EnsError#ambiguous()}), the job reads the HaVip until
 * the change shows (then it polls on as if accepted) or the {@link PollPolicy#settleWindow()}
 * has passed without it (then it fails with the write's error); a read that fails is repeated
 * with backoff until the job's timeout. The only write sent again is one answered
 * {@code Throttling.*}: that answer comes from the gateway's flow control, before the request
 * is processed, so nothing happened and a bounded retry honouring {@code x-acs-retry-after} is
 * safe ({@link PollPolicy#maxThrottleRetries()}, {@link PollPolicy#maxThrottleWait()}). A write
 * refused as a replay ({@code SignatureNonceUsed}: an HTTP client resent it after a dropped
 * connection) is treated as of unknown outcome too, since its original reached the server.
 *
 * <p><b>Polling.</b> Once a change is accepted, a failed DescribeHaVips never fails the job (the
 * change goes on regardless): the job polls on until it sees the end or times out, and a
 * {@link JobState#TIMED_OUT} job carries the last read error.
 *
 * <p><b>Stopping.</b> {@link #cancel} withdraws a job that has not been sent (queued, or waiting
 * to resend a throttled write): it ends {@link JobState#CANCELLED}. {@link #detach} stops
 * watching a job that was sent: it ends {@link JobState#DETACHED}, a state of its own because ENS
 * may still complete the change, and is not resumed after a restart. {@link #shutdown()} leaves
 * unfinished jobs as they are, so that the next start resumes them.
 *
 * <p><b>Resuming.</b> {@link #resume} takes the unfinished jobs of {@link ActivityLog#recover()}
 * and finishes them by reading only, never sending: a job found polling polls on; a job found
 * {@code SUBMITTING} or {@code QUEUED} reads the HaVip first — if the change is there or in
 * progress it is polled to its end, otherwise a {@code SUBMITTING} job fails with
 * {@link JobErrors#INTERRUPTED} and a {@code QUEUED} one (never sent) is {@code CANCELLED}
 * rather than sent late without the user asking; it can be retried.
 *
 * <p><b>Events.</b> Every transition goes first to the {@link JobJournal} (so that
 * {@code SUBMITTING} is on disk before the write is sent), then to the listeners, in order, with
 * the engine's clock time. Every answered DescribeHaVips call of a job goes to the listeners too
 * ({@link JobListener#haVipRead}), before the transition it leads to: whoever shows HaVips needs
 * no read of its own while a job watches one. Records and events are handed over outside the
 * engine's lock, by the thread that caused them (an engine thread, or the caller of
 * {@link #submitBind}, {@link #cancel} and the like) before it returns: a slow disk then delays
 * that thread only, never a reader of {@link #jobs()}.
 */
public final class JobEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    /** The gateway's answer to a request whose nonce it has seen: see {@link #replayed}. */
    private static final String REPLAY_REFUSED = "SignatureNonceUsed";

    private final EnsApi api;
    private final PollPolicy policy;
    private final Clock clock;
    private final JobScheduler scheduler;
    private final JobJournal journal;
    private final Supplier<String> ids;

    private final Object lock = new Object();
    private final Map<String, JobRun> runs = new LinkedHashMap<>();
    /** Per HaVip, its unfinished jobs in order; the first one is the one that runs. */
    private final Map<String, Deque<JobRun>> queues = new HashMap<>();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    /**
     * Journal records and listener calls, added under the lock in the order of the changes and run
     * outside it by {@link #deliver()}, so that no disk write happens while the lock is held.
     */
    private final Queue<Runnable> outbox = new ConcurrentLinkedQueue<>();
    /** Held while the outbox is delivered: one thread at a time, so records and events keep their order. */
    private final Object deliveryLock = new Object();
    private boolean shutdown;

    private JobEngine(Builder builder) {
        this.api = builder.api;
        this.policy = builder.policy;
        this.clock = builder.clock;
        this.scheduler = builder.scheduler != null ? builder.scheduler : new JobThreadPool(builder.parallelism);
        this.journal = builder.journal;
        this.ids = builder.ids;
    }

    /**
     * @param api the ENS gateway the jobs call
     * @return a builder with the defaults: {@link PollPolicy#defaults()}, 4 workers, the system
     *         clock, no journal
     */
    public static Builder builder(EnsApi api) {
        return new Builder(api);
    }

    /** @return the timing the jobs follow */
    public PollPolicy pollPolicy() {
        return policy;
    }

    /**
     * Queues a bind: AssociateHaVip, then polls until the association is {@code InUse}.
     *
     * @param haVipId  the HaVip
     * @param targetId the instance ({@code i-…}) or ENI ({@code eni-…})
     * @param type     what the target is; null guesses it from the ID
     * @return the new job, {@link JobState#QUEUED}
     * @throws IllegalArgumentException when an ID is blank or the type is {@link InstanceType#UNKNOWN}
     * @throws IllegalStateException    after {@link #shutdown()}
     */
    public BindingJob submitBind(String haVipId, String targetId, InstanceType type) {
        return submit(JobKind.BIND, haVipId, targetId, type, null);
    }

    /**
     * Queues an unbind: UnassociateHaVip, then polls until the association is gone.
     *
     * @param haVipId  the HaVip
     * @param targetId the bound instance or ENI
     * @return the new job, {@link JobState#QUEUED}
     * @throws IllegalArgumentException when an ID is blank
     * @throws IllegalStateException    after {@link #shutdown()}
     */
    public BindingJob submitUnbind(String haVipId, String targetId) {
        return submit(JobKind.UNBIND, haVipId, targetId, null, null);
    }

    /**
     * Queues a new job with the parameters of a finished one that did not succeed. A job is
     * retried once: sending a change again that already succeeded (or whose retry is under way or
     * succeeded) makes ENS refuse it, e.g. {@code InstanceAlreadyAssociated}; a retry that failed
     * is retried itself.
     *
     * @param jobId a job of this engine
     * @return the new job, whose {@link BindingJob#retryOf()} is {@code jobId}
     * @throws NoSuchElementException when the engine does not know the job
     * @throws IllegalStateException  when the job is not finished, succeeded, was retried
     *                                already, or after {@link #shutdown()}
     */
    public BindingJob retry(String jobId) {
        BindingJob retried;
        synchronized (lock) {
            JobRun original = requireRun(jobId);
            if (!original.state.isTerminal() || original.state == JobState.SUCCEEDED) {
                throw new IllegalStateException("job " + jobId + " is " + original.state + ", not retried");
            }
            for (JobRun run : runs.values()) {
                if (jobId.equals(run.retryOf)) {
                    throw new IllegalStateException("job " + jobId + " was retried already as " + run.id);
                }
            }
            // Queued under the lock, so that two retries of one job cannot both pass the check;
            // delivered after it, as every outbox is.
            retried = queue(original.kind, original.haVipId, original.targetId, original.instanceType, original.id);
        }
        deliver();
        return retried;
    }

    /**
     * Withdraws a job that has sent nothing yet: one that is queued, or waiting to send a
     * throttled write again. It ends {@link JobState#CANCELLED}.
     *
     * @param jobId the job
     * @return whether it was withdrawn; false when it was sent (see {@link #detach}), is
     *         finished, or is unknown
     */
    public boolean cancel(String jobId) {
        synchronized (lock) {
            JobRun run = runs.get(jobId);
            if (run == null) {
                return false;
            }
            boolean waitingToResend = run.state == JobState.SUBMITTING && run.phase == JobRun.Phase.SUBMIT
                    && !run.writeInFlight && run.throttleRetries > 0;
            if (run.state != JobState.QUEUED && !waitingToResend) {
                return false;
            }
            transition(run, JobState.CANCELLED, null);
        }
        deliver();
        return true;
    }

    /**
     * Stops watching a job that was sent (or is being sent): no more polls are made for it and it
     * ends {@link JobState#DETACHED}. ENS may still complete the change. The next job on the
     * HaVip starts once the job's write, if one is in flight, has returned.
     *
     * @param jobId the job
     * @return whether it was detached; false when it is queued (see {@link #cancel}), finished,
     *         or unknown
     */
    public boolean detach(String jobId) {
        synchronized (lock) {
            JobRun run = runs.get(jobId);
            if (run == null || run.state == JobState.QUEUED || run.state.isTerminal()) {
                return false;
            }
            transition(run, JobState.DETACHED, null);
        }
        deliver();
        return true;
    }

    /** @return a snapshot of every job of this engine (submitted or resumed), oldest first */
    public List<BindingJob> jobs() {
        synchronized (lock) {
            return runs.values().stream().map(JobRun::snapshot).toList();
        }
    }

    /**
     * @param jobId a job ID
     * @return its snapshot, empty when the engine does not know it
     */
    public Optional<BindingJob> job(String jobId) {
        synchronized (lock) {
            return Optional.ofNullable(runs.get(jobId)).map(JobRun::snapshot);
        }
    }

    /**
     * Takes over jobs left unfinished by an earlier run of the application (see the class
     * comment): they are finished by reading ENS only, nothing is sent. Jobs already known and
     * finished jobs are skipped. Their timeout counts from now. Call it at start, before any
     * submission: a resumed job queues behind jobs already waiting on its HaVip.
     *
     * @param unfinished the jobs, typically {@link ActivityLog#recover()}
     * @return the jobs taken over
     * @throws IllegalStateException after {@link #shutdown()}
     */
    public List<BindingJob> resume(Collection<BindingJob> unfinished) {
        List<BindingJob> sorted = new ArrayList<>(unfinished);
        // The job that was running on an HaVip goes before the ones queued behind it.
        sorted.sort(Comparator.comparing((BindingJob job) -> job.state() == JobState.QUEUED)
                .thenComparing(BindingJob::createdAt));
        List<BindingJob> taken = new ArrayList<>();
        synchronized (lock) {
            requireRunning();
            for (BindingJob job : sorted) {
                if (job.state().isTerminal() || runs.containsKey(job.id())) {
                    LOG.debug("not resuming job {}: {}", job.id(), job.state().isTerminal() ? "finished" : "known");
                    continue;
                }
                JobRun run = new JobRun(job);
                run.deadline = now().plus(policy.timeout());
                runs.put(run.id, run);
                LOG.info("resuming job {} left {} at {}", run.describe(), run.state, run.updatedAt);
                BindingJob snapshot = run.snapshot();
                notifyAdded(snapshot);
                enqueue(run);
                taken.add(snapshot);
            }
        }
        deliver();
        return taken;
    }

    /**
     * @param listener hears about every job from now on
     */
    public void addListener(JobListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @param listener a listener added before; it hears nothing more
     */
    public void removeListener(JobListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops: no new jobs are accepted, no further step starts, the scheduler's threads are
     * stopped. Unfinished jobs are left in their state, in memory and in the journal, so that
     * {@link ActivityLog#recover()} finds them on the next start. Idempotent.
     */
    public void shutdown() {
        int unfinished;
        synchronized (lock) {
            if (shutdown) {
                return;
            }
            shutdown = true;
            for (JobRun run : runs.values()) {
                if (run.pending != null) {
                    run.pending.cancel();
                    run.pending = null;
                }
            }
            unfinished = (int) runs.values().stream().filter(run -> !run.state.isTerminal()).count();
        }
        scheduler.shutdown();
        // What is still to be recorded is written before the caller closes the journal.
        deliver();
        LOG.info("job engine stopped; {} unfinished job(s) left for the next start", unfinished);
    }

    /**
     * @param timeout the longest wait
     * @return whether every engine thread has stopped after {@link #shutdown()}
     * @throws InterruptedException when the caller is interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return scheduler.awaitTermination(timeout);
    }

    // ---- submission and queues (all under the lock) ----

    private BindingJob submit(JobKind kind, String haVipId, String targetId, InstanceType type, String retryOf) {
        BindingJob snapshot = queue(kind, haVipId, targetId, type, retryOf);
        deliver();
        return snapshot;
    }

    /** Adds the job and queues its records and events; the caller delivers them once out of the lock. */
    private BindingJob queue(JobKind kind, String haVipId, String targetId, InstanceType type, String retryOf) {
        String haVip = requireId(haVipId, "haVipId");
        String target = requireId(targetId, "targetId");
        InstanceType effective = type == null ? InstanceType.ofTargetId(target) : type;
        if (effective == InstanceType.UNKNOWN) {
            throw new IllegalArgumentException("the target type must be known");
        }
        BindingJob snapshot;
        synchronized (lock) {
            requireRunning();
            JobRun run = new JobRun(ids.get(), kind, haVip, target, effective, now(), retryOf);
            runs.put(run.id, run);
            snapshot = run.snapshot();
            // A job the journal could not record still runs: its SUBMITTING record decides
            // whether it may be sent.
            outbox.add(() -> record(run, () -> journal.recordCreated(snapshot)));
            LOG.info("job {} queued{}", run.describe(), retryOf == null ? "" : " as a retry of " + retryOf);
            notifyAdded(snapshot);
            enqueue(run);
        }
        return snapshot;
    }

    private void enqueue(JobRun run) {
        Deque<JobRun> queue = queues.computeIfAbsent(run.haVipId, id -> new ArrayDeque<>());
        queue.addLast(run);
        if (queue.size() == 1) {
            start(run);
        }
    }

    private void start(JobRun run) {
        run.started = true;
        if (!run.resumed) {
            dispatch(run, Duration.ZERO, () -> submitStep(run));
            return;
        }
        Instant now = now();
        switch (run.state) {
            case ASSOCIATING, UNASSOCIATING -> {
                run.phase = JobRun.Phase.POLL;
                run.acceptedAt = run.updatedAt;
                run.settleUntil = run.updatedAt.plus(policy.settleWindow());
                dispatch(run, Duration.ZERO, () -> pollStep(run));
            }
            case SUBMITTING -> startReconcile(run,
                    JobErrors.interrupted("Enscope stopped while the request was being sent; it did not take effect."),
                    run.updatedAt.plus(policy.settleWindow()), false, Duration.ZERO);
            case QUEUED -> startReconcile(run,
                    JobErrors.interrupted("Enscope stopped before the request was sent."), now, true, Duration.ZERO);
            default -> release(run);
        }
    }

    /** Hands the HaVip to its next job, unless the finished job's write is still in flight. */
    private void release(JobRun run) {
        if (run.writeInFlight) {
            return;
        }
        Instant hold = run.holdHaVipUntil;
        if (hold != null && now().isBefore(hold) && !shutdown) {
            // A late copy of this job's ambiguous write could still reach ENS: keep the HaVip until
            // the settle window has passed, then hand it to the next job.
            scheduler.schedule(Duration.between(now(), hold), () -> {
                synchronized (lock) {
                    run.holdHaVipUntil = null;
                    release(run);
                }
                deliver();
            });
            return;
        }
        Deque<JobRun> queue = queues.get(run.haVipId);
        if (queue == null || !queue.remove(run)) {
            return;
        }
        if (queue.isEmpty()) {
            queues.remove(run.haVipId);
            return;
        }
        JobRun next = queue.peekFirst();
        if (!next.started) {
            start(next);
        }
    }

    private void dispatch(JobRun run, Duration delay, Runnable step) {
        if (shutdown) {
            LOG.info("job {} stays {} for the next start", run.describe(), run.state);
            return;
        }
        Runnable guarded = () -> runStep(run, step);
        try {
            if (delay.isZero() || delay.isNegative()) {
                run.pending = null;
                scheduler.execute(guarded);
            } else {
                run.pending = scheduler.schedule(delay, guarded);
            }
        } catch (RejectedExecutionException stopping) {
            LOG.info("job {} stays {}: the scheduler is stopping", run.describe(), run.state);
        }
    }

    private void runStep(JobRun run, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException bug) {
            LOG.error("job {} failed unexpectedly", run.describe(), bug);
            synchronized (lock) {
                if (!run.state.isTerminal() && !shutdown) {
                    transition(run, JobState.FAILED, JobErrors.internal(bug));
                }
            }
        } finally {
            deliver();
        }
    }

    // ---- the steps: each reads its inputs under the lock, calls ENS without it, applies the result under it ----

    private void submitStep(JobRun run) {
        CompletableFuture<Boolean> submitting = CompletableFuture.completedFuture(true);
        synchronized (lock) {
            if (run.state == JobState.QUEUED) {
                run.deadline = now().plus(policy.timeout());
                submitting = transition(run, JobState.SUBMITTING, null);
            } else if (run.state != JobState.SUBMITTING || run.phase != JobRun.Phase.SUBMIT) {
                return;
            }
        }
        // The SUBMITTING record goes to disk here, without the lock, and before the write is sent.
        deliver();
        synchronized (lock) {
            if (run.state != JobState.SUBMITTING || run.phase != JobRun.Phase.SUBMIT) {
                return;
            }
            if (!submitting.join()) {
                transition(run, JobState.FAILED, JobErrors.activityLogFailed(
                        "The activity log could not record the request, so it was not sent."));
                return;
            }
            if (shutdown) {
                return;
            }
            run.writeInFlight = true;
        }
        String requestId = null;
        EnsError failure = null;
        try {
            requestId = run.kind == JobKind.BIND
                    ? api.associateHaVip(run.haVipId, run.targetId, run.instanceType)
                    : api.unassociateHaVip(run.haVipId, run.targetId);
        } catch (EnsException refused) {
            failure = replayed(refused.error()) ? refused.error().asAmbiguous() : refused.error();
        } catch (RuntimeException bug) {
            // We cannot tell whether the request left, so it is treated like a lost answer.
            LOG.error("job {}: the write failed unexpectedly; reading the HaVip to learn its outcome",
                    run.describe(), bug);
            failure = JobErrors.internal(bug).asAmbiguous();
        }
        synchronized (lock) {
            run.writeInFlight = false;
            if (run.state != JobState.SUBMITTING) {
                LOG.info("job {} was {} while its write was in flight ({})", run.describe(), run.state,
                        failure == null ? "accepted, RequestId " + requestId : failure.summary());
                release(run);
                return;
            }
            if (failure == null) {
                accepted(run, requestId);
            } else {
                submitFailed(run, failure);
            }
        }
    }

    private void accepted(JobRun run, String requestId) {
        Instant now = now();
        run.requestId = requestId;
        run.phase = JobRun.Phase.POLL;
        run.acceptedAt = now;
        run.settleUntil = now.plus(policy.settleWindow());
        run.pollsSinceAccepted = 0;
        transition(run, run.kind.pollingState(), null);
        schedulePoll(run);
    }

    private void submitFailed(JobRun run, EnsError error) {
        if (error.ambiguous()) {
            LOG.warn("job {}: the outcome of the write is unknown ({}); reading the HaVip to learn it",
                    run.describe(), error.summary());
            run.holdHaVipUntil = now().plus(policy.settleWindow());
            startReconcile(run, error, now().plus(policy.settleWindow()), false, policy.initialDelay());
            return;
        }
        if (error.isThrottling()) {
            Duration wait = throttleWait(run, error);
            if (wait != null) {
                run.throttleRetries++;
                LOG.info("job {}: throttled ({}); sending again in {} ms (retry {} of {})", run.describe(),
                        error.code(), wait.toMillis(), run.throttleRetries, policy.maxThrottleRetries());
                dispatch(run, wait, () -> submitStep(run));
                return;
            }
        }
        transition(run, JobState.FAILED, error);
    }

    /**
     * Whether the server refused a write as a replay of a request it already received: an HTTP
     * client may resend a request whose connection dropped (the JDK client does so for GET), and
     * the gateway then refuses the copy for its used nonce. The original reached the server and
     * may have taken effect, so the refusal says nothing about the outcome.
     */
    private static boolean replayed(EnsError error) {
        return REPLAY_REFUSED.equals(error.code()) && !error.ambiguous();
    }

    /** @return the wait before sending a throttled write again, or null when it must not be sent again */
    private Duration throttleWait(JobRun run, EnsError error) {
        if (run.throttleRetries >= policy.maxThrottleRetries()) {
            return null;
        }
        Duration wait = error.retryAfter() != null ? error.retryAfter() : policy.backoff(run.throttleRetries + 1);
        if (wait.compareTo(policy.maxThrottleWait()) > 0 || !now().plus(wait).isBefore(run.deadline)) {
            return null;
        }
        return wait;
    }

    private void startReconcile(JobRun run, EnsError pendingError, Instant settleUntil, boolean neverSent,
            Duration firstDelay) {
        run.phase = JobRun.Phase.RECONCILE;
        run.pendingError = pendingError;
        run.settleUntil = settleUntil;
        run.neverSent = neverSent;
        run.reconcileReads = 0;
        dispatch(run, firstDelay, () -> reconcileStep(run));
    }

    private void reconcileStep(JobRun run) {
        JobState expected;
        synchronized (lock) {
            if (run.phase != JobRun.Phase.RECONCILE || run.state.isTerminal()) {
                return;
            }
            expected = run.state;
        }
        HaVipRead read;
        try {
            read = readHaVip(run);
        } catch (EnsException unreadable) {
            synchronized (lock) {
                if (run.state != expected || shutdown) {
                    return;
                }
                run.polls++;
                run.reconcileReads++;
                LOG.info("job {}: could not read the HaVip to reconcile ({}); trying again", run.describe(),
                        unreadable.error().summary());
                nextReconcileRead(run, null);
            }
            return;
        }
        synchronized (lock) {
            notifyRead(read);
            if (run.state != expected) {
                return;
            }
            run.polls++;
            run.reconcileReads++;
            Optional<HaVip> haVip = read.haVip();
            Optional<HaVipAssociation> association = haVip.flatMap(h -> h.association(run.targetId));
            if (tookEffect(run.kind, haVip, association)) {
                LOG.info("job {}: the change is visible, so the write took effect; watching it", run.describe());
                Instant now = now();
                run.phase = JobRun.Phase.POLL;
                run.acceptedAt = now;
                run.settleUntil = now.plus(policy.settleWindow());
                run.pollsSinceAccepted = 0;
                transition(run, run.kind.pollingState(), null, read);
                evaluatePoll(run, read);
                return;
            }
            boolean impossible = run.kind == JobKind.BIND && haVip.isEmpty();
            if (impossible || !now().isBefore(run.settleUntil)) {
                LOG.info("job {}: the change is not visible, so {}", run.describe(),
                        run.neverSent ? "the job, never sent, is withdrawn" : "the write did not take effect");
                transition(run, run.neverSent ? JobState.CANCELLED : JobState.FAILED, run.pendingError, read);
                return;
            }
            nextReconcileRead(run, read);
        }
    }

    /** @param lastRead the read just made, null when it failed */
    private void nextReconcileRead(JobRun run, HaVipRead lastRead) {
        Instant now = now();
        if (!now.isBefore(run.deadline)) {
            transition(run, JobState.TIMED_OUT, run.pendingError, lastRead);
            return;
        }
        Duration wait = policy.backoff(run.reconcileReads);
        // The read that settles the question is made as soon as the window closes.
        if (now.isBefore(run.settleUntil)) {
            wait = min(wait, Duration.between(now, run.settleUntil));
        }
        dispatch(run, min(wait, Duration.between(now, run.deadline)), () -> reconcileStep(run));
    }

    /** Whether a read shows the job's change made or under way. */
    private static boolean tookEffect(JobKind kind, Optional<HaVip> haVip, Optional<HaVipAssociation> association) {
        if (kind == JobKind.BIND) {
            return association.isPresent() && association.get().status() != AssociationStatus.UNASSOCIATING;
        }
        return haVip.isEmpty() || association.isEmpty()
                || association.get().status() == AssociationStatus.UNASSOCIATING;
    }

    /** One DescribeHaVips of the job's HaVip, outside the lock, stamped with when it was sent. */
    private HaVipRead readHaVip(JobRun run) throws EnsException {
        Instant sentAt = now();
        long sentNanos = System.nanoTime();
        return new HaVipRead(run.id, run.haVipId, api.describeHaVip(run.haVipId), sentAt, sentNanos);
    }

    private void pollStep(JobRun run) {
        JobState expected;
        synchronized (lock) {
            if (!run.state.isPolling()) {
                return;
            }
            expected = run.state;
        }
        HaVipRead read;
        try {
            read = readHaVip(run);
        } catch (EnsException unreadable) {
            synchronized (lock) {
                if (run.state != expected || shutdown) {
                    return;
                }
                run.polls++;
                run.pollsSinceAccepted++;
                // The change was accepted: a failed read says nothing about it, so the job polls
                // on, and only a timeout (carrying this error) ends it.
                run.lastReadError = unreadable.error();
                LOG.info("job {}: poll failed ({}); polling on", run.describe(), run.lastReadError.summary());
                continuePolling(run, null);
            }
            return;
        }
        synchronized (lock) {
            notifyRead(read);
            if (run.state != expected) {
                return;
            }
            run.polls++;
            run.pollsSinceAccepted++;
            run.lastReadError = null;
            evaluatePoll(run, read);
        }
    }

    private void evaluatePoll(JobRun run, HaVipRead read) {
        Optional<HaVip> haVip = read.haVip();
        Optional<HaVipAssociation> association = haVip.flatMap(h -> h.association(run.targetId));
        boolean settled = !now().isBefore(run.settleUntil);
        if (run.kind == JobKind.BIND) {
            if (haVip.isEmpty()) {
                transition(run, JobState.FAILED, JobErrors.haVipNotFound(run.haVipId), read);
                return;
            }
            if (association.isPresent() && association.get().status() == AssociationStatus.IN_USE) {
                transition(run, JobState.SUCCEEDED, null, read);
                return;
            }
            if (association.isEmpty() && settled) {
                transition(run, JobState.FAILED, JobErrors.unexpectedState(
                        "The association was accepted but is no longer listed."), read);
                return;
            }
        } else {
            if (association.isEmpty()) {
                transition(run, JobState.SUCCEEDED, null, read);
                return;
            }
            if (association.get().status() == AssociationStatus.IN_USE && settled) {
                transition(run, JobState.FAILED, JobErrors.unexpectedState(
                        "The removal was accepted but the association is still in use."), read);
                return;
            }
        }
        continuePolling(run, read);
    }

    /** @param lastRead the read just made, null when it failed */
    private void continuePolling(JobRun run, HaVipRead lastRead) {
        if (!now().isBefore(run.deadline)) {
            transition(run, JobState.TIMED_OUT, run.lastReadError, lastRead);
            return;
        }
        schedulePoll(run);
    }

    private void schedulePoll(JobRun run) {
        Instant now = now();
        Duration wait = policy.nextPollDelay(run.pollsSinceAccepted, Duration.between(run.acceptedAt, now));
        // The last poll is made at the deadline, so that a change completing just in time is seen.
        dispatch(run, min(wait, Duration.between(now, run.deadline)), () -> pollStep(run));
    }

    // ---- transitions (under the lock) ----

    private CompletableFuture<Boolean> transition(JobRun run, JobState to, EnsError error) {
        return transition(run, to, error, null);
    }

    /**
     * Moves a job to another state, and queues its record and then its event for {@link #deliver()};
     * a finished job hands its HaVip to the next one.
     *
     * @param read the read that led to the change, null when none did
     * @return whether the journal recorded the transition, known once delivered
     */
    private CompletableFuture<Boolean> transition(JobRun run, JobState to, EnsError error, HaVipRead read) {
        JobState from = run.state;
        if (from.isTerminal()) {
            return CompletableFuture.completedFuture(false);
        }
        Instant now = now();
        run.state = to;
        if (error != null) {
            run.error = error;
        }
        run.updatedAt = now;
        run.revision++;
        JobEvent event = new JobEvent(run.id, run.revision, run.kind, run.haVipId, run.targetId, from, to, now,
                Optional.ofNullable(error), run.requestId, Optional.ofNullable(read));
        BindingJob snapshot = run.snapshot();
        if (error == null) {
            LOG.info("job {}: {} → {}", run.describe(), from, to);
        } else {
            LOG.info("job {}: {} → {}: {}", run.describe(), from, to, error.summary());
        }
        CompletableFuture<Boolean> recorded = new CompletableFuture<>();
        outbox.add(() -> {
            recorded.complete(record(run, () -> journal.recordTransition(event, snapshot)));
            for (JobListener listener : listeners) {
                try {
                    listener.jobChanged(event, snapshot);
                } catch (RuntimeException bug) {
                    LOG.error("a job listener failed on {} → {} of job {}", from, to, run.id, bug);
                }
            }
        });
        if (to.isTerminal()) {
            if (run.pending != null) {
                run.pending.cancel();
                run.pending = null;
            }
            release(run);
        }
        return recorded;
    }

    private boolean record(JobRun run, Runnable write) {
        try {
            write.run();
            return true;
        } catch (RuntimeException failure) {
            LOG.error("the activity log could not record job {}", run.id, failure);
            return false;
        }
    }

    /**
     * Runs what the lock's holders queued, in order, without the lock: journal writes may be slow,
     * and readers of the engine's state must not wait for them. Called by every thread that
     * changed a job, after it let go of the lock and before it returns.
     */
    private void deliver() {
        assert !Thread.holdsLock(lock) : "the outbox is delivered outside the engine's lock";
        synchronized (deliveryLock) {
            Runnable next;
            while ((next = outbox.poll()) != null) {
                next.run();
            }
        }
    }

    /** Queues a read for the listeners (under the lock, so that they see it before the transition it leads to). */
    private void notifyRead(HaVipRead read) {
        outbox.add(() -> {
            for (JobListener listener : listeners) {
                try {
                    listener.haVipRead(read);
                } catch (RuntimeException bug) {
                    LOG.error("a job listener failed on a read of {} by job {}", read.haVipId(), read.jobId(), bug);
                }
            }
        });
    }

    private void notifyAdded(BindingJob job) {
        outbox.add(() -> {
            for (JobListener listener : listeners) {
                try {
                    listener.jobAdded(job);
                } catch (RuntimeException bug) {
                    LOG.error("a job listener failed on the new job {}", job.id(), bug);
                }
            }
        });
    }

    private JobRun requireRun(String jobId) {
        JobRun run = runs.get(jobId);
        if (run == null) {
            throw new NoSuchElementException("no job " + jobId);
        }
        return run;
    }

    private void requireRunning() {
        if (shutdown) {
            throw new IllegalStateException("the job engine is shut down");
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return id.trim();
    }

    /** Options of a {@link JobEngine}. */
    public static final class Builder {
        private final EnsApi api;
        private PollPolicy policy = PollPolicy.defaults();
        private int parallelism = 4;
        private Clock clock = Clock.systemUTC();
        private JobScheduler scheduler;
        private JobJournal journal = JobJournal.NONE;
        private Supplier<String> ids = () -> UUID.randomUUID().toString();

        private Builder(EnsApi api) {
            this.api = Objects.requireNonNull(api, "api");
        }

        /**
         * @param pollPolicy backoff, timeout, settle window and throttle retries
         * @return this builder
         */
        public Builder pollPolicy(PollPolicy pollPolicy) {
            this.policy = Objects.requireNonNull(pollPolicy, "pollPolicy");
            return this;
        }

        /**
         * @param workers how many jobs may call ENS at once (default 4); ignored with {@link #scheduler}
         * @return this builder
         */
        public Builder parallelism(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1: " + workers);
            }
            this.parallelism = workers;
            return this;
        }

        /**
         * @param time the clock of event times, deadlines and the poll schedule
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock");
            return this;
        }

        /**
         * @param jobScheduler runs the steps; the engine owns it and shuts it down (default: a
         *                     {@link JobThreadPool} of {@link #parallelism} workers)
         * @return this builder
         */
        public Builder scheduler(JobScheduler jobScheduler) {
            this.scheduler = Objects.requireNonNull(jobScheduler, "scheduler");
            return this;
        }

        /**
         * @param jobJournal records jobs and transitions before the engine acts, e.g. an {@link ActivityLog}
         * @return this builder
         */
        public Builder journal(JobJournal jobJournal) {
            this.journal = Objects.requireNonNull(jobJournal, "journal");
            return this;
        }

        /**
         * @param jobIds makes job IDs; they must be unique across restarts (default: random UUIDs)
         * @return this builder
         */
        public Builder ids(Supplier<String> jobIds) {
            this.ids = Objects.requireNonNull(jobIds, "ids");
            return this;
        }

        /** @return a running engine */
        public JobEngine build() {
            return new JobEngine(this);
        }
    }
}
