package io.enscope.bench;

import io.enscope.App;
import io.enscope.AppDirectories;
import io.enscope.Sandbox;
import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityReport;
import io.enscope.binding.JobState;
import io.enscope.binding.Verdict;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.inventory.Inventory;
import io.enscope.ui.common.FxStallWatchdog;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.explorer.ExplorerNode;
import javafx.application.Application;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The longest FX-thread stall of the whole console (design.md: never over 100 ms during load,
 * filter or binding), measured with {@link FxStallWatchdog} on the real {@link App} connected to
 * a sandbox holding the {@code large} scenario (10,000 instances, 20,000 ENIs, 2,000 HaVips), in
 * phases:
 *
 * <ol>
 *   <li><b>start</b>: from the main window shown, while the sandbox starts and the console builds
 *       its explorer and activity views (a cold JVM: the first layout and CSS of every control
 *       class; it does not depend on the scenario);</li>
 *   <li><b>large load</b>: from the explorer built until the loaded tree and tables are on screen
 *       (still a cold JVM);</li>
 *   <li><b>reload</b> (F5, warm JVM);</li>
 *   <li><b>browse + filter</b>: selecting regions, a network and a VSwitch in the tree, then typing
 *       in the search box one key every 120 ms (each key re-filters the tables);</li>
 *   <li><b>50 bindings</b>: 50 binds on 50 HaVips of the region the explorer shows, submitted at
 *       once through the workspace's JobEngine, with the sandbox's association taking
 *       {@code delay}, until every HaVip shows {@code InUse} in the workspace.</li>
 * </ol>
 *
 * <p>A benchmark, not a test: it prints a report per phase (max, p99, where the FX thread was
 * during stalls) and asserts nothing. Run it from the project directory:
 *
 * <pre>
 * mvn -B -q -o test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.bench.FxStallBenchmark [delay] [bindings]
 * </pre>
 *
 * <p>Headless on Monocle with software rendering (the surefire settings) by default; under a real
 * X server with GTK: {@code xvfb-run -a java -Denscope.bench.gtk=true …}. {@code delay} is the
 * sandbox's association timing (default {@code fixed:2000}; {@code realistic} keeps the emulator's
 * realistic timings), {@code bindings} the number of binds (default 50). {@code -Xmx1g} as in
 * surefire: the JVM also runs the emulator with the whole large scenario.
 */
public final class FxStallBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private FxStallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String delay = args.length > 0 ? args[0] : "fixed:2000";
        int bindings = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String toolkit = BenchFx.configureToolkit();
        Path dataDir = Files.createTempDirectory("enscope-fxstall-");
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dataDir.toString());
        System.setProperty(Sandbox.SCENARIO_PROPERTY, "large");
        if (!delay.equals("realistic")) {
            System.setProperty("enscope.sandbox.delay", delay);
        }
        System.out.println("Enscope FX-stall benchmark: large scenario, association " + delay + ", " + bindings
                + " bindings; " + toolkit);
        System.out.println("machine: " + BenchFx.machine());

        Map<String, FxStallWatchdog> phases = new LinkedHashMap<>();
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(App.class);
        int code = 0;
        try {
            FxStallWatchdog start = FxStallWatchdog.start();
            phases.put("start: connect + build the explorer (cold JVM)", start);
            Stage main = mainStage();
            BenchFx.await("the explorer", TIMEOUT, () -> BenchFx.onFx(() -> main.getScene().lookup("#tree") != null));
            BenchFx.settle();
            start.stop();

            FxStallWatchdog first = FxStallWatchdog.start();
            phases.put("large load (explorer built -> loaded, cold)", first);
            Workspace ws = awaitLoaded(app);
            BenchFx.settle();
            first.stop();
            long loadedHeap = usedHeapAfterGc();

            FxStallWatchdog reload = FxStallWatchdog.start();
            phases.put("reload F5 (warm)", reload);
            BenchFx.onFx(() -> {
                ws.reload();
                return null;
            });
            awaitLoaded(app);
            BenchFx.settle();
            reload.stop();

            FxStallWatchdog browse = FxStallWatchdog.start();
            phases.put("browse tree + type in search", browse);
            browseAndFilter(app);
            BenchFx.settle();
            browse.stop();

            FxStallWatchdog binding = FxStallWatchdog.start();
            phases.put(bindings + " bindings", binding);
            String bindReport = bind(ws, bindings);
            BenchFx.settle();
            binding.stop();

            System.out.println();
            for (Map.Entry<String, FxStallWatchdog> e : phases.entrySet()) {
                System.out.println("== " + e.getKey());
                System.out.println(e.getValue().report(FxStallLog.BUDGET));
            }
            System.out.println();
            System.out.println(bindReport);
            System.out.printf(Locale.ROOT, "heap after the first load (after GC, whole JVM: console + emulator): %d MB%n",
                    loadedHeap >> 20);
            System.out.println();
            System.out.println("== Summary: longest FX stall per phase (budget 100 ms); FX busy = the most CPU the FX "
                    + "thread used within one stall (the rest is waiting for a core)");
            for (Map.Entry<String, FxStallWatchdog> e : phases.entrySet()) {
                FxStallWatchdog w = e.getValue();
                System.out.printf(Locale.ROOT, "%-48s max %5d ms (FX busy %4d ms)   p99 <= %4d ms   stalls >= 100 ms: "
                                + "%d   %s%n", e.getKey(), w.maxStall().toMillis(), w.maxBusyStall().toMillis(),
                        w.percentile(99).toMillis(), w.stallsOver(FxStallLog.BUDGET),
                        w.maxStall().compareTo(FxStallLog.BUDGET) <= 0 ? "within" : "OVER");
            }
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            code = 1;
        } finally {
            phases.values().forEach(FxStallWatchdog::stop);
            try {
                FxToolkit.cleanupApplication(app);
            } catch (Exception e) {
                System.out.println("cleanup: " + e);
            }
            BenchFx.deleteTree(dataDir);
        }
        System.exit(code);
    }

    /**
     * Waits until the workspace has loaded the large inventory (a reload sets loading at once, on
     * the FX thread; an unchanged reload keeps the same snapshot).
     */
    private static Workspace awaitLoaded(Application app) {
        Workspace[] found = new Workspace[1];
        BenchFx.await("the workspace", TIMEOUT, () -> (found[0] = BenchFx.workspace(app)) != null);
        Workspace ws = found[0];
        BenchFx.await("the large inventory", TIMEOUT, () -> BenchFx.onFx(() -> !ws.loadingProperty().get()
                && ws.inventory().instances().size() >= 10_000));
        return ws;
    }

    private static Stage mainStage() {
        BenchFx.await("the main window", TIMEOUT, () -> BenchFx.onFx(() -> Window.getWindows().stream()
                .anyMatch(FxStallBenchmark::isMain)));
        return BenchFx.onFx(() -> Window.getWindows().stream().filter(FxStallBenchmark::isMain)
                .map(w -> (Stage) w).findFirst().orElseThrow());
    }

    private static boolean isMain(Window w) {
        return w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Enscope");
    }

    @SuppressWarnings("unchecked")
    private static void browseAndFilter(Application app) {
        Stage main = mainStage();
        TreeView<ExplorerNode> tree = (TreeView<ExplorerNode>) BenchFx.onFx(() -> main.getScene().lookup("#tree"));
        TextField search = (TextField) BenchFx.onFx(() -> main.getScene().lookup("#searchField"));
        List<ExplorerNode> regions = BenchFx.onFx(() -> tree.getRoot().getChildren().stream()
                .map(TreeItem::getValue).toList());
        ExplorerNode region = regions.get(regions.size() / 2);
        List<ExplorerNode> path = List.of(regions.get(regions.size() - 1), region, region.children().get(1),
                region.children().get(1).children().get(3), regions.get(0));
        for (ExplorerNode node : path) {
            BenchFx.onFx(() -> {
                for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                    TreeItem<ExplorerNode> item = tree.getTreeItem(i);
                    if (item.getValue().key().equals(node.key())) {
                        tree.getSelectionModel().select(item);
                        tree.scrollTo(Math.max(0, i - 2));
                        break;
                    }
                }
                return null;
            });
            BenchFx.sleep(400);
        }
        for (String text : List.of("running 10.1", "secondary", "")) {
            String typed = "";
            BenchFx.onFx(() -> {
                search.clear();
                return null;
            });
            for (char c : text.toCharArray()) {
                typed += c;
                String now = typed;
                BenchFx.onFx(() -> {
                    search.setText(now);
                    return null;
                });
                BenchFx.sleep(120);
            }
            BenchFx.sleep(300);
        }
    }

    /** Binds {@code count} HaVips of the first region (the one the explorer shows) to an eligible instance each. */
    private static String bind(Workspace ws, int count) {
        Inventory inventory = ws.inventory();
        String region = inventory.regions().get(0).id();
        List<HaVip> candidates = new ArrayList<>(inventory.haVipsInRegion(region));
        Set<String> usedTargets = new HashSet<>();
        List<String[]> pairs = new ArrayList<>();
        for (HaVip h : candidates) {
            if (pairs.size() >= count) {
                break;
            }
            if (h.status() != HaVipStatus.AVAILABLE && h.status() != HaVipStatus.IN_USE
                    || h.hasTransitionalAssociation()) {
                continue;
            }
            EligibilityReport report = ws.eligibility().evaluate(inventory, h);
            for (Verdict v : report.eligible()) {
                if (usedTargets.add(v.targetId())) {
                    pairs.add(new String[] {h.id(), v.targetId(), v.targetType().name()});
                    break;
                }
            }
        }
        if (pairs.size() < count) {
            System.out.println("(only " + pairs.size() + " eligible pairs in " + region + ")");
        }
        long t0 = System.nanoTime();
        List<BindingJob> jobs = new ArrayList<>();
        for (String[] p : pairs) {
            jobs.add(ws.jobs().submitBind(p[0], p[1], io.enscope.ens.model.InstanceType.valueOf(p[2])));
        }
        BenchFx.await("all bindings to end", TIMEOUT, () -> jobs.stream().allMatch(j -> ws.jobs().job(j.id())
                .map(BindingJob::isFinished).orElse(true)));
        long jobsDone = System.nanoTime();
        BenchFx.await("the workspace to show every binding InUse", TIMEOUT, () -> BenchFx.onFx(() -> {
            Inventory now = ws.inventory();
            for (String[] p : pairs) {
                boolean inUse = now.haVip(p[0]).map(h -> h.associations().stream().anyMatch(a ->
                        a.instanceId().equals(p[1]) && a.status() == AssociationStatus.IN_USE)).orElse(false);
                if (!inUse) {
                    return false;
                }
            }
            return true;
        }));
        long shown = System.nanoTime();
        Map<JobState, Integer> states = new EnumMap<>(JobState.class);
        for (BindingJob j : jobs) {
            ws.jobs().job(j.id()).ifPresent(now -> states.merge(now.state(), 1, Integer::sum));
        }
        return String.format(Locale.ROOT, "%d binds in %s (HaVips of the region the explorer shows): jobs %s; all ended "
                        + "after %d ms, all shown InUse after %d ms", pairs.size(), region, states,
                (jobsDone - t0) / 1_000_000, (shown - t0) / 1_000_000);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            BenchFx.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
