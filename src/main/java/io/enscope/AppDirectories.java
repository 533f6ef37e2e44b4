package io.enscope;

import io.enscope.ens.credentials.CredentialChain;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * Where Enscope keeps its data (settings, activity log, logs, sandbox state): the per-user
 * directory of the OS, never next to the binary. In order: the system property
 * {@code enscope.data.dir} (tests, portable installs); on Windows {@code %APPDATA%\Enscope}, else
 * {@code HOME\AppData\Roaming\Enscope}; on macOS {@code HOME/Library/Application Support/Enscope};
 * elsewhere {@code $XDG_DATA_HOME/enscope} when that is an absolute path, else
 * {@code HOME/.local/share/enscope}.
 *
 * <p>{@code HOME} is the home the credential profiles are read from
 * ({@link CredentialChain#homeDirectory}: {@code HOME}, or {@code HOMEDRIVE}+{@code HOMEPATH} /
 * {@code USERPROFILE} on Windows, falling back to {@code user.home}), so that a console started with
 * another {@code HOME} keeps that home's profiles and data together.
 */
public final class AppDirectories {
    public static final String OVERRIDE_PROPERTY = "enscope.data.dir";

    private AppDirectories() {
    }

    public static Path dataDirectory() {
        return dataDirectory(System.getProperty(OVERRIDE_PROPERTY), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /**
     * @param userHome the {@code user.home} system property, used only when the environment names no home
     */
    static Path dataDirectory(String override, Map<String, String> env, String osName, String userHome) {
        String home = CredentialChain.homeDirectory(env, osName, userHome).toString();
        if (override != null && !override.isBlank()) {
            return Paths.get(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Paths.get(appData, "Enscope")
                    : Paths.get(home, "AppData", "Roaming", "Enscope");
        }
        if (os.startsWith("mac")) {
            return Paths.get(home, "Library", "Application Support", "Enscope");
        }
        // The XDG specification says to ignore a relative XDG_DATA_HOME.
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() && xdg.startsWith("/") ? Paths.get(xdg, "enscope")
                : Paths.get(home, ".local", "share", "enscope");
    }

    public static Path logDirectory() {
        return dataDirectory().resolve("logs");
    }
}
