package io.enscope.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.ProxySettings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param rateLimits        calls per second by ENS {@code Action} name, for an account whose quota
 *                          was raised; an operation not named keeps the documented limit, so
 *                          empty means the documented limits
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String language, String theme, int pollInitialMillis, int pollMaxMillis,
                       int jobTimeoutSeconds, int maxTargetsPerHaVip, int maxHaVipsPerTarget, int parallelism,
                       int refreshSeconds, String lastConnection, List<String> lastRegions,
                       ProxySettings proxy, Map<String, Integer> rateLimits) {

    public static final String SANDBOX = "sandbox";
    /** The most calls per second a rate limit may be set to: far above any ENS quota. */
    public static final int RATE_LIMIT_MAX = 10_000;

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
        // A hand-edited file may hold anything; a limit out of range is dropped, not clamped.
        TreeMap<String, Integer> limits = new TreeMap<>();
        if (rateLimits != null) {
            rateLimits.forEach((action, perSecond) -> {
                if (action != null && perSecond != null && perSecond >= 1 && perSecond <= RATE_LIMIT_MAX) {
                    limits.put(action, perSecond);
                }
            });
        }
        rateLimits = Map.copyOf(limits);
    }

    /** The same with the documented rate limits. */
    public Settings(String language, String theme, int pollInitialMillis, int pollMaxMillis,
                    int jobTimeoutSeconds, int maxTargetsPerHaVip, int maxHaVipsPerTarget, int parallelism,
                    int refreshSeconds, String lastConnection, List<String> lastRegions, ProxySettings proxy) {
        this(language, theme, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, proxy, Map.of());
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
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, proxy, rateLimits);
    }

    public Settings withTheme(String t) {
        return new Settings(language, t, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, proxy, rateLimits);
    }

    public Settings withConnection(String connection, List<String> regions) {
        return new Settings(language, theme, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, connection, regions, proxy, rateLimits);
    }

    public Settings withProxy(ProxySettings p) {
        return new Settings(language, theme, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, p, rateLimits);
    }

    public Settings withRateLimits(Map<String, Integer> limits) {
        return new Settings(language, theme, pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds, lastConnection, lastRegions, proxy, limits);
    }

    /**
     * @param maxInFlight the most calls in flight at once (the loader's workers)
     * @return the client's pacing: the documented limits with the raised ones of {@link #rateLimits()}
     */
    public PacingSettings pacing(int maxInFlight) {
        Map<String, Double> raised = new TreeMap<>();
        rateLimits.forEach((action, perSecond) -> raised.put(action, perSecond.doubleValue()));
        return PacingSettings.documented().withLimits(raised).withMaxInFlight(maxInFlight);
    }
}
