package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * A hostile server echoes the caller's AccessKeyId, secret, token and signature back in its error
 * answers, in forms no key pattern recognises: none of them may reach the error, its text, the log
 * or the details the error dialog copies.
 */
class HostileServerRedactionTest {

    private static final String KEY_ID = "LTAI5tHostileKeyId77";
    private static final String SECRET = "Hostile/Secret+Value=0123";
    private static final String TOKEN = "CAIS+hostile/Token==Value9";

    /** One hostile answer: status, body (built from what the request carried) and its headers. */
    private record Echo(String name, int status, String contentType, String bodyTemplate) {
        @Override
        public String toString() {
            return name;
        }

        String body(String signature) {
            return bodyTemplate.replace("{ID}", KEY_ID).replace("{SECRET}", SECRET).replace("{TOKEN}", TOKEN)
                    .replace("{SIG}", signature)
                    .replace("{ID_URL}", url(KEY_ID)).replace("{SECRET_URL}", url(SECRET))
                    .replace("{TOKEN_URL}", url(TOKEN)).replace("{SECRET_JSON}", SECRET.replace("/", "\\/"))
                    .replace("{TOKEN_JSON}", TOKEN.replace("/", "\\/"));
        }
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Stream<Echo> echoes() {
        return Stream.of(
                new Echo("json", 400, "application/json", "{\"Code\":\"Forbidden.Echo\",\"Message\":"
                        + "\"AccessKeyId: {ID}, Signature: {SIG}, SecurityToken: {TOKEN_JSON}, key {SECRET_JSON}\"}"),
                new Echo("json, values alone", 400, "application/json", "{\"Code\":\"Forbidden.Echo\",\"Message\":"
                        + "\"you sent {ID} / {SECRET_JSON} with {TOKEN_JSON}\"}"),
                new Echo("plain text", 403, "text/plain",
                        "AccessKeyId: {ID}, Signature: {SIG}, SecurityToken: {TOKEN}, secret {SECRET}"),
                new Echo("url-encoded", 400, "application/json", "{\"Code\":\"Forbidden.Echo\",\"Message\":"
                        + "\"query id%3D{ID_URL}%26key%3D{SECRET_URL}%26tok%3D{TOKEN_URL}\"}"),
                new Echo("header lines", 502, "text/plain",
                        "X-Echo-Key: {ID}\r\nX-Echo-Secret: {SECRET}\r\nX-Echo-Token: {TOKEN}\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void noCredentialValueReachesTheErrorTheLogOrTheCopiedDetails(Echo echo) throws IOException {
        AtomicReference<String> signature = new AtomicReference<>("");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = V1Signature.parseQuery(query);
            signature.set(params.getOrDefault("Signature", ""));
            byte[] body = echo.body(signature.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", echo.contentType());
            exchange.getResponseHeaders().add("X-Echo", KEY_ID + " " + SECRET + " " + TOKEN);
            exchange.sendResponseHeaders(echo.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger ens = (Logger) LoggerFactory.getLogger("io.enscope");
        Level before = ens.getLevel();
        ens.setLevel(Level.DEBUG);
        ens.addAppender(log);
        EnsException failure;
        try {
            EnsClientConfig config = EnsClientConfig.local("127.0.0.1:" + server.getAddress().getPort())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                    .withRetry(new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(100),
                            Duration.ofSeconds(60)));
            try (SdkEnsApi api = new SdkEnsApi(config,
                    EnsCredentialsProvider.of(new EnsCredentials(KEY_ID, SECRET, TOKEN)), d -> { })) {
                failure = catchThrowableOfType(EnsException.class, api::describeRegions);
            }
        } finally {
            ens.detachAppender(log);
            ens.setLevel(before);
            server.stop(0);
        }

        assertThat(failure).as("the hostile answer is an error").isNotNull();
        assertThat(signature.get()).as("the request was signed").isNotEmpty();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        List<String> texts = new ArrayList<>();
        texts.add(failure.getMessage());
        texts.add(failure.toString());
        texts.add(failure.error().toString());
        texts.add(failure.error().summary());
        texts.add(String.valueOf(failure.error().message()));
        // What the error dialog shows and copies: the stack trace through the app's redactor.
        texts.add(Redactor.redact(trace.toString()));
        for (ILoggingEvent event : log.list) {
            texts.add(event.getFormattedMessage());
        }
        for (String text : texts) {
            assertThat(text).as(echo.name())
                    .doesNotContain(KEY_ID).doesNotContain(SECRET).doesNotContain(TOKEN)
                    .doesNotContain(url(SECRET)).doesNotContain(url(TOKEN))
                    .doesNotContain(SECRET.replace("/", "\\/")).doesNotContain(TOKEN.replace("/", "\\/"))
                    .doesNotContain(signature.get());
        }
    }
}
