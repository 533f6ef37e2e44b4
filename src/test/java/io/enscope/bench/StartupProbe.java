package io.enscope.bench;

import io.enscope.App;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.application.Preloader;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The child side of {@link StartupBenchmark}: a JavaFX {@link Preloader} named by
 * {@code -Djavafx.preloader}, so that it watches the real launch of any application
 * ({@code Application.launch} reads that property) without changing it. It never shows its own
 * stage. When the application's first window is showing, it waits for that window's first pulse
 * (CSS, layout, and the scene handed to the renderer) and for the FX thread to be free again,
 * then prints one line, in milliseconds since the JVM started
 * ({@code RuntimeMXBean.getStartTime()}), and halts the JVM ({@code -Denscope.startup.exit=true}
 * exits normally instead, e.g. so that {@code -XX:StartFlightRecording} writes its file):
 *
 * <pre>STARTUP showing=412 pulse=655 preloader=301 fxcpu=310 cpu=1450</pre>
 *
 * <p>({@code fxcpu}: CPU time of the FX thread until then, {@code cpu}: of the whole process.) With
 * {@code -Denscope.startup.attached=true} and Enscope's {@code App}, it then waits (at most a
 * minute) until the app has attached its first connection, i.e. {@code App.workspace()} is set
 * (the sandbox started and the workspace built), and prints a second line before halting:
 *
 * <pre>ATTACHED attached=1830</pre>
 *
 * <p>With {@code -Denscope.startup.views=true} as well, it then waits (at most a minute) until the
 * inventory is on screen (the explorer's tree shows its regions) and that pulse is over, and prints
 * a third line:
 *
 * <pre>DATA data=2410</pre>
 *
 * <p>({@code -Denscope.startup.profile.views=true} with the profile: it covers the time from the
 * first frame to that line instead of the start-up.)
 *
 * <p>With {@code -Denscope.startup.threads=true} (Linux) it adds two lines after the first: how long
 * each thread of the process (the JIT compiler's and the GC's too) was on a CPU and how long it
 * waited for one, until the window was showing and from then to its first pulse:
 *
 * <pre>THREADS showing to pulse:  JavaFX Applicat=148/6 C1 CompilerThre=99/98 GC Thread*=12/10 …</pre>
 */
public final class StartupProbe extends Preloader {
    private static final long JVM_START = ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final long ATTACH_TIMEOUT_MS = 60_000;
    private static volatile Application app;
    private Stage own;
    private boolean seen;

    @Override
    public void handleStateChangeNotification(StateChangeNotification info) {
        if (info.getApplication() != null) {
            app = info.getApplication();
        }
    }

    @Override
    public void start(Stage stage) {
        own = stage;
        long preloader = System.currentTimeMillis() - JVM_START;
        if (Boolean.getBoolean("enscope.startup.profile")) {
            Profiler.begin(Thread.currentThread());
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window w : change.getAddedSubList()) {
                    if (!seen && w != own && w instanceof Stage s && s.isShowing()) {
                        seen = true;
                        watch(s, preloader);
                    }
                }
            }
        });
    }

    private static void watch(Stage stage, long preloader) {
        long showing = System.currentTimeMillis() - JVM_START;
        Map<String, long[]> atShowing = ThreadTimes.read();
        Scene scene = stage.getScene();
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            scene.removePostLayoutPulseListener(pulse[0]);
            // Runs once the pulse is over: the scene is laid out and synchronised to the renderer.
            Platform.runLater(() -> {
                long shown = System.currentTimeMillis() - JVM_START;
                // CPU used until now, by the FX thread and by the whole process: less at the mercy of the
                // machine's other load than the wall times.
                long fxCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
                long cpu = processCpuMillis();
                System.out.println("STARTUP showing=" + showing + " pulse=" + shown + " preloader=" + preloader
                        + " fxcpu=" + fxCpu + " cpu=" + cpu);
                if (Boolean.getBoolean("enscope.startup.threads")) {
                    System.out.println("THREADS until showing: " + ThreadTimes.format(atShowing, Map.of()));
                    System.out.println("THREADS showing to pulse: " + ThreadTimes.format(ThreadTimes.read(), atShowing));
                }
                if (Boolean.getBoolean("enscope.startup.profile.views")) {
                    Profiler.restart(); // from the first frame on, until the views are built
                } else {
                    Profiler.end();
                }
                System.out.flush();
                if (Boolean.getBoolean("enscope.startup.attached") && app instanceof App enscope) {
                    awaitAttached(enscope, System.currentTimeMillis());
                } else {
                    end();
                }
            });
        };
        scene.addPostLayoutPulseListener(pulse[0]);
    }

    /**
     * Checks on the FX thread, at every animation pulse (about 16 ms apart), whether the app has its
     * workspace; then reports and ends.
     */
    private static void awaitAttached(App enscope, long since) {
        if (enscope.workspace() != null) {
            System.out.println("ATTACHED attached=" + (System.currentTimeMillis() - JVM_START));
            System.out.flush();
            if (Boolean.getBoolean("enscope.startup.views")) {
                awaitViews(System.currentTimeMillis());
            } else {
                end();
            }
        } else if (System.currentTimeMillis() - since > ATTACH_TIMEOUT_MS) {
            end();
        } else {
            PauseTransition wait = new PauseTransition(Duration.millis(5));
            wait.setOnFinished(e -> awaitAttached(enscope, since));
            wait.play();
        }
    }

    /** Like {@link #awaitAttached}, until the explorer's tree shows the inventory's regions. */
    private static void awaitViews(long since) {
        boolean built = Window.getWindows().stream()
                .map(Window::getScene)
                .filter(scene -> scene != null)
                .map(scene -> scene.lookup("#tree"))
                .anyMatch(tree -> tree instanceof TreeView<?> view && view.getRoot() != null
                        && !view.getRoot().getChildren().isEmpty());
        if (built) {
            Platform.runLater(() -> {
                System.out.println("DATA data=" + (System.currentTimeMillis() - JVM_START));
                Profiler.end();
                System.out.flush();
                end();
            });
        } else if (System.currentTimeMillis() - since > ATTACH_TIMEOUT_MS) {
            end();
        } else {
            PauseTransition wait = new PauseTransition(Duration.millis(5));
            wait.setOnFinished(e -> awaitViews(since));
            wait.play();
        }
    }

    /** The process's CPU time, or -1 in a runtime without jdk.management (e.g. the packaged one). */
    private static long processCpuMillis() {
        try {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1_000_000;
        } catch (LinkageError | ClassCastException e) {
            return -1;
        }
    }

    private static void end() {
        if (Boolean.getBoolean("enscope.startup.exit")) {
            System.exit(0); // runs shutdown hooks, e.g. to dump a flight recording when profiling
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * With {@code -Denscope.startup.profile=true}: samples the FX, launcher and warm-up threads every 2 ms
     * from the preloader's start to the report, and prints where they were, by the first frame of
     * Enscope's own code (else the top frame), to find what the start-up spends its time on. With
     * {@code -Denscope.startup.profile.frames=true} it also lists the FX thread's samples by the
     * outermost JavaFX/ControlsFX/AtlantaFX/Ikonli frames ({@code -Denscope.startup.profile.depth=N},
     * default 3) and the top frame, e.g. to see which skin's CSS or which lambda's linking it was in.
     */
    private static final class Profiler {
        private static final Map<String, Integer> SAMPLES = new HashMap<>();
        private static volatile boolean running;

        static void begin(Thread fx) {
            running = true;
            Thread sampler = new Thread(() -> {
                while (running) {
                    for (Thread t : new Thread[] {fx, launcher(), warmup()}) {
                        // Only threads at work: an idle FX thread waits in its event loop.
                        if (t != null && t.getState() == Thread.State.RUNNABLE) {
                            record(t.getName(), t.getStackTrace());
                        }
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "startup-profiler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private static Thread launcher() {
            return thread("JavaFX-Launcher");
        }

        private static Thread warmup() {
            return thread("enscope-startup-warmup");
        }

        private static Thread thread(String name) {
            return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                    .findFirst().orElse(null);
        }

        private static void record(String thread, StackTraceElement[] stack) {
            if (stack.length == 0) {
                return;
            }
            String own = null;
            String lib = stack[0].getClassName() + "." + stack[0].getMethodName();
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("io.enscope.") && !e.getClassName().contains("StartupProbe")) {
                    own = e.getClassName().substring(11) + "." + e.getMethodName() + ":" + e.getLineNumber();
                    break;
                }
            }
            if (Boolean.getBoolean("enscope.startup.profile.frames")) {
                lib = frames(stack);
            }
            String key = thread + " | " + (own == null ? "-" : own) + " | " + lib;
            synchronized (SAMPLES) {
                SAMPLES.merge(key, 1, Integer::sum);
            }
        }

        /** The frames of JavaFX, ControlsFX, AtlantaFX and Ikonli nearest the caller, e.g. which control's skin. */
        private static String frames(StackTraceElement[] stack) {
            StringBuilder sb = new StringBuilder();
            int depth = Integer.getInteger("enscope.startup.profile.depth", 3);
            for (int i = stack.length - 1; i >= 0 && depth > 0; i--) {
                String c = stack[i].getClassName();
                boolean interesting = c.startsWith("javafx.scene.control.skin") || c.startsWith("org.controlsfx")
                        || c.startsWith("atlantafx") || c.startsWith("javafx.fxml") || c.startsWith("org.kordamp")
                        || c.startsWith("javafx.css") || c.startsWith("com.sun.javafx.css")
                        || c.startsWith("javafx.scene.Scene") || c.startsWith("javafx.scene.Parent")
                        || c.startsWith("javafx.scene.text") || c.startsWith("com.sun.javafx.text");
                if (interesting) {
                    sb.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(stack[i].getMethodName())
                            .append(" < ");
                    depth--;
                }
            }
            sb.append(stack[0].getClassName()).append('.').append(stack[0].getMethodName());
            return sb.toString();
        }

        /** Forgets the samples so far and goes on sampling. */
        static void restart() {
            synchronized (SAMPLES) {
                SAMPLES.clear();
            }
        }

        static void end() {
            if (!running) {
                return;
            }
            running = false;
            Map<String, Integer> byOwn = new HashMap<>();
            synchronized (SAMPLES) {
                SAMPLES.forEach((k, v) -> byOwn.merge(k.substring(0, k.lastIndexOf(" | ")), v, Integer::sum));
            }
            System.out.println("PROFILE (samples every ~2 ms, by thread and first Enscope frame):");
            byOwn.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                    .forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
            if (Boolean.getBoolean("enscope.startup.profile.frames")) {
                System.out.println("PROFILE of the FX thread by the first frames of the main window's own work:");
                synchronized (SAMPLES) {
                    SAMPLES.entrySet().stream().filter(e -> e.getKey().startsWith("JavaFX Application Thread"))
                            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(60)
                            .forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
                }
            }
        }
    }

    /**
     * With {@code -Denscope.startup.threads=true} (Linux): every thread's time on a CPU and waiting
     * for one, from {@code /proc/self/task/TID/schedstat}, JVM threads (compiler, GC) included, until
     * the window is showing and from then to its first pulse: which threads the first frame shares
     * the cores with.
     */
    private static final class ThreadTimes {
        private static final long[] NONE = new long[2];

        /** Nanoseconds on a CPU and waiting for one, by thread name (numbered threads summed). */
        static Map<String, long[]> read() {
            Map<String, long[]> times = new HashMap<>();
            if (!Boolean.getBoolean("enscope.startup.threads")) {
                return times;
            }
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                tasks.forEach(task -> {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip().replaceAll("#?\\d+$", "*");
                        String[] stat = Files.readString(task.resolve("schedstat")).strip().split(" ");
                        long[] t = times.computeIfAbsent(name, n -> new long[2]);
                        t[0] += Long.parseLong(stat[0]);
                        t[1] += Long.parseLong(stat[1]);
                    } catch (IOException | RuntimeException e) {
                        // a thread that ended meanwhile
                    }
                });
            } catch (IOException e) {
                // not Linux: nothing to report
            }
            return times;
        }

        /** The threads that ran or waited at least 2 ms between the two readings, busiest first. */
        static String format(Map<String, long[]> now, Map<String, long[]> before) {
            StringBuilder out = new StringBuilder();
            now.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), new long[] {
                        (e.getValue()[0] - before.getOrDefault(e.getKey(), NONE)[0]) / 1_000_000,
                        (e.getValue()[1] - before.getOrDefault(e.getKey(), NONE)[1]) / 1_000_000}))
                    .filter(e -> e.getValue()[0] + e.getValue()[1] >= 2)
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(e.getValue()[0]).append('/')
                            .append(e.getValue()[1]));
            return out.append("  (ms on a CPU/ms waiting for one)").toString();
        }
    }
}
