package io.enscope.ens;

import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpClientType;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of one client, from {@link ProxySettings}: which proxy each URL goes through, and the
 * proxy's credentials. Handed to the SDK inside its {@link HttpClientConfig} (see
 * {@link #configure(HttpClientConfig)}), where {@link JdkSdkHttpClient} picks it up, so that ENS
 * and STS calls take the same way.
 */
public final class ProxyRouting {
    /** The {@link HttpClientConfig} extension parameter that carries the routing. */
    static final String EXT_PARAM = "io.enscope.proxyRouting";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyRouting.class);

    static {
        // HTTPS goes through a proxy in a CONNECT tunnel, where the JDK refuses Basic proxy
        // credentials unless this property says otherwise; it is read once, when the first
        // HttpClient is built, which comes after this class is loaded (JdkSdkHttpClient).
        // The Authenticator answers the configured proxy only.
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
    }

    private final ProxySelector selector;
    private final Optional<Authenticator> authenticator;
    private final String description;

    private ProxyRouting(ProxySelector selector, Optional<Authenticator> authenticator, String description) {
        this.selector = selector;
        this.authenticator = authenticator;
        this.description = description;
    }

    /**
     * The routing of the settings in this process's environment.
     *
     * @param settings the user's choice
     * @return its routing
     */
    public static ProxyRouting of(ProxySettings settings) {
        return of(settings, System.getenv(), ProxySelector.getDefault());
    }

    /**
     * @param settings      the user's choice
     * @param environment   the environment variables consulted in {@code SYSTEM} mode
     * @param jvmDefault    the JVM's selector, used in {@code SYSTEM} mode for a scheme no variable names
     * @return the routing
     */
    static ProxyRouting of(ProxySettings settings, Map<String, String> environment, ProxySelector jvmDefault) {
        Objects.requireNonNull(settings, "settings");
        return switch (settings.mode()) {
            case NONE -> direct();
            case MANUAL -> {
                Endpoint proxy = new Endpoint(settings.host(), settings.port(), settings.user(), settings.password());
                yield new ProxyRouting(new Selector(proxy, proxy, settings.exclusions(), null),
                        authenticator(proxy, proxy), settings.toString());
            }
            case SYSTEM -> {
                Optional<Endpoint> http = fromEnvironment("http", environment);
                Optional<Endpoint> https = fromEnvironment("https", environment);
                List<String> noProxy = ProxySettings.parseExclusions(variable("no_proxy", environment));
                yield new ProxyRouting(new Selector(http.orElse(null), https.orElse(null), noProxy, jvmDefault),
                        authenticator(http.orElse(null), https.orElse(null)),
                        "system proxy (http " + http.map(Endpoint::address).orElse("JVM default") + ", https "
                                + https.map(Endpoint::address).orElse("JVM default")
                                + (noProxy.isEmpty() ? "" : ", except " + noProxy) + ")");
            }
        };
    }

    /** @return a routing that never uses a proxy (the embedded sandbox) */
    public static ProxyRouting direct() {
        return new ProxyRouting(new Selector(null, null, List.of(), null), Optional.empty(), "no proxy");
    }

    /**
     * Makes the SDK client built from {@code config} use {@link JdkSdkHttpClient} with this routing.
     *
     * @param config the SDK client configuration
     */
    public void configure(HttpClientConfig config) {
        config.setClientType(HttpClientType.Custom);
        config.setCustomClientClassName(JdkSdkHttpClient.class.getName());
        config.setExtParam(EXT_PARAM, this);
    }

    /**
     * @param config an SDK client configuration
     * @return the routing {@link #configure} put there, if any
     */
    static Optional<ProxyRouting> from(HttpClientConfig config) {
        Object routing = config.getExtParam(EXT_PARAM);
        return routing instanceof ProxyRouting r ? Optional.of(r) : Optional.empty();
    }

    /** @return which proxy each URL takes */
    public ProxySelector selector() {
        return selector;
    }

    /** @return the proxy credentials, when a user is set */
    public Optional<Authenticator> authenticator() {
        return authenticator;
    }

    /**
     * The proxy a variable names for a scheme: {@code <scheme>_proxy}, lower case first (as curl
     * reads it), then upper case. A value is {@code host[:port]} or
     * {@code http://[user[:password]@]host[:port][/]}; the port defaults to 80.
     *
     * @param scheme      {@code http} or {@code https}: the scheme of the URL being called
     * @param environment the variables
     * @return the proxy, empty when no usable variable is set
     */
    static Optional<Endpoint> fromEnvironment(String scheme, Map<String, String> environment) {
        String name = scheme + "_proxy";
        String value = variable(name, environment);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "http://" + text);
        } catch (IllegalArgumentException malformed) {
            LOG.warn("{} is not a proxy URL (http://host:port); it is ignored", name.toUpperCase(Locale.ROOT));
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            LOG.warn("{} names a {} proxy; only http:// proxies are supported, so it is ignored",
                    name.toUpperCase(Locale.ROOT), uri.getScheme());
            return Optional.empty();
        }
        String user = "";
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return Optional.of(new Endpoint(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), user, password));
    }

    private static String variable(String lowerCaseName, Map<String, String> environment) {
        String lower = environment.get(lowerCaseName);
        return lower != null && !lower.isBlank() ? lower : environment.get(lowerCaseName.toUpperCase(Locale.ROOT));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * Whether a host is reached directly: an exclusion is {@code *} (all), a host name that also
     * covers its subdomains ({@code example.com}, {@code .example.com}, {@code *.example.com}),
     * {@code host:port}, an IP address, or an IPv4 block {@code a.b.c.d/n}.
     *
     * @param host       the host called
     * @param port       its port
     * @param exclusions the exclusions
     * @return whether one matches
     */
    static boolean excluded(String host, int port, List<String> exclusions) {
        String h = stripBrackets(host.toLowerCase(Locale.ROOT));
        for (String raw : exclusions) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.equals("*")) {
                return true;
            }
            if (e.contains("/")) {
                if (inIpv4Block(h, e)) {
                    return true;
                }
                continue;
            }
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon && !e.endsWith("]")) {
                // host:port (IPv6 literals have more than one colon and are compared whole)
                if (!e.substring(colon + 1).equals(Integer.toString(port))) {
                    continue;
                }
                e = e.substring(0, colon);
            }
            e = stripBrackets(e);
            if (e.startsWith("*.")) {
                e = e.substring(2);
            } else if (e.startsWith(".")) {
                e = e.substring(1);
            }
            if (!e.isEmpty() && (h.equals(e) || h.endsWith("." + e))) {
                return true;
            }
        }
        return false;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean inIpv4Block(String host, String block) {
        String[] parts = block.split("/", 2);
        long address = ipv4(host);
        long network = ipv4(parts[0]);
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException notBits) {
            return false;
        }
        if (address < 0 || network < 0 || bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
        return (address & mask) == (network & mask);
    }

    private static long ipv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return -1;
        }
        long value = 0;
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int part = Integer.parseInt(octet);
            if (part > 255) {
                return -1;
            }
            value = (value << 8) | part;
        }
        return value;
    }

    private static Optional<Authenticator> authenticator(Endpoint http, Endpoint https) {
        if ((http == null || http.user().isEmpty()) && (https == null || https.user().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                // Only the configured proxy gets the credentials, never a server that asks for them.
                for (Endpoint proxy : new Endpoint[] {https, http}) {
                    if (proxy != null && !proxy.user().isEmpty() && proxy.host().equalsIgnoreCase(getRequestingHost())
                            && proxy.port() == getRequestingPort()) {
                        char[] password = proxy.password() == null ? new char[0] : proxy.password().toCharArray();
                        return new PasswordAuthentication(proxy.user(), password);
                    }
                }
                return null;
            }
        });
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * A proxy.
     *
     * @param host     host name or address
     * @param port     port
     * @param user     user name, empty for none
     * @param password password, null for none
     */
    record Endpoint(String host, int port, String user, String password) {
        String address() {
            return host + ":" + port;
        }

        @Override
        public String toString() {
            return address() + (user.isEmpty() ? "" : " as " + user);
        }
    }

    /** Excluded hosts go direct; others take the proxy of their scheme, or the fallback, or go direct. */
    private static final class Selector extends ProxySelector {
        private final Endpoint http;
        private final Endpoint https;
        private final List<String> exclusions;
        private final ProxySelector fallback;

        Selector(Endpoint http, Endpoint https, List<String> exclusions, ProxySelector fallback) {
            this.http = http;
            this.https = https;
            this.exclusions = List.copyOf(exclusions);
            this.fallback = fallback;
        }

        @Override
        public List<Proxy> select(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost();
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            if (excluded(host, port, exclusions)) {
                return List.of(Proxy.NO_PROXY);
            }
            Endpoint proxy = "https".equals(scheme) ? https : http;
            if (proxy == null) {
                return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
            LOG.debug("could not reach the proxy {} for {}: {}", proxy, uri.getHost(), failure.toString());
        }
    }
}
