package io.enscope;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * Where Enscope keeps its data (settings, activity log, logs): the per-user directory of the OS,
 * never next to the binary. Windows {@code %APPDATA%\Enscope}, macOS
 * {@code ~/Library/Application Support/Enscope}, elsewhere {@code $XDG_DATA_HOME/enscope} or
 * {@code ~/.local/share/enscope}. The system property {@code enscope.data.dir} overrides it
 * (tests, portable installs).
 */
public final class AppDirectories {
    public static final String OVERRIDE_PROPERTY = "enscope.data.dir";

    private AppDirectories() {
    }

    public static Path dataDirectory() {
        return dataDirectory(System.getProperty(OVERRIDE_PROPERTY), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path dataDirectory(String override, Map<String, String> env, String osName, String userHome) {
        if (override != null && !override.isBlank()) {
            return Paths.get(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Paths.get(appData, "Enscope")
                    : Paths.get(userHome, "AppData", "Roaming", "Enscope");
        }
        if (os.startsWith("mac")) {
            return Paths.get(userHome, "Library", "Application Support", "Enscope");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Paths.get(xdg, "enscope") : Paths.get(userHome, ".local", "share",
                "enscope");
    }

    public static Path logDirectory() {
        return dataDirectory().resolve("logs");
    }
}
