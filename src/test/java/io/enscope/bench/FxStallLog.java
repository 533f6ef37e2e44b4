package io.enscope.bench;

import io.enscope.ui.common.FxStallWatchdog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where the TestFX journeys and the stall benchmarks record their FX-stall figures: printed on
 * standard output and appended, one line per measure, to {@code fx-stalls.txt} in the build
 * directory (surefire's {@code enscope.test.build.dir}, else {@code target}), so that a CI run
 * keeps them next to the reports.
 */
public final class FxStallLog {
    /** design.md "Budgets": the FX thread never stalls longer than this. */
    public static final Duration BUDGET = Duration.ofMillis(100);
    /** Tests fail only above this, so that a loaded CI machine does not make them flaky. */
    public static final Duration FAIL_ABOVE = Duration.ofMillis(500);

    private FxStallLog() {
    }

    /**
     * Prints the watchdog's report and appends its headline to {@code fx-stalls.txt}.
     *
     * @param what     what was measured, e.g. the test's name
     * @param watchdog a stopped (or running) watchdog
     */
    public static void record(String what, FxStallWatchdog watchdog) {
        String report = watchdog.report(BUDGET);
        System.out.println("[fx-stall] " + what + ": " + report);
        String line = String.format(Locale.ROOT, "%s\t%s\tmax %d ms\tFX busy %d ms\tp99 <= %d ms\tbudget %d ms\t%s%n",
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), what,
                watchdog.maxStall().toMillis(), watchdog.maxBusyStall().toMillis(), watchdog.percentile(99).toMillis(),
                BUDGET.toMillis(),
                watchdog.maxStall().compareTo(BUDGET) <= 0 ? "within" : "OVER");
        Path file = Paths.get(System.getProperty("enscope.test.build.dir", "target"), "fx-stalls.txt");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[fx-stall] could not append to " + file + ": " + e);
        }
    }
}
