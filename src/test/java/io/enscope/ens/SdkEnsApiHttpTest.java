package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SdkEnsApi} through the real SDK and signer against a canned HTTP server on loopback:
 * what goes on the wire, and how answers and failures come back.
 */
class SdkEnsApiHttpTest {

    private static final String KEY_ID = "LTAI5tHttpTestKeyId01";
    private static final String SECRET = "HttpTestSecretValue0123456789";
    private static final String TOKEN = "CAISsts+Token/ForTest==";

    private HttpServer server;
    private ExecutorService serverThreads;
    private final Queue<Handler> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private record Received(String method, Map<String, String> params, String body) {
        String param(String name) {
            return params.get(name);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(),
                    V1Signature.parseQuery(exchange.getRequestURI().getRawQuery()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Handler next = script.poll();
            if (next == null) {
                respond(exchange, 500, "{\"Code\":\"InternalError\",\"Message\":\"no scripted answer\"}", Map.of());
            } else {
                next.handle(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private SdkEnsApi api(EnsCredentials credentials, Duration readTimeout, int maxAttempts) {
        EnsClientConfig config = EnsClientConfig.local("127.0.0.1:" + server.getAddress().getPort())
                .withTimeouts(Duration.ofSeconds(2), readTimeout)
                .withRetry(new RetrySettings(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(100),
                        Duration.ofSeconds(60)));
        return new SdkEnsApi(config, EnsCredentialsProvider.of(credentials), sleeps::add);
    }

    private SdkEnsApi api() {
        return api(EnsCredentials.of(KEY_ID, SECRET), Duration.ofSeconds(5), 3);
    }

    private void answer(int status, String body) {
        answer(status, body, Map.of());
    }

    private void answer(int status, String body, Map<String, String> headers) {
        script.add(exchange -> respond(exchange, status, body, headers));
    }

    private static void respond(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void v1SignatureHelperMatchesTheDocumentedTestVector() {
        Map<String, String> params = Map.of("AccessKeyId", "testid", "Action", "DescribeHaVips",
                "EnsRegionId", "cn-beijing-cmcc", "Format", "JSON", "PageSize", "10", "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion", "1.0",
                "Timestamp", "2024-01-01T12:00:00Z", "Version", "2017-11-10");

        assertThat(V1Signature.sign("GET", params, "testsecret")).isEqualTo("aZVjEkGUUYQyXJXKUTxoW/5rcKE=");
    }

    @Test
    void describeHaVipsIsASignedGetWithRepeatListsAndNoRegionId() {
        answer(200, new String(Fixtures.bytes("describe-havips-strings.json"), StandardCharsets.UTF_8));

        try (SdkEnsApi api = api()) {
            Page<HaVip> page = api.describeHaVips(HaVipQuery.inRegions(List.of("cn-beijing-cmcc", "cn-hangzhou-telecom")),
                    PageRequest.first(50));

            assertThat(page.items()).hasSize(2);
            assertThat(page.totalCount()).isEqualTo(49);
        }

        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.params()).containsEntry("Action", "DescribeHaVips")
                .containsEntry("Version", "2017-11-10")
                .containsEntry("Format", "JSON")
                .containsEntry("SignatureMethod", "HMAC-SHA1")
                .containsEntry("SignatureVersion", "1.0")
                .containsEntry("AccessKeyId", KEY_ID)
                .containsEntry("EnsRegionIds.1", "cn-beijing-cmcc")
                .containsEntry("EnsRegionIds.2", "cn-hangzhou-telecom")
                .containsEntry("PageNumber", "1")
                .containsEntry("PageSize", "50")
                .containsKeys("Timestamp", "SignatureNonce")
                .doesNotContainKeys("RegionId", "SecurityToken");
        assertThat(request.param("Signature")).isEqualTo(V1Signature.sign("GET", request.params(), SECRET));
    }

    @Test
    void otherOperationsArePostsWithTheirListEncodings() {
        answer(200, new String(Fixtures.bytes("describe-instances.json"), StandardCharsets.UTF_8));
        answer(200, "{\"RequestId\":\"R-del\"}");
        answer(200, "{\"RequestId\":\"R-assoc\"}");

        try (SdkEnsApi api = api()) {
            assertThat(api.describeInstances(InstanceQuery.builder().regionIds(List.of("cn-a"))
                    .instanceIds(List.of("i-1", "i-2")).build(), PageRequest.first(100)).items()).hasSize(2);
            assertThat(api.deleteHaVips(List.of("havip-a", "havip-b"))).isEqualTo("R-del");
            assertThat(api.associateHaVip("havip-a", "eni-9", InstanceType.NETWORK_INTERFACE)).isEqualTo("R-assoc");
        }

        assertThat(received).extracting(Received::method).containsExactly("POST", "POST", "POST");
        assertThat(received.get(0).params()).containsEntry("Action", "DescribeInstances")
                .containsEntry("EnsRegionIds", "[\"cn-a\"]").containsEntry("InstanceIds", "[\"i-1\",\"i-2\"]");
        assertThat(received.get(1).params()).containsEntry("Action", "DeleteHaVips")
                .containsEntry("HaVipIds", "[\"havip-a\",\"havip-b\"]");
        assertThat(received.get(2).params()).containsEntry("Action", "AssociateHaVip")
                .containsEntry("HaVipId", "havip-a").containsEntry("InstanceId", "eni-9")
                .containsEntry("InstanceType", "NetworkInterface");
        for (Received request : received) {
            assertThat(request.param("Signature")).as(request.param("Action"))
                    .isEqualTo(V1Signature.sign("POST", request.params(), SECRET));
            assertThat(request.body()).isEmpty();
        }
    }

    @Test
    void stsCredentialsSendTheSecurityToken() {
        answer(200, new String(Fixtures.bytes("describe-regions.json"), StandardCharsets.UTF_8));

        try (SdkEnsApi api = api(new EnsCredentials(KEY_ID, SECRET, TOKEN), Duration.ofSeconds(5), 1)) {
            assertThat(api.describeRegions()).hasSize(2);
        }

        Received request = received.get(0);
        assertThat(request.param("SecurityToken")).isEqualTo(TOKEN);
        assertThat(request.param("Signature")).isEqualTo(V1Signature.sign("POST", request.params(), SECRET));
    }

    @Test
    void aBusinessErrorBodyBecomesATypedError() {
        answer(400, new String(Fixtures.bytes("error-invalid-parameter.json"), StandardCharsets.UTF_8));

        try (SdkEnsApi api = api()) {
            assertThatThrownBy(() -> api.associateHaVip("havip-x", "i-1", InstanceType.ENS_INSTANCE))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        EnsError error = e.error();
                        assertThat(error.code()).isEqualTo("InvalidParameter.HaVipId");
                        assertThat(error.kind()).isEqualTo(EnsError.Kind.VALIDATION);
                        assertThat(error.httpStatus()).isEqualTo(400);
                        assertThat(error.requestId()).isEqualTo("6BE56E05-0000-0000-0000-FD90C4FFD581");
                        assertThat(error.ambiguous()).isFalse();
                        assertThat(error.messageKey()).isEqualTo("ens.error.InvalidParameter.param");
                        assertThat(error.messageArgs()).containsExactly("HaVipId");
                    });
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void a503IsRetriedForReadsThenReported() {
        answer(503, "{\"RequestId\":\"R-1\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}");
        answer(503, "");
        answer(503, "{\"RequestId\":\"R-3\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}");

        try (SdkEnsApi api = api()) {
            assertThatThrownBy(() -> api.describeVSwitches(VSwitchQuery.all(), PageRequest.first(50)))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("ServiceUnavailable");
                        assertThat(e.error().kind()).isEqualTo(EnsError.Kind.SERVER);
                        assertThat(e.error().httpStatus()).isEqualTo(503);
                        assertThat(e.error().requestId()).isEqualTo("R-3");
                    });
        }
        assertThat(received).hasSize(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void throttlingHonoursRetryAfterAndThenSucceeds() {
        answer(400, "{\"RequestId\":\"R-t\",\"HostId\":\"ens.aliyuncs.com\",\"Code\":\"Throttling.User\","
                + "\"Message\":\"Request was denied due to user flow control.\",\"Recommend\":\"https://x\"}",
                Map.of("x-acs-retry-after", "1234"));
        answer(200, new String(Fixtures.bytes("describe-networks.json"), StandardCharsets.UTF_8));

        try (SdkEnsApi api = api()) {
            assertThat(api.describeNetworks(NetworkQuery.all(), PageRequest.first(50)).items()).hasSize(1);
        }

        assertThat(received).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1234));
        assertThat(received.get(0).param("SignatureNonce")).as("each attempt is signed afresh")
                .isNotEqualTo(received.get(1).param("SignatureNonce"));
    }

    @Test
    void aReadTimeoutIsRetriedForReadsAndRedacted() {
        for (int i = 0; i < 2; i++) {
            script.add(exchange -> {
                sleepQuietly(1500);
                respond(exchange, 200, "{}", Map.of());
            });
        }

        try (SdkEnsApi api = api(new EnsCredentials(KEY_ID, SECRET, TOKEN), Duration.ofMillis(300), 2)) {
            assertThatThrownBy(() -> api.describeHaVips(HaVipQuery.all(), PageRequest.first(10)))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("SDK.ReadTimeout");
                        assertThat(e.error().kind()).isEqualTo(EnsError.Kind.NETWORK);
                        assertThat(e.error().ambiguous()).isFalse();
                        assertNoCredentialIn(e);
                    });
        }
        assertThat(received).hasSize(2);
    }

    @Test
    void aWriteTimeoutIsAmbiguousAndSentOnlyOnce() {
        script.add(exchange -> {
            sleepQuietly(1500);
            respond(exchange, 200, "{\"RequestId\":\"late\"}", Map.of());
        });

        try (SdkEnsApi api = api(new EnsCredentials(KEY_ID, SECRET, TOKEN), Duration.ofMillis(300), 4)) {
            assertThatThrownBy(() -> api.associateHaVip("havip-a", "i-1", InstanceType.ENS_INSTANCE))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("SDK.ReadTimeout");
                        assertThat(e.error().kind()).isEqualTo(EnsError.Kind.NETWORK);
                        assertThat(e.error().ambiguous()).isTrue();
                        assertThat(e.error().retryable()).isFalse();
                        assertNoCredentialIn(e);
                    });
        }
        assertThat(received).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aDroppedConnectionOnAWriteIsAmbiguous() {
        script.add(HttpExchange::close);

        try (SdkEnsApi api = api()) {
            assertThatThrownBy(() -> api.unassociateHaVip("havip-a", "i-1"))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        assertThat(e.error().kind()).isEqualTo(EnsError.Kind.NETWORK);
                        assertThat(e.error().ambiguous()).isTrue();
                        assertNoCredentialIn(e);
                    });
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsNotAmbiguous() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        EnsClientConfig config = EnsClientConfig.local("127.0.0.1:" + closedPort).withRetry(RetrySettings.none());

        try (SdkEnsApi api = new SdkEnsApi(config, EnsCredentialsProvider.of(EnsCredentials.of(KEY_ID, SECRET)),
                sleeps::add)) {
            assertThatThrownBy(() -> api.associateHaVip("havip-a", "i-1", InstanceType.ENS_INSTANCE))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("SDK.ServerUnreachable");
                        assertThat(e.error().kind()).isEqualTo(EnsError.Kind.NETWORK);
                        assertThat(e.error().ambiguous()).as("the request never left").isFalse();
                        assertNoCredentialIn(e);
                    });
        }
    }

    @Test
    void aFailingCredentialsProviderIsAnAuthError() {
        EnsClientConfig config = EnsClientConfig.local("127.0.0.1:" + server.getAddress().getPort());

        try (SdkEnsApi api = new SdkEnsApi(config, () -> {
            throw new IllegalStateException("AssumeRole failed for " + SECRET);
        }, sleeps::add)) {
            assertThatThrownBy(api::describeRegions).isInstanceOfSatisfying(EnsException.class, e -> {
                assertThat(e.error().kind()).isEqualTo(EnsError.Kind.AUTH);
                assertThat(e.error().code()).isEqualTo("SDK.InvalidCredentials");
            });
        }
        assertThat(received).isEmpty();
    }

    private static void assertNoCredentialIn(EnsException exception) {
        StringWriter printed = new StringWriter();
        exception.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString())
                .doesNotContain(KEY_ID)
                .doesNotContain(SECRET)
                .doesNotContain("CAISsts")
                .doesNotContainPattern("Signature=[^*&]");
        assertThat(exception.error().message()).doesNotContain(KEY_ID);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
