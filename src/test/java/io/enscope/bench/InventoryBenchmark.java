package io.enscope.bench;

import io.enscope.binding.CandidateScope;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.EligibilityReport;
import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Region;
import io.enscope.inventory.CountingEnsApi;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.inventory.LoadOptions;
import io.enscope.inventory.LoadPhase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures, in one run, on the {@code large} scenario through the real SDK and signatures against
 * the embedded emulator on loopback (design.md "Budgets"):
 *
 * <ul>
 *   <li>full inventory load time and number of API calls, parallelism 8 versus the same pages
 *       fetched one after another (parallelism 1), median of several loads each after warm-up;
 *       then once more with a simulated network latency per call (the emulator's "slow" fault),
 *       because on loopback both sides share the same two cores and the load is CPU-bound, while
 *       against the cloud it is bound by round trips;</li>
 *   <li>heap used after loading, after GC: the whole JVM (emulator included, since the sandbox
 *       runs it in-process) and the part the inventory adds;</li>
 *   <li>eligibility time for one HaVip (median over every HaVip), and for all HaVips of a region
 *       (median over every region);</li>
 *   <li>the cost of {@link Inventory#withHaVip} (median);</li>
 *   <li>a burst of 50 changed HaVips (what the console applies when the job reads of many
 *       bindings arrive together): {@link Inventory#withHaVip} 50 times versus one
 *       {@link Inventory#withHaVips(java.util.Collection)} (medians).</li>
 * </ul>
 *
 * <p>A benchmark, not a test: it asserts nothing and prints its figures. Run it from the project
 * directory with:
 *
 * <pre>
 * mvn -B -q -o test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx300m -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.bench.InventoryBenchmark [loads] [seed] [latencyMillis]
 * </pre>
 *
 * <p>{@code -Xmx300m} runs the whole
 * sandbox (emulator and inventory) within the heap budget. {@code loads} (default 3) is the number
 * of measured loads per mode, {@code seed} (default 42) the seed of the large scenario,
 * {@code latencyMillis} (default 20; 0 skips that part) the simulated latency of each call.
 *
 * <p>{@code InventoryBenchmark burst [rounds] [size]} measures only the burst (one load, then
 * {@code rounds}, default 300, bursts of {@code size}, default 50, HaVips).
 */
public final class InventoryBenchmark {

    private static final int WARM_UP_LOADS = 2;

    private InventoryBenchmark() {
    }

    /**
     * @param args optional: measured loads per mode, scenario seed
     * @throws InterruptedException when interrupted while waiting for the GC
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("burst")) {
            burstOnly(args.length > 1 ? Integer.parseInt(args[1]) : 300,
                    args.length > 2 ? Integer.parseInt(args[2]) : 50);
            return;
        }
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        long latencyMillis = args.length > 2 ? Long.parseLong(args[2]) : 20L;
        System.out.printf(Locale.ROOT, "Enscope inventory benchmark: large scenario (seed %d), %d CPU(s), "
                + "max heap %d MB, Java %s%n", seed, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        Scenario large = LargeScenario.create(seed);
        System.out.printf(Locale.ROOT, "scenario: %d regions, %d networks, %d vSwitches, %d instances, %d ENIs, "
                        + "%d HaVips%n", large.regions().size(), large.networks().size(), large.vSwitches().size(),
                large.instances().size(), large.networkInterfaces().size(), large.haVips().size());

        try (EnsEmulator emulator = EnsEmulator.builder()
                .scenario(large)
                .timings(Timings.all(TransitionTiming.fixed(Duration.ofHours(1))))
                .account(Account.generate(false))
                .port(0)
                .start();
             // The emulator here has no flow control: this measures the loader itself.
             SdkEnsApi sdk = new SdkEnsApi(
                     EnsClientConfig.local(emulator.endpoint()).withPacing(PacingSettings.off()),
                     EnsCredentialsProvider.of(EnsCredentials.of(emulator.adminAccount().accessKeyId(),
                             emulator.adminAccount().accessKeySecret())))) {
            CountingEnsApi api = new CountingEnsApi(sdk);
            long baselineHeap = usedHeapAfterGc();

            InventoryLoader parallel = new InventoryLoader(api, LoadOptions.defaults());
            InventoryLoader sequential = new InventoryLoader(api, LoadOptions.sequential());
            long[] coldParallel = new long[WARM_UP_LOADS];
            long[] coldSequential = new long[WARM_UP_LOADS];
            for (int i = 0; i < WARM_UP_LOADS; i++) {
                coldParallel[i] = timed(parallel).millis;
                coldSequential[i] = timed(sequential).millis;
            }

            long[] parallelMillis = new long[loads];
            long[] sequentialMillis = new long[loads];
            long[] indexingMillis = new long[loads];
            double[] sequentialCores = new double[loads];
            double[] parallelCores = new double[loads];
            int parallelCalls = 0;
            int sequentialCalls = 0;
            int parallelInFlight = 0;
            String perOperation = "";
            Inventory inventory = null;
            Inventory sequentialInventory = null;
            for (int i = 0; i < loads; i++) {
                api.resetCounts();
                Timed seq = timed(sequential);
                sequentialInventory = seq.inventory;
                sequentialMillis[i] = seq.millis;
                sequentialCores[i] = seq.cores();
                sequentialCalls = api.calls();

                api.resetCounts();
                Timed par = timed(parallel);
                inventory = par.inventory;
                parallelMillis[i] = par.millis;
                parallelCores[i] = par.cores();
                indexingMillis[i] = par.indexingMillis;
                parallelCalls = api.calls();
                parallelInFlight = api.maxInFlight();
                perOperation = perOperation(api);
            }
            boolean equal = inventory.equals(sequentialInventory);
            sequentialInventory = null;
            long parallelMedian = median(parallelMillis);
            long sequentialMedian = median(sequentialMillis);

            System.out.println();
            System.out.println("== Inventory load over loopback (" + inventory + ")");
            System.out.printf(Locale.ROOT, "first loads (cold JIT): parallel %s ms, sequential %s ms%n",
                    Arrays.toString(coldParallel), Arrays.toString(coldSequential));
            System.out.printf(Locale.ROOT, "parallel (8):     median %5d ms  %s  %d API calls, at most %d in flight%n",
                    parallelMedian, Arrays.toString(parallelMillis), parallelCalls, parallelInFlight);
            System.out.printf(Locale.ROOT, "sequential (1):   median %5d ms  %s  %d API calls%n", sequentialMedian,
                    Arrays.toString(sequentialMillis), sequentialCalls);
            System.out.printf(Locale.ROOT, "speed-up:         %.2fx   (budget: load <= 3000 ms and >= 4x)%n",
                    (double) sequentialMedian / parallelMedian);
            // Client and emulator share this machine's cores: when both loads keep them all busy, the
            // speed-up can only come from spending less CPU per page, not from waiting in parallel.
            int cpus = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "CPU busy (whole process: client, emulator, JIT, GC): sequential %.2f, "
                    + "parallel %.2f of %d cores; CPU time per load: sequential %d ms, parallel %d ms%n",
                    medianOf(sequentialCores), medianOf(parallelCores), cpus,
                    Math.round(medianOf(sequentialCores) * sequentialMedian),
                    Math.round(medianOf(parallelCores) * parallelMedian));
            System.out.printf(Locale.ROOT, "of which building the snapshot and its indexes: median %d ms%n",
                    median(indexingMillis));
            System.out.println("calls per operation: " + perOperation);
            System.out.println("parallel and sequential snapshots equal: " + equal);

            if (latencyMillis > 0) {
                emulator.faults().add(FaultRule.probability("*", FaultKind.SLOW, 1.0)
                        .withDelay(Duration.ofMillis(latencyMillis)));
                api.resetCounts();
                Timed seq = timed(sequential);
                int slowCalls = api.calls();
                Timed par = timed(parallel);
                emulator.faults().clear();
                System.out.println();
                System.out.printf(Locale.ROOT, "== Inventory load with %d ms added to every call (a WAN round trip)%n",
                        latencyMillis);
                System.out.printf(Locale.ROOT, "parallel (8):     %5d ms%n", par.millis);
                System.out.printf(Locale.ROOT, "sequential (1):   %5d ms  (%d API calls)%n", seq.millis, slowCalls);
                System.out.printf(Locale.ROOT, "speed-up:         %.2fx%n", (double) seq.millis / par.millis);
            }

            long loadedHeap = usedHeapAfterGc();
            System.out.println();
            System.out.println("== Heap after loading (after GC)");
            System.out.printf(Locale.ROOT, "whole JVM (emulator + SDK + inventory): %d MB   (budget: <= 300 MB)%n",
                    loadedHeap >> 20);
            System.out.printf(Locale.ROOT, "added by the inventory:                 %d MB%n",
                    (loadedHeap - baselineHeap) >> 20);

            eligibility(inventory);
            updates(inventory);
            bursts(inventory, 300, 50);
            System.out.println();
            System.out.println("(inventory still reachable: " + inventory.haVips().size() + " HaVips)");
        }
    }

    private static void burstOnly(int rounds, int size) {
        System.out.printf(Locale.ROOT, "Enscope inventory benchmark, bursts only: large scenario (seed 42), %d CPU(s), "
                + "Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Inventory inventory = loadLarge();
        System.out.println("loaded: " + inventory);
        bursts(inventory, rounds, size);
    }

    /**
     * {@code large} (seed 42) loaded once through the SDK, as the console loads it, from an emulator
     * that is stopped afterwards. Its transitions are frozen: HaVips being created or deleted would
     * otherwise come and go while the pages are read.
     */
    static Inventory loadLarge() {
        try (EnsEmulator emulator = EnsEmulator.builder().scenario(LargeScenario.create(42L))
                .timings(Timings.all(TransitionTiming.fixed(Duration.ofHours(1))))
                .account(Account.generate(false)).port(0).start();
             // The emulator here has no flow control: this measures the loader itself.
             SdkEnsApi sdk = new SdkEnsApi(
                     EnsClientConfig.local(emulator.endpoint()).withPacing(PacingSettings.off()),
                     EnsCredentialsProvider.of(EnsCredentials.of(emulator.adminAccount().accessKeyId(),
                             emulator.adminAccount().accessKeySecret())))) {
            return new InventoryLoader(sdk, LoadOptions.defaults()).load(List.of());
        }
    }

    /**
     * A burst of {@code size} HaVips spread over the regions, each with its status and bindings
     * changed (as polls of many bindings bring them), applied one by one and as one batch,
     * alternately, {@code rounds} times each after as many warm-up rounds.
     */
    private static void bursts(Inventory inventory, int rounds, int size) {
        List<HaVip> haVips = inventory.haVips();
        int step = Math.max(1, haVips.size() / size);
        long[] oneByOne = new long[rounds];
        long[] batched = new long[rounds];
        boolean equal = true;
        int sink = 0;
        for (int round = -rounds; round < rounds; round++) {
            List<HaVip> burst = new ArrayList<>(size);
            for (int k = 0; k < size && k * step < haVips.size(); k++) {
                HaVip haVip = haVips.get((k * step + Math.floorMod(round, step)) % haVips.size());
                burst.add(changed(haVip, round));
            }
            long t0 = System.nanoTime();
            Inventory sequential = inventory;
            for (HaVip haVip : burst) {
                sequential = sequential.withHaVip(haVip);
            }
            long t1 = System.nanoTime();
            Inventory batch = inventory.withHaVips(burst);
            long t2 = System.nanoTime();
            if (round >= 0) {
                oneByOne[round] = t1 - t0;
                batched[round] = t2 - t1;
                equal &= batch.equals(sequential);
            }
            sink += sequential.haVips().size() + batch.haVips().size();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "== A burst of %d changed HaVips (of %d), %d rounds%n", size, haVips.size(),
                rounds);
        System.out.printf(Locale.ROOT, "withHaVip one by one: median %.3f ms, p99 %.3f ms%n", millis(median(oneByOne)),
                millis(percentile(oneByOne, 99)));
        System.out.printf(Locale.ROOT, "withHaVips, batched:  median %.3f ms, p99 %.3f ms   (%.1fx faster; same "
                        + "snapshots: %s)%n", millis(median(batched)), millis(percentile(batched, 99)),
                (double) median(oneByOne) / Math.max(1, median(batched)), equal);
        if (sink == 42) {
            System.out.println();
        }
    }

    /** The HaVip with another name, its first binding gone or a new one Associating, its status to match. */
    static HaVip changed(HaVip haVip, int round) {
        List<HaVipAssociation> associations = new ArrayList<>(haVip.associations());
        if (associations.isEmpty()) {
            associations.add(new HaVipAssociation("i-burst-" + round, InstanceType.ENS_INSTANCE, null, "10.0.0.1",
                    AssociationStatus.ASSOCIATING, null, null));
        } else {
            associations.remove(0);
        }
        HaVipStatus status = associations.isEmpty() ? HaVipStatus.AVAILABLE
                : associations.stream().anyMatch(a -> a.status() == AssociationStatus.ASSOCIATING)
                ? HaVipStatus.ASSOCIATING : HaVipStatus.IN_USE;
        return new HaVip(haVip.id(), haVip.name() + "-" + round, haVip.description(), haVip.ipAddress(), status, null,
                haVip.vSwitchId(), haVip.networkId(), haVip.regionId(), haVip.creationTime(), associations,
                haVip.eips());
    }

    private static void eligibility(Inventory inventory) {
        EligibilityEngine engine = new EligibilityEngine();
        List<HaVip> haVips = inventory.haVips();
        int sink = 0;
        // Warm-up: every path a few times, so the JIT has compiled them before timing.
        for (int round = 0; round < 5; round++) {
            for (HaVip haVip : haVips) {
                sink += engine.evaluate(inventory, haVip).eligibleCount();
                sink += engine.evaluate(inventory, haVip, CandidateScope.VSWITCH).eligibleCount();
            }
            for (Region region : inventory.regions()) {
                sink += engine.evaluateRegion(inventory, region.id()).size();
            }
        }

        long[] regionScope = new long[haVips.size()];
        long[] vSwitchScope = new long[haVips.size()];
        int targetsListed = 0;
        for (int i = 0; i < haVips.size(); i++) {
            long t0 = System.nanoTime();
            EligibilityReport report = engine.evaluate(inventory, haVips.get(i));
            regionScope[i] = System.nanoTime() - t0;
            targetsListed += report.verdicts().size();
            t0 = System.nanoTime();
            sink += engine.evaluate(inventory, haVips.get(i), CandidateScope.VSWITCH).eligibleCount();
            vSwitchScope[i] = System.nanoTime() - t0;
        }

        List<Region> regions = inventory.regions();
        int repeats = 10;
        long[] perRegion = new long[regions.size() * repeats];
        long[] perRegionFull = new long[regions.size() * repeats];
        int haVipsPerRegion = 0;
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < regions.size(); i++) {
                String regionId = regions.get(i).id();
                long t0 = System.nanoTime();
                Map<String, EligibilityReport> reports = engine.evaluateRegion(inventory, regionId);
                perRegion[r * regions.size() + i] = System.nanoTime() - t0;
                haVipsPerRegion = Math.max(haVipsPerRegion, reports.size());
                t0 = System.nanoTime();
                for (HaVip haVip : inventory.haVipsInRegion(regionId)) {
                    sink += engine.evaluate(inventory, haVip).eligibleCount();
                }
                perRegionFull[r * regions.size() + i] = System.nanoTime() - t0;
            }
        }

        System.out.println();
        System.out.println("== Eligibility (default limits 10 / 5)");
        System.out.printf(Locale.ROOT, "one HaVip, region scope (%d targets on average): median %.3f ms, "
                        + "p99 %.3f ms   (budget: <= 1 ms)%n", targetsListed / haVips.size(),
                millis(median(regionScope)), millis(percentile(regionScope, 99)));
        System.out.printf(Locale.ROOT, "one HaVip, vSwitch scope:                        median %.3f ms, "
                + "p99 %.3f ms%n", millis(median(vSwitchScope)), millis(percentile(vSwitchScope, 99)));
        System.out.printf(Locale.ROOT, "all HaVips of a region (%d), fast path:         median %.3f ms, "
                        + "max %.3f ms   (budget: <= 50 ms)%n", haVipsPerRegion, millis(median(perRegion)),
                millis(percentile(perRegion, 100)));
        System.out.printf(Locale.ROOT, "all HaVips of a region, each at region scope:    median %.3f ms, "
                + "max %.3f ms%n", millis(median(perRegionFull)), millis(percentile(perRegionFull, 100)));
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void updates(Inventory inventory) {
        List<HaVip> haVips = inventory.haVips();
        Inventory current = inventory;
        long[] times = new long[haVips.size() * 3];
        for (int i = 0; i < times.length; i++) {
            HaVip haVip = haVips.get(i % haVips.size());
            HaVip renamed = new HaVip(haVip.id(), haVip.name() + "-" + i, haVip.description(), haVip.ipAddress(),
                    haVip.status(), haVip.rawStatus(), haVip.vSwitchId(), haVip.networkId(), haVip.regionId(),
                    haVip.creationTime(), haVip.associations().isEmpty() ? haVip.associations()
                    : haVip.associations().subList(1, haVip.associations().size()), haVip.eips());
            long t0 = System.nanoTime();
            current = current.withHaVip(renamed);
            times[i] = System.nanoTime() - t0;
        }
        System.out.println();
        System.out.println("== Incremental update");
        System.out.printf(Locale.ROOT, "withHaVip (one HaVip replaced, its bindings changed): median %.3f ms, "
                + "p99 %.3f ms (%d HaVips now)%n", millis(median(times)), millis(percentile(times, 99)),
                current.haVips().size());
    }

    /** One load, timed, with the time spent building the snapshot from the pages. */
    /** @param cpuMillis CPU time of the whole process (client, in-process emulator, GC, JIT) during the load */
    private record Timed(Inventory inventory, long millis, long indexingMillis, long cpuMillis) {
        /** Cores busy on average during the load. */
        double cores() {
            return millis == 0 ? 0 : (double) cpuMillis / millis;
        }
    }

    private static double medianOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static Timed timed(InventoryLoader loader) {
        AtomicLong indexingStart = new AtomicLong();
        AtomicLong indexingEnd = new AtomicLong();
        long cpu0 = processCpuMillis();
        long t0 = System.nanoTime();
        Inventory inventory = loader.load(List.of(), progress -> {
            if (progress.phase() == LoadPhase.INDEXING) {
                indexingStart.set(System.nanoTime());
            } else if (progress.phase() == LoadPhase.DONE) {
                indexingEnd.set(System.nanoTime());
            }
        });
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Timed(inventory, millis, (indexingEnd.get() - indexingStart.get()) / 1_000_000,
                processCpuMillis() - cpu0);
    }

    private static String perOperation(CountingEnsApi api) {
        List<String> parts = new ArrayList<>();
        for (EnsOperation operation : EnsOperation.values()) {
            if (api.calls(operation) > 0) {
                parts.add(operation.action() + "=" + api.calls(operation));
            }
        }
        return String.join(", ", parts);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long median(long[] values) {
        return percentile(values, 50);
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
