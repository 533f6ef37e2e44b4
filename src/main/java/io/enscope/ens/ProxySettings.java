package io.enscope.ens;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How ENS and STS calls reach the network: the system's proxy ({@code HTTPS_PROXY},
 * {@code HTTP_PROXY}, {@code NO_PROXY} in upper or lower case, else the JVM's proxy properties),
 * no proxy, or an HTTP proxy given by hand. {@link ProxyRouting} turns it into the routes.
 *
 * <p>The password is never serialised ({@link JsonIgnore}) and never shown by {@link #toString()}:
 * it lives only as long as the running console.
 *
 * @param mode       which of the three
 * @param host       the manual proxy's host; empty otherwise
 * @param port       the manual proxy's port, 1-65535; 0 when not manual
 * @param user       the manual proxy's user name; empty when it needs none
 * @param password   the manual proxy's password; null when none was given in this run
 * @param exclusions hosts reached directly in manual mode: {@code host}, {@code .domain},
 *                   {@code *.domain}, {@code host:port}, an IPv4 {@code a.b.c.d/n} or {@code *}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxySettings(Mode mode, String host, int port, String user, @JsonIgnore String password,
                            List<String> exclusions) {

    /** Where the proxy comes from. */
    public enum Mode {
        /** The environment variables, else the JVM's proxy properties. */
        SYSTEM,
        /** Always direct. */
        NONE,
        /** The host and port given here. */
        MANUAL
    }

    /** Normalises: no nulls, trimmed texts, blank exclusions dropped. */
    public ProxySettings {
        mode = mode == null ? Mode.SYSTEM : mode;
        host = host == null ? "" : host.trim();
        port = port < 0 || port > 65_535 ? 0 : port;
        user = user == null ? "" : user.trim();
        password = password == null || password.isEmpty() ? null : password;
        exclusions = exclusions == null ? List.of()
                : exclusions.stream().filter(Objects::nonNull).map(String::trim).filter(e -> !e.isEmpty()).toList();
    }

    /** @return the system's proxy, the default */
    public static ProxySettings system() {
        return new ProxySettings(Mode.SYSTEM, "", 0, "", null, List.of());
    }

    /** @return always direct */
    public static ProxySettings none() {
        return new ProxySettings(Mode.NONE, "", 0, "", null, List.of());
    }

    /**
     * @param host       the proxy's host name or IP address
     * @param port       its port
     * @param user       user name, empty or null for none
     * @param password   password, null for none
     * @param exclusions hosts reached directly
     * @return a manual HTTP proxy
     */
    public static ProxySettings manual(String host, int port, String user, String password, List<String> exclusions) {
        return new ProxySettings(Mode.MANUAL, host, port, user, password, exclusions);
    }

    /**
     * @param text exclusions separated by commas, semicolons, spaces or line breaks
     * @return them as a list, blanks dropped
     */
    public static List<String> parseExclusions(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(e -> !e.isEmpty()).toList();
    }

    /**
     * @param newPassword the password for this run, null for none
     * @return a copy with it
     */
    public ProxySettings withPassword(String newPassword) {
        return new ProxySettings(mode, host, port, user, newPassword, exclusions);
    }

    /** @return whether a user name is set (the proxy asks for credentials) */
    public boolean hasUser() {
        return !user.isEmpty();
    }

    /** Never shows the password, only whether there is one. */
    @Override
    public String toString() {
        return switch (mode) {
            case SYSTEM -> "system proxy";
            case NONE -> "no proxy";
            case MANUAL -> "proxy " + host + ":" + port + (hasUser() ? " as " + user
                    + (password == null ? " (no password)" : " (password set)") : "")
                    + (exclusions.isEmpty() ? "" : " except " + exclusions);
        };
    }
}
