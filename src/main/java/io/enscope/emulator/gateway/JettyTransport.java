package io.enscope.emulator.gateway;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries the emulator over Jetty. Jetty keeps the raw query for us to decode strictly, and its
 * error handler lets even requests rejected at the HTTP level (bad URI, oversized headers) get
 * the API's JSON error body rather than an HTML page.
 */
public final class JettyTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JettyTransport.class);

    /** The bounds that keep slow or numerous clients from taking the server from everyone else. */
    public record Bounds(int maxConnections, Duration requestTimeout, int maxBodyBytes) {
        public static final int DEFAULT_MAX_CONNECTIONS = 512;
        public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

        public Bounds {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("the connection limit must be at least 1");
            }
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("the request timeout must be positive");
            }
            if (maxBodyBytes < 0) {
                throw new IllegalArgumentException("the body limit must not be negative");
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;

    /** Starts listening with the default bounds and a 1 MiB body limit. */
    public JettyTransport(String host, int port, int maxThreads, Consumer<HttpCall> routes) throws Exception {
        this(host, port, maxThreads, new Bounds(Bounds.DEFAULT_MAX_CONNECTIONS, Bounds.DEFAULT_REQUEST_TIMEOUT,
                1024 * 1024), routes);
    }

    /**
     * Starts listening.
     *
     * @param routes called for every request, once its body is in; it must answer through {@link HttpCall}
     */
    public JettyTransport(String host, int port, int maxThreads, Bounds bounds, Consumer<HttpCall> routes)
            throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, maxThreads), 4);
        pool.setName("ens-emulator");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        config.setRequestHeaderSize(16 * 1024);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        // Past the cap Jetty stops accepting (new clients wait in the backlog) instead of running out of
        // descriptors and logging a failed accept for every attempt.
        server.addBean(new LoggedConnectionLimit(bounds.maxConnections(), connector));
        Scheduler scheduler = server.getScheduler();
        connector.addBean(new TrickleGuard(scheduler, bounds.requestTimeout().toMillis()));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                // The body is gathered without a worker thread (Jetty calls back as bytes arrive), so
                // a client trickling its upload holds a connection, not a thread; the deadline bounds
                // how long it may hold even that, whatever the idle timeout that each byte resets.
                new BodyReader(request, response, callback, bounds, scheduler, routes).start();
                return true;
            }
        });
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(0);
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LoggerFactory.getLogger(JettyTransport.class).warn("the emulator's HTTP server did not stop cleanly", e);
        }
    }

    /** Logs once when the connection cap is reached, and once more each time it is reached again. */
    private static final class LoggedConnectionLimit extends NetworkConnectionLimit {
        private final AtomicBoolean atCap = new AtomicBoolean();

        LoggedConnectionLimit(int max, ServerConnector connector) {
            super(max, connector);
        }

        @Override
        public void onAccepted(SelectableChannel channel) {
            super.onAccepted(channel);
            if (getNetworkConnectionCount() >= getMaxNetworkConnectionCount() && atCap.compareAndSet(false, true)) {
                LOG.warn("the emulator reached its limit of {} connections; new ones wait until others close"
                        + " (--max-connections)", getMaxNetworkConnectionCount());
            }
        }

        @Override
        public void onClosed(SelectableChannel channel) {
            super.onClosed(channel);
            if (getNetworkConnectionCount() <= getMaxNetworkConnectionCount() / 2) {
                atCap.set(false);
            }
        }
    }

    /**
     * Closes a connection that keeps sending bytes without completing a request for a whole request
     * timeout (headers sent a byte at a time, which Jetty's idle timeout never ends); a connection
     * that sends nothing is left to the idle timeout, and a request being served is left alone.
     */
    private static final class TrickleGuard implements Connection.Listener {
        private final Scheduler scheduler;
        private final long periodMillis;

        TrickleGuard(Scheduler scheduler, long periodMillis) {
            this.scheduler = scheduler;
            this.periodMillis = periodMillis;
        }

        @Override
        public void onOpened(Connection connection) {
            scheduler.schedule(() -> check(connection, connection.getMessagesIn(), connection.getBytesIn()),
                    periodMillis, TimeUnit.MILLISECONDS);
        }

        private void check(Connection connection, long messagesBefore, long bytesBefore) {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long messages = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            if (messages == messagesBefore && bytes != bytesBefore) {
                LOG.debug("closed a connection that trickled bytes without completing a request");
                connection.getEndPoint().close();
                return;
            }
            scheduler.schedule(() -> check(connection, messages, bytes), periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Reads a request's body as Jetty delivers it, up to one byte past the limit, then hands the call
     * to the routes; answers 408 instead if the whole request is not in before the deadline.
     */
    private static final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Bounds bounds;
        private final Consumer<HttpCall> routes;
        private final Scheduler scheduler;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** Set once, by whichever comes first: the whole body (or a failure) or the deadline. */
        private final AtomicBoolean decided = new AtomicBoolean();
        private Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback, Bounds bounds, Scheduler scheduler,
                   Consumer<HttpCall> routes) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.bounds = bounds;
            this.scheduler = scheduler;
            this.routes = routes;
        }

        void start() {
            long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > bounds.maxBodyBytes()) {
                dispatch(false, null); // refused (413) without receiving any of it
                return;
            }
            deadline = scheduler.schedule(this::expire, bounds.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (!decided.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    dispatch(false, chunk.getFailure());
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int room = bounds.maxBodyBytes() + 1 - bytes.size();
                int n = Math.min(room, buffer.remaining());
                byte[] part = new byte[n];
                buffer.get(part);
                bytes.write(part, 0, n);
                boolean wholeBody = chunk.isLast() && !buffer.hasRemaining();
                boolean done = chunk.isLast() || bytes.size() > bounds.maxBodyBytes();
                chunk.release();
                if (done) {
                    dispatch(wholeBody, null);
                    return;
                }
            }
        }

        private void dispatch(boolean readToTheEnd, Throwable failure) {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            if (deadline != null) {
                deadline.cancel();
            }
            JettyCall call = new JettyCall(request, response, callback, bytes.toByteArray(), readToTheEnd, failure);
            try {
                routes.accept(call);
            } catch (OutOfMemoryError e) {
                // Jetty would log it and carry on half-alive; the process's handler decides (the
                // standalone emulator exits).
                Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
                if (handler != null) {
                    handler.uncaughtException(Thread.currentThread(), e);
                }
                throw e;
            } finally {
                call.ensureAnswered();
            }
        }

        private void expire() {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            LOG.debug("a request was not received in full within {}; answered 408", bounds.requestTimeout());
            JettyCall call = new JettyCall(request, response, callback, new byte[0], false, null);
            call.respond(408, Map.of("Content-Type", "application/json;charset=utf-8"),
                    Gateway.errorBody(call.header("Host"), "RequestTimeout",
                            "The request was not received in full within " + bounds.requestTimeout().toSeconds()
                                    + " seconds."));
        }
    }

    private static final class JettyCall implements HttpCall {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final byte[] body;
        private final boolean bodyReadToTheEnd;
        private final Throwable bodyFailure;
        private boolean answered;

        JettyCall(Request request, Response response, Callback callback, byte[] body, boolean bodyReadToTheEnd,
                  Throwable bodyFailure) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = body;
            this.bodyReadToTheEnd = bodyReadToTheEnd;
            this.bodyFailure = bodyFailure;
        }

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String rawPath() {
            return request.getHttpURI().getPath();
        }

        @Override
        public String rawQuery() {
            return request.getHttpURI().getQuery();
        }

        @Override
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        @Override
        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (HttpField field : request.getHeaders()) {
                if (field.is(name)) {
                    values.add(field.getValue());
                }
            }
            return values.isEmpty() ? null : values;
        }

        @Override
        public InputStream body() {
            if (bodyFailure != null) {
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("the request body could not be read", bodyFailure);
                    }
                };
            }
            return new ByteArrayInputStream(body);
        }

        @Override
        public void respond(int status, Map<String, String> headers, byte[] body) {
            answered = true;
            response.setStatus(status);
            HttpFields.Mutable fields = response.getHeaders();
            headers.forEach(fields::put);
            fields.put(HttpHeader.CONTENT_LENGTH, String.valueOf(body.length));
            if (hasBody() && !bodyReadToTheEnd) {
                // Answered without reading the whole body (a wrong path or method, too large): Jetty
                // then closes the connection, so say so, or a keep-alive client sends its next request
                // into a connection that is going away and gets no answer.
                fields.put(HttpHeader.CONNECTION, "close");
            }
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        private boolean hasBody() {
            HttpFields fields = request.getHeaders();
            if (fields.contains(HttpHeader.TRANSFER_ENCODING)) {
                return true;
            }
            long length = fields.getLongField(HttpHeader.CONTENT_LENGTH);
            return length > 0;
        }

        @Override
        public void drop() {
            answered = true;
            // Closing the endpoint first leaves nothing for Jetty to answer; completing the callback
            // normally (not failing it) keeps Jetty from logging the request URI, which holds the
            // caller's AccessKeyId and Signature.
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.succeeded();
        }

        void ensureAnswered() {
            if (!answered) {
                respond(500, Map.of("Content-Type", "application/json;charset=utf-8"),
                        Gateway.errorBody(header("Host"), "InternalError",
                                "The request processing has failed due to some unknown error."));
            }
        }
    }

    /** Writes Jetty's own rejections (bad URI, oversized headers, …) as API error bodies. */
    private static final class JsonErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            String code = switch (status) {
                case 404 -> "InvalidApi.NotFound";
                case 405 -> "UnsupportedHTTPMethod";
                case 413 -> "RequestEntityTooLarge";
                case 414 -> "RequestURITooLong";
                case 431 -> "RequestHeaderFieldsTooLarge";
                case 501 -> "UnsupportedTransferEncoding";
                case 505 -> "UnsupportedHTTPVersion";
                default -> status >= 500 ? "InternalError" : "InvalidParameter";
            };
            if (status == 501 || status == 505) {
                // Jetty's answer to a protocol feature the client asked for and the server lacks (an
                // HTTP version other than 1.x, an unknown transfer coding): a malformed request as far as
                // the API goes, answered like every other one, not a server failure the client may retry.
                status = 400;
                response.setStatus(status);
            }
            String text = status >= 500 ? "The request processing has failed due to some unknown error."
                    : "The request is malformed" + (message == null ? "." : ": " + sanitize(message.toString()) + ".");
            byte[] body = Gateway.errorBody(request.getHeaders().get("Host"), code, text);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, String.valueOf(body.length));
            // Jetty closes the connection after rejecting a request itself; a keep-alive client that
            // is not told so sends its next request into the closing connection and gets no answer.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        private static String sanitize(String message) {
            String s = message.replaceAll("[^\\p{Print}]", "?");
            return s.length() > 200 ? s.substring(0, 200) : s;
        }
    }
}
