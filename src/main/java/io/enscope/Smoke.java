package io.enscope;

import io.enscope.binding.BindingJob;
import io.enscope.binding.EligibilityReport;
import io.enscope.binding.JobEvent;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobListener;
import io.enscope.binding.JobState;
import io.enscope.binding.Verdict;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.InstanceType;
import io.enscope.inventory.Inventory;
import io.enscope.ui.common.Workspace;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * {@code Enscope --smoke}: proves an installed console works end to end. It starts the console on
 * the sandbox, waits for the inventory, binds one eligible (HaVip, target) pair on the emulator,
 * waits until the console shows the association {@code InUse}, prints one result line on
 * standard output and exits: 0 when all of it worked, 1 on any failure or after the timeout
 * ({@value #DEFAULT_TIMEOUT_SECONDS} s, or {@code -Denscope.smoke.timeout=SECONDS}).
 *
 * <p>The run uses a fresh temporary data directory, so it always starts on the demo sandbox (a
 * user's last connection may be a real cloud account, which a smoke test must never change) and
 * leaves the user's settings and activity history alone. The directory is deleted when the run
 * passes and kept, for its log, when it fails. An explicit {@code -Denscope.data.dir} is used
 * as given and never deleted.
 *
 * <p>One smoke run is a whole process, so its outcome is process-wide state: the watchdog, the
 * run and the JVM shutdown share it, and exactly one of them reports.
 */
public final class Smoke {
    /** The system property that tells the composition root to call {@link #start}. */
    public static final String PROPERTY = "enscope.smoke";
    static final String TIMEOUT_PROPERTY = "enscope.smoke.timeout";
    static final long DEFAULT_TIMEOUT_SECONDS = 120;
    static final int OK = 0;
    static final int FAILED = 1;

    private static final Outcome OUTCOME = new Outcome(System.out, true);

    private Smoke() {
    }

    /**
     * Prepares the process for a smoke run before JavaFX starts: sets {@value #PROPERTY}, points
     * the data directory at a fresh temporary one (unless one was given) and arms the timeout, so
     * that even a console that never connects ends with a result line.
     */
    static void prepare() {
        OUTCOME.begin(System.nanoTime());
        System.setProperty(PROPERTY, "true");
        if (System.getProperty(AppDirectories.OVERRIDE_PROPERTY, "").isBlank()) {
            try {
                Path dir = Files.createTempDirectory("enscope-smoke-");
                System.setProperty(AppDirectories.OVERRIDE_PROPERTY, dir.toString());
                OUTCOME.ownDataDirectory(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the smoke run's data directory", e);
            }
        }
        OUTCOME.armWatchdog(timeout());
        Runtime.getRuntime().addShutdownHook(new Thread(OUTCOME::cleanUp, "enscope-smoke-cleanup"));
    }

    /**
     * The console's {@code Application.launch} returned or threw without the run ending the
     * process (no display, a window closed by hand, the smoke run never wired in): the result
     * line says so unless the run already reported.
     *
     * @param error why the console did not start, or null when it started and ended
     * @return the exit code of the process
     */
    static int consoleEnded(Throwable error) {
        OUTCOME.report(FAILED, error != null ? "FAILED the console did not start: " + describe(error)
                : "FAILED the console ended before the smoke run did");
        return OUTCOME.exitCode();
    }

    /**
     * Runs the smoke test on a connected console. Call it once the workspace exists, on any
     * thread; it works on the workspace's UI thread and returns at once.
     *
     * @param workspace the console's connection; it must be the sandbox
     * @param exit      receives the exit code once the result line is printed (0 passed, 1 failed)
     */
    public static void start(Workspace workspace, IntConsumer exit) {
        start(workspace, exit, OUTCOME, timeout());
    }

    static void start(Workspace workspace, IntConsumer exit, Outcome outcome, Duration timeout) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(exit, "exit");
        outcome.begin(System.nanoTime());
        outcome.onTimeout(exit);
        outcome.armWatchdog(timeout);
        Run run = new Run(workspace, exit, outcome);
        workspace.ui().run(run::begin);
    }

    static Duration timeout() {
        long seconds = Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_SECONDS);
        return Duration.ofSeconds(seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * The pair to bind: the first HaVip (by ID) with an eligible target, preferring an instance to
     * an ENI, both by ID, so that runs on the same scenario bind the same pair.
     */
    static Optional<Pick> choose(Inventory inventory, Function<HaVip, EligibilityReport> evaluate) {
        List<HaVip> haVips = new ArrayList<>(inventory.haVips());
        haVips.sort(Comparator.comparing(HaVip::id));
        for (HaVip haVip : haVips) {
            Optional<Verdict> best = evaluate.apply(haVip).eligible().stream()
                    .min(Comparator.comparing((Verdict v) -> v.targetType() != InstanceType.ENS_INSTANCE)
                            .thenComparing(Verdict::targetId));
            if (best.isPresent()) {
                return Optional.of(new Pick(haVip.id(), best.get().targetId(), best.get().targetType()));
            }
        }
        return Optional.empty();
    }

    /** One (HaVip, target) pair to bind. */
    record Pick(String haVipId, String targetId, InstanceType targetType) {
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** One run on one workspace; every method but the listeners' hand-off runs on its UI thread. */
    private static final class Run {
        private final Workspace workspace;
        private final IntConsumer exit;
        private final Outcome outcome;
        private final List<Runnable> detach = new ArrayList<>();
        private boolean loaded;
        private Pick pick;
        private long submittedAt;
        private boolean succeeded;

        Run(Workspace workspace, IntConsumer exit, Outcome outcome) {
            this.workspace = workspace;
            this.exit = exit;
            this.outcome = outcome;
        }

        void begin() {
            if (workspace.sandbox().isEmpty()) {
                fail("not connected to the sandbox (" + workspace.connectionLabel()
                        + "); a smoke run binds only on the sandbox");
                return;
            }
            outcome.phase("loading the inventory");
            InvalidationListener check = this::inventoryChanged;
            workspace.inventoryProperty().addListener(check);
            workspace.loadingProperty().addListener(check);
            workspace.loadErrorProperty().addListener(check);
            detach.add(() -> {
                workspace.inventoryProperty().removeListener(check);
                workspace.loadingProperty().removeListener(check);
                workspace.loadErrorProperty().removeListener(check);
            });
            inventoryChanged(null);
        }

        private void inventoryChanged(Observable ignored) {
            if (outcome.isReported()) {
                return;
            }
            if (!loaded) {
                Throwable error = workspace.loadErrorProperty().get();
                if (error != null) {
                    fail("the inventory did not load: " + describe(error));
                } else if (!workspace.loadingProperty().get() && !workspace.inventory().haVips().isEmpty()) {
                    loaded = true;
                    bind();
                }
            } else if (succeeded) {
                finishIfInUse();
            }
        }

        private void bind() {
            Inventory inventory = workspace.inventory();
            Optional<Pick> chosen = choose(inventory, h -> workspace.eligibility().evaluate(inventory, h));
            if (chosen.isEmpty()) {
                fail("no HaVip of the sandbox has an eligible target (" + summary(inventory) + ")");
                return;
            }
            pick = chosen.get();
            outcome.phase("binding " + pick.haVipId() + " to " + pick.targetId());
            JobListener listener = new JobListener() {
                @Override
                public void jobChanged(JobEvent event, BindingJob job) {
                    if (job.kind() == JobKind.BIND && job.haVipId().equals(pick.haVipId())
                            && job.targetId().equals(pick.targetId())) {
                        workspace.ui().run(() -> jobChangedOnUi(job));
                    }
                }
            };
            workspace.jobs().addListener(listener);
            detach.add(() -> workspace.jobs().removeListener(listener));
            submittedAt = System.nanoTime();
            try {
                workspace.jobs().submitBind(pick.haVipId(), pick.targetId(), pick.targetType());
            } catch (RuntimeException e) {
                fail("the bind was not accepted: " + describe(e));
            }
        }

        private void jobChangedOnUi(BindingJob job) {
            if (outcome.isReported() || succeeded) {
                return;
            }
            outcome.phase("binding " + pick.haVipId() + " to " + pick.targetId() + " (job " + job.state() + ")");
            if (job.state() == JobState.SUCCEEDED) {
                succeeded = true;
                finishIfInUse();
            } else if (job.isFinished()) {
                fail("the bind of " + pick.haVipId() + " to " + pick.targetId() + " ended " + job.state()
                        + Optional.ofNullable(job.errorCode()).map(code -> " (" + code + ")").orElse(""));
            }
        }

        /** The job saw InUse; pass once the console's own inventory shows it too. */
        private void finishIfInUse() {
            Inventory inventory = workspace.inventory();
            Optional<AssociationStatus> status = inventory.haVip(pick.haVipId())
                    .flatMap(h -> h.association(pick.targetId()))
                    .map(HaVipAssociation::status);
            if (status.filter(s -> s == AssociationStatus.IN_USE).isEmpty()) {
                outcome.phase("waiting for the console to show " + pick.haVipId() + " InUse on " + pick.targetId());
                return;
            }
            long now = System.nanoTime();
            finish(OK, "ok bound " + pick.haVipId() + " to " + pick.targetId() + " in " + seconds(now - submittedAt)
                    + " (inventory " + summary(inventory) + "; total " + seconds(now - outcome.startedAt()) + ")");
        }

        private void fail(String why) {
            finish(FAILED, "FAILED " + why);
        }

        private void finish(int code, String text) {
            detach.forEach(Runnable::run);
            detach.clear();
            if (outcome.report(code, text)) {
                exit.accept(code);
            }
        }
    }

    static String summary(Inventory inventory) {
        return inventory.regions().size() + " regions, " + inventory.vSwitches().size() + " VSwitches, "
                + inventory.instances().size() + " instances, " + inventory.networkInterfaces().size() + " ENIs, "
                + inventory.haVips().size() + " HaVips";
    }

    /** What a smoke run reports, once; and the data directory it owns. */
    static final class Outcome {
        private final PrintStream out;
        private final boolean haltWhenStuck;
        private final AtomicBoolean reported = new AtomicBoolean();
        private final AtomicBoolean watchdogArmed = new AtomicBoolean();
        private volatile long startedAt;
        private volatile String phase = "waiting for the console to connect";
        private volatile int code = FAILED;
        private volatile Path ownedDataDirectory;
        private volatile IntConsumer timeoutExit;

        /**
         * @param out           where the result line goes
         * @param haltWhenStuck after a timeout, halt the JVM if the exit callback did not end it
         *                      (the process's run; never in tests)
         */
        Outcome(PrintStream out, boolean haltWhenStuck) {
            this.out = out;
            this.haltWhenStuck = haltWhenStuck;
        }

        void begin(long now) {
            if (startedAt == 0) {
                startedAt = now;
            }
        }

        long startedAt() {
            return startedAt;
        }

        int exitCode() {
            return code;
        }

        void phase(String now) {
            phase = now;
        }

        void ownDataDirectory(Path dir) {
            ownedDataDirectory = dir;
        }

        void onTimeout(IntConsumer exit) {
            timeoutExit = exit;
        }

        boolean isReported() {
            return reported.get();
        }

        /** Prints the result line unless one was printed; returns whether this call printed it. */
        boolean report(int exitCode, String text) {
            if (!reported.compareAndSet(false, true)) {
                return false;
            }
            code = exitCode;
            String where = exitCode != OK && ownedDataDirectory != null
                    ? " [log: " + ownedDataDirectory.resolve("logs") + "]" : "";
            out.println("smoke: " + text + where);
            out.flush();
            return true;
        }

        void armWatchdog(Duration timeout) {
            if (!watchdogArmed.compareAndSet(false, true)) {
                return;
            }
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(timeout.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (report(FAILED, "FAILED timed out after " + seconds(timeout.toNanos()) + " while " + phase)) {
                    IntConsumer exit = timeoutExit;
                    if (exit != null) {
                        exit.accept(FAILED);
                    }
                    if (haltWhenStuck) {
                        // The console may be too stuck to exit on request.
                        Runtime.getRuntime().halt(FAILED);
                    }
                }
            }, "enscope-smoke-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        /** At exit: a passed run leaves nothing behind; a failed one keeps its log. */
        void cleanUp() {
            Path dir = ownedDataDirectory;
            if (dir == null || code != OK) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Best effort: it is a temporary directory, and the JVM is going away.
            }
        }
    }
}
