package io.enscope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * mvn -B -q -o test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.bench.StartupBenchmark [runs]
 * # the same under a real X server with GTK glass:
 * xvfb-run -a java -Denscope.bench.gtk=true -cp "…" io.enscope.bench.StartupBenchmark [runs]
 * </pre>
 *
 * <p>{@code runs} (default 5) launches of each are measured. Headless on Monocle with software
 * rendering (the surefire settings) by default; with {@code -Denscope.bench.gtk=true} the children
 * use the platform's glass (GTK) on {@code $DISPLAY}, also with software rendering unless
 * {@code -Dprism.order} is given.
 *
 * <p>It also reports, for Enscope, when its first connection was attached (the sandbox started and
 * the workspace built: {@code App.workspace()} set), after the window was shown; that does not
 * change the "shown" figures, which are taken first. Options:
 * and when the demo inventory was on screen (the explorer's tree filled).
 * {@code -Denscope.bench.settings=true} gives every Enscope launch a saved {@code settings.json}
 * (a returning user) instead of an empty data directory (a first start).
 */
public final class StartupBenchmark {
    private static final Pattern LINE = Pattern.compile("STARTUP showing=(\\d+) pulse=(\\d+) preloader=(\\d+)");
    private static final Pattern ATTACHED = Pattern.compile("ATTACHED attached=(\\d+)");
    private static final Pattern DATA = Pattern.compile("DATA data=(\\d+)");
    private static final Pattern CPU = Pattern.compile("fxcpu=(\\d+) cpu=(\\d+)");
    private static final String ENSCOPE = "io.enscope.Main";
    /**
     * The JVM options every Enscope launcher passes (the pom's {@code app.jvm.options}), given to the
     * Enscope child only: the bare window is a plain {@code java} launch. Another set for an
     * experiment: {@code -Denscope.bench.appjvm="-XX:+TieredCompilation"} (space-separated).
     */
    static final List<String> APP_JVM_OPTIONS = Stream.of(
            System.getProperty("enscope.bench.appjvm", "-XX:TieredStopAtLevel=1").split("\\s+"))
            .filter(option -> !option.isEmpty()).toList();
    private static final String SETTINGS_JSON = "{\n  \"language\" : \"en\",\n  \"theme\" : \"LIGHT\",\n"
            + "  \"lastConnection\" : \"sandbox\",\n  \"lastRegions\" : [ \"cn-hangzhou-telecom\" ]\n}\n";
    private static final long TIMEOUT_SECONDS = 120;
    private static final String BARE = BareWindow.Launcher.class.getName();

    private StartupBenchmark() {
    }

    /**
     * One launch: ms since JVM start until showing and until the first pulse; parent wall time; ms
     * since JVM start until the connection was attached and until its data was on screen (-1 when
     * not reported).
     */
    private record Launch(long showing, long shown, long wall, long attached, long data, long fxCpu, long cpu) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean gtk = Boolean.getBoolean(BenchFx.GTK_PROPERTY);
        boolean settings = Boolean.getBoolean("enscope.bench.settings");
        System.out.println("Enscope start-up benchmark: " + runs + " launches each, alternating, fresh JVMs; "
                + (gtk ? "GTK glass on DISPLAY=" + System.getenv("DISPLAY") : "Monocle headless") + ", prism "
                + System.getProperty("prism.order", "sw") + (settings ? "; Enscope with a saved settings.json" : ""));
        System.out.println("machine: " + BenchFx.machine());

        launch(BARE, gtk, List.of(), false);
        launch(ENSCOPE, gtk, List.of(), settings);
        List<Launch> enscope = new ArrayList<>();
        List<Launch> bare = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            enscope.add(launch(ENSCOPE, gtk, List.of(), settings));
            bare.add(launch(BARE, gtk, List.of(), false));
            System.out.printf(Locale.ROOT, "run %d: Enscope shown %d ms (showing %d, process %d, attached %d, "
                            + "CPU fx/all %d/%d); bare shown %d ms (showing %d, process %d, CPU fx/all %d/%d)", i + 1,
                    enscope.get(i).shown(), enscope.get(i).showing(), enscope.get(i).wall(), enscope.get(i).attached(),
                    enscope.get(i).fxCpu(), enscope.get(i).cpu(), bare.get(i).shown(), bare.get(i).showing(),
                    bare.get(i).wall(), bare.get(i).fxCpu(), bare.get(i).cpu());
            System.out.printf(Locale.ROOT, "; Enscope data on screen %d ms after its window",
                    enscope.get(i).data() - enscope.get(i).shown());
            System.out.println();
        }
        long e = median(enscope, Launch::shown);
        long b = median(bare, Launch::shown);
        long ew = median(enscope, Launch::wall);
        long bw = median(bare, Launch::wall);
        System.out.println();
        System.out.printf(Locale.ROOT, "window shown, from JVM start (median of %d): Enscope %d ms, bare %d ms, "
                + "ratio %.2f   (budget: <= 2)%n", runs, e, b, (double) e / b);
        System.out.printf(Locale.ROOT, "window showing (before its first pulse):    Enscope %d ms, bare %d ms%n",
                median(enscope, Launch::showing), median(bare, Launch::showing));
        System.out.printf(Locale.ROOT, "from spawning the process (JVM boot too):   Enscope %d ms, bare %d ms, "
                + "ratio %.2f%n", ew, bw, (double) ew / bw);
        System.out.printf(Locale.ROOT, "connection attached, from JVM start:        Enscope %d ms%n",
                median(enscope, Launch::attached));
        System.out.printf(Locale.ROOT, "CPU until shown, FX thread / whole process: Enscope %d / %d ms, "
                        + "bare %d / %d ms, FX-thread ratio %.2f%n", median(enscope, Launch::fxCpu), median(enscope, Launch::cpu),
                median(bare, Launch::fxCpu), median(bare, Launch::cpu),
                (double) median(enscope, Launch::fxCpu) / median(bare, Launch::fxCpu));
        System.out.printf(Locale.ROOT, "ratio per run (Enscope / the bare launch after it), median: %.2f%n",
                medianRatio(enscope, bare));
        long[] afterWindow = enscope.stream().mapToLong(l -> l.data() - l.shown()).toArray();
        System.out.printf(Locale.ROOT, "demo data on screen after the window:      Enscope %d ms (median; max %d)"
                + "   (budget: <= 1000)%n", BenchFx.median(afterWindow), java.util.Arrays.stream(afterWindow).max()
                .orElse(-1));
        System.out.println("load average at the end: " + BenchFx.machine().replaceAll(".*load average ", ""));
    }

    private static double medianRatio(List<Launch> a, List<Launch> b) {
        double[] ratios = new double[a.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) a.get(i).shown() / b.get(i).shown();
        }
        java.util.Arrays.sort(ratios);
        int n = ratios.length;
        return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    private static long median(List<Launch> launches, java.util.function.ToLongFunction<Launch> f) {
        return BenchFx.median(launches.stream().mapToLong(f).toArray());
    }

    /**
     * The command of one child JVM, as the benchmark runs it: the probe as preloader, a data directory,
     * the toolkit properties, the parent's class path.
     */
    public static List<String> childCommand(String mainClass, boolean gtk, Path dataDir, List<String> jvmArgs) {
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
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    private static Launch launch(String mainClass, boolean gtk, List<String> jvmArgs, boolean settings)
            throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("enscope-startup-");
        if (settings) {
            Files.writeString(dataDir.resolve("settings.json"), SETTINGS_JSON);
        }
        List<String> args = new ArrayList<>(jvmArgs);
        if (mainClass.equals(ENSCOPE)) {
            args.add("-Denscope.startup.attached=true");
            args.add("-Denscope.startup.views=true");
            args.addAll(APP_JVM_OPTIONS);
        }
        ProcessBuilder pb = new ProcessBuilder(childCommand(mainClass, gtk, dataDir, args)).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Launch result = null;
        long attached = -1;
        long data = -1;
        List<String> output = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                Matcher a = ATTACHED.matcher(line);
                Matcher d = DATA.matcher(line);
                if (m.find()) {
                    long wall = (System.nanoTime() - t0) / 1_000_000;
                    Matcher c = CPU.matcher(line);
                    boolean cpu = c.find();
                    result = new Launch(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), wall, -1, -1,
                            cpu ? Long.parseLong(c.group(1)) : -1, cpu ? Long.parseLong(c.group(2)) : -1);
                } else if (a.find()) {
                    attached = Long.parseLong(a.group(1));
                } else if (d.find()) {
                    data = Long.parseLong(d.group(1));
                } else {
                    output.add(line);
                }
            }
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        BenchFx.deleteTree(dataDir);
        if (result == null) {
            throw new IllegalStateException(mainClass + " reported no start-up time; its output:\n"
                    + String.join("\n", output));
        }
        return new Launch(result.showing(), result.shown(), result.wall(), attached, data, result.fxCpu(),
                result.cpu());
    }
}
