package io.enscope.ens;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * The HTTP transport under the aliyun SDK, over {@link java.net.http.HttpClient}. The SDK's own
 * Apache client is a JVM-wide singleton configured by whichever client is built first, and
 * Apache's default retry handler re-sends a POST without a body (every ENS write) after a dropped
 * connection: a blind retry of AssociateHaVip. This transport never re-sends anything, and each
 * {@link SdkEnsApi} gets its own.
 *
 * <p>Public only because the SDK creates it by reflection ({@code HttpClientType.Custom}); it is
 * not meant to be used directly. A read timeout surfaces as {@link SocketTimeoutException}, which
 * the SDK reports as {@code SDK.ReadTimeout}; everything else as the {@link IOException} the JDK
 * gave.
 */
public final class JdkSdkHttpClient extends IHttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    // Assigned in init(), which the superclass constructor calls before field initialisers would run.
    private HttpClient http;
    private Duration defaultReadTimeout;

    /**
     * Called by the SDK's {@code HttpClientFactory}.
     *
     * @param config the SDK client configuration (timeouts)
     * @throws ClientException never; declared by the SDK constructor
     */
    public JdkSdkHttpClient(HttpClientConfig config) throws ClientException {
        super(config);
    }

    @Override
    protected void init(HttpClientConfig config) {
        HttpClientConfig effective = config == null ? HttpClientConfig.getDefault() : config;
        this.defaultReadTimeout = Duration.ofMillis(Math.max(1, effective.getReadTimeoutMillis()));
        // The routing ProxyRouting.configure put in the configuration; without one, the JVM's proxies.
        Optional<ProxyRouting> routing = ProxyRouting.from(effective);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(Math.max(1, effective.getConnectionTimeoutMillis())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(routing.map(ProxyRouting::selector).orElseGet(ProxySelector::getDefault));
        routing.flatMap(ProxyRouting::authenticator).ifPresent(builder::authenticator);
        this.http = builder.build();
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException {
        java.net.http.HttpRequest jdkRequest = toJdkRequest(request);
        java.net.http.HttpResponse<byte[]> answer;
        try {
            answer = http.send(jdkRequest, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException connectTimeout) {
            throw connectTimeout;
        } catch (HttpTimeoutException readTimeout) {
            SocketTimeoutException timeout = new SocketTimeoutException(
                    "Read timed out after " + jdkRequest.timeout().map(Duration::toMillis).orElse(0L) + " ms");
            timeout.initCause(readTimeout);
            throw timeout;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            InterruptedIOException stopped = new InterruptedIOException("interrupted while waiting for the answer");
            stopped.initCause(interrupted);
            throw stopped;
        }
        return toSdkResponse(request, answer);
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        Integer readTimeout = request.getSysReadTimeout();
        Duration timeout = readTimeout != null && readTimeout > 0 ? Duration.ofMillis(readTimeout) : defaultReadTimeout;
        byte[] content = request.getHttpContent();
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.getSysUrl()))
                .timeout(timeout)
                .method(request.getSysMethod().name(), content == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(content));
        for (Map.Entry<String, String> header : request.getSysHeaders().entrySet()) {
            if (header.getKey() != null && header.getValue() != null
                    && !RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                builder.setHeader(header.getKey(), header.getValue());
            }
        }
        return builder.build();
    }

    private static HttpResponse toSdkResponse(HttpRequest request, java.net.http.HttpResponse<byte[]> answer) {
        HttpResponse response = new HttpResponse(request.getSysUrl());
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            response.putHeaderParameter(header.getKey(), String.join(",", header.getValue()));
        }
        String contentType = answer.headers().firstValue("content-type").orElse("application/json");
        String mime = contentType.split(";", 2)[0].trim();
        FormatType format = FormatType.mapAcceptToFormat(mime);
        response.setHttpContent(answer.body(), charsetOf(contentType).name(), format);
        return response;
    }

    private static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String trimmed = part.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(trimmed.substring("charset=".length()).replace("\"", "").trim());
                } catch (IllegalArgumentException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Not used: Enscope calls the SDK synchronously from its own worker threads. */
    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) {
        throw new UnsupportedOperationException("Enscope calls the ENS SDK synchronously");
    }

    /** Certificate checks are never switched off, so this does nothing. */
    @Override
    @SuppressWarnings("deprecation")
    public void ignoreSSLCertificate() {
        // deliberately a no-op: ENS is always called with certificate verification
    }

    /** Certificate checks are always on, so there is nothing to restore. */
    @Override
    @SuppressWarnings("deprecation")
    public void restoreSSLCertificate() {
        // nothing was switched off
    }

    @Override
    public boolean isSingleton() {
        return false;
    }

    /** The JDK client of Java 17 has no close; its idle connections end with it. */
    @Override
    public void close() {
        // nothing to release explicitly on Java 17
    }
}
