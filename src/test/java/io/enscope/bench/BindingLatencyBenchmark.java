package io.enscope.bench;

import io.enscope.Sandbox;
import io.enscope.binding.ActivityLog;
import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.EligibilityReport;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobListener;
import io.enscope.binding.JobState;
import io.enscope.binding.LimitPolicy;
import io.enscope.binding.PollPolicy;
import io.enscope.binding.Verdict;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.inventory.LoadOptions;
import io.enscope.ui.common.ExecutorTaskRunner;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.UiThread;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.settings.Settings;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Binding latency (design.md: a bind whose association takes D seconds is shown {@code InUse}
 * within D + 0.5 s, using at most 6 DescribeHaVips calls for D = 5 s), against the theoretical
 * minimum: one poll at exactly D.
 *
 * <p>The console's services are wired as {@code App.openSession} wires them for the sandbox (the
 * real SDK and signatures against the embedded emulator on the demo scenario, the job engine
 * with the poll policy of the default settings, the {@link Workspace} on the FX thread with its
 * live refresh started), with the association timing fixed at D, and the ENS client wrapped in a
 * {@link RecordingEnsApi} that records every DescribeHaVips call and who made it. Then, one bind
 * at a time on different HaVips, each measured from submit to:
 *
 * <ul>
 *   <li>the workspace first showing the association {@code Associating} (as soon as
 *       AssociateHaVip answers OK; also reported from that answer, and whether it came before the
 *       job's first poll);</li>
 *   <li>the job {@code SUCCEEDED} (its poll saw {@code InUse});</li>
 *   <li>the workspace showing the association {@code InUse} (what every view displays: the
 *       workspace applies the HaVips the job's polls read, and reads the HaVip itself only after
 *       a transition the job made without reading it);</li>
 * </ul>
 *
 * <p>and the DescribeHaVips calls for that HaVip: the job's polls, and, reported separately, the
 * workspace's own reads of that HaVip (on job events or of transitional HaVips) and its periodic
 * refresh of all HaVips, if one fell in the window.
 *
 * <p>A benchmark, not a test: it prints and asserts nothing. Run it from the project directory:
 *
 * <pre>
 * mvn -B -q -o test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.bench.BindingLatencyBenchmark [D-millis] [binds]
 * </pre>
 *
 * <p>{@code D-millis} defaults to 5000, {@code binds} (how many binds are measured, one after the
 * other) to 5. JavaFX runs headless on Monocle. With a third argument {@code together}, the binds
 * are submitted at once instead (one per HaVip, as many as the demo scenario has eligible pairs,
 * at most {@code binds}), and the run reports the DescribeHaVips calls of the whole burst and how
 * many times the workspace changed its inventory (each change is work for every view on the FX
 * thread).
 */
public final class BindingLatencyBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private BindingLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long d = args.length > 0 ? Long.parseLong(args[0]) : 5000;
        int binds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean together = args.length > 2 && args[2].equals("together");
        String toolkit = BenchFx.configureToolkit();
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        Settings settings = Settings.defaults();
        System.out.printf(Locale.ROOT, "Enscope binding latency benchmark: association D = %d ms, %d binds; default "
                        + "settings: first poll after %d ms, at most %d ms between polls; periodic refresh %d s; %s%n",
                d, binds, settings.pollInitialMillis(), settings.pollMaxMillis(), settings.refreshSeconds(), toolkit);
        System.out.println("machine: " + BenchFx.machine());

        Path dataDir = Files.createTempDirectory("enscope-bindbench-");
        Sandbox sandbox = Sandbox.start();
        sandbox.emulator().setTimings(Timings.all(TransitionTiming.fixed(Duration.ofMillis(d))));
        SdkEnsApi sdk = new SdkEnsApi(EnsClientConfig.local(sandbox.endpoint()), EnsCredentialsProvider.of(
                EnsCredentials.of(sandbox.adminAccount().accessKeyId(), sandbox.adminAccount().accessKeySecret())));
        RecordingEnsApi api = new RecordingEnsApi(sdk);
        ActivityLog activity = ActivityLog.open(dataDir.resolve("activity"));
        // As App.openSession builds them, from the default settings.
        JobEngine jobs = JobEngine.builder(api).journal(activity)
                .pollPolicy(PollPolicy.defaults()
                        .withBackoff(Duration.ofMillis(settings.pollInitialMillis()),
                                Duration.ofMillis(settings.pollMaxMillis()))
                        .withTimeout(Duration.ofSeconds(settings.jobTimeoutSeconds())))
                .build();
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(4, UiThread.fx());
        Workspace ws = new Workspace(new Workspace.Services("Sandbox", Optional.of(sandbox), api,
                new InventoryLoader(api, LoadOptions.defaults().withParallelism(settings.parallelism())), jobs,
                activity, new EligibilityEngine(new LimitPolicy(settings.maxTargetsPerHaVip(),
                settings.maxHaVipsPerTarget()))), tasks, UiThread.fx(), new I18n(Locale.ENGLISH),
                settings.refreshSeconds());
        try {
            BenchFx.onFx(() -> {
                ws.startLiveRefresh();
                ws.loadRegions(List.of());
                return null;
            });
            BenchFx.await("the inventory", TIMEOUT, () -> BenchFx.onFx(() -> !ws.loadingProperty().get()
                    && !ws.inventory().haVips().isEmpty()));
            if (together) {
                runTogether(ws, jobs, api, d, binds);
            } else {
                run(ws, jobs, api, d, binds, settings);
            }
        } finally {
            ws.close();
            jobs.shutdown();
            activity.close();
            sdk.close();
            sandbox.close();
            tasks.shutdown();
            Platform.exit();
        }
    }

    private static void run(Workspace ws, JobEngine jobs, RecordingEnsApi api, long d, int binds, Settings s) {
        List<String[]> pairs = pairs(ws, binds);
        if (pairs.isEmpty()) {
            throw new IllegalStateException("no eligible (HaVip, instance) pair in the demo scenario");
        }
        long[] succeeded = new long[pairs.size()];
        long[] shown = new long[pairs.size()];
        long[] associating = new long[pairs.size()];
        int[] polls = new int[pairs.size()];
        int[] refreshes = new int[pairs.size()];
        int[] others = new int[pairs.size()];
        int[] jobPollField = new int[pairs.size()];
        long[] answerToAssociating = new long[pairs.size()];
        int beforeFirstPoll = 0;
        System.out.println();
        System.out.println(" #  HaVip                      target                      shown Associating  "
                + "answer->Associating  SUCCEEDED  shown InUse  job polls  workspace refreshes  other");
        for (int i = 0; i < pairs.size(); i++) {
            String haVipId = pairs.get(i)[0];
            String targetId = pairs.get(i)[1];
            AtomicLong succeededAt = new AtomicLong();
            AtomicLong shownAt = new AtomicLong();
            AtomicLong associatingAt = new AtomicLong();
            JobListener listener = new JobListener() {
                @Override
                public void jobChanged(JobEvent event, BindingJob job) {
                    if (event.haVipId().equals(haVipId) && event.to() == JobState.SUCCEEDED) {
                        succeededAt.compareAndSet(0, System.nanoTime());
                    }
                }
            };
            ChangeListener<Inventory> inventoryListener = (obs, old, now) -> {
                AssociationStatus status = statusOf(now, haVipId, targetId);
                if (status == AssociationStatus.ASSOCIATING) {
                    associatingAt.compareAndSet(0, System.nanoTime());
                } else if (status == AssociationStatus.IN_USE) {
                    shownAt.compareAndSet(0, System.nanoTime());
                }
            };
            watch(jobs, listener, ws, inventoryListener);
            long t0 = System.nanoTime();
            BindingJob job = jobs.submitBind(haVipId, targetId, InstanceType.valueOf(pairs.get(i)[2]));
            BenchFx.await("bind " + haVipId, TIMEOUT, () -> shownAt.get() != 0 && succeededAt.get() != 0);
            // Let the refreshes the last job events asked for land, so that they are counted.
            BenchFx.sleep(1500);
            unwatch(jobs, listener, ws, inventoryListener);
            Map<RecordingEnsApi.Caller, Integer> calls = haVipCallsSince(api, t0,
                    c -> haVipId.equals(c.haVipId()) || c.haVipId() == null);
            succeeded[i] = (succeededAt.get() - t0) / 1_000_000;
            shown[i] = (shownAt.get() - t0) / 1_000_000;
            associating[i] = associatingAt.get() == 0 ? -1 : (associatingAt.get() - t0) / 1_000_000;
            long answered = api.associateAnswered(haVipId);
            answerToAssociating[i] = associatingAt.get() == 0 || answered == 0 ? -1
                    : (associatingAt.get() - answered) / 1_000_000;
            long firstPoll = api.haVipCalls().stream().filter(c -> c.nanos() >= t0 && haVipId.equals(c.haVipId())
                    && c.caller() == RecordingEnsApi.Caller.JOB_POLL).mapToLong(RecordingEnsApi.Call::nanos)
                    .min().orElse(Long.MAX_VALUE);
            if (associatingAt.get() != 0 && associatingAt.get() - firstPoll < 0) {
                beforeFirstPoll++;
            }
            polls[i] = calls.getOrDefault(RecordingEnsApi.Caller.JOB_POLL, 0);
            refreshes[i] = calls.getOrDefault(RecordingEnsApi.Caller.WORKSPACE_REFRESH, 0);
            others[i] = calls.getOrDefault(RecordingEnsApi.Caller.WORKSPACE_PERIODIC, 0)
                    + calls.getOrDefault(RecordingEnsApi.Caller.OTHER, 0);
            jobPollField[i] = jobs.job(job.id()).map(BindingJob::polls).orElse(-1);
            System.out.printf(Locale.ROOT, "%2d  %-26s %-26s %14d ms  %16d ms  %7d ms  %8d ms  %9d  %19d  %5d%n",
                    i + 1, haVipId, targetId, associating[i], answerToAssociating[i], succeeded[i], shown[i], polls[i],
                    refreshes[i], others[i]);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "theoretical minimum: one poll at exactly D: shown after %d ms with 1 "
                + "DescribeHaVips call%n", d);
        System.out.printf(Locale.ROOT, "submit -> workspace Associating: median %d ms, max %d ms (-1: never shown)%n",
                BenchFx.median(associating), BenchFx.percentile(associating, 100));
        System.out.printf(Locale.ROOT, "AssociateHaVip answer -> workspace Associating: median %d ms, max %d ms "
                        + "(budget: <= 100 ms); shown before the job's first poll in %d of %d binds%n",
                BenchFx.median(answerToAssociating), BenchFx.percentile(answerToAssociating, 100), beforeFirstPoll,
                pairs.size());
        System.out.printf(Locale.ROOT, "submit -> job SUCCEEDED:      median %d ms (D + %d ms), max %d ms%n",
                BenchFx.median(succeeded), BenchFx.median(succeeded) - d, BenchFx.percentile(succeeded, 100));
        System.out.printf(Locale.ROOT, "submit -> workspace InUse:    median %d ms (D + %d ms), max %d ms   "
                        + "(budget: <= D + 500 = %d ms)%n", BenchFx.median(shown), BenchFx.median(shown) - d,
                BenchFx.percentile(shown, 100), d + 500);
        System.out.printf(Locale.ROOT, "DescribeHaVips by the job:    median %d, max %d (the job's own count: %s)%n",
                medianOf(polls), maxOf(polls), java.util.Arrays.toString(jobPollField));
        System.out.printf(Locale.ROOT, "DescribeHaVips by the workspace for the HaVip: median %d, max %d; "
                        + "periodic/other in the window: max %d%n", medianOf(refreshes), maxOf(refreshes),
                maxOf(others));
        System.out.printf(Locale.ROOT, "DescribeHaVips for the HaVip in all, per bind: median %d, max %d "
                + "(budget: <= 6 for D = 5 s; minimum: 1)%n", medianOf(sum(polls, refreshes)),
                maxOf(sum(polls, refreshes)));
    }

    private static void runTogether(Workspace ws, JobEngine jobs, RecordingEnsApi api, long d, int binds) {
        List<String[]> pairs = pairs(ws, binds);
        AtomicLong changes = new AtomicLong();
        Map<String, Long> shownAt = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> succeeded = java.util.concurrent.ConcurrentHashMap.newKeySet();
        JobListener listener = (event, job) -> {
            if (event.to() == JobState.SUCCEEDED) {
                succeeded.add(job.id());
            }
        };
        ChangeListener<Inventory> inventoryListener = (obs, old, now) -> {
            changes.incrementAndGet();
            for (String[] pair : pairs) {
                if (statusOf(now, pair[0], pair[1]) == AssociationStatus.IN_USE) {
                    shownAt.putIfAbsent(pair[0], System.nanoTime());
                }
            }
        };
        watch(jobs, listener, ws, inventoryListener);
        long t0 = System.nanoTime();
        for (String[] pair : pairs) {
            jobs.submitBind(pair[0], pair[1], InstanceType.valueOf(pair[2]));
        }
        BenchFx.await("the binds", TIMEOUT, () -> succeeded.size() == pairs.size() && shownAt.size() == pairs.size());
        long done = System.nanoTime();
        BenchFx.sleep(1500);
        unwatch(jobs, listener, ws, inventoryListener);
        Map<RecordingEnsApi.Caller, Integer> calls = haVipCallsSince(api, t0, c -> true);
        long[] latencies = shownAt.values().stream().mapToLong(t -> (t - t0) / 1_000_000).toArray();
        System.out.println();
        System.out.printf(Locale.ROOT, "%d binds submitted at once (association D = %d ms): all shown InUse after "
                + "%d ms (median %d ms, max %d ms)%n", pairs.size(), d, (done - t0) / 1_000_000,
                BenchFx.median(latencies), BenchFx.percentile(latencies, 100));
        System.out.printf(Locale.ROOT, "DescribeHaVips: by the jobs %d, by the workspace for single HaVips %d, "
                        + "periodic/other %d%n", calls.getOrDefault(RecordingEnsApi.Caller.JOB_POLL, 0),
                calls.getOrDefault(RecordingEnsApi.Caller.WORKSPACE_REFRESH, 0),
                calls.getOrDefault(RecordingEnsApi.Caller.WORKSPACE_PERIODIC, 0)
                        + calls.getOrDefault(RecordingEnsApi.Caller.OTHER, 0));
        System.out.printf(Locale.ROOT, "inventory changes published by the workspace: %d (%.1f per bind)%n",
                changes.get(), (double) changes.get() / pairs.size());
    }

    private static AssociationStatus statusOf(Inventory inventory, String haVipId, String targetId) {
        return inventory.haVip(haVipId).flatMap(h -> h.association(targetId)).map(a -> a.status()).orElse(null);
    }

    /** HaVips that are Available or InUse with an eligible instance each, one target per HaVip, all distinct. */
    private static List<String[]> pairs(Workspace ws, int count) {
        Inventory inventory = BenchFx.onFx(ws::inventory);
        Set<String> usedTargets = new HashSet<>();
        List<String[]> pairs = new ArrayList<>();
        for (HaVip h : inventory.haVips()) {
            if (pairs.size() >= count) {
                break;
            }
            if (h.status() != HaVipStatus.AVAILABLE && h.status() != HaVipStatus.IN_USE
                    || h.hasTransitionalAssociation()) {
                continue;
            }
            EligibilityReport report = ws.eligibility().evaluate(inventory, h);
            for (Verdict v : report.eligible()) {
                if (v.targetType() == InstanceType.ENS_INSTANCE && usedTargets.add(v.targetId())) {
                    pairs.add(new String[] {h.id(), v.targetId(), v.targetType().name()});
                    break;
                }
            }
        }
        return pairs;
    }

    private static int[] sum(int[] a, int[] b) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static int medianOf(int[] values) {
        long[] l = java.util.Arrays.stream(values).asLongStream().toArray();
        return l.length == 0 ? 0 : (int) BenchFx.median(l);
    }

    private static int maxOf(int[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    private static void watch(JobEngine jobs, JobListener listener, Workspace ws, ChangeListener<Inventory> inventory) {
        jobs.addListener(listener);
        BenchFx.onFx(() -> {
            ws.inventoryProperty().addListener(inventory);
            return null;
        });
    }

    private static void unwatch(JobEngine jobs, JobListener listener, Workspace ws, ChangeListener<Inventory> inventory) {
        jobs.removeListener(listener);
        BenchFx.onFx(() -> {
            ws.inventoryProperty().removeListener(inventory);
            return null;
        });
    }

    /** DescribeHaVips calls sent from {@code t0} on that {@code counted} accepts, by caller. */
    private static Map<RecordingEnsApi.Caller, Integer> haVipCallsSince(RecordingEnsApi api, long t0,
                                                                       Predicate<RecordingEnsApi.Call> counted) {
        Map<RecordingEnsApi.Caller, Integer> calls = new EnumMap<>(RecordingEnsApi.Caller.class);
        for (RecordingEnsApi.Call c : api.haVipCalls()) {
            if (c.nanos() >= t0 && counted.test(c)) {
                calls.merge(c.caller(), 1, Integer::sum);
            }
        }
        return calls;
    }
}
