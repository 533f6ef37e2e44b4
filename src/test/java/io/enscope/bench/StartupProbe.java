package io.enscope.bench;

import javafx.application.Platform;
import javafx.application.Preloader;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

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
 * <pre>STARTUP showing=412 pulse=655 preloader=301</pre>
 */
public final class StartupProbe extends Preloader {
    private static final long JVM_START = ManagementFactory.getRuntimeMXBean().getStartTime();
    private Stage own;
    private boolean seen;

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
        Scene scene = stage.getScene();
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            scene.removePostLayoutPulseListener(pulse[0]);
            // Runs once the pulse is over: the scene is laid out and synchronised to the renderer.
            Platform.runLater(() -> {
                long shown = System.currentTimeMillis() - JVM_START;
                System.out.println("STARTUP showing=" + showing + " pulse=" + shown + " preloader=" + preloader);
                Profiler.end();
                System.out.flush();
                if (Boolean.getBoolean("enscope.startup.exit")) {
                    System.exit(0); // runs shutdown hooks, e.g. to dump a flight recording when profiling
                }
                Runtime.getRuntime().halt(0);
            });
        };
        scene.addPostLayoutPulseListener(pulse[0]);
    }

    /**
     * With {@code -Denscope.startup.profile=true}: samples the FX and launcher threads every 2 ms
     * from the preloader's start to the report, and prints where they were, by the first frame of
     * Enscope's own code (else the top frame), to find what the start-up spends its time on.
     */
    private static final class Profiler {
        private static final Map<String, Integer> SAMPLES = new HashMap<>();
        private static volatile boolean running;

        static void begin(Thread fx) {
            running = true;
            Thread sampler = new Thread(() -> {
                while (running) {
                    for (Thread t : new Thread[] {fx, launcher()}) {
                        if (t != null) {
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
            return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("JavaFX-Launcher"))
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
            String key = thread + " | " + (own == null ? "-" : own) + " | " + lib;
            synchronized (SAMPLES) {
                SAMPLES.merge(key, 1, Integer::sum);
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
        }
    }
}
