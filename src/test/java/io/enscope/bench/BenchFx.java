package io.enscope.bench;

import io.enscope.App;
import io.enscope.ui.common.Workspace;
import javafx.application.Application;
import javafx.application.Platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What the console benchmarks share: the headless JavaFX set-up of the surefire configuration,
 * running code on the FX thread, waiting for a condition, reaching the {@link Workspace} of a
 * running {@link App}, and small statistics.
 */
final class BenchFx {
    /** Set {@code -Denscope.bench.gtk=true} (under xvfb-run) to use the real GTK glass instead of Monocle. */
    static final String GTK_PROPERTY = "enscope.bench.gtk";

    private BenchFx() {
    }

    /**
     * Sets the system properties of the surefire configuration in pom.xml (Monocle headless,
     * software rendering), unless they are given or GTK was asked for. Call before JavaFX starts.
     *
     * @return "Monocle headless" or "GTK" and the pipeline, for the report
     */
    static String configureToolkit() {
        if (Boolean.getBoolean(GTK_PROPERTY)) {
            System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
            return "GTK glass (" + System.getenv().getOrDefault("DISPLAY", "no DISPLAY") + "), prism "
                    + System.getProperty("prism.order");
        }
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        setDefault("testfx.robot", "glass");
        setDefault("testfx.headless", "true");
        setDefault("java.awt.headless", "true");
        return "Monocle headless, prism " + System.getProperty("prism.order");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX call failed", e);
        }
    }

    /** Polls {@code condition} every 20 ms until it holds; fails after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the FX thread has run everything queued so far, twice (a pulse may queue more). */
    static void settle() {
        for (int i = 0; i < 3; i++) {
            onFx(() -> null);
            sleep(20);
        }
    }

    /** The workspace of a connected {@link App}; null while it is still connecting. */
    static Workspace workspace(Application app) {
        return ((App) app).workspace();
    }

    static long median(long[] values) {
        return percentile(values, 50);
    }

    static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** nproc, CPU model, RAM, Java and the load average, for the reports. */
    static String machine() {
        String cpu = "?";
        try {
            cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("?");
        } catch (java.io.IOException | RuntimeException ignored) {
            // not Linux: the model stays unknown
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%d CPU(s) %s, %d MB RAM, Java %s, load average %.2f",
                Runtime.getRuntime().availableProcessors(), cpu, os.getTotalMemorySize() >> 20,
                System.getProperty("java.version"), os.getSystemLoadAverage());
    }

    /** Deletes a benchmark's data directory (a large sandbox leaves a 19 MB state file in it). */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
