package io.enscope.emulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.emulator.gateway.Signatures;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the emulator's HTTP surface (design.md, "Reliability and security"):
 * more than ten thousand random and malformed requests, from a seeded {@link Random} so that a
 * failure can be replayed ({@code -Denscope.fuzz.seed=N}). Well-formed HTTP with random content
 * goes through {@link HttpClient} on keep-alive connections — signed v1 and v3 requests whose
 * parameters are garbage, so that they reach the operations; random methods, paths, headers,
 * bodies and content types. Malformed HTTP goes over plain sockets, kept alive while the server
 * keeps them — garbage request lines, bad and partial percent-encodings, invalid UTF-8, chunked
 * bodies good and bad, conflicting lengths, broken headers, oversized headers and bodies.
 *
 * <p>Every request must get a well-formed HTTP answer within 10 s, with status 2xx, 4xx or 503
 * (never 500 or another 5xx), a JSON body with {@code Code} and {@code RequestId} when it is an
 * error (HEAD answers have no body), and no stack trace text. The server must log no error.
 */
class GatewayFuzzTest {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(GatewayFuzzTest.class);
    private static final long SEED = Long.getLong("enscope.fuzz.seed", 0x5EEDF022L);
    /** Requests through HttpClient, per worker. */
    private static final int WELL_FORMED_PER_WORKER = 3_000;
    /** Requests over plain sockets, per worker. */
    private static final int RAW_PER_WORKER = 2_200;
    private static final int WORKERS = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Account ADMIN = new Account("LTAIfuzzAdmin0000001", "fuzz-admin-secret-0001", false);
    private static final Account READER = new Account("LTAIfuzzReader000001", "fuzz-reader-secret-001", true);
    /** The control endpoints are on too, and half the requests to them carry the right token. */
    private static final String CONTROL_TOKEN = "fuzz-control-token";

    private static EnsEmulator emulator;
    private static ListAppender<ILoggingEvent> serverLog;
    private static List<String> ids;

    @BeforeAll
    static void start() {
        serverLog = new ListAppender<>();
        serverLog.start();
        for (String name : List.of("io.enscope.emulator", "org.eclipse.jetty")) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(serverLog);
        }
        Scenario demo = DemoScenario.create();
        emulator = EnsEmulator.builder().port(0).scenario(demo).account(ADMIN).account(READER)
                .timings(Timings.all(TransitionTiming.afterPolls(2))).maxBodyBytes(MAX_BODY).controlToken(CONTROL_TOKEN)
                .start();
        ids = new ArrayList<>();
        demo.haVips().forEach(h -> ids.add(h.haVipId()));
        demo.instances().stream().limit(40).forEach(i -> ids.add(i.instanceId()));
        demo.networkInterfaces().stream().limit(20).forEach(e -> ids.add(e.networkInterfaceId()));
        demo.vSwitches().forEach(v -> ids.add(v.vSwitchId()));
        demo.regions().forEach(r -> ids.add(r.ensRegionId()));
    }

    @AfterAll
    static void stop() {
        emulator.close();
        for (String name : List.of("io.enscope.emulator", "org.eclipse.jetty")) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(serverLog);
        }
    }

    /** What one request got. */
    private record Outcome(String what, String method, int status, Map<String, String> headers, byte[] body,
                           String failure) {
        static Outcome failed(String what, String method, String failure) {
            return new Outcome(what, method, 0, Map.of(), new byte[0], failure);
        }
    }

    /** Counts and problems of the whole run, shared by the workers. */
    private static final class Tally {
        final Map<Integer, AtomicLong> statuses = Collections.synchronizedMap(new TreeMap<>());
        final Map<String, AtomicLong> codes = Collections.synchronizedMap(new TreeMap<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        /** Per kind of problem (what went wrong, on which kind of request): how often, and the first example. */
        final Map<String, String> problemKinds = Collections.synchronizedMap(new TreeMap<>());
        final Map<String, AtomicLong> problemCounts = Collections.synchronizedMap(new TreeMap<>());
        final AtomicLong requests = new AtomicLong();

        void add(Outcome outcome) {
            requests.incrementAndGet();
            String problem = outcome.failure() != null ? outcome.failure() : check(outcome);
            if (outcome.status() > 0) {
                statuses.computeIfAbsent(outcome.status(), s -> new AtomicLong()).incrementAndGet();
            }
            if (problem != null) {
                String described = problem + " — request: " + outcome.what() + " — status " + outcome.status()
                        + ", body: " + abbreviate(new String(outcome.body(), StandardCharsets.UTF_8));
                problems.add(described);
                String kind = problem.replaceAll(":.*", "") + " on "
                        + outcome.what().replaceAll("^(\\w+)#\\d+ (kind \\d+).*$", "$1 $2");
                problemKinds.putIfAbsent(kind, described);
                problemCounts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            } else if (outcome.status() >= 400 && outcome.body().length > 0) {
                codes.computeIfAbsent(code(outcome.body()), c -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    @Test
    void tenThousandRandomAndMalformedRequestsAllGetWellFormedAnswers() throws Exception {
        Tally tally = new Tally();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS * 2);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            long workerSeed = SEED + w;
            running.add(pool.submit(() -> wellFormed(new Garbage(new Random(workerSeed)), tally)));
            running.add(pool.submit(() -> raw(new Garbage(new Random(~workerSeed)), tally)));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<Integer, Long> histogram = new TreeMap<>();
        tally.statuses.forEach((s, n) -> histogram.put(s, n.get()));
        LOG.info("fuzz: seed {}, {} requests in {} ms; statuses {}; error codes {}", SEED, tally.requests.get(),
                millis, histogram, tally.codes.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().get()).collect(Collectors.joining(", ")));

        assertThat(tally.requests.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(tally.problemKinds).as("seed %d: %d problem(s) of %d kinds (count per kind: %s); an example of each",
                SEED, tally.problems.size(), tally.problemKinds.size(), tally.problemCounts).isEmpty();
        List<String> serverErrors;
        synchronized (serverLog.list) {
            serverErrors = serverLog.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        }
        assertThat(serverErrors).as("errors logged by the server").isEmpty();
        Map<String, Long> answers = emulator.requests().answers();
        LOG.info("fuzz: {} requests passed the signature check and reached an operation", answers.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("? ")).mapToLong(Map.Entry::getValue).sum());
        assertThat(answers).noneSatisfy((k, v) -> assertThat(k).endsWith("InternalError"));
        // the server is still healthy
        Outcome after = sendWellFormed(HttpClient.newHttpClient(), "health", HttpRequest.newBuilder(
                URI.create(base() + "/?" + RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeEnsRegions",
                        Map.of())))).GET());
        assertThat(after.status()).isEqualTo(200);
    }

    // ---- what the fuzzer found, pinned down ---------------------------------------------------

    @Test
    void aMalformedChunkedBodyIsAClientErrorNotAnInternalError() {
        List<String> bodies = List.of("zz\r\nabc\r\n0\r\n\r\n", "3\r\nabcdef\r\n0\r\n\r\n",
                "ffffffffffffffffff\r\n\r\n0\r\n\r\n", "-1\r\n\r\n0\r\n\r\n");
        for (String target : List.of("/", "/_emulator/faults")) {
            for (String body : bodies) {
                try (RawConnection connection = new RawConnection(emulator.port())) {
                    Outcome o = connection.exchange("chunked", RawRequest.of("POST", "POST " + target + " HTTP/1.1\r\n"
                            + host() + "X-Emulator-Token: " + CONTROL_TOKEN + "\r\nContent-Type: "
                            + "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n", body
                            .getBytes(StandardCharsets.ISO_8859_1), true));
                    assertThat(o.failure()).isNull();
                    assertThat(check(o)).as(target + " " + body).isNull();
                    assertThat(o.status()).isEqualTo(400);
                    assertThat(code(o.body())).isEqualTo("InvalidParameter");
                }
            }
        }
    }

    @Test
    void anUnsupportedHttpVersionIsAClientErrorWithItsOwnCode() {
        for (String version : List.of("HTTP/1.2", "HTTP/0.9", "HTTP/2.0", "HTTP/3", "FOO/1.1")) {
            try (RawConnection connection = new RawConnection(emulator.port())) {
                Outcome o = connection.exchange(version, RawRequest.of("GET", "GET / " + version + "\r\n" + host()
                        + "\r\n", new byte[0], true));
                assertThat(check(o)).as(version).isNull();
                // HTTP/2.0 gets 426 Upgrade Required from Jetty; the others used to get 505 "InternalError"
                assertThat(o.status()).isBetween(400, 499);
                assertThat(code(o.body())).isNotEqualTo("InternalError");
            }
        }
    }

    @Test
    void answersGivenWithoutReadingTheRequestSayTheConnectionCloses() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String good = "/?" + RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeEnsRegions", Map.of()));
        for (int i = 0; i < 30; i++) {
            HttpRequest.Builder rejected = switch (i % 3) {
                case 0 -> HttpRequest.newBuilder(URI.create(base() + "/%2e%2e/etc/passwd")).GET();
                case 1 -> HttpRequest.newBuilder(URI.create(base() + "/")).method("PUT",
                        HttpRequest.BodyPublishers.ofByteArray(new byte[4096]));
                default -> HttpRequest.newBuilder(URI.create(base() + "/_emulator/faults"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]));
            };
            Outcome first = sendWellFormed(client, "rejected", rejected);
            assertThat(first.failure()).isNull();
            assertThat(first.status()).isBetween(400, 499);
            if (i % 3 == 0) {
                // Jetty's own rejection, given without reading the request, says the connection closes;
                // the gateway's rejections come after the body is read, on a connection kept alive.
                assertThat(first.headers().get("connection")).as(first.what()).isEqualTo("close");
            }
            // the next request on the kept-alive client must not go into the closing connection
            HttpRequest.Builder next = i % 2 == 0
                    ? HttpRequest.newBuilder(URI.create(base() + "/?" + RawHttp.query(RawHttp.signedV1("POST", ADMIN,
                    "DescribeEnsRegions", Map.of())))).POST(HttpRequest.BodyPublishers.noBody())
                    : HttpRequest.newBuilder(URI.create(base() + good)).GET();
            Outcome second = sendWellFormed(client, "next", next);
            assertThat(second.failure()).as("the request after %s", first.what()).isNull();
        }
    }

    @Test
    void theControlEndpointsAnswerErrorsInTheApisShape() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Outcome denied = sendWellFormed(client, "denied", HttpRequest.newBuilder(URI.create(base()
                + "/_emulator/faults")).GET());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(check(denied)).isNull();
        assertThat(code(denied.body())).isEqualTo("Forbidden");
        Outcome unknown = sendWellFormed(client, "unknown", HttpRequest.newBuilder(URI.create(base()
                + "/_emulator/nothing")).header("X-Emulator-Token", CONTROL_TOKEN).GET());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(check(unknown)).isNull();
    }

    // ---- well-formed HTTP, random content -------------------------------------------------

    private static void wellFormed(Garbage g, Tally tally) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
        Outcome previous = null;
        for (int i = 0; i < WELL_FORMED_PER_WORKER; i++) {
            int kind = g.r.nextInt(10);
            String what = "http#" + i + " kind " + kind;
            HttpRequest.Builder request;
            try {
                request = switch (kind) {
                    case 0, 1, 2, 3 -> signedV1(g);
                    case 4 -> unsigned(g);
                    case 5 -> randomMethod(g);
                    case 6 -> randomPath(g);
                    case 7 -> randomBody(g);
                    case 8 -> v3(g);
                    default -> randomHeaders(g);
                };
            } catch (IllegalArgumentException refusedByTheClient) {
                // HttpClient refused what we built (a restricted header, a bad token): not a request
                i--;
                continue;
            }
            Outcome outcome = sendWellFormed(client, what, request);
            if (outcome.failure() != null && previous != null) {
                // on a kept-alive connection, the request before is the usual suspect
                outcome = Outcome.failed(outcome.what(), outcome.method(), outcome.failure()
                        + " (the request before on this connection: " + previous.what() + " → " + previous.status()
                        + " " + previous.headers() + ")");
            }
            previous = outcome;
            tally.add(outcome);
        }
    }

    private static Outcome sendWellFormed(HttpClient client, String what, HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(TIMEOUT).build();
        String summary = what + " " + request.method() + " " + abbreviate(request.uri().toString());
        Outcome outcome = sendOnce(client, summary, request);
        if (outcome.failure() != null && outcome.failure().contains("received no bytes")) {
            // As on the raw sockets: the server may close a kept-alive connection between two requests
            // (RFC 9112, 9.6), and the client does not resend a POST on its own. Sent again on a new
            // connection, the request must be answered.
            Outcome again = sendOnce(client, summary, request);
            return again.failure() == null ? again : Outcome.failed(summary, request.method(),
                    again.failure() + " (on a new connection, after: " + outcome.failure() + ")");
        }
        return outcome;
    }

    private static Outcome sendOnce(HttpClient client, String summary, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            return new Outcome(summary, request.method(), response.statusCode(), headers, response.body(), null);
        } catch (HttpTimeoutException hang) {
            return Outcome.failed(summary, request.method(), "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return Outcome.failed(summary, request.method(), "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(summary, request.method(), "interrupted");
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + emulator.port();
    }

    /** A v1-signed request whose operation parameters are garbage, sometimes tampered with after signing. */
    private static HttpRequest.Builder signedV1(Garbage g) {
        String method = g.r.nextInt(3) == 0 ? "POST" : "GET";
        Account account = switch (g.r.nextInt(10)) {
            case 0 -> READER;
            case 1 -> new Account("LTAIunknownKey000001", "whatever", false);
            case 2 -> new Account(ADMIN.accessKeyId(), "wrong-secret", false);
            default -> ADMIN;
        };
        String action = g.action();
        Map<String, String> params = g.operationParams(action);
        Map<String, String> all = RawHttp.signedV1(method, account, action, params);
        if (action.equals("AssumeRole")) {
            all.put("Version", "2015-04-01");
            RawHttp.sign(method, account, all);
        }
        String extra = "";
        switch (g.r.nextInt(12)) {
            case 0 -> all.put(g.pick(List.copyOf(all.keySet())), g.value());
            case 1 -> all.remove(g.pick(List.copyOf(all.keySet())));
            case 2 -> extra = "&" + Signatures.percentEncode(g.pick(List.copyOf(all.keySet()))) + "="
                    + Signatures.percentEncode(g.value());
            case 3 -> {
                all.put("Timestamp", g.pick(List.of("", "now", "2017-11-10", "1970-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2099-01-01T00:00:00Z",
                        Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString())));
                RawHttp.sign(method, account, all);
            }
            case 4 -> {
                all.put(g.pick(List.of("SignatureMethod", "SignatureVersion", "Format", "Version", "SecurityToken",
                        "SignatureNonce", "AccessKeyId")), g.value());
                RawHttp.sign(method, account, all);
            }
            default -> {
                // stays correctly signed: the garbage reaches the operation
            }
        }
        if (method.equals("GET")) {
            return HttpRequest.newBuilder(URI.create(base() + "/?" + RawHttp.query(all) + extra)).GET();
        }
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        all.forEach((k, v) -> (g.r.nextBoolean() ? query : form).put(k, v));
        String target = query.isEmpty() ? "/" : "/?" + RawHttp.query(query) + extra;
        return HttpRequest.newBuilder(URI.create(base() + target))
                .header("Content-Type", g.r.nextInt(8) == 0 ? g.contentType() : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.query(form)));
    }

    private static HttpRequest.Builder unsigned(Garbage g) {
        Map<String, String> params = g.randomParams(g.r.nextInt(12));
        String query = RawHttp.query(params);
        if (g.r.nextInt(4) == 0 && !params.isEmpty()) {
            // a duplicated parameter
            String name = g.pick(List.copyOf(params.keySet()));
            query += "&" + Signatures.percentEncode(name) + "=" + Signatures.percentEncode(g.value());
        }
        return HttpRequest.newBuilder(URI.create(base() + "/?" + query)).method(g.r.nextBoolean() ? "GET" : "POST",
                HttpRequest.BodyPublishers.noBody());
    }

    private static HttpRequest.Builder randomMethod(Garbage g) {
        String method = g.pick(List.of("PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "PROPFIND", "get",
                "Post", "BREW", g.token(1 + g.r.nextInt(20))));
        Map<String, String> params = g.r.nextBoolean()
                ? RawHttp.signedV1(method, ADMIN, g.action(), g.operationParams("DescribeHaVips"))
                : g.randomParams(g.r.nextInt(5));
        byte[] body = g.r.nextBoolean() ? new byte[0] : g.bytes(g.r.nextInt(2048));
        return HttpRequest.newBuilder(URI.create(base() + "/?" + RawHttp.query(params)))
                .header("Content-Type", g.contentType())
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpRequest.Builder randomPath(Garbage g) {
        String path = g.pick(List.of("/admin", "//", "/./", "/index.html", "/_emulator/faults", "/_emulator/counts",
                "/_emulator/reset", "/_emulator/", "/%2e%2e/etc/passwd", "/a/../", "/;a=b", "/%00", "/%20",
                "/%E4%BD%A0", "/" + "a".repeat(1 + g.r.nextInt(4000)), "/?", "/%2F", g.path()));
        String query = g.r.nextBoolean() ? "" : "?" + RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeHaVips",
                Map.of()));
        // Fault specs are never sent with the right token: garbage does not parse, and a valid slow
        // fault would make the server slow on purpose.
        boolean token = g.r.nextBoolean();
        byte[] body = token ? new byte[0] : g.bytes(g.r.nextInt(300));
        return HttpRequest.newBuilder(URI.create(base() + path + query))
                .header("X-Emulator-Token", token ? CONTROL_TOKEN : g.token(1 + g.r.nextInt(30)))
                .method(g.pick(List.of("GET", "POST", "DELETE", "HEAD")), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpRequest.Builder randomBody(Garbage g) {
        int size = switch (g.r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> g.r.nextInt(64);
            case 2 -> g.r.nextInt(8 * 1024);
            default -> MAX_BODY - 16 + g.r.nextInt(16);
        };
        byte[] body;
        if (g.r.nextBoolean()) {
            StringBuilder form = new StringBuilder();
            while (form.length() < size) {
                form.append(g.r.nextInt(5) == 0 ? g.badEncoding() : Signatures.percentEncode(g.name()))
                        .append('=').append(g.r.nextInt(5) == 0 ? g.badEncoding() : Signatures.percentEncode(g.value()))
                        .append('&');
            }
            body = form.substring(0, Math.min(form.length(), size)).getBytes(StandardCharsets.UTF_8);
        } else {
            body = g.bytes(size);
        }
        String query = g.r.nextBoolean() ? "" : "?" + RawHttp.query(RawHttp.signedV1("POST", ADMIN, g.action(),
                Map.of()));
        return HttpRequest.newBuilder(URI.create(base() + "/" + query))
                .header("Content-Type", g.r.nextInt(3) == 0 ? g.contentType() : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A v3 (ACS3-HMAC-SHA256) request, correctly signed over garbage or with malformed headers. */
    private static HttpRequest.Builder v3(Garbage g) {
        String action = g.action();
        Map<String, String> query = g.operationParams(action);
        byte[] body = g.r.nextInt(3) == 0 ? RawHttp.query(g.operationParams(action)).getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", "127.0.0.1:" + emulator.port());
        headers.put("x-acs-action", action);
        headers.put("x-acs-content-sha256", Signatures.sha256Hex(body));
        headers.put("x-acs-date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
        headers.put("x-acs-version", action.equals("AssumeRole") ? "2015-04-01" : "2017-11-10");
        List<String> signed = new ArrayList<>(new TreeSet<>(headers.keySet()));
        String canonical = Signatures.v3CanonicalRequest("POST", "/", query, headers, signed,
                Signatures.sha256Hex(body));
        String signature = Signatures.v3Sign(ADMIN.accessKeySecret(), Signatures.v3StringToSign(canonical));
        String authorization = "ACS3-HMAC-SHA256 Credential=" + ADMIN.accessKeyId() + ",SignedHeaders="
                + String.join(";", signed) + ",Signature=" + signature;
        headers.remove("host");
        switch (g.r.nextInt(10)) {
            case 0 -> headers.remove(g.pick(List.copyOf(headers.keySet())));
            case 1 -> headers.put(g.pick(List.copyOf(headers.keySet())), g.headerValue(g.r.nextInt(100)));
            case 2 -> authorization = "ACS3-HMAC-SHA256 " + g.headerValue(g.r.nextInt(200));
            case 3 -> authorization = "ACS3-HMAC-SHA256 Credential=" + g.pick(List.of("", ADMIN.accessKeyId(),
                    g.token(20))) + ",SignedHeaders=" + g.pick(List.of("", ";;", "host", "HOST;X-ACS-ACTION",
                    String.join(";", signed) + ";x-unknown", g.token(30))) + ",Signature="
                    + g.pick(List.of("", "zz", signature.toUpperCase(Locale.ROOT), signature + "00"));
            case 4 -> authorization = "ACS3-HMAC-SHA256";
            case 5 -> authorization = "ACS3-HMAC-SHA256" + g.token(5) + " Credential=a";
            case 6 -> headers.put("x-acs-date", g.pick(List.of("", "yesterday", "2017-11-10T00:00:00Z",
                    "+999999999-12-31T23:59:59Z", "9999-99-99T99:99:99Z")));
            default -> {
                // correctly signed: the garbage query reaches the operation
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + "/"
                        + (query.isEmpty() ? "" : "?" + RawHttp.query(query))))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return builder;
    }

    /** Random header names and values, a few or many, up to about the server's 16 KiB header limit. */
    private static HttpRequest.Builder randomHeaders(Garbage g) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + "/?"
                + RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeEnsRegions", Map.of())))).GET();
        int budget = g.r.nextInt(4) == 0 ? 15 * 1024 + g.r.nextInt(4 * 1024) : g.r.nextInt(2048);
        int used = 0;
        while (used < budget) {
            String name = g.r.nextInt(4) == 0 ? g.pick(List.of("Authorization", "x-acs-action", "x-acs-version",
                    "Content-Type", "Accept", "Cookie", "X-Emulator-Token", "x-acs-security-token",
                    "Content-Encoding", "Accept-Charset")) : "X-" + g.token(1 + g.r.nextInt(40));
            String value = g.headerValue(Math.min(budget - used, 1 + g.r.nextInt(g.r.nextInt(8) == 0 ? 9000 : 200)));
            builder.header(name, value);
            used += name.length() + value.length() + 4;
        }
        return builder;
    }

    // ---- malformed HTTP over plain sockets --------------------------------------------------

    private static void raw(Garbage g, Tally tally) {
        try (RawConnection connection = new RawConnection(emulator.port())) {
            for (int i = 0; i < RAW_PER_WORKER; i++) {
                int kind = g.r.nextInt(10);
                RawRequest request = switch (kind) {
                    case 0 -> garbageRequestLine(g);
                    case 1 -> badEncodings(g);
                    case 2 -> invalidUtf8(g);
                    case 3 -> chunked(g);
                    case 4 -> lengths(g);
                    case 5 -> brokenHeaders(g);
                    case 6 -> oversized(g);
                    case 7 -> signedRaw(g);
                    case 8 -> oldAndOddTargets(g);
                    default -> randomLine(g);
                };
                tally.add(connection.exchange("raw#" + i + " kind " + kind, request));
            }
        }
    }

    /**
     * One raw request: its bytes, its method (for HEAD, whose answer has no body), and whether the
     * connection must not be used again (after a request that is not self-delimiting for certain).
     */
    private record RawRequest(String method, byte[] bytes, boolean lastOnConnection) {
        static RawRequest of(String method, String head, byte[] body, boolean last) {
            byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return new RawRequest(method, all, last);
        }
    }

    private static String host() {
        return "Host: 127.0.0.1:" + emulator.port() + "\r\n";
    }

    private static RawRequest garbageRequestLine(Garbage g) {
        String line = g.pick(List.of(
                "GET", "GET /", "GET / HTTP/1.1 extra", "GET / HTTP/2.0", "GET / HTTP/0.9", "GET / HTTP/1.2",
                "GET / HTTP/3", "GET / HTTP/1.1.1", "GET / HTTP/11", "get / http/1.1", "GET  /  HTTP/1.1",
                "GET\t/\tHTTP/1.1", " GET / HTTP/1.1", "GET / FOO/1.1", "GET /?a=%ZZ HTTP/1.1", "GET ? HTTP/1.1",
                "GET http://evil.example/ HTTP/1.1", "GET * HTTP/1.1", "OPTIONS * HTTP/1.1",
                "CONNECT 127.0.0.1:443 HTTP/1.1", "PRI * HTTP/2.0", "G\u00c9T / HTTP/1.1",
                "GET /\u00ff HTTP/1.1", "GET / HTTP/1.1\u0000", "GET /a b HTTP/1.1", "GET /#frag HTTP/1.1",
                g.token(1 + g.r.nextInt(300)) + " / HTTP/1.1", "GET " + "/".repeat(1 + g.r.nextInt(20)) + " HTTP/1.1",
                "GET /?" + "a".repeat(17 * 1024) + " HTTP/1.1", g.token(3) + " " + g.token(8) + " " + g.token(8)));
        return RawRequest.of(line.startsWith("HEAD") ? "HEAD" : "GET", line + "\r\n" + host() + "\r\n", new byte[0],
                true);
    }

    private static RawRequest badEncodings(Garbage g) {
        Map<String, String> params = RawHttp.signedV1("GET", ADMIN, g.action(), Map.of());
        StringBuilder query = new StringBuilder(RawHttp.query(params));
        int n = 1 + g.r.nextInt(3);
        for (int i = 0; i < n; i++) {
            query.insert(g.r.nextInt(query.length() + 1), g.r.nextBoolean() ? "&" + g.badEncoding() + "="
                    + g.badEncoding() : g.badEncoding());
        }
        boolean post = g.r.nextBoolean();
        if (post) {
            byte[] body = (g.badEncoding() + "=" + g.badEncoding()).getBytes(StandardCharsets.ISO_8859_1);
            return RawRequest.of("POST", "POST /?" + query + " HTTP/1.1\r\n" + host()
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                    + "\r\n\r\n", body, false);
        }
        return RawRequest.of("GET", "GET /?" + query + " HTTP/1.1\r\n" + host() + "\r\n", new byte[0], false);
    }

    private static RawRequest invalidUtf8(Garbage g) {
        // raw bytes (sent as ISO-8859-1, so each char is one byte) and percent-encoded: overlong,
        // truncated, surrogate and out-of-range UTF-8 sequences
        String bad = g.pick(List.of("\u00ff", "\u00c3\u0028", "\u00e4\u00bd", "\u00ed\u00a0\u0080",
                "\u00f8\u0088\u0080\u0080\u0080", "\u00c0\u00af", "\u00e0\u0080\u00af", "\u00f4\u0090\u0080\u0080",
                "\u0080", "%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%F4%90%80%80"));
        Map<String, String> params = RawHttp.signedV1("GET", ADMIN, "DescribeHaVips", Map.of());
        String query = RawHttp.query(params);
        return switch (g.r.nextInt(4)) {
            case 0 -> RawRequest.of("GET", "GET /?HaVipId=" + bad + "&" + query + " HTTP/1.1\r\n" + host() + "\r\n",
                    new byte[0], false);
            case 1 -> RawRequest.of("GET", "GET /" + bad + " HTTP/1.1\r\n" + host() + "\r\n", new byte[0], false);
            case 2 -> {
                byte[] body = ("HaVipId=" + bad).getBytes(StandardCharsets.ISO_8859_1);
                yield RawRequest.of("POST", "POST /?" + query + " HTTP/1.1\r\n" + host()
                        + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\nContent-Length: "
                        + body.length + "\r\n\r\n", body, false);
            }
            default -> RawRequest.of("GET", "GET /?" + query + " HTTP/1.1\r\n" + host() + "x-acs-action: " + bad
                    + "\r\nAuthorization: ACS3-HMAC-SHA256 Credential=" + bad + "\r\n\r\n", new byte[0], false);
        };
    }

    private static RawRequest chunked(Garbage g) {
        Map<String, String> params = RawHttp.signedV1("POST", ADMIN, g.action(), g.operationParams("DescribeHaVips"));
        byte[] form = RawHttp.query(params).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean malformed = g.r.nextInt(3) == 0;
        int pos = 0;
        while (pos < form.length) {
            int size = Math.min(form.length - pos, 1 + g.r.nextInt(64));
            String ext = g.r.nextInt(5) == 0 ? ";ext=" + g.token(5) : "";
            write(body, Integer.toHexString(size) + ext + "\r\n");
            body.write(form, pos, size);
            write(body, "\r\n");
            pos += size;
        }
        if (malformed) {
            body.reset();
            write(body, g.pick(List.of("zz\r\nabc\r\n0\r\n\r\n", "ffffffffffffffffff\r\n\r\n0\r\n\r\n",
                    "-1\r\n\r\n0\r\n\r\n", "3\r\nabcdef\r\n0\r\n\r\n", "0x3\r\nabc\r\n0\r\n\r\n", " 3\r\nabc\r\n0\r\n\r\n",
                    "3\nabc\n0\n\n", "\r\n0\r\n\r\n", "3;" + "e".repeat(9000) + "\r\nabc\r\n0\r\n\r\n")));
        } else {
            write(body, "0\r\n");
            if (g.r.nextInt(4) == 0) {
                write(body, "X-Trailer: " + g.token(10) + "\r\n");
            }
            write(body, "\r\n");
        }
        String encoding = g.r.nextInt(6) == 0 ? g.pick(List.of("chunked, chunked", "gzip, chunked", "Chunked",
                "chunked\r\nTransfer-Encoding: chunked", "chunked\r\nContent-Length: 3")) : "chunked";
        String type = g.r.nextInt(5) == 0 ? g.contentType() : "application/x-www-form-urlencoded";
        String target = malformed && g.r.nextInt(4) == 0
                ? "/_emulator/faults HTTP/1.1\r\nX-Emulator-Token: " + CONTROL_TOKEN : "/ HTTP/1.1";
        return RawRequest.of("POST", "POST " + target + "\r\n" + host() + "Content-Type: " + type
                + "\r\nTransfer-Encoding: " + encoding + "\r\n\r\n", body.toByteArray(), true);
    }

    private static RawRequest lengths(Garbage g) {
        byte[] body = g.bytes(g.r.nextInt(100));
        String lengthHeaders = g.pick(List.of(
                "Content-Length: -1\r\n", "Content-Length: abc\r\n", "Content-Length: " + body.length + "\r\nContent-Length: "
                        + (body.length + 1) + "\r\n", "Content-Length: +" + body.length + "\r\n",
                "Content-Length: 99999999999999999999\r\n", "Content-Length: " + body.length + ", " + body.length + "\r\n",
                "Content-Length:  " + body.length + " \r\n", "Content-Length: 0x10\r\n",
                "Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n",
                "Transfer-Encoding: gzip\r\n", "Transfer-Encoding: identity\r\nContent-Length: " + body.length + "\r\n",
                "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n",
                "Content-Length: " + body.length + "\r\nExpect: teapot\r\n"));
        return RawRequest.of("POST", "POST /?" + RawHttp.query(RawHttp.signedV1("POST", ADMIN, "DescribeHaVips", Map.of()))
                + " HTTP/1.1\r\n" + host() + "Content-Type: application/x-www-form-urlencoded\r\n" + lengthHeaders + "\r\n",
                body, true);
    }

    private static RawRequest brokenHeaders(Garbage g) {
        String query = RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeEnsRegions", Map.of()));
        String headers = g.pick(List.of(
                "", // no Host at all
                host(), "Host: a\r\nHost: b\r\n", "Host: \r\n", "Host: [::1\r\n", "Host: " + g.token(300) + "\r\n",
                host() + "NoColonHere\r\n", host() + ": empty-name\r\n", host() + "Bad Name: x\r\n",
                host() + "X-Folded: a\r\n  continued\r\n", host() + "X-Ctl: a\u0001b\r\n", host() + "X-Nul: a\u0000b\r\n",
                host() + "X-Latin: caf\u00e9\r\n", host() + "X-Utf8: \u00e4\u00bd\u00a0\r\n", host() + "X-Space : x\r\n",
                host() + "X-Big: " + "v".repeat(17 * 1024) + "\r\n", host() + "X-Almost: " + "v".repeat(15 * 1024) + "\r\n",
                host() + manyHeaders(g), host() + "Connection: close, keep-alive, upgrade\r\nUpgrade: h2c\r\n",
                host() + "Content-Type: \r\n", host() + "Authorization: ACS3-HMAC-SHA256\r\n",
                host() + "x-acs-content-sha256: " + g.token(64) + "\r\n"));
        String version = headers.isEmpty() && g.r.nextBoolean() ? "HTTP/1.0" : "HTTP/1.1";
        return RawRequest.of("GET", "GET /?" + query + " " + version + "\r\n" + headers + "\r\n", new byte[0], true);
    }

    private static String manyHeaders(Garbage g) {
        StringBuilder sb = new StringBuilder();
        int n = 50 + g.r.nextInt(400);
        for (int i = 0; i < n; i++) {
            sb.append("X-H").append(i).append(": ").append(g.token(1 + g.r.nextInt(30))).append("\r\n");
        }
        return sb.toString();
    }

    private static RawRequest oversized(Garbage g) {
        byte[] body = new byte[MAX_BODY + 1 + g.r.nextInt(3 * MAX_BODY)];
        java.util.Arrays.fill(body, (byte) 'a');
        boolean declared = g.r.nextBoolean();
        String head = "POST / HTTP/1.1\r\n" + host() + "Content-Type: " + g.pick(List.of(
                "application/x-www-form-urlencoded", "application/octet-stream", "text/plain")) + "\r\n";
        if (declared) {
            return RawRequest.of("POST", head + "Content-Length: " + body.length + "\r\n\r\n", body, true);
        }
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        write(chunked, Integer.toHexString(body.length) + "\r\n");
        chunked.write(body, 0, body.length);
        write(chunked, "\r\n0\r\n\r\n");
        return RawRequest.of("POST", head + "Transfer-Encoding: chunked\r\n\r\n", chunked.toByteArray(), true);
    }

    /** A correctly signed request whose query carries raw (unencoded) junk outside the signed part. */
    private static RawRequest signedRaw(Garbage g) {
        Map<String, String> params = RawHttp.signedV1("GET", ADMIN, g.action(), g.operationParams("DescribeHaVips"));
        String query = RawHttp.query(params);
        String junk = g.pick(List.of("&", "&&", "&=", "&=x", "&a", "&a=b=c", "&+", "&%20=%20", "&HaVipId",
                "&Action=DescribeHaVips", "&;", "&a[]=1", "&a.0=1", "&" + "p".repeat(300) + "=1", "&x=" + g.token(20)));
        return RawRequest.of("GET", "GET /?" + (g.r.nextBoolean() ? query + junk : junk.substring(1) + "&" + query)
                + " HTTP/1.1\r\n" + host() + "\r\n", new byte[0], false);
    }

    private static RawRequest oldAndOddTargets(Garbage g) {
        String query = RawHttp.query(RawHttp.signedV1("GET", ADMIN, "DescribeEnsRegions", Map.of()));
        return switch (g.r.nextInt(5)) {
            case 0 -> RawRequest.of("GET", "GET /?" + query + " HTTP/1.0\r\n\r\n", new byte[0], true);
            case 1 -> RawRequest.of("GET", "GET http://127.0.0.1:" + emulator.port() + "/?" + query
                    + " HTTP/1.1\r\n" + host() + "\r\n", new byte[0], false);
            case 2 -> RawRequest.of("HEAD", "HEAD /?" + query + " HTTP/1.1\r\n" + host() + "\r\n", new byte[0], false);
            case 3 -> RawRequest.of("OPTIONS", "OPTIONS * HTTP/1.1\r\n" + host() + "\r\n", new byte[0], true);
            default -> RawRequest.of("GET", "GET /?" + query + " HTTP/1.1\r\n" + host()
                    + "Connection: close\r\n\r\n", new byte[0], true);
        };
    }

    /** A request line of random printable bytes, ended properly so that the server has all of it. */
    private static RawRequest randomLine(Garbage g) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + g.r.nextInt(200);
        for (int i = 0; i < n; i++) {
            char c = (char) (g.r.nextInt(4) == 0 ? 0x80 + g.r.nextInt(0x80) : 0x20 + g.r.nextInt(0x5f));
            sb.append(c);
        }
        return RawRequest.of("?", sb + "\r\n" + host() + "\r\n", new byte[0], true);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A socket kept open while the server keeps it, reading one answer per request. */
    private static final class RawConnection implements AutoCloseable {
        private final int port;
        private Socket socket;
        private InputStream in;
        private boolean reused;

        RawConnection(int port) {
            this.port = port;
        }

        Outcome exchange(String what, RawRequest request) {
            String summary = what + " " + abbreviate(new String(request.bytes(), 0,
                    Math.min(request.bytes().length, 300), StandardCharsets.ISO_8859_1));
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    if (socket == null) {
                        open();
                    }
                    boolean wasReused = reused;
                    reused = true;
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(request.bytes());
                        out.flush();
                    } catch (IOException refusedEarly) {
                        // the server may answer and close before reading everything (413, 431)
                    }
                    Outcome outcome;
                    try {
                        outcome = read(summary, request.method());
                    } catch (NoAnswer none) {
                        close();
                        if (wasReused && none.nothingRead) {
                            continue; // the server had closed the idle connection; send again on a new one
                        }
                        return Outcome.failed(summary, request.method(), none.getMessage());
                    }
                    String connection = outcome.headers().getOrDefault("connection", "");
                    if (request.lastOnConnection() || connection.toLowerCase(Locale.ROOT).contains("close")) {
                        close();
                    }
                    return outcome;
                } catch (SocketTimeoutException hang) {
                    close();
                    return Outcome.failed(summary, request.method(), "no answer within " + TIMEOUT.toSeconds() + " s");
                } catch (IOException e) {
                    close();
                    return Outcome.failed(summary, request.method(), "no answer: " + e);
                }
            }
            return Outcome.failed(summary, request.method(), "no answer on a fresh connection either");
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            in = socket.getInputStream();
            reused = false;
        }

        /** Reads one answer: skips 1xx, then status line, headers, and a body per its framing. */
        private Outcome read(String summary, String method) throws IOException {
            while (true) {
                String statusLine = readLine(true);
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                    throw new NoAnswer("not an HTTP status line: '" + abbreviate(statusLine) + "'", false);
                }
                int status = Integer.parseInt(parts[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        throw new NoAnswer("malformed header line '" + abbreviate(line) + "'", false);
                    }
                    headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim(), (a, b) -> a + "," + b);
                }
                if (status >= 100 && status < 200) {
                    continue;
                }
                byte[] body;
                if ("HEAD".equals(method) || status == 204 || status == 304) {
                    body = new byte[0];
                } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    body = readChunked();
                } else if (headers.containsKey("content-length")) {
                    body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
                } else {
                    body = in.readAllBytes();
                    close();
                }
                return new Outcome(summary, method, status, headers, body, null);
            }
        }

        private byte[] readChunked() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(false);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(false).isEmpty()) {
                        // trailers
                    }
                    return out.toByteArray();
                }
                out.write(in.readNBytes(size));
                readLine(false);
            }
        }

        private String readLine(boolean first) throws IOException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new NoAnswer(first && sb.length() == 0 ? "connection closed without an answer"
                            : "connection closed in the middle of the answer", first && sb.length() == 0);
                }
                if (b == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) b);
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket we are done with
                }
                socket = null;
            }
        }

        /** The connection ended without a (complete) answer. */
        private static final class NoAnswer extends IOException {
            final boolean nothingRead;

            NoAnswer(String message, boolean nothingRead) {
                super(message);
                this.nothingRead = nothingRead;
            }
        }
    }

    // ---- checks -------------------------------------------------------------------------

    /** @return what is wrong with an answer, or null */
    private static String check(Outcome o) {
        int status = o.status();
        if (status == 500 || (status >= 500 && status != 503)) {
            return "server error " + status;
        }
        if (status < 200 || status >= 600 || (status >= 300 && status < 400)) {
            return "unexpected status " + status;
        }
        String text = new String(o.body(), StandardCharsets.UTF_8);
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("\n\tat")) {
            return "stack trace text in the body";
        }
        if ("HEAD".equals(o.method())) {
            return null;
        }
        JsonNode json;
        try {
            json = JSON.readTree(o.body());
        } catch (IOException e) {
            return "the body is not JSON";
        }
        if (json == null || !json.isObject()) {
            return "the body is not a JSON object";
        }
        if (json.path("RequestId").asText("").isEmpty()) {
            return "no RequestId";
        }
        if (status >= 300 && json.path("Code").asText("").isEmpty()) {
            return "an error without Code";
        }
        if (status >= 300 && !o.headers().getOrDefault("content-type", "").startsWith("application/json")) {
            return "an error that is not application/json";
        }
        return null;
    }

    private static String code(byte[] body) {
        try {
            return JSON.readTree(body).path("Code").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}]", "·");
        return printable.length() <= 240 ? printable : printable.substring(0, 240) + "…(" + text.length() + ")";
    }

    // ---- random material ----------------------------------------------------------------

    /** Random names, values, tokens and bytes, from one seeded {@link Random}. */
    private static final class Garbage {
        private static final List<String> ACTIONS = List.of("DescribeEnsRegions", "DescribeNetworks",
                "DescribeVSwitches", "DescribeInstances", "DescribeNetworkInterfaces", "DescribeHaVips", "CreateHaVip",
                "DeleteHaVips", "ModifyHaVipAttribute", "AssociateHaVip", "UnassociateHaVip", "AssumeRole",
                "DescribeEverything", "", "describehavips", "DescribeHaVips ", "RunInstances");
        private static final List<String> PARAMETERS = List.of("HaVipId", "InstanceId", "InstanceType", "PageSize",
                "PageNumber", "HaVipIds", "HaVipIds.1", "HaVipIds.2", "HaVipIds.0", "HaVipIds.99999", "EnsRegionId",
                "EnsRegionIds", "EnsRegionIds.1", "VSwitchId", "VSwitchIds", "VSwitchIds.1", "NetworkId",
                "NetworkIds", "NetworkIds.1", "InstanceIds", "InstanceIds.1", "NetworkInterfaceId",
                "NetworkInterfaceIds.1", "Amount", "IpAddress", "Name", "Description", "Status", "SearchKey",
                "HaVipAddress", "IntranetIp", "Type", "PrimaryIpAddress", "RoleArn", "RoleSessionName",
                "DurationSeconds", "Policy", "ExternalId", "InstanceName", "VSwitchName", "NetworkName",
                "SecurityGroupId", "InstanceResourceType", "RegionId", "Format", "SecurityToken");
        private static final List<String> NASTY = List.of("", " ", "-1", "0", "1", "-0", "2147483647", "2147483648",
                "-2147483649", "99999999999999999999", "1e9", "NaN", "Infinity", "0x10", " 5", "5 ", "1.5", "١٢٣",
                "[", "]", "[]", "[\"", "[\"\"]", "[null]", "null", "{}", "[1,2]", "[\"a\",", "[\"a\"]]", "\"a\"",
                "[\"" + "x".repeat(200) + "\"]", "[[[[[[[[[[[[[[[[[[[[", "true", "EnsInstance", "NetworkInterface",
                "ensinstance", "Eni", "*", ".", "..", "../../etc/passwd", "%", "%%", "&", "=", "+", "a=b", "<xml/>",
                "'; DROP TABLE havips; --", "${jndi:ldap://x}", "\u0000", "\r\n", "\t", "\u202e", "\u200b", "\ufeff",
                "\ud83d\ude00", "你好", "havip-\u4f60\u597d", "i-\u00e9", "Ωmega", "10.0.0.256", "999.1.1.1", "1.2.3.4",
                "10.0.0.1", "::1", "acs:ram::1:role/x", "acs:ram::1234567890123456:role/ens-admin", "http://x",
                "https://evil", "Available", "InUse", "Associating");
        private static final String TCHAR = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        final Random r;

        Garbage(Random r) {
            this.r = r;
        }

        <T> T pick(List<T> list) {
            return list.get(r.nextInt(list.size()));
        }

        String action() {
            return r.nextInt(6) == 0 ? pick(ACTIONS) : pick(ACTIONS.subList(0, 12));
        }

        String name() {
            return switch (r.nextInt(8)) {
                case 0 -> token(1 + r.nextInt(30));
                case 1 -> unicode(1 + r.nextInt(8));
                case 2 -> pick(PARAMETERS) + "." + r.nextInt(100_000);
                case 3 -> r.nextInt(20) == 0 ? "N".repeat(250 + r.nextInt(20)) : pick(PARAMETERS);
                default -> pick(PARAMETERS);
            };
        }

        String value() {
            return switch (r.nextInt(10)) {
                case 0, 1, 2 -> pick(NASTY);
                case 3 -> pick(ids);
                case 4 -> pick(ids) + pick(List.of("x", "-", "\u00e9", " ", "%", "'"));
                case 5 -> unicode(1 + r.nextInt(30));
                case 6 -> ascii(r.nextInt(60));
                case 7 -> String.valueOf(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(2000) - 1000);
                case 8 -> "[" + jsonStrings() + "]";
                default -> r.nextInt(30) == 0 ? "x".repeat(2000 + r.nextInt(4000)) : ascii(r.nextInt(10));
            };
        }

        private String jsonStrings() {
            StringJoiner joiner = new StringJoiner(",");
            int n = r.nextInt(r.nextInt(10) == 0 ? 150 : 4);
            for (int i = 0; i < n; i++) {
                joiner.add(r.nextInt(6) == 0 ? pick(List.of("1", "null", "{}", "[]", "\"\"", "true"))
                        : "\"" + (r.nextBoolean() ? pick(ids) : ascii(r.nextInt(12)).replace("\"", "").replace("\\", ""))
                        + "\"");
            }
            return joiner.toString();
        }

        /** Parameters an operation takes, with garbage (and sometimes valid) values, plus strays. */
        Map<String, String> operationParams(String action) {
            Map<String, String> params = new LinkedHashMap<>();
            int n = r.nextInt(7);
            for (int i = 0; i < n; i++) {
                params.put(r.nextInt(5) == 0 ? name() : pick(PARAMETERS), value());
            }
            if (action.equals("AssociateHaVip") || action.equals("UnassociateHaVip")) {
                if (r.nextBoolean()) {
                    params.put("HaVipId", r.nextBoolean() ? pick(ids) : value());
                    params.put("InstanceId", r.nextBoolean() ? pick(ids) : value());
                }
            }
            return params;
        }

        Map<String, String> randomParams(int n) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                params.put(name(), value());
            }
            return params;
        }

        /** A bad or partial percent-encoding, or a percent-encoded invalid UTF-8 sequence. */
        String badEncoding() {
            return pick(List.of("%", "%%", "%4", "%G1", "%zz", "%-1", "%+1", "%%41", "%C3%28", "%FF", "%ED%A0%80",
                    "%C0%80", "%F8%88%80%80%80", "%E4%BD", "%00", "a%", "%2", "%u0041", "%E4%BD%A0", "+%", "%41%"));
        }

        String token(int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(TCHAR.charAt(r.nextInt(TCHAR.length())));
            }
            return sb.toString();
        }

        String ascii(int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append((char) (0x20 + r.nextInt(0x5f)));
            }
            return sb.toString();
        }

        /** Any code points: CJK, emoji, combining marks, controls, RTL marks. */
        String unicode(int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                int cp = switch (r.nextInt(6)) {
                    case 0 -> 0x4E00 + r.nextInt(0x5000);
                    case 1 -> 0x1F300 + r.nextInt(0x300);
                    case 2 -> 0x0300 + r.nextInt(0x70);
                    case 3 -> r.nextInt(0x20);
                    case 4 -> 0x200B + r.nextInt(0x30);
                    default -> 0xA0 + r.nextInt(0x2000);
                };
                sb.appendCodePoint(cp);
            }
            return sb.toString();
        }

        /** A header value HttpClient accepts: visible ASCII and spaces. */
        String headerValue(int n) {
            StringBuilder sb = new StringBuilder(Math.max(0, n));
            for (int i = 0; i < n; i++) {
                sb.append((char) (0x21 + r.nextInt(0x5e)));
            }
            return sb.toString();
        }

        String path() {
            StringBuilder sb = new StringBuilder("/");
            int segments = r.nextInt(5);
            for (int i = 0; i < segments; i++) {
                sb.append(Signatures.percentEncode(r.nextBoolean() ? token(1 + r.nextInt(10)) : unicode(2)))
                        .append(r.nextBoolean() ? "/" : "");
            }
            return sb.toString();
        }

        String contentType() {
            return pick(List.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8",
                    "application/x-www-form-urlencoded; charset=ISO-8859-1", "APPLICATION/X-WWW-FORM-URLENCODED",
                    "application/json", "text/plain", "application/octet-stream", "multipart/form-data; boundary=x",
                    "application/xml", "*/*", "x", "application/x-www-form-urlencoded;;;", token(20)));
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return b;
        }
    }
}
