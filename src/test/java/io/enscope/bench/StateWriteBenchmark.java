package io.enscope.bench;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.emulator.scenario.ScenarioFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write throughput of the emulator with {@code --state} (every write forced to the journal before
 * it is answered) and without, on the demo and large scenarios: several clients rename HaVips
 * ({@code ModifyHaVipAttribute}, a write that is always valid) through the real SDK for a fixed time.
 *
 * <p>Run: {@code mvn -B -o -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * io.enscope.bench.StateWriteBenchmark [seconds] [clients]} (cp.txt from {@code mvn dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}).
 */
public final class StateWriteBenchmark {
    private static final Account ADMIN = new Account("bench-admin", "bench-secret", false);

    private StateWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf(Locale.ROOT, "%d clients, %d s per run (after %d s of warm-up)%n", clients, seconds,
                Math.max(1, seconds / 3));
        for (String scenario : List.of("demo", "large")) {
            for (boolean durable : List.of(false, true)) {
                double perSecond = run(scenario, durable, seconds, clients);
                System.out.printf(Locale.ROOT, "%-5s %-12s %8.0f writes/s%n", scenario,
                        durable ? "--state" : "in memory", perSecond);
            }
        }
    }

    private static double run(String scenarioName, boolean durable, int seconds, int clients) throws Exception {
        Scenario scenario = ScenarioFiles.resolve(scenarioName, 20171110L);
        // Deleting ones are gone once the immediate timing completes them.
        List<String> haVips = scenario.haVips().stream().filter(h -> !"Deleting".equals(h.status()))
                .map(Scenario.HaVipRec::haVipId).toList();
        Path dir = Files.createTempDirectory("enscope-state-bench");
        EnsEmulator.Builder builder = EnsEmulator.builder().port(0).scenario(scenario).account(ADMIN)
                .timings(Timings.all(TransitionTiming.immediate()));
        if (durable) {
            builder.stateFile(dir.resolve("state.json"));
        }
        try (EnsEmulator emulator = builder.start()) {
            measure(emulator, haVips, clients, Math.max(1, seconds / 3));
            return measure(emulator, haVips, clients, seconds);
        }
    }

    private static double measure(EnsEmulator emulator, List<String> haVips, int clients, int seconds)
            throws InterruptedException {
        AtomicLong writes = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                DefaultAcsClient sdk = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou",
                        ADMIN.accessKeyId(), ADMIN.accessKeySecret()));
                try {
                    for (long n = 0; System.nanoTime() < end; n++) {
                        CommonRequest request = new CommonRequest();
                        request.setSysDomain(emulator.endpoint());
                        request.setSysProtocol(ProtocolType.HTTP);
                        request.setSysProduct("Ens");
                        request.setSysVersion("2017-11-10");
                        request.setSysAction("ModifyHaVipAttribute");
                        request.setSysMethod(MethodType.POST);
                        request.putQueryParameter("HaVipId", haVips.get((int) ((client + n * clients) % haVips.size())));
                        request.putQueryParameter("Name", "bench-" + client + "-" + n);
                        sdk.getCommonResponse(request);
                        writes.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    sdk.shutdown();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return writes.get() / (double) seconds;
    }
}
