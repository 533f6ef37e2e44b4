package io.enscope.emulator.gateway;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Carries the emulator over Jetty. Jetty keeps the raw query for us to decode strictly, and its
 * error handler lets even requests rejected at the HTTP level (bad URI, oversized headers) get
 * the API's JSON error body rather than an HTML page.
 */
public final class JettyTransport implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    /**
     * Starts listening.
     *
     * @param routes called for every request; it must answer through {@link HttpCall}
     */
    public JettyTransport(String host, int port, int maxThreads, Consumer<HttpCall> routes) throws Exception {
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
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                JettyCall call = new JettyCall(request, response, callback);
                try {
                    routes.accept(call);
                } finally {
                    call.ensureAnswered();
                }
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

    private static final class JettyCall implements HttpCall {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private boolean answered;
        private volatile boolean bodyReadToTheEnd;

        JettyCall(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
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
            return new FilterInputStream(Content.Source.asInputStream(request)) {
                @Override
                public int read() throws IOException {
                    return ended(super.read());
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return len == 0 ? 0 : ended(super.read(b, off, len));
                }

                private int ended(int n) {
                    if (n < 0) {
                        bodyReadToTheEnd = true;
                    }
                    return n;
                }
            };
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
