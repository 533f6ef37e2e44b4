package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the standalone emulator (SIGKILL, in its own JVM) at random moments while several clients
 * write through the real SDK, restarts it on the same {@code --state} file, and checks that every
 * answered write is there and that no unanswered one is half applied.
 *
 * <p>Each client owns one instance and cycles one HaVip of its own through create, associate,
 * unassociate and delete, so its answered writes alone say what must exist. The one write that the
 * kill interrupts may or may not have happened: after the restart it must be wholly there or wholly
 * absent.
 */
class CrashRecoveryTest {
    private static final Pattern LISTENING = Pattern.compile("emulator listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Account ADMIN = new Account("crash-admin", "crash-secret", false);
    private static final int CYCLES = 30;
    private static final int CLIENTS = 3;

    /** What one client knows of its HaVip, from the answers it got. */
    private static final class Model {
        /** Create next; associate next; unassociate next; delete next. */
        static final int NONE = 0;
        static final int CREATED = 1;
        static final int ASSOCIATED = 2;
        static final int UNASSOCIATED = 3;

        final String target;
        String haVipId;
        String deletedId;
        int phase = NONE;
        int attempts;
        /** The name of an interrupted CreateHaVip, or true for another interrupted write. */
        String uncertainCreate;
        boolean uncertain;

        Model(String target) {
            this.target = target;
        }
    }

    @Test
    void everyAnsweredWriteSurvivesAKillAndNoOtherIsHalfApplied(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path state = dir.resolve("state.json");
        List<Model> clients = new ArrayList<>();
        Set<String> scenarioHaVips = null;
        String[] vSwitch = new String[1];
        Set<String> allTargets = Set.of();
        int answered = 0;

        for (int cycle = 0; cycle <= CYCLES; cycle++) {
            Emulator emulator = Emulator.start(state);
            SdkCaller checker = new SdkCaller(emulator.endpoint, ADMIN, 10_000);
            try {
                Map<String, JsonNode> haVips = allHaVips(checker);
                if (cycle == 0) {
                    allTargets = allTargets(checker);
                }
                checkConsistent(allTargets, haVips);
                if (cycle == 0) {
                    for (String target : targets(checker, haVips, vSwitch)) {
                        clients.add(new Model(target));
                    }
                    scenarioHaVips = new HashSet<>(haVips.keySet());
                } else {
                    String where = "seed " + seed + ", cycle " + cycle;
                    for (Model m : clients) {
                        reconcile(m, haVips, where);
                    }
                    Set<String> left = new HashSet<>(haVips.keySet());
                    clients.forEach(m -> left.remove(m.haVipId));
                    assertThat(left).as("%s: HaVips besides the scenario's and the clients'", where)
                            .isEqualTo(scenarioHaVips);
                }
                if (cycle == CYCLES) {
                    break;
                }
                // A kill after a few writes interrupts as many kinds of write as one after many (the
                // clients carry their phase over the cycles); the cycles are what cost.
                answered += writeUntilKilled(emulator, clients, vSwitch[0], 2 + random.nextInt(10));
            } finally {
                checker.shutdown();
                emulator.kill();
            }
        }
        assertThat(answered).as("writes answered over all cycles").isGreaterThanOrEqualTo(CYCLES * 2);
    }

    /** Runs the clients until {@code killAfter} writes were answered, kills the emulator, waits for the clients. */
    private static int writeUntilKilled(Emulator emulator, List<Model> clients, String vSwitch, int killAfter)
            throws Exception {
        CountDownLatch enough = new CountDownLatch(killAfter);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (Model m : clients) {
            Thread t = new Thread(() -> {
                SdkCaller sdk = new SdkCaller(emulator.endpoint, ADMIN, 10_000);
                try {
                    while (step(sdk, m, vSwitch)) {
                        answered.incrementAndGet();
                        enough.countDown();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    while (enough.getCount() > 0) {
                        enough.countDown();
                    }
                } finally {
                    sdk.shutdown();
                }
            }, "crash-client-" + m.target);
            threads.add(t);
            t.start();
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
        emulator.kill();
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(failures).as("unexpected answers").isEmpty();
        return answered.get();
    }

    /** One write of a client; false once the emulator no longer answers (the write is then uncertain). */
    private static boolean step(SdkCaller sdk, Model m, String vSwitch) {
        try {
            switch (m.phase) {
                case Model.NONE -> {
                    String name = "crash-" + m.target + "-" + (++m.attempts);
                    m.uncertainCreate = name;
                    m.haVipId = sdk.call("CreateHaVip", "VSwitchId", vSwitch, "Name", name).path("HaVipIds").get(0)
                            .asText();
                    m.uncertainCreate = null;
                }
                case Model.CREATED -> {
                    m.uncertain = true;
                    sdk.call("AssociateHaVip", "HaVipId", m.haVipId, "InstanceId", m.target);
                }
                case Model.ASSOCIATED -> {
                    m.uncertain = true;
                    sdk.call("UnassociateHaVip", "HaVipId", m.haVipId, "InstanceId", m.target);
                }
                default -> {
                    m.uncertain = true;
                    sdk.call("DeleteHaVips", "HaVipIds.1", m.haVipId);
                    m.deletedId = m.haVipId;
                    m.haVipId = null;
                }
            }
            m.uncertain = false;
            m.phase = (m.phase + 1) % 4;
            return true;
        } catch (SdkCaller.CallFailed e) {
            if (e.server) {
                throw new AssertionError("the emulator refused a write of a correct sequence: " + e.getMessage(), e);
            }
            return false;
        }
    }

    /** Checks a client's HaVip against its answered writes, after settling its interrupted write if any. */
    private static void reconcile(Model m, Map<String, JsonNode> haVips, String where) {
        if (m.uncertainCreate != null) {
            String name = m.uncertainCreate;
            List<JsonNode> named = haVips.values().stream().filter(h -> h.path("Name").asText().equals(name))
                    .toList();
            assertThat(named).as("%s: HaVips made by an interrupted CreateHaVip", where).hasSizeLessThan(2);
            if (!named.isEmpty()) {
                m.haVipId = named.get(0).path("HaVipId").asText();
                m.phase = Model.CREATED;
            }
            m.uncertainCreate = null;
        } else if (m.uncertain) {
            JsonNode h = haVips.get(m.haVipId);
            boolean happened = switch (m.phase) {
                case Model.CREATED -> h != null && h.path("AssociatedInstances").size() == 1;
                case Model.ASSOCIATED -> h != null && h.path("AssociatedInstances").isEmpty();
                default -> h == null;
            };
            if (happened) {
                if (m.phase == Model.UNASSOCIATED) {
                    m.deletedId = m.haVipId;
                    m.haVipId = null;
                }
                m.phase = (m.phase + 1) % 4;
            }
            m.uncertain = false;
        }
        if (m.deletedId != null) {
            assertThat(haVips.keySet()).as("%s: HaVip %s after an answered DeleteHaVips", where, m.deletedId)
                    .doesNotContain(m.deletedId);
        }
        if (m.haVipId == null) {
            return;
        }
        JsonNode h = haVips.get(m.haVipId);
        assertThat(h).as("%s: HaVip %s of an answered CreateHaVip", where, m.haVipId).isNotNull();
        JsonNode associations = h.path("AssociatedInstances");
        if (m.phase == Model.ASSOCIATED) {
            assertThat(associations).as("%s: associations of %s after an answered AssociateHaVip", where, m.haVipId)
                    .hasSize(1);
            assertThat(associations.get(0).path("InstanceId").asText()).isEqualTo(m.target);
            assertThat(associations.get(0).path("Status").asText()).isEqualTo("InUse");
            assertThat(h.path("Status").asText()).isEqualTo("InUse");
        } else {
            assertThat(associations).as("%s: associations of %s", where, m.haVipId).isEmpty();
            assertThat(h.path("Status").asText()).isEqualTo("Available");
        }
    }

    /** Every association refers to an existing target; every status agrees with the associations. */
    private static void checkConsistent(Set<String> targets, Map<String, JsonNode> haVips) {
        for (JsonNode h : haVips.values()) {
            JsonNode associations = h.path("AssociatedInstances");
            Set<String> seen = new HashSet<>();
            boolean transitional = false;
            for (JsonNode a : associations) {
                String target = a.path("InstanceId").asText();
                assertThat(targets).as("target of an association of %s", h.path("HaVipId").asText()).contains(target);
                assertThat(seen.add(target)).as("one association per target").isTrue();
                transitional |= !a.path("Status").asText().equals("InUse");
            }
            String status = h.path("Status").asText();
            if (!transitional && !status.equals("Creating") && !status.equals("Deleting")) {
                assertThat(status).as("status of %s", h.path("HaVipId").asText())
                        .isEqualTo(associations.isEmpty() ? "Available" : "InUse");
            }
        }
    }

    /** The instances and ENIs: they never change. */
    private static Set<String> allTargets(SdkCaller sdk) {
        Set<String> targets = new HashSet<>();
        for (JsonNode i : pages(sdk, "DescribeInstances", "Instances", "Instance")) {
            targets.add(i.path("InstanceId").asText());
        }
        for (JsonNode e : pages(sdk, "DescribeNetworkInterfaces", "NetworkInterfaceSets", "NetworkInterfaceSet")) {
            targets.add(e.path("NetworkInterfaceId").asText());
        }
        return targets;
    }

    private static List<JsonNode> pages(SdkCaller sdk, String action, String wrapper, String item) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = sdk.call(action, "PageSize", "100", "PageNumber", String.valueOf(page));
            JsonNode items = body.path(wrapper).path(item);
            items.forEach(all::add);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    private static Map<String, JsonNode> allHaVips(SdkCaller sdk) {
        Map<String, JsonNode> all = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode items = sdk.call("DescribeHaVips", "PageSize", "100", "PageNumber", String.valueOf(page))
                    .path("HaVips");
            items.forEach(h -> all.put(h.path("HaVipId").asText(), h));
            if (items.size() < 100) {
                return all;
            }
        }
    }

    /** {@value #CLIENTS} running instances of one VSwitch that no HaVip is associated with. */
    private static List<String> targets(SdkCaller sdk, Map<String, JsonNode> haVips, String[] vSwitch) {
        Set<String> bound = new HashSet<>();
        haVips.values().forEach(h -> h.path("AssociatedInstances").forEach(a -> bound.add(a.path("InstanceId")
                .asText())));
        Map<String, List<String>> free = new java.util.TreeMap<>();
        for (JsonNode i : pages(sdk, "DescribeInstances", "Instances", "Instance")) {
            String id = i.path("InstanceId").asText();
            if (i.path("Status").asText().equals("Running") && !bound.contains(id)) {
                free.computeIfAbsent(i.path("NetworkAttributes").path("VSwitchId").asText(), k -> new ArrayList<>())
                        .add(id);
            }
        }
        Map.Entry<String, List<String>> chosen = free.entrySet().stream().filter(e -> e.getValue().size() >= CLIENTS)
                .findFirst().orElseThrow(() -> new AssertionError("no VSwitch with " + CLIENTS + " free instances"));
        vSwitch[0] = chosen.getKey();
        return chosen.getValue().subList(0, CLIENTS);
    }

    /** The standalone emulator in its own JVM. */
    private static final class Emulator {
        /**
         * The application's classes and the libraries the emulator uses, without the console's and
         * the tests' (JavaFX, the SDK, JUnit): fewer entries for the JVM to open and search.
         */
        static final String CLASS_PATH = emulatorClassPath();
        /** The tests' logging (to a file), which is no longer on the emulator's class path. */
        static final String TEST_LOGGING = testResource("logback-test.xml");

        final Process process;
        final String endpoint;

        private Emulator(Process process, String endpoint) {
            this.process = process;
            this.endpoint = endpoint;
        }

        static Emulator start(Path state) throws Exception {
            // Options for a quick start, since the JVM starts once per cycle: no optimising compiler,
            // the JDK's shared class archive, no perf data file, small thread stacks.
            List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-Xss256k",
                    "-Dlogback.configurationFile=" + TEST_LOGGING, "-cp", CLASS_PATH,
                    "io.enscope.Main", "emulator", "--port", "0",
                    "--scenario", "demo", "--state", state.toString(), "--delay", "immediate",
                    "--access-key", ADMIN.accessKeyId() + ":" + ADMIN.accessKeySecret(),
                    "--readonly-access-key", "crash-reader:crash-secret2");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            port.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                    synchronized (lines) {
                        port.completeExceptionally(new AssertionError("exited without listening: " + lines));
                    }
                } catch (IOException e) {
                    port.completeExceptionally(e);
                }
            }, "crash-emulator-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return new Emulator(process, "127.0.0.1:" + port.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly();
                throw e;
            }
        }

        private static String emulatorClassPath() {
            Pattern library = Pattern.compile("(jackson|jetty|picocli|slf4j-api|logback).*\\.jar");
            List<String> entries = new ArrayList<>();
            entries.add(location(io.enscope.Main.class));
            for (String entry : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
                Path name = Paths.get(entry).getFileName();
                if (name != null && library.matcher(name.toString()).matches()) {
                    entries.add(entry);
                }
            }
            return String.join(File.pathSeparator, entries);
        }

        private static String location(Class<?> type) {
            try {
                return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String testResource(String name) {
            try {
                return Paths.get(CrashRecoveryTest.class.getResource("/" + name).toURI()).toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
