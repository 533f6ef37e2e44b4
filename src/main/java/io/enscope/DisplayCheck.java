package io.enscope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether the console can open its window, asked before JavaFX starts: on Linux the toolkit needs
 * a display and GTK 3, and without them JavaFX ends with a stack trace instead of a sentence. It
 * refuses only what it is sure of; anything else is left to JavaFX, whose failure
 * {@link GuiLauncher} turns into one line too. Loads no JavaFX class.
 */
final class DisplayCheck {
    /** {@code -Denscope.skipDisplayCheck=true} leaves everything to JavaFX, should the check be wrong. */
    static final String SKIP_PROPERTY = "enscope.skipDisplayCheck";
    static final String GTK3_LIBRARY = "libgtk-3.so.0";

    /** What is missing, as a message key of the {@code startup} group. */
    enum Problem {
        NO_DISPLAY("startup.noDisplay"),
        NO_GTK("startup.noGtk");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private DisplayCheck() {
    }

    /** @return what this process lacks to open a window, if it surely lacks something */
    static Optional<Problem> run() {
        return check(System.getProperty("os.name", ""), System.getenv(), System::getProperty,
                DisplayCheck::gtk3Installed);
    }

    /**
     * @param osName      the {@code os.name} property
     * @param environment the environment variables
     * @param properties  the system properties
     * @param gtk3        whether GTK 3 is installed, asked on Linux with a display only
     * @return the problem, empty when the window can be tried
     */
    static Optional<Problem> check(String osName, Map<String, String> environment,
                                   Function<String, String> properties, Predicate<String> gtk3) {
        // Another glass platform (Monocle in the headless tests) needs neither a display nor GTK.
        String platform = properties.apply("glass.platform");
        if (Boolean.parseBoolean(properties.apply(SKIP_PROPERTY)) || (platform != null && !platform.isBlank())
                || !osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        if (isBlank(environment.get("DISPLAY")) && isBlank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.of(Problem.NO_DISPLAY);
        }
        return gtk3.test(environment.getOrDefault("LD_LIBRARY_PATH", "")) ? Optional.empty()
                : Optional.of(Problem.NO_GTK);
    }

    /**
     * Whether the dynamic linker can find GTK 3: in its cache, in {@code LD_LIBRARY_PATH} or in the
     * usual library folders. Where there is no linker cache to ask (NixOS, some containers) the
     * answer is yes, and JavaFX finds out.
     */
    static boolean gtk3Installed(String ldLibraryPath) {
        return gtk3Installed(Path.of("/etc/ld.so.cache"), ldLibraryPath, List.of("/usr/lib/x86_64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu",
                "/lib/aarch64-linux-gnu", "/lib64", "/usr/local/lib"));
    }

    static boolean gtk3Installed(Path linkerCache, String ldLibraryPath, List<String> usualFolders) {
        if (!Files.isReadable(linkerCache) || contains(linkerCache, GTK3_LIBRARY)) {
            return true;
        }
        List<String> folders = new ArrayList<>(List.of(ldLibraryPath.split(":")));
        folders.addAll(usualFolders);
        return folders.stream().filter(folder -> !folder.isBlank())
                .anyMatch(folder -> Files.exists(Path.of(folder, GTK3_LIBRARY)));
    }

    private static boolean contains(Path file, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            outer:
            for (int i = 0; i + wanted.length <= bytes.length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (bytes[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException unreadable) {
            // Cannot tell: let JavaFX try.
            return true;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
