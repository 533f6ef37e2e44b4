package io.enscope.bench;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.RateLimits;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.inventory.Inventory;
import io.enscope.inventory.InventoryLoader;
import io.enscope.inventory.LoadOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code large} inventory load against an emulator that throttles as ENS documents it
 * ({@link RateLimits#DOCUMENTED}), with a latency added to every call that reaches an operation:
 * the paced loader (8 workers; once cold, once warm) versus the same loader without pacing versus
 * sequential paging (paced), each with its throttled calls, next to the lower bound the limits
 * impose.
 *
 * <p>A benchmark, not a test: it asserts nothing and prints its figures. Run it from the project
 * directory with:
 *
 * <pre>
 * mvn -B -q -o test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx400m -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.bench.RateLimitBenchmark [latencyMillis] [seed]
 * </pre>
 *
 * <p>The emulator draws its fault plan after its flow control, so a throttled answer comes back
 * without the added latency; against the cloud it would cost a round trip too.
 */
public final class RateLimitBenchmark {

    private RateLimitBenchmark() {
    }

    /**
     * @param args optional: latency per call in milliseconds (default 20), scenario seed (default 42)
     */
    public static void main(String[] args) {
        long latencyMillis = args.length > 0 ? Long.parseLong(args[0]) : 20L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        Scenario large = LargeScenario.create(seed);
        System.out.printf(Locale.ROOT, "Enscope rate-limit benchmark: large scenario (seed %d), %d ms per call, "
                        + "%d CPU(s), Java %s%n", seed, latencyMillis, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "scenario: %d instances, %d ENIs, %d HaVips, %d vSwitches, %d networks%n",
                large.instances().size(), large.networkInterfaces().size(), large.haVips().size(),
                large.vSwitches().size(), large.networks().size());
        try (EnsEmulator emulator = EnsEmulator.builder()
                .scenario(large)
                .rateLimits(RateLimits.DOCUMENTED)
                .timings(Timings.all(TransitionTiming.fixed(Duration.ofHours(1))))
                .account(Account.generate(false))
                .port(0)
                .start()) {
            if (latencyMillis > 0) {
                emulator.faults().add(FaultRule.probability("*", FaultKind.SLOW, 1.0)
                        .withDelay(Duration.ofMillis(latencyMillis)));
            }
            // The first load of a JVM also loads and compiles the classes: it is shown, not compared.
            run(emulator, "paced, 8, cold JVM", PacingSettings.documented(), LoadOptions.defaults());
            Map<String, Long> pagesPerOperation = run(emulator, "paced, 8 workers", PacingSettings.documented(),
                    LoadOptions.defaults());
            run(emulator, "unpaced, 8 workers", PacingSettings.off(), LoadOptions.defaults());
            run(emulator, "sequential, paced", PacingSettings.documented(), LoadOptions.sequential());
            run(emulator, "sequential, unpaced", PacingSettings.off(), LoadOptions.sequential());
            lowerBound(pagesPerOperation);
        }
    }

    /** @return the calls answered OK, by action */
    private static Map<String, Long> run(EnsEmulator emulator, String label, PacingSettings pacing,
                                         LoadOptions options) {
        emulator.setRateLimits(RateLimits.DOCUMENTED);
        emulator.requests().clear();
        String outcome;
        long start = System.nanoTime();
        try (SdkEnsApi sdk = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint()).withPacing(pacing),
                EnsCredentialsProvider.of(EnsCredentials.of(emulator.adminAccount().accessKeyId(),
                        emulator.adminAccount().accessKeySecret())))) {
            Inventory inventory = new InventoryLoader(sdk, options).load(List.of());
            outcome = "loaded " + inventory.instances().size() + " instances, "
                    + inventory.networkInterfaces().size() + " ENIs";
        } catch (RuntimeException failed) {
            outcome = "FAILED: " + failed.getMessage();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> ok = new TreeMap<>();
        long calls = 0;
        long throttled = 0;
        for (Map.Entry<String, Long> e : emulator.requests().answers().entrySet()) {
            calls += e.getValue();
            if (e.getKey().contains("Throttling")) {
                throttled += e.getValue();
            } else if (e.getKey().endsWith(" OK")) {
                ok.put(e.getKey().substring(0, e.getKey().indexOf(' ')), e.getValue());
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %7d ms  %5d calls, %5d throttled  %s%n", label, millis, calls,
                throttled, outcome);
        return ok;
    }

    /** Each operation needs (calls - burst) / rate seconds; the listings run side by side. */
    private static void lowerBound(Map<String, Long> pages) {
        PacingSettings limits = PacingSettings.documented();
        double bound = 0;
        StringBuilder detail = new StringBuilder();
        for (EnsOperation op : EnsOperation.values()) {
            long calls = pages.getOrDefault(op.action(), 0L);
            if (calls == 0) {
                continue;
            }
            double rate = limits.limit(op);
            // the server's bucket starts with one second of calls
            double seconds = Math.max(0, calls - rate) / rate;
            bound = Math.max(bound, seconds);
            detail.append(String.format(Locale.ROOT, " %s %d calls / %.0f per s = %.1f s;", op.action(), calls,
                    rate, calls / rate));
        }
        System.out.printf(Locale.ROOT, "lower bound from the limits: %.1f s (the slowest listing, its first second "
                + "of calls as a burst);%s%n", bound, detail);
    }
}
