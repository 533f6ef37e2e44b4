package io.enscope;

import io.enscope.ui.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link StartupWarmup}: its class list is current, it never initialises or throws, it hands over once. */
class StartupWarmupTest {
    static final AtomicBoolean INITIALISED = new AtomicBoolean();

    @TempDir
    Path dataDir;

    @AfterEach
    void clear() {
        System.clearProperty(StartupWarmup.PROPERTY);
        StartupWarmup.take();
    }

    /** Only loaded by the warm-up; its initialiser tells if it ran. */
    static final class LoadedAhead {
        static {
            INITIALISED.set(true);
        }

        private LoadedAhead() {
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {StartupWarmup.CLASS_LIST, StartupWarmup.VIEWS_CLASS_LIST})
    void theShippedClassListsStillResolve(String list) {
        List<String> names = StartupWarmup.readClassList(list);
        ClassLoader loader = StartupWarmup.class.getClassLoader();
        long missing = names.stream().filter(name -> {
            try {
                Class.forName(name, false, loader);
                return false;
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }).count();

        assertThat(names).as(list + ": regenerate it with io.enscope.tools.StartupClassList")
                .hasSizeGreaterThan(200);
        assertThat(missing).as("classes of " + list + " that no longer exist (regenerate it with "
                + "io.enscope.tools.StartupClassList)").isLessThan(names.size() / 10);
        assertThat(names).as("our own views").contains(list.equals(StartupWarmup.CLASS_LIST)
                ? "io.enscope.ui.main.MainView" : "io.enscope.ui.explorer.ExplorerTreeCell");
    }

    @Test
    void theViewsClassesLoadOnlyOnceTheFirstFrameIsShown() throws Exception {
        List<String> requested = new CopyOnWriteArrayList<>();
        ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                requested.add(name);
                return super.loadClass(name, resolve);
            }
        };
        StartupWarmup warmup = new StartupWarmup(dataDir.resolve("settings.json"), List.of("java.util.BitSet"),
                List.of("java.util.zip.CRC32C"), recording);
        warmup.toolkitStarted();
        Thread thread = new Thread(warmup::run, "warm-up under test");
        thread.setDaemon(true);
        thread.start();

        // It has loaded the first frame's classes and waits for the first frame.
        await().atMost(Duration.ofSeconds(30)).until(() -> requested.contains("java.util.BitSet")
                && thread.getState() == Thread.State.TIMED_WAITING);
        assertThat(requested).doesNotContain("java.util.zip.CRC32C");

        warmup.firstFrameShown();
        thread.join(30_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(requested).contains("java.util.zip.CRC32C");
        assertThat(warmup.loadedClasses()).isEqualTo(2);
    }

    @Test
    void aWarmUpThatBreaksIsReportedAsUncaughtNotSwallowed() throws Exception {
        IllegalStateException bug = new IllegalStateException("the class list is broken");
        StartupWarmup warmup = new StartupWarmup(dataDir.resolve("settings.json"), () -> {
            throw bug;
        }, List::of, getClass().getClassLoader());
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread thread = new Thread(warmup::run, "test-startup-warmup");
        thread.setUncaughtExceptionHandler((t, error) -> uncaught.add(error));

        thread.start();
        thread.join(Duration.ofSeconds(30).toMillis());

        assertThat(thread.isAlive()).isFalse();
        assertThat(uncaught).containsExactly(bug);
    }

    @Test
    void preloadingLoadsAndLinksWithoutInitialisingAndSkipsWhatIsMissing() {
        StartupWarmup warmup = new StartupWarmup(dataDir.resolve("settings.json"), List.of(),
                getClass().getClassLoader());

        warmup.preload(LoadedAhead.class.getName());
        warmup.preload("io.enscope.NoSuchClass");
        warmup.preload("not a class name!");

        assertThat(warmup.loadedClasses()).isEqualTo(1);
        assertThat(warmup.missingClasses()).isEqualTo(2);
        assertThat(INITIALISED).as("the class initialiser ran").isFalse();
    }

    @Test
    void settingsAreReadOnceAndHandedToTheApp() throws Exception {
        Path file = dataDir.resolve("settings.json");
        Files.writeString(file, "{\"theme\":\"DARK\",\"language\":\"zh_CN\"}");
        StartupWarmup warmup = new StartupWarmup(file, List.of(), getClass().getClassLoader());
        AtomicInteger fallbacks = new AtomicInteger();

        Settings first = warmup.settings(file, () -> {
            fallbacks.incrementAndGet();
            return Settings.defaults();
        });
        Files.delete(file);
        Settings again = warmup.settings(file, () -> {
            fallbacks.incrementAndGet();
            return Settings.defaults();
        });

        assertThat(first.theme()).isEqualTo("DARK");
        assertThat(first.language()).isEqualTo("zh_CN");
        assertThat(again).as("not read a second time").isEqualTo(first);
        assertThat(fallbacks).hasValue(0);
    }

    @Test
    void settingsOfAnotherDataDirectoryAreLeftToTheApp() {
        StartupWarmup warmup = new StartupWarmup(dataDir.resolve("settings.json"), List.of(),
                getClass().getClassLoader());
        Settings own = Settings.defaults().withTheme("DARK");

        assertThat(warmup.settings(dataDir.resolve("other").resolve("settings.json"), () -> own)).isSameAs(own);
    }

    @Test
    void theStartedWarmupIsHandedOverOnceAndCanBeTurnedOff() {
        System.setProperty(StartupWarmup.PROPERTY, "false");
        StartupWarmup.start(dataDir);
        assertThat(StartupWarmup.take()).as("turned off").isEmpty();

        System.clearProperty(StartupWarmup.PROPERTY);
        StartupWarmup.start(dataDir);
        assertThat(StartupWarmup.take()).isPresent();
        assertThat(StartupWarmup.take()).as("a second App (tests) gets none").isEmpty();
    }
}
