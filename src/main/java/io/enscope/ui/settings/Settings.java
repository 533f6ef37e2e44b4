package io.enscope.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.enscope.ens.ProxySettings;

import java.util.List;

/**
 * What the user chose, persisted between runs. Never holds a secret on disk: a connection is
 * remembered by the name of its profile only, and the proxy password stays in memory (it is not
 * serialised, see {@link ProxySettings}).
 *
 * @param language          {@code en} or {@code zh_CN}; null means the OS locale
 * @param theme             {@code LIGHT} or {@code DARK}
 * @param pollInitialMillis first wait before polling a binding
 * @param pollMaxMillis     longest wait between two polls
 * @param jobTimeoutSeconds a binding not done by then is TIMED_OUT
 * @param maxTargetsPerHaVip limit behind {@code CountLimitExceed.InstanceOnHaVip}
 * @param maxHaVipsPerTarget limit behind {@code CountLimitExceed.HaVipOnInstance}
 * @param parallelism       parallel requests when loading the inventory
 * @param refreshSeconds    light periodic HaVip refresh while the window is visible; 0 = off
 * @param lastConnection    {@code sandbox}, or a profile reference such as {@code CLI_CONFIG:default}
 * @param lastRegions       the ENS regions chosen last
 * @param proxy             how ENS and STS are reached: the system's proxy, none, or a manual one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String language, String theme, int pollInitialMillis, int pollMaxMillis,
                       int jobTimeoutSeconds, int maxTargetsPerHaVip, int maxHaVipsPerTarget, int parallelism,
                       int refreshSeconds, String lastConnection, List<String> lastRegions,
                       ProxySettings proxy) {

    public static final String SANDBOX = "sandbox";

    public Settings {
        theme = "DARK".equalsIgnoreCase(theme) ? "DARK" : "LIGHT";
        pollInitialMillis = clamp(pollInitialMillis, 100, 10_000, 500);
        pollMaxMillis = clamp(pollMaxMillis, pollInitialMillis, 60_000, 5_000);
        jobTimeoutSeconds = clamp(jobTimeoutSeconds, 10, 3_600, 300);
        maxTargetsPerHaVip = clamp(maxTargetsPerHaVip, 1, 1_000, 10);
        maxHaVipsPerTarget = clamp(maxHaVipsPerTarget, 1, 1_000, 5);
        parallelism = clamp(parallelism, 1, 32, 8);
        refreshSeconds = refreshSeconds < 0 ? 30 : Math.min(refreshSeconds, 3_600);
        lastConnection = lastConnection == null || lastConnection.isBlank() ? SANDBOX : lastConnection;
        lastRegions = lastRegions == null ? List.of() : List.copyOf(lastRegions);
        proxy = proxy == null ? ProxySettings.system() : proxy;
    }

    private static int clamp(int value, int min, int max, int fallback) {
        if (value == 0) {
            return fallback;
        }
        return Math.max(min, Math.min(max, value));
    }

    public static Settings defaults() {
        return new Settings(null, "LIGHT", 500, 5_000, 300, 10, 5, 8, 30, SANDBOX, List.of(), ProxySettings.system());
    }

    public Settings withLanguage(String l) {
        return new Settings(l, theme, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, proxy);
    }

    public Settings withTheme(String t) {
        return new Settings(language, t, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, proxy);
    }

    public Settings withConnection(String connection, List<String> regions) {
        return new Settings(language, theme, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, connection, regions, proxy);
    }

    public Settings withProxy(ProxySettings p) {
        return new Settings(language, theme, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, p);
    }
}
