package io.enscope.tools;

import io.enscope.bench.StartupBenchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates {@code src/main/resources/io/enscope/startup-classes.txt}, the classes that
 * {@code io.enscope.StartupWarmup} loads ahead: it starts the console once the way
 * {@link StartupBenchmark} does (fresh data directory, the benchmark's probe as preloader, the warm-up
 * off) with {@code -Xlog:class+load}, and keeps, in load order, the classes loaded from the moment the
 * application's code starts (the probe's {@code preloader=} time; what the toolkit loads before that it
 * loads on its own thread anyway) until the main window's first pulse. Left out: classes from the CDS
 * archive (already cheap), hidden and generated classes, the benchmark's own classes, and the
 * platform-specific packages of glass, prism and the font rasterisers (Monocle, GTK, software
 * rendering here; another platform would need others), so that the list is not tuned to this
 * machine's headless set-up. The same run goes on until the first connection's views are built
 * (the probe's {@code VIEWS} line) and writes the classes loaded after the first pulse until then,
 * by any thread, to {@code views-classes.txt} beside the first list, keeping only the UI's packages
 * (JavaFX, ours, ControlsFX, AtlantaFX, Ikonli): the warm-up loads those once the first frame is
 * shown, while the connection is made.
 *
 * <p>Re-run it after changing what the main window shows (the unit test
 * {@code StartupWarmupTest} fails when most of the list no longer resolves). From the project directory:
 *
 * <pre>
 * mvn -B -q -o test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.tools.StartupClassList src/main/resources/io/enscope/startup-classes.txt
 * </pre>
 */
public final class StartupClassList {
    private static final Pattern LOADED = Pattern.compile(
            "^\\[(\\d+)ms](?:\\[[^]]*])*\\s*(\\S+) source: (.+)$");
    private static final Pattern STARTUP = Pattern.compile("STARTUP showing=(\\d+) pulse=(\\d+) preloader=(\\d+)");
    private static final Pattern VIEWS = Pattern.compile("VIEWS views=(\\d+)");
    private static final List<String> PLATFORM_SPECIFIC = List.of(
            "com.sun.glass.ui.monocle.", "com.sun.glass.ui.gtk.", "com.sun.glass.ui.win.", "com.sun.glass.ui.mac.",
            "com.sun.prism.sw.", "com.sun.prism.es2.", "com.sun.prism.d3d.", "com.sun.prism.mtl.",
            "com.sun.javafx.font.t2k.", "com.sun.javafx.font.freetype.", "com.sun.javafx.font.directwrite.",
            "com.sun.javafx.font.coretext.", "io.enscope.bench.");

    /**
     * Of the classes loaded while the views are built, those the FX thread needs: the sandbox, the
     * SDK and JSON load theirs on the connecting thread, and a real cloud connection needs no
     * emulator classes at all.
     */
    private static final List<String> UI_PACKAGES = List.of(
            "javafx.", "com.sun.javafx.", "com.sun.prism.", "com.sun.glass.", "com.sun.marlin.", "com.sun.scenario.",
            "io.enscope.ui.", "io.enscope.Views", "org.controlsfx.", "impl.org.controlsfx.", "atlantafx.",
            "org.kordamp.");

    private StartupClassList() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/io/enscope/startup-classes.txt");
        Path viewsOut = out.resolveSibling("views-classes.txt");
        Path dataDir = Files.createTempDirectory("enscope-classlist-");
        Path log = Files.createTempFile("enscope-classload-", ".log");
        List<String> command = StartupBenchmark.childCommand("io.enscope.Main", false, dataDir, List.of(
                "-Denscope.warmup=false", "-Denscope.startup.attached=true", "-Denscope.startup.views=true",
                "-Xlog:class+load=info:file=" + log + ":uptimemillis"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long preloader = -1;
        long pulse = -1;
        long views = -1;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = STARTUP.matcher(line);
                Matcher v = VIEWS.matcher(line);
                if (m.find()) {
                    pulse = Long.parseLong(m.group(2));
                    preloader = Long.parseLong(m.group(3));
                } else if (v.find()) {
                    views = Long.parseLong(v.group(1));
                }
            }
        }
        p.waitFor(120, TimeUnit.SECONDS);
        if (pulse < 0 || views < 0) {
            throw new IllegalStateException("the console reported no start-up or views time");
        }
        List<String> logLines = Files.readAllLines(log);
        write(out, select(logLines, preloader, pulse), "the main window's first frame loads", preloader, pulse);
        List<String> viewClasses = select(logLines, pulse + 1, views).stream()
                .filter(name -> UI_PACKAGES.stream().anyMatch(name::startsWith)).toList();
        write(viewsOut, viewClasses,
                "the first connection's views load after the first frame (explorer, HaVip detail, activities)",
                pulse + 1, views);
        Files.delete(log);
    }

    private static void write(Path out, List<String> classes, String what, long from, long to) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# Classes " + what + ", in load order, for io.enscope.StartupWarmup.",
                "# Generated by io.enscope.tools.StartupClassList (see its Javadoc); do not edit by hand.",
                "# " + classes.size() + " classes, loaded between " + from + " and " + to
                        + " ms after JVM start in the generating run."));
        lines.addAll(classes);
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + classes.size() + " classes to " + out);
    }

    /** The class names worth loading ahead, from {@code -Xlog:class+load} lines with uptime in ms. */
    static List<String> select(List<String> logLines, long fromMillis, long toMillis) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : logLines) {
            Matcher m = LOADED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long at = Long.parseLong(m.group(1));
            String name = m.group(2);
            String source = m.group(3);
            boolean fromFile = (source.startsWith("file:") || source.startsWith("jrt:/"))
                    && !source.contains("/test-classes/");
            if (at >= fromMillis && at <= toMillis && fromFile && !name.contains("/")
                    && PLATFORM_SPECIFIC.stream().noneMatch(name::startsWith)) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }
}
