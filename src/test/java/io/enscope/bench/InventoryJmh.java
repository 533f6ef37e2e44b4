package io.enscope.bench;

import io.enscope.binding.CandidateScope;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.EligibilityReport;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Region;
import io.enscope.inventory.Inventory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmarks of the in-memory budgets of design.md, on the {@code large} inventory
 * (10,000 instances, 20,000 ENIs, 2,000 HaVips) loaded once per fork through the real SDK from the
 * emulator, as the console loads it (a set-up that is not measured):
 *
 * <ul>
 *   <li>{@link #eligibilityOfOneHaVip}: one HaVip against every target of its region (budget 1 ms),
 *       and {@link #eligibilityOfOneHaVipInItsVSwitch} against its VSwitch only (the index);</li>
 *   <li>{@link #eligibilityOfARegion}: every HaVip of a region at once (budget 50 ms), against
 *       {@link #eligibilityOfARegionOneHaVipAtATime}, the naive way;</li>
 *   <li>{@link #burstOf50ChangedHaVipsBatched} (not a budget): 50 changed HaVips applied with
 *       {@link Inventory#withHaVips}, against {@link #burstOf50ChangedHaVipsOneByOne}.</li>
 * </ul>
 *
 * <p>Each invocation takes the next HaVip, region or burst in turn, so the figures average over all
 * of them. Run it from the project directory after the set-up of docs/benchmarks.md:
 *
 * <pre>
 * java -cp "$CP" org.openjdk.jmh.Main InventoryJmh -jvmArgs "-XX:TieredStopAtLevel=1 -Xmx1g"
 * </pre>
 *
 * ({@code -bm sample} gives percentiles; the console's launchers run C1 only, hence the JVM option.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InventoryJmh {
    private static final int BURST = 50;

    private final EligibilityEngine engine = new EligibilityEngine();
    private Inventory inventory;
    private List<HaVip> haVips;
    private List<String> regionIds;
    private List<List<HaVip>> bursts;
    private int nextHaVip;
    private int nextRegion;
    private int nextBurst;

    /** Loads {@code large} through the SDK ({@link InventoryBenchmark#loadLarge}). */
    @Setup(Level.Trial)
    public void load() {
        inventory = InventoryBenchmark.loadLarge();
        haVips = inventory.haVips();
        regionIds = inventory.regions().stream().map(Region::id).toList();
        int step = Math.max(1, haVips.size() / BURST);
        bursts = new ArrayList<>();
        for (int round = 0; round < step; round++) {
            List<HaVip> burst = new ArrayList<>(BURST);
            for (int k = 0; k < BURST && k * step + round < haVips.size(); k++) {
                burst.add(InventoryBenchmark.changed(haVips.get(k * step + round), round));
            }
            bursts.add(burst);
        }
        if (haVips.size() < 2_000 || inventory.instances().size() < 10_000) {
            throw new IllegalStateException("not the large inventory: " + inventory);
        }
    }

    private HaVip nextHaVip() {
        nextHaVip = (nextHaVip + 1) % haVips.size();
        return haVips.get(nextHaVip);
    }

    private String nextRegion() {
        nextRegion = (nextRegion + 1) % regionIds.size();
        return regionIds.get(nextRegion);
    }

    private List<HaVip> nextBurst() {
        nextBurst = (nextBurst + 1) % bursts.size();
        return bursts.get(nextBurst);
    }

    @Benchmark
    public EligibilityReport eligibilityOfOneHaVip() {
        return engine.evaluate(inventory, nextHaVip());
    }

    @Benchmark
    public EligibilityReport eligibilityOfOneHaVipInItsVSwitch() {
        return engine.evaluate(inventory, nextHaVip(), CandidateScope.VSWITCH);
    }

    @Benchmark
    public Map<String, EligibilityReport> eligibilityOfARegion() {
        return engine.evaluateRegion(inventory, nextRegion());
    }

    @Benchmark
    public void eligibilityOfARegionOneHaVipAtATime(Blackhole sink) {
        for (HaVip haVip : inventory.haVipsInRegion(nextRegion())) {
            sink.consume(engine.evaluate(inventory, haVip));
        }
    }

    @Benchmark
    public Inventory burstOf50ChangedHaVipsBatched() {
        return inventory.withHaVips(nextBurst());
    }

    @Benchmark
    public Inventory burstOf50ChangedHaVipsOneByOne() {
        Inventory current = inventory;
        for (HaVip haVip : nextBurst()) {
            current = current.withHaVip(haVip);
        }
        return current;
    }
}
