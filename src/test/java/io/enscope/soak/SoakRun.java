package io.enscope.soak;

import io.enscope.binding.ActivityLog;
import io.enscope.binding.BindingJob;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobHistory;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobListener;
import io.enscope.binding.JobState;
import io.enscope.binding.PollPolicy;
import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Limits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.gateway.RequestCounter;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.RetrySettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.InstanceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A soak of the binding engine under faults (design.md, "Reliability and security"): N bind and
 * unbind jobs over many (HaVip, target) pairs of a scenario, through the real
 * {@link SdkEnsApi} (signatures, HTTP, timeouts), {@link JobEngine} and {@link ActivityLog},
 * against the emulator with its fault plan on — throttling on every action, {@code SystemError}
 * and a dropped connection after the write on the writes, slow answers (longer than the client's
 * read timeout) on every action.
 *
 * <p>At the end it checks, and reports as {@link Result#problems()}: every job finished; every
 * job's outcome agrees with what the emulator holds (the last job that succeeded on a pair decides
 * whether the association is there, {@code InUse}); per pair, the writes that reached the
 * emulator's operation — counted by the emulator itself, see {@link RequestCounter} — are exactly
 * one per job that was not stopped before it (throttled to the end, {@code SystemError}), and the
 * ones that were applied are exactly those the successful jobs account for, so no failed job
 * changed anything and nothing was sent twice; no association is listed twice, none outside the
 * soak changed; the activity log, read back from disk, has every job with exactly the
 * transitions the listeners saw. Used by {@code SoakTest} (small) and {@link SoakMain} (large).
 */
public final class SoakRun {
    private static final Logger LOG = LoggerFactory.getLogger(SoakRun.class);
    private static final Account ADMIN = new Account("LTAIsoakAdmin0000001", "soak-admin-secret-000001", false);
    /** Why a job may fail in the soak: the faults, and a job that follows a failed one on its pair. */
    private static final Set<String> EXPLAINED_FAILURES = Set.of("Throttling.User", "SystemError",
            "InstanceAlreadyAssociated", "InstanceNotAssociated");
    /** Failures that come before the operation: such a job never reached it. */
    private static final Set<String> STOPPED_BEFORE_THE_OPERATION = Set.of("Throttling.User", "SystemError");
    private static final String ASSOCIATE = "AssociateHaVip";
    private static final String UNASSOCIATE = "UnassociateHaVip";

    /**
     * What to run.
     *
     * @param jobs            how many jobs
     * @param scenario        the emulator's topology
     * @param scenarioName    its name, for the report
     * @param pairsWanted     how many (HaVip, target) pairs to spread the jobs over, at most
     * @param targetsPerHaVip how many targets per HaVip, at most
     * @param seed            seeds the plan of jobs and the fault plan
     * @param throttling      the chance of {@code Throttling.User} on any call
     * @param systemError     the chance of {@code SystemError} on a write
     * @param drop            the chance of a dropped connection after a write was applied
     * @param slow            the chance of a slow answer on any call
     * @param slowDelay       how slow
     * @param readTimeout     the client's read timeout, shorter than {@code slowDelay}
     * @param workers         the job engine's parallelism
     * @param eachFaultOnce   also inject each fault kind once on a write at the start, so that a
     *                        short run surely goes through every recovery path
     * @param finishWithin    how long the jobs may take in all
     */
    public record Options(int jobs, Scenario scenario, String scenarioName, int pairsWanted, int targetsPerHaVip,
                          long seed, double throttling, double systemError, double drop, double slow,
                          Duration slowDelay, Duration readTimeout, int workers, boolean eachFaultOnce,
                          Duration finishWithin) {
        public Options {
            Objects.requireNonNull(scenario, "scenario");
            if (jobs < 1 || pairsWanted < 1 || targetsPerHaVip < 1 || workers < 1) {
                throw new IllegalArgumentException("jobs, pairs, targets per HaVip and workers must be positive");
            }
            if (readTimeout.compareTo(slowDelay) >= 0) {
                throw new IllegalArgumentException("the read timeout must be shorter than the slow delay");
            }
        }

        /** The soak's fault plan: throttling 10 %, SystemError 2 %, drop 1 %, slow 2 % (1.5 s, read timeout 1 s). */
        public static Options underFaults(int jobs, Scenario scenario, String scenarioName, long seed) {
            int pairs = Math.max(8, Math.min(60, jobs / 8));
            return new Options(jobs, scenario, scenarioName, pairs, 2, seed, 0.10, 0.02, 0.01, 0.02,
                    Duration.ofMillis(1500), Duration.ofSeconds(1), 8, false, Duration.ofMinutes(5));
        }

        public Options withEachFaultOnce(boolean once) {
            return new Options(jobs, scenario, scenarioName, pairsWanted, targetsPerHaVip, seed, throttling,
                    systemError, drop, slow, slowDelay, readTimeout, workers, once, finishWithin);
        }

        public Options withFinishWithin(Duration limit) {
            return new Options(jobs, scenario, scenarioName, pairsWanted, targetsPerHaVip, seed, throttling,
                    systemError, drop, slow, slowDelay, readTimeout, workers, eachFaultOnce, limit);
        }
    }

    /** A HaVip and a target it can be bound to. */
    public record Pair(String haVipId, String targetId, InstanceType type) {
    }

    /**
     * The figures and the verdict of a run.
     *
     * @param options        what was run
     * @param pairs          the pairs the jobs were spread over
     * @param haVips         how many HaVips those are on
     * @param finalStates    jobs per final state (and error code, for failures)
     * @param faults         faults the emulator injected, per kind
     * @param answers        answers the emulator gave, per action and outcome
     * @param matching       jobs whose outcome agrees with what the emulator holds
     * @param duplicates     writes beyond one per job, plus associations listed twice
     * @param lost           writes a job made that never reached the emulator although it should have,
     *                       plus associations missing or changed that should be there
     * @param logJobs        jobs found in the activity log read back from disk
     * @param logTransitions transitions found there
     * @param logComplete    whether the log has every job with exactly the transitions the listeners saw
     * @param duration       from the first submission to the last job finished
     * @param problems       every check that failed, one line each; empty when the run passed
     */
    public record Result(Options options, int pairs, int haVips, Map<String, Long> finalStates,
                         Map<FaultKind, Long> faults, Map<String, Long> answers, int matching, long duplicates,
                         long lost, int logJobs, int logTransitions, boolean logComplete, Duration duration,
                         List<String> problems) {

        public boolean passed() {
            return problems.isEmpty();
        }

        /** The report: one table of figures, then the problems if any. */
        public String table() {
            StringBuilder out = new StringBuilder();
            Options o = options;
            out.append(String.format(Locale.ROOT, "Soak: %d jobs over %d (HaVip, target) pairs on %d HaVips of the %s "
                            + "scenario, seed %d, %d engine workers%n", o.jobs(), pairs, haVips, o.scenarioName(), o.seed(),
                    o.workers()));
            out.append(String.format(Locale.ROOT, "Fault plan: throttling %.0f%% (every action), SystemError %.0f%% "
                            + "(writes), drop after write %.0f%% (writes), slow %d ms %.0f%% (every action); "
                            + "client read timeout %d ms; emulator timing polls:2%n%n", o.throttling() * 100,
                    o.systemError() * 100, o.drop() * 100, o.slowDelay().toMillis(), o.slow() * 100,
                    o.readTimeout().toMillis()));
            out.append(String.format("| %-44s | %12s |%n", "Figure", "Value"));
            out.append(String.format("|%s|%s|%n", "-".repeat(46), "-".repeat(14)));
            finalStates.forEach((state, n) -> row(out, "jobs " + state, String.valueOf(n)));
            for (FaultKind kind : FaultKind.values()) {
                row(out, "faults injected: " + kind.spec(), String.valueOf(faults.getOrDefault(kind, 0L)));
            }
            long requests = answers.values().stream().mapToLong(Long::longValue).sum();
            row(out, "requests that reached the emulator", String.valueOf(requests));
            row(out, "jobs whose outcome = the emulator's state", matching + "/" + o.jobs());
            row(out, "duplicates", String.valueOf(duplicates));
            row(out, "lost", String.valueOf(lost));
            row(out, "activity log complete", (logComplete ? "yes" : "NO"));
            row(out, "activity log: jobs / transitions", logJobs + " / " + logTransitions);
            row(out, "duration", String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0));
            row(out, "verdict", passed() ? "PASS" : "FAIL");
            if (!problems.isEmpty()) {
                out.append(String.format("%nProblems (%d):%n", problems.size()));
                problems.stream().limit(50).forEach(p -> out.append("  - ").append(p).append('\n'));
            }
            return out.toString();
        }

        private static void row(StringBuilder out, String name, String value) {
            out.append(String.format("| %-44s | %12s |%n", name, value));
        }
    }

    private SoakRun() {
    }

    /**
     * Runs a soak with its own emulator; the activity log goes to {@code dataDir}.
     *
     * @throws IOException when the activity log cannot be opened
     * @throws InterruptedException when interrupted while waiting for the jobs
     */
    public static Result run(Options options, Path dataDir) throws IOException, InterruptedException {
        return run(options, dataDir, UnaryOperator.identity());
    }

    /**
     * Runs a soak whose job engine calls ENS through {@code client} wrapped around the real
     * {@link SdkEnsApi}: a test can put a deliberately broken client there to see the checks fail.
     */
    public static Result run(Options options, Path dataDir, UnaryOperator<EnsApi> client)
            throws IOException, InterruptedException {
        try (EnsEmulator emulator = EnsEmulator.builder().scenario(options.scenario()).seed(options.seed())
                .timings(Timings.all(TransitionTiming.afterPolls(2))).account(ADMIN).port(0).threads(64).start()) {
            return run(options, dataDir, emulator, client);
        }
    }

    private static Result run(Options o, Path dataDir, EnsEmulator emulator, UnaryOperator<EnsApi> client)
            throws IOException, InterruptedException {
        Scenario before = emulator.state().snapshot();
        List<Pair> pairs = pairs(before, o.pairsWanted(), o.targetsPerHaVip(), emulator.state().limits());
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("the scenario has no HaVip with a free target");
        }
        Map<String, Boolean> initiallyBound = new HashMap<>();
        for (Pair pair : pairs) {
            initiallyBound.put(key(pair), association(before, pair) != null);
        }
        List<Pair> plan = plan(o, pairs);
        addFaults(o, emulator);

        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Recorder recorder = new Recorder();
        List<BindingJob> submitted = new ArrayList<>();
        List<JobKind> kinds = kinds(o, plan, initiallyBound);
        long started;
        long finished;
        // The soak drives an unlimited emulator far above the cloud's rates on purpose.
        EnsClientConfig config = EnsClientConfig.local(emulator.endpoint()).withPacing(PacingSettings.off())
                .withTimeouts(Duration.ofSeconds(2), o.readTimeout())
                .withRetry(new RetrySettings(6, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2)));
        try (SdkEnsApi api = new SdkEnsApi(config, EnsCredentialsProvider.of(
                EnsCredentials.of(ADMIN.accessKeyId(), ADMIN.accessKeySecret())));
             ActivityLog log = ActivityLog.open(dataDir)) {
            // Fast polls (50 to 200 ms); the settle window outlasts a slow answer, so that a write the
            // client gave up on is seen when the server applies it.
            PollPolicy policy = new PollPolicy(Duration.ofMillis(50), 2.0, Duration.ofMillis(200), Duration.ZERO,
                    o.finishWithin(), o.slowDelay().multipliedBy(2), 6, Duration.ofSeconds(2));
            JobEngine engine = JobEngine.builder(client.apply(api)).pollPolicy(policy).parallelism(o.workers())
                    .journal(log).build();
            engine.addListener(recorder);
            started = System.nanoTime();
            try {
                for (int i = 0; i < plan.size(); i++) {
                    Pair pair = plan.get(i);
                    submitted.add(kinds.get(i) == JobKind.BIND
                            ? engine.submitBind(pair.haVipId(), pair.targetId(), pair.type())
                            : engine.submitUnbind(pair.haVipId(), pair.targetId()));
                }
                long deadline = System.nanoTime() + o.finishWithin().plusSeconds(30).toNanos();
                while (!engine.jobs().stream().allMatch(BindingJob::isFinished) && System.nanoTime() < deadline) {
                    recorder.awaitChange(Duration.ofMillis(200));
                }
                finished = System.nanoTime();
            } finally {
                engine.shutdown();
            }
            if (!engine.awaitTermination(Duration.ofSeconds(10))) {
                problems.add("the job engine did not stop");
            }
            List<BindingJob> jobs = submitted.stream().map(j -> engine.job(j.id()).orElseThrow()).toList();
            Scenario after = emulator.state().snapshot();
            Verdict verdict = verify(jobs, pairs, before, after, emulator.requests(), initiallyBound, problems);
            log.close();
            LogCheck logCheck = checkLog(dataDir, jobs, recorder, problems);
            Map<String, Long> finalStates = jobs.stream().collect(Collectors.groupingBy(SoakRun::stateName,
                    TreeMap::new, Collectors.counting()));
            Result result = new Result(o, pairs.size(), (int) pairs.stream().map(Pair::haVipId).distinct().count(),
                    finalStates, emulator.requests().faults(), emulator.requests().answers(), verdict.matching,
                    verdict.duplicates, verdict.lost, logCheck.jobs, logCheck.transitions, logCheck.complete,
                    Duration.ofNanos(finished - started), List.copyOf(problems));
            LOG.info("soak finished:\n{}", result.table());
            return result;
        }
    }

    private static String stateName(BindingJob job) {
        String kind = job.kind() == JobKind.BIND ? "bind" : "unbind";
        return job.state() == JobState.SUCCEEDED ? "SUCCEEDED " + kind
                : job.state() + " " + kind + (job.errorCode() == null ? "" : " " + job.errorCode());
    }

    private static void addFaults(Options o, EnsEmulator emulator) {
        if (o.eachFaultOnce()) {
            // counted rules come first and go once used: each recovery path is surely taken once
            emulator.faults().add(FaultRule.next(ASSOCIATE, FaultKind.DROP_AFTER_WRITE, 1));
            emulator.faults().add(FaultRule.next(ASSOCIATE, FaultKind.SLOW, 1).withDelay(o.slowDelay()));
            emulator.faults().add(FaultRule.next(UNASSOCIATE, FaultKind.DROP_AFTER_WRITE, 1));
            emulator.faults().add(FaultRule.next(UNASSOCIATE, FaultKind.SYSTEM_ERROR, 1));
            emulator.faults().add(FaultRule.next(ASSOCIATE, FaultKind.SYSTEM_ERROR, 1));
        }
        emulator.faults().add(FaultRule.probability("*", FaultKind.THROTTLING, o.throttling())
                .withDelay(Duration.ofMillis(50)));
        for (String write : List.of(ASSOCIATE, UNASSOCIATE)) {
            emulator.faults().add(FaultRule.probability(write, FaultKind.SYSTEM_ERROR, o.systemError()));
            emulator.faults().add(FaultRule.probability(write, FaultKind.DROP_AFTER_WRITE, o.drop()));
        }
        emulator.faults().add(FaultRule.probability("*", FaultKind.SLOW, o.slow()).withDelay(o.slowDelay()));
    }

    // ---- the plan ------------------------------------------------------------------------

    /**
     * HaVips that are stable (Available or InUse, nothing transitional) with room for more
     * associations, each with up to {@code perHaVip} targets of its VSwitch that may be bound to it
     * (Running or Stopped instances, Available or InUse secondary ENIs) and hold few HaVips; no
     * target is used twice, so the count limits never decide an outcome.
     */
    public static List<Pair> pairs(Scenario scenario, int wanted, int perHaVip, Limits limits) {
        Map<String, Integer> haVipsPerTarget = new HashMap<>();
        for (Scenario.HaVipRec h : scenario.haVips()) {
            for (Scenario.AssociationRec a : h.associatedInstances()) {
                haVipsPerTarget.merge(a.instanceId(), 1, Integer::sum);
            }
        }
        Map<String, List<Pair>> candidatesByVSwitch = new HashMap<>();
        for (Scenario.InstanceRec i : scenario.instances()) {
            if ("Running".equals(i.status()) || "Stopped".equals(i.status())) {
                candidatesByVSwitch.computeIfAbsent(i.vSwitchId(), v -> new ArrayList<>())
                        .add(new Pair(null, i.instanceId(), InstanceType.ENS_INSTANCE));
            }
        }
        for (Scenario.EniRec e : scenario.networkInterfaces()) {
            if ("Secondary".equals(e.type()) && ("Available".equals(e.status()) || "InUse".equals(e.status()))) {
                candidatesByVSwitch.computeIfAbsent(e.vSwitchId(), v -> new ArrayList<>())
                        .add(new Pair(null, e.networkInterfaceId(), InstanceType.NETWORK_INTERFACE));
            }
        }
        Set<String> used = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (Scenario.HaVipRec h : scenario.haVips()) {
            boolean stable = ("Available".equals(h.status()) || "InUse".equals(h.status()))
                    && h.associatedInstances().stream().allMatch(a -> "InUse".equals(a.status()))
                    && h.associatedInstances().size() + perHaVip <= limits.maxTargetsPerHaVip();
            if (!stable) {
                continue;
            }
            Set<String> bound = h.associatedInstances().stream().map(Scenario.AssociationRec::instanceId)
                    .collect(Collectors.toSet());
            int taken = 0;
            for (Pair candidate : candidatesByVSwitch.getOrDefault(h.vSwitchId(), List.of())) {
                if (taken == perHaVip || pairs.size() == wanted) {
                    break;
                }
                String target = candidate.targetId();
                if (bound.contains(target) || used.contains(target)
                        || haVipsPerTarget.getOrDefault(target, 0) + 1 >= limits.maxHaVipsPerTarget()) {
                    continue;
                }
                used.add(target);
                pairs.add(new Pair(h.haVipId(), target, candidate.type()));
                taken++;
            }
            if (pairs.size() == wanted) {
                break;
            }
        }
        return pairs;
    }

    /** Which pair each job is on, drawn from the seed. */
    private static List<Pair> plan(Options o, List<Pair> pairs) {
        Random random = new Random(o.seed());
        List<Pair> plan = new ArrayList<>(o.jobs());
        for (int i = 0; i < o.jobs(); i++) {
            plan.add(pairs.get(random.nextInt(pairs.size())));
        }
        return plan;
    }

    /**
     * Bind or unbind, so that each job would change its pair if all before it succeeded; one job in
     * ten does the opposite on purpose (an already bound or not bound pair).
     */
    private static List<JobKind> kinds(Options o, List<Pair> plan, Map<String, Boolean> initiallyBound) {
        Random random = new Random(o.seed() * 31 + 7);
        Map<String, Boolean> bound = new HashMap<>(initiallyBound);
        List<JobKind> kinds = new ArrayList<>(plan.size());
        for (Pair pair : plan) {
            boolean isBound = bound.get(key(pair));
            boolean bind = random.nextInt(10) == 0 ? isBound : !isBound;
            kinds.add(bind ? JobKind.BIND : JobKind.UNBIND);
            bound.put(key(pair), bind);
        }
        return kinds;
    }

    private static String key(Pair pair) {
        return pair.haVipId() + "|" + pair.targetId();
    }

    private static String key(String haVipId, String targetId) {
        return haVipId + "|" + targetId;
    }

    // ---- the checks ----------------------------------------------------------------------

    private record Verdict(int matching, long duplicates, long lost) {
    }

    private static Verdict verify(List<BindingJob> jobs, List<Pair> pairs, Scenario before, Scenario after,
                                  RequestCounter counter, Map<String, Boolean> initiallyBound, List<String> problems) {
        long duplicates = 0;
        long lost = 0;
        Set<String> wrong = new HashSet<>();
        for (BindingJob job : jobs) {
            if (!job.isFinished()) {
                problems.add("job " + describe(job) + " is still " + job.state());
                wrong.add(job.id());
            } else if (job.state() != JobState.SUCCEEDED && job.state() != JobState.FAILED) {
                problems.add("job " + describe(job) + " ended " + job.state());
                wrong.add(job.id());
            } else if (job.state() == JobState.FAILED && !EXPLAINED_FAILURES.contains(job.errorCode())) {
                problems.add("job " + describe(job) + " failed with " + job.errorCode() + ", which no fault explains");
                wrong.add(job.id());
            }
        }
        Map<String, List<BindingJob>> byPair = new LinkedHashMap<>();
        for (BindingJob job : jobs) {
            byPair.computeIfAbsent(key(job.haVipId(), job.targetId()), k -> new ArrayList<>()).add(job);
        }
        for (Pair pair : pairs) {
            List<BindingJob> onPair = byPair.getOrDefault(key(pair), List.of());
            // Jobs on one HaVip run one after another in submission order: walk them as the emulator saw them.
            boolean bound = initiallyBound.get(key(pair));
            Map<JobKind, Integer> expectedApplied = new EnumMap<>(JobKind.class);
            Map<JobKind, Integer> expectedReached = new EnumMap<>(JobKind.class);
            for (BindingJob job : onPair) {
                boolean bind = job.kind() == JobKind.BIND;
                if (job.state() == JobState.FAILED && STOPPED_BEFORE_THE_OPERATION.contains(job.errorCode())) {
                    continue;
                }
                expectedReached.merge(job.kind(), 1, Integer::sum);
                if (job.state() == JobState.SUCCEEDED) {
                    if (bound != bind) {
                        expectedApplied.merge(job.kind(), 1, Integer::sum);
                    }
                    // else: a write whose answer was lost on a pair already as wanted; the job read the
                    // HaVip, found what it wanted, and rightly succeeded without the write being applied
                    bound = bind;
                } else if (job.state() == JobState.FAILED) {
                    String expectedCode = bind ? "InstanceAlreadyAssociated" : "InstanceNotAssociated";
                    if (!expectedCode.equals(job.errorCode()) || bound != bind) {
                        wrong.add(job.id());
                        problems.add("job " + describe(job) + " failed with " + job.errorCode() + " but the pair was "
                                + (bound ? "bound" : "not bound") + " by the jobs before it");
                    }
                }
            }
            Scenario.AssociationRec real = association(after, pair);
            boolean matches = bound ? real != null && "InUse".equals(real.status()) : real == null;
            if (!matches) {
                onPair.forEach(job -> wrong.add(job.id()));
                problems.add(pair + ": the jobs say " + (bound ? "bound (InUse)" : "not bound") + ", the emulator has "
                        + (real == null ? "no association" : "an association " + real.status()));
                if (bound) {
                    lost++;
                }
            }
            for (JobKind kind : JobKind.values()) {
                String action = kind == JobKind.BIND ? ASSOCIATE : UNASSOCIATE;
                Map<String, Long> writes = counter.writes(action, pair.haVipId(), pair.targetId());
                long reached = writes.values().stream().mapToLong(Long::longValue).sum();
                long applied = writes.getOrDefault(RequestCounter.OK, 0L)
                        + writes.getOrDefault(RequestCounter.DROPPED, 0L);
                int wantReached = expectedReached.getOrDefault(kind, 0);
                int wantApplied = expectedApplied.getOrDefault(kind, 0);
                if (reached != wantReached) {
                    problems.add(pair + ": " + reached + " " + action + " reached the emulator " + writes + ", "
                            + wantReached + " expected (one per job not stopped before it)");
                    if (reached > wantReached) {
                        duplicates += reached - wantReached;
                    } else {
                        lost += wantReached - reached;
                    }
                }
                if (applied != wantApplied) {
                    problems.add(pair + ": " + applied + " " + action + " applied, but the successful jobs account for "
                            + wantApplied);
                }
            }
        }
        Set<String> soakPairs = pairs.stream().map(SoakRun::key).collect(Collectors.toSet());
        Map<String, Scenario.HaVipRec> beforeById = before.haVips().stream()
                .collect(Collectors.toMap(Scenario.HaVipRec::haVipId, h -> h));
        for (Scenario.HaVipRec h : after.haVips()) {
            List<String> targets = h.associatedInstances().stream().map(Scenario.AssociationRec::instanceId).toList();
            long distinct = targets.stream().distinct().count();
            if (distinct != targets.size()) {
                problems.add(h.haVipId() + " lists a target twice: " + targets);
                duplicates += targets.size() - distinct;
            }
            Scenario.HaVipRec was = beforeById.get(h.haVipId());
            Set<String> others = others(h, soakPairs);
            Set<String> othersBefore = was == null ? Set.of() : others(was, soakPairs);
            if (!others.equals(othersBefore)) {
                problems.add(h.haVipId() + ": associations outside the soak changed from " + othersBefore + " to "
                        + others);
                lost += othersBefore.stream().filter(a -> !others.contains(a)).count();
            }
        }
        if (after.haVips().size() != before.haVips().size()) {
            problems.add("the number of HaVips changed from " + before.haVips().size() + " to "
                    + after.haVips().size());
        }
        return new Verdict(jobs.size() - wrong.size(), duplicates, lost);
    }

    private static Set<String> others(Scenario.HaVipRec h, Set<String> soakPairs) {
        return h.associatedInstances().stream()
                .filter(a -> !soakPairs.contains(key(h.haVipId(), a.instanceId())))
                .map(a -> a.instanceId() + ":" + a.status())
                .collect(Collectors.toSet());
    }

    private static Scenario.AssociationRec association(Scenario scenario, Pair pair) {
        return scenario.haVips().stream().filter(h -> h.haVipId().equals(pair.haVipId()))
                .flatMap(h -> h.associatedInstances().stream())
                .filter(a -> a.instanceId().equals(pair.targetId()))
                .findFirst().orElse(null);
    }

    private static String describe(BindingJob job) {
        return job.id().substring(0, Math.min(8, job.id().length())) + " (" + job.kind() + " " + job.haVipId() + " "
                + job.targetId() + ")";
    }

    private record LogCheck(int jobs, int transitions, boolean complete) {
    }

    /** Reads the activity log back from disk, as the next start would, and compares it with what the listeners saw. */
    private static LogCheck checkLog(Path dataDir, List<BindingJob> jobs, Recorder recorder, List<String> problems)
            throws IOException {
        int before = problems.size();
        try (ActivityLog reread = ActivityLog.open(dataDir)) {
            List<JobHistory> history = reread.history();
            if (!reread.warnings().isEmpty()) {
                problems.add("the activity log has unreadable lines: " + reread.warnings());
            }
            Map<String, JobHistory> byId = history.stream().collect(Collectors.toMap(h -> h.job().id(), h -> h));
            int transitions = history.stream().mapToInt(h -> h.transitions().size()).sum();
            for (BindingJob job : jobs) {
                JobHistory entry = byId.get(job.id());
                if (entry == null) {
                    problems.add("job " + describe(job) + " is not in the activity log");
                    continue;
                }
                List<JobEvent> seen = recorder.of(job.id());
                if (!entry.transitions().equals(seen)) {
                    problems.add("job " + describe(job) + ": the log has " + entry.transitions().size()
                            + " transitions, the listeners saw " + seen.size() + " (" + seen.stream()
                            .map(e -> e.from() + "→" + e.to()).toList() + ")");
                }
                if (entry.job().state() != job.state() || !entry.job().haVipId().equals(job.haVipId())
                        || !entry.job().targetId().equals(job.targetId()) || entry.job().kind() != job.kind()) {
                    problems.add("job " + describe(job) + ": the log says " + entry.job().kind() + " "
                            + entry.job().state() + ", the engine " + job.state());
                }
            }
            if (history.size() != jobs.size()) {
                problems.add("the activity log has " + history.size() + " jobs, " + jobs.size() + " were submitted");
            }
            if (!reread.recover().isEmpty()) {
                problems.add("the activity log still has unfinished jobs: " + reread.recover().size());
            }
            return new LogCheck(history.size(), transitions, problems.size() == before);
        }
    }

    /** Every transition the listeners saw, per job, in order. */
    private static final class Recorder implements JobListener {
        private final Map<String, List<JobEvent>> events = new HashMap<>();

        @Override
        public synchronized void jobChanged(JobEvent event, BindingJob job) {
            events.computeIfAbsent(event.jobId(), id -> new ArrayList<>()).add(event);
            notifyAll();
        }

        synchronized List<JobEvent> of(String jobId) {
            return List.copyOf(events.getOrDefault(jobId, List.of()));
        }

        /** Waits until a transition happens or the time passes; no state is assumed from the wait. */
        synchronized void awaitChange(Duration atMost) throws InterruptedException {
            wait(atMost.toMillis());
        }
    }
}
