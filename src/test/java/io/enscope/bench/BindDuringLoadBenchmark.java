package io.enscope.bench;

import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.EligibilityReport;
import io.enscope.binding.JobEngine;
import io.enscope.binding.JobListener;
import io.enscope.binding.JobState;
import io.enscope.binding.LimitPolicy;
import io.enscope.binding.PollPolicy;
import io.enscope.binding.Verdict;
import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.RateLimits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.inventory.LoadHandle;
import io.enscope.inventory.LoadOptions;
import io.enscope.ui.settings.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bind submitted while a full inventory load of {@code large} runs, under the documented rate
 * limits (design.md: a bind whose association takes D is shown {@code InUse} within D + 0.5 s; here
 * with a load competing for the same operations' quotas). The client is wired as the console
 * wires it: one {@link SdkEnsApi} with the documented pacing shared by the {@link InventoryLoader}
 * (8 workers) and the {@link JobEngine} (the poll policy of the default settings); the emulator
 * serves {@code large} with {@link RateLimits#DOCUMENTED}, an association delay D, and a latency
 * added to every call that reaches an operation.
 *
 * <p>Each run starts a full load, waits until it is well under way (its DescribeNetworkInterfaces
 * and DescribeHaVips pages are being paged), submits one bind through the job engine on an eligible
 * (HaVip, instance) pair of its own, and measures submit → the job {@code SUCCEEDED}, which is the
 * moment its DescribeHaVips poll saw {@code InUse}: the first moment the client knows it. It also
 * reports whether the load was still running then, and the throttled calls.
 *
 * <p>A benchmark, not a test: it prints and asserts nothing. From the project directory:
 *
 * <pre>
 * mvn -B -q -o test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx600m -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.bench.BindDuringLoadBenchmark [D-millis] [runs] [latencyMillis]
 * </pre>
 *
 * <p>Defaults: D = 5000 ms, 5 runs, 20 ms per call.
 */
public final class BindDuringLoadBenchmark {
    /** Pages done before the bind is submitted: past the first pages, into the long listings. */
    private static final int PAGES_BEFORE_BIND = 60;

    private BindDuringLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long d = args.length > 0 ? Long.parseLong(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 20;
        Settings settings = Settings.defaults();
        System.out.printf(Locale.ROOT, "Enscope bind during a full load: large (seed 42), documented rate limits, "
                + "%d ms per call, association D = %d ms, %d runs; first poll after %d ms, at most %d ms between "
                + "polls%n", latency, d, runs, settings.pollInitialMillis(), settings.pollMaxMillis());
        System.out.println("machine: " + BenchFx.machine());
        try (EnsEmulator emulator = EnsEmulator.builder()
                .scenario(LargeScenario.create(42))
                .rateLimits(RateLimits.DOCUMENTED)
                .timings(Timings.all(TransitionTiming.fixed(Duration.ofMillis(d))))
                .account(Account.generate(false))
                .port(0)
                .start();
             SdkEnsApi sdk = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint())
                     .withPacing(settings.pacing(settings.parallelism())),
                     EnsCredentialsProvider.of(EnsCredentials.of(emulator.adminAccount().accessKeyId(),
                             emulator.adminAccount().accessKeySecret())))) {
            if (latency > 0) {
                emulator.faults().add(FaultRule.probability("*", FaultKind.SLOW, 1.0)
                        .withDelay(Duration.ofMillis(latency)));
            }
            InventoryLoader loader = new InventoryLoader(sdk, LoadOptions.defaults()
                    .withParallelism(settings.parallelism()));
            JobEngine jobs = JobEngine.builder(sdk)
                    .pollPolicy(PollPolicy.defaults()
                            .withBackoff(Duration.ofMillis(settings.pollInitialMillis()),
                                    Duration.ofMillis(settings.pollMaxMillis()))
                            .withTimeout(Duration.ofSeconds(settings.jobTimeoutSeconds())))
                    .build();
            try {
                long warm = System.nanoTime();
                Inventory first = loader.load(List.of());
                System.out.printf(Locale.ROOT, "first (warm-up) load: %d ms, %d HaVips%n",
                        (System.nanoTime() - warm) / 1_000_000, first.haVips().size());
                List<String[]> pairs = pairs(first, new EligibilityEngine(new LimitPolicy(
                        settings.maxTargetsPerHaVip(), settings.maxHaVipsPerTarget())), runs);
                long[] inUse = new long[pairs.size()];
                System.out.println();
                System.out.println(" #  HaVip                      target                      submit->InUse  "
                        + "polls  load still running  throttled");
                for (int i = 0; i < pairs.size(); i++) {
                    inUse[i] = run(emulator, loader, jobs, pairs.get(i), i + 1);
                }
                System.out.println();
                System.out.printf(Locale.ROOT, "submit -> InUse seen by the client: median %d ms (D + %d ms), max %d ms "
                                + "(D + %d ms); budget D + 500 = %d ms%n", BenchFx.median(inUse),
                        BenchFx.median(inUse) - d, BenchFx.percentile(inUse, 100),
                        BenchFx.percentile(inUse, 100) - d, d + 500);
            } finally {
                jobs.shutdown();
            }
        }
    }

    /** @return submit → SUCCEEDED in milliseconds */
    private static long run(EnsEmulator emulator, InventoryLoader loader, JobEngine jobs, String[] pair, int number)
            throws Exception {
        emulator.requests().clear();
        CompletableFuture<Void> underWay = new CompletableFuture<>();
        LoadHandle load = loader.start(List.of(), progress -> {
            if (progress.pagesDone() >= PAGES_BEFORE_BIND) {
                underWay.complete(null);
            }
        });
        underWay.get(120, TimeUnit.SECONDS);
        CompletableFuture<BindingJob> done = new CompletableFuture<>();
        JobListener listener = (event, job) -> {
            if (event.haVipId().equals(pair[0]) && job.isFinished()) {
                done.complete(job);
            }
        };
        jobs.addListener(listener);
        long t0 = System.nanoTime();
        jobs.submitBind(pair[0], pair[1], InstanceType.valueOf(pair[2]));
        BindingJob finished = done.get(120, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        boolean loading = !load.isDone();
        jobs.removeListener(listener);
        load.join();
        long throttled = 0;
        for (Map.Entry<String, Long> e : emulator.requests().answers().entrySet()) {
            if (e.getKey().contains("Throttling")) {
                throttled += e.getValue();
            }
        }
        String outcome = finished.state() == JobState.SUCCEEDED ? "" : "  ENDED " + finished.state() + " "
                + finished.error().map(Object::toString).orElse("");
        System.out.printf(Locale.ROOT, "%2d  %-26s %-26s %10d ms  %5d  %18s  %9d%s%n", number, pair[0], pair[1],
                millis, finished.polls(), loading ? "yes" : "no", throttled, outcome);
        return millis;
    }

    /** Available HaVips with an eligible instance each, all distinct. */
    private static List<String[]> pairs(Inventory inventory, EligibilityEngine eligibility, int count) {
        Set<String> usedTargets = new HashSet<>();
        List<String[]> pairs = new ArrayList<>();
        for (HaVip h : inventory.haVips()) {
            if (pairs.size() >= count) {
                break;
            }
            if (h.status() != HaVipStatus.AVAILABLE || h.hasTransitionalAssociation()) {
                continue;
            }
            EligibilityReport report = eligibility.evaluate(inventory, h);
            for (Verdict v : report.eligible()) {
                if (v.targetType() == InstanceType.ENS_INSTANCE && usedTargets.add(v.targetId())) {
                    pairs.add(new String[] {h.id(), v.targetId(), v.targetType().name()});
                    break;
                }
            }
        }
        return pairs;
    }
}
