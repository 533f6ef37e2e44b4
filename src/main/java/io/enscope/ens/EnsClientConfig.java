package io.enscope.ens;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link SdkEnsApi} talks to ENS.
 *
 * @param endpoint       host, or {@code host:port}, e.g. {@code ens.aliyuncs.com} or {@code 127.0.0.1:8080}
 * @param protocol       HTTP or HTTPS
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for an answer once connected
 * @param retry          how reads are retried
 * @param proxy          how the endpoint is reached: the system's proxy, none, or a manual one
 * @param pacing         the calls per second the client keeps below, per operation
 */
public record EnsClientConfig(
        String endpoint,
        Protocol protocol,
        Duration connectTimeout,
        Duration readTimeout,
        RetrySettings retry,
        ProxySettings proxy,
        PacingSettings pacing) {

    /** The public ENS endpoint; ENS has one for all edge nodes. */
    public static final String DEFAULT_ENDPOINT = "ens.aliyuncs.com";

    /** Transport protocols. */
    public enum Protocol {
        /** Plain HTTP, for a local emulator. */
        HTTP,
        /** HTTPS, for the cloud. */
        HTTPS
    }

    /** Checks the values. */
    public EnsClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isBlank() || endpoint.contains("/")) {
            throw new IllegalArgumentException("endpoint must be a host or host:port: " + endpoint);
        }
        Objects.requireNonNull(protocol, "protocol");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(pacing, "pacing");
    }

    /** The same with the documented pacing. */
    public EnsClientConfig(String endpoint, Protocol protocol, Duration connectTimeout, Duration readTimeout,
                           RetrySettings retry, ProxySettings proxy) {
        this(endpoint, protocol, connectTimeout, readTimeout, retry, proxy, PacingSettings.documented());
    }

    /** The same through the system's proxy. */
    public EnsClientConfig(String endpoint, Protocol protocol, Duration connectTimeout, Duration readTimeout,
                           RetrySettings retry) {
        this(endpoint, protocol, connectTimeout, readTimeout, retry, ProxySettings.system());
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and Integer.MAX_VALUE ms: " + value);
        }
    }

    /**
     * HTTPS to {@value #DEFAULT_ENDPOINT} with the SDK's usual timeouts (5 s connect, 10 s read).
     *
     * @return the configuration for the cloud
     */
    public static EnsClientConfig defaults() {
        return new EnsClientConfig(DEFAULT_ENDPOINT, Protocol.HTTPS, Duration.ofSeconds(5), Duration.ofSeconds(10),
                RetrySettings.defaults());
    }

    /**
     * @param hostAndPort the emulator address, e.g. {@code 127.0.0.1:8080}
     * @return plain HTTP to a local endpoint without a proxy, other values as {@link #defaults()}
     */
    public static EnsClientConfig local(String hostAndPort) {
        return defaults().withEndpoint(hostAndPort, Protocol.HTTP).withProxy(ProxySettings.none());
    }

    /**
     * @param newEndpoint host or host:port
     * @param newProtocol HTTP or HTTPS
     * @return a copy with another endpoint
     */
    public EnsClientConfig withEndpoint(String newEndpoint, Protocol newProtocol) {
        return new EnsClientConfig(newEndpoint, newProtocol, connectTimeout, readTimeout, retry, proxy, pacing);
    }

    /**
     * @param connect the connect timeout
     * @param read    the read timeout
     * @return a copy with other timeouts
     */
    public EnsClientConfig withTimeouts(Duration connect, Duration read) {
        return new EnsClientConfig(endpoint, protocol, connect, read, retry, proxy, pacing);
    }

    /**
     * @param newRetry the retry settings
     * @return a copy with other retry settings
     */
    public EnsClientConfig withRetry(RetrySettings newRetry) {
        return new EnsClientConfig(endpoint, protocol, connectTimeout, readTimeout, newRetry, proxy, pacing);
    }

    /**
     * @param newProxy how the endpoint is reached
     * @return a copy with another proxy choice
     */
    public EnsClientConfig withProxy(ProxySettings newProxy) {
        return new EnsClientConfig(endpoint, protocol, connectTimeout, readTimeout, retry, newProxy, pacing);
    }

    /**
     * @param newPacing the pacing settings
     * @return a copy with other pacing settings
     */
    public EnsClientConfig withPacing(PacingSettings newPacing) {
        return new EnsClientConfig(endpoint, protocol, connectTimeout, readTimeout, retry, proxy, newPacing);
    }
}
