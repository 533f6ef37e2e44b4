package io.enscope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on Linux without a display or GTK 3: one line that says what is missing, no stack
 * trace, a non-zero exit; the modes that open no window still work. The real {@code Main} runs in
 * a separate JVM without DISPLAY and without the Monocle properties of the headless tests.
 */
class NoDisplayTest {
    private static final Map<String, String> NO_DISPLAY = Map.of();
    private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");

    private record Ended(int exitCode, List<String> stdout, List<String> stderr) {
    }

    private static Ended runMain(Path dataDir, String... args) throws IOException, InterruptedException {
        return runMainOn(null, dataDir, args);
    }

    private static Ended runMainOn(String display, Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "-D" + AppDirectories.OVERRIDE_PROPERTY + "=" + dataDir,
                "-cp", System.getProperty("java.class.path"), "io.enscope.Main"));
        command.addAll(List.of(args));
        Path out = dataDir.resolve("stdout.txt");
        Path err = dataDir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        Process child = builder.start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("Main did not end: " + Files.readString(err));
        }
        return new Ended(child.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayTheConsoleSaysSoInOneLineAndExitsNonZero(@TempDir Path dataDir) throws Exception {
        Files.createDirectories(dataDir);

        Ended ended = runMain(dataDir);

        assertThat(ended.exitCode()).isEqualTo(GuiLauncher.NO_WINDOW);
        assertThat(ended.stderr()).hasSize(1);
        assertThat(ended.stderr().get(0)).contains("no display found").contains("DISPLAY").contains("WAYLAND_DISPLAY")
                .doesNotContain("Exception");
        assertThat(ended.stdout()).isEmpty();
    }

    @Test
    void aDisplayThatCannotBeOpenedEndsInOneLineToo(@TempDir Path dataDir) throws Exception {
        // A display nobody serves passes the check; JavaFX's own failure is caught (on a machine
        // without GTK 3 the check already refuses, with the same kind of line).
        Ended ended = runMainOn(":4711", dataDir);

        assertThat(ended.exitCode()).isEqualTo(GuiLauncher.NO_WINDOW);
        assertThat(ended.stderr()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception in thread"));
        assertThat(ended.stderr()).last().asString().startsWith("Enscope ").contains("libgtk-3-0");
    }

    @Test
    void withoutADisplayVersionAndTheEmulatorStillWork(@TempDir Path dataDir) throws Exception {
        Ended version = runMain(dataDir, "--version");
        Ended emulatorHelp = runMain(dataDir, "emulator", "--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).singleElement().asString().startsWith("Enscope ");
        assertThat(emulatorHelp.exitCode()).isZero();
        assertThat(String.join("\n", emulatorHelp.stdout())).contains("--port");
    }

    @Test
    void linuxWithoutADisplayIsRefused() {
        assertThat(DisplayCheck.check("Linux", NO_DISPLAY, name -> null, lib -> true))
                .contains(DisplayCheck.Problem.NO_DISPLAY);
        assertThat(DisplayCheck.check("Linux", Map.of("DISPLAY", " "), name -> null, lib -> true))
                .contains(DisplayCheck.Problem.NO_DISPLAY);
    }

    @Test
    void linuxWithADisplayButWithoutGtk3IsRefused() {
        assertThat(DisplayCheck.check("Linux", X11, name -> null, lib -> false)).contains(DisplayCheck.Problem.NO_GTK);
        assertThat(DisplayCheck.check("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), name -> null, lib -> false))
                .contains(DisplayCheck.Problem.NO_GTK);
    }

    @Test
    void aDisplayAndGtk3OrAnotherSystemArePassed() {
        assertThat(DisplayCheck.check("Linux", X11, name -> null, lib -> true)).isEmpty();
        assertThat(DisplayCheck.check("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), name -> null, lib -> true))
                .isEmpty();
        assertThat(DisplayCheck.check("Windows 11", NO_DISPLAY, name -> null, lib -> false)).isEmpty();
        assertThat(DisplayCheck.check("Mac OS X", NO_DISPLAY, name -> null, lib -> false)).isEmpty();
    }

    @Test
    void monocleAndTheEscapeHatchAreNeverRefused() {
        Map<String, String> monocle = Map.of("glass.platform", "Monocle");
        Map<String, String> skip = Map.of(DisplayCheck.SKIP_PROPERTY, "true");

        assertThat(DisplayCheck.check("Linux", NO_DISPLAY, monocle::get, lib -> false)).isEmpty();
        assertThat(DisplayCheck.check("Linux", NO_DISPLAY, skip::get, lib -> false)).isEmpty();
        // This very JVM runs the headless TestFX tests on Monocle without a display.
        assertThat(DisplayCheck.run()).isEqualTo(Optional.empty());
    }

    @Test
    void gtk3IsFoundWhereItIsInstalled(@TempDir Path dir) throws Exception {
        Path cacheWithout = Files.write(dir.resolve("ld.so.cache"), "libc.so.6\0libgtk-2.so.0\0".getBytes());
        Path cacheWith = Files.write(dir.resolve("ld.so.cache.2"), "libc.so.6\0libgtk-3.so.0\0".getBytes());
        Path libs = Files.createDirectories(dir.resolve("libs"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.createFile(libs.resolve(DisplayCheck.GTK3_LIBRARY));

        assertThat(DisplayCheck.gtk3Installed(cacheWithout, "", List.of(empty.toString()))).isFalse();
        assertThat(DisplayCheck.gtk3Installed(cacheWith, "", List.of(empty.toString()))).isTrue();
        assertThat(DisplayCheck.gtk3Installed(cacheWithout, libs.toString(), List.of(empty.toString()))).isTrue();
        assertThat(DisplayCheck.gtk3Installed(cacheWithout, "", List.of(libs.toString()))).isTrue();
        // No linker cache to ask: JavaFX finds out.
        assertThat(DisplayCheck.gtk3Installed(dir.resolve("none"), "", List.of(empty.toString()))).isTrue();
    }

    @Test
    void theMessagesNameWhatIsMissingAndHowToInstallIt() {
        io.enscope.ui.common.I18n en = new io.enscope.ui.common.I18n(java.util.Locale.ENGLISH);
        io.enscope.ui.common.I18n zh = new io.enscope.ui.common.I18n(io.enscope.ui.common.I18n.CHINESE);

        assertThat(en.get(DisplayCheck.Problem.NO_GTK.key())).contains("GTK 3").contains("sudo apt-get install libgtk-3-0");
        assertThat(zh.get(DisplayCheck.Problem.NO_GTK.key())).contains("GTK 3").contains("sudo apt-get install libgtk-3-0");
        assertThat(en.get("startup.toolkitFailed", "Unable to open DISPLAY")).contains("Unable to open DISPLAY")
                .contains("libgtk-3-0");
        assertThat(zh.get(DisplayCheck.Problem.NO_DISPLAY.key())).contains("DISPLAY").contains("显示器");
    }
}
