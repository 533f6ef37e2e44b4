package io.enscope.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Time until the main window is shown (design.md: at most 1.5 times a bare JavaFX window on the
 * same machine), Enscope versus {@link BareWindow} (one Label), measured in the same run, each
 * launch in a fresh JVM, alternating Enscope and bare, after one unmeasured warm-up launch of
 * each (file cache).
 *
 * <p>Each child JVM runs its real entry point ({@code io.enscope.Main}, or
 * {@code BareWindow.Launcher.main}) with {@code -Djavafx.preloader=io.enscope.bench.StartupProbe}, which
 * reports, in milliseconds since the child JVM started ({@code RuntimeMXBean.getStartTime()}),
 * when the first window was showing and when its first pulse was over (laid out and handed to
 * the renderer, the FX thread free again): "window shown" is the latter. Both children get the
 * same class path (the test class path), heap and toolkit properties; Enscope gets a fresh empty
 * data directory, i.e. a first start on the sandbox, whose emulator starts in the background
 * while the window shows. The parent also reports the wall time from spawning the process to
 * reading the line (JVM boot included).
 *
 * <p>A benchmark, not a test. Run it from the project directory:
 *
 * <pre>
 * mvn -B -q -o -Dbuild.dir=target-perf test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target-perf/cp.txt
 * java -cp "$(cat target-perf/cp.txt):target-perf/classes:target-perf/test-classes" \
 *     io.enscope.bench.StartupBenchmark [runs]
 * # the same under a real X server with GTK glass:
 * xvfb-run -a java -Denscope.bench.gtk=true -cp "…" io.enscope.bench.StartupBenchmark [runs]
 * </pre>
 *
 * <p>{@code runs} (default 5) launches of each are measured. Headless on Monocle with software
 * rendering (the surefire settings) by default; with {@code -Denscope.bench.gtk=true} the children
 * use the platform's glass (GTK) on {@code $DISPLAY}, also with software rendering unless
 * {@code -Dprism.order} is given.
 */
public final class StartupBenchmark {
    private static final Pattern LINE = Pattern.compile("STARTUP showing=(\\d+) pulse=(\\d+) preloader=(\\d+)");
    private static final long TIMEOUT_SECONDS = 120;
    private static final String BARE = BareWindow.Launcher.class.getName();

    private StartupBenchmark() {
    }

    /** One launch: ms since JVM start until showing and until the first pulse; parent wall time. */
    private record Launch(long showing, long shown, long wall) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean gtk = Boolean.getBoolean(BenchFx.GTK_PROPERTY);
        System.out.println("Enscope start-up benchmark: " + runs + " launches each, alternating, fresh JVMs; "
                + (gtk ? "GTK glass on DISPLAY=" + System.getenv("DISPLAY") : "Monocle headless") + ", prism "
                + System.getProperty("prism.order", "sw"));
        System.out.println("machine: " + BenchFx.machine());

        launch(BARE, gtk);
        launch("io.enscope.Main", gtk);
        List<Launch> enscope = new ArrayList<>();
        List<Launch> bare = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            enscope.add(launch("io.enscope.Main", gtk));
            bare.add(launch(BARE, gtk));
            System.out.printf(Locale.ROOT, "run %d: Enscope shown %d ms (showing %d, process %d); bare shown %d ms "
                            + "(showing %d, process %d)%n", i + 1, enscope.get(i).shown(), enscope.get(i).showing(),
                    enscope.get(i).wall(), bare.get(i).shown(), bare.get(i).showing(), bare.get(i).wall());
        }
        long e = median(enscope, Launch::shown);
        long b = median(bare, Launch::shown);
        long ew = median(enscope, Launch::wall);
        long bw = median(bare, Launch::wall);
        System.out.println();
        System.out.printf(Locale.ROOT, "window shown, from JVM start (median of %d): Enscope %d ms, bare %d ms, "
                + "ratio %.2f   (budget: <= 1.5)%n", runs, e, b, (double) e / b);
        System.out.printf(Locale.ROOT, "window showing (before its first pulse):    Enscope %d ms, bare %d ms%n",
                median(enscope, Launch::showing), median(bare, Launch::showing));
        System.out.printf(Locale.ROOT, "from spawning the process (JVM boot too):   Enscope %d ms, bare %d ms, "
                + "ratio %.2f%n", ew, bw, (double) ew / bw);
    }

    private static long median(List<Launch> launches, java.util.function.ToLongFunction<Launch> f) {
        return BenchFx.median(launches.stream().mapToLong(f).toArray());
    }

    private static Launch launch(String mainClass, boolean gtk) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("enscope-startup-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dfile.encoding=UTF-8",
                "-Djavafx.preloader=" + StartupProbe.class.getName(),
                "-Denscope.data.dir=" + dataDir,
                "-Dprism.order=" + System.getProperty("prism.order", "sw")));
        if (!gtk) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.text=t2k",
                    "-Djava.awt.headless=true"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Launch result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    long wall = (System.nanoTime() - t0) / 1_000_000;
                    result = new Launch(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), wall);
                } else {
                    output.add(line);
                }
            }
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        deleteTree(dataDir);
        if (result == null) {
            throw new IllegalStateException(mainClass + " reported no start-up time; its output:\n"
                    + String.join("\n", output));
        }
        return result;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
