package io.enscope.ens.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aliyuncs.http.ProtocolType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The SDK-based STS client against a canned STS on loopback: request parameters and response mapping. */
class SdkStsClientTest {

    private static final RoleAssumption ROLE = new RoleAssumption("acs:ram::1234567890123456:role/ens-operator",
            "enscope-session", Optional.of("EXTERNAL-abc"), Optional.of("cn-beijing"), Optional.empty(), 1800);
    private static final AccessKey CALLER = AccessKey.of("LTAI5tStsCaller000001", "SECRET-caller");

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("method", exchange.getRequestMethod());
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        requests.add(parameters);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private SdkStsClient client() {
        return new SdkStsClient(Optional.of("127.0.0.1:" + server.getAddress().getPort()), ProtocolType.HTTP,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @Test
    void sendsAssumeRoleAndReadsTheCredentials() throws Exception {
        body = """
                {"RequestId":"6894B13B-6D71-4EF5-88FA-F32781734A7F",
                 "AssumedRoleUser":{"Arn":"acs:ram::1234567890123456:role/ens-operator/enscope-session",
                                    "AssumedRoleId":"34458433936495****:enscope-session"},
                 "Credentials":{"AccessKeyId":"STS.L4aBSCSJVMuKg5U1****","AccessKeySecret":"SECRET-from-sts",
                                "SecurityToken":"TOKEN-from-sts","Expiration":"2026-03-01T08:30:00Z"}}
                """;

        TemporaryCredentials temporary = client().assumeRole(CALLER, ROLE);

        assertThat(temporary.accessKey().id()).isEqualTo("STS.L4aBSCSJVMuKg5U1****");
        assertThat(temporary.accessKey().secret().reveal()).isEqualTo("SECRET-from-sts");
        assertThat(temporary.accessKey().securityToken()).map(Secret::reveal).contains("TOKEN-from-sts");
        assertThat(temporary.expiration()).isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request).containsEntry("method", "POST")
                    .containsEntry("Action", "AssumeRole")
                    .containsEntry("Version", "2015-04-01")
                    .containsEntry("RoleArn", "acs:ram::1234567890123456:role/ens-operator")
                    .containsEntry("RoleSessionName", "enscope-session")
                    .containsEntry("DurationSeconds", "1800")
                    .containsEntry("ExternalId", "EXTERNAL-abc")
                    .containsEntry("AccessKeyId", "LTAI5tStsCaller000001")
                    .containsKey("Signature")
                    .doesNotContainKey("SecurityToken");
            assertThat(request.values()).noneMatch(value -> value.contains("SECRET-caller"));
        });
    }

    @Test
    void callerWithTokenSendsIt() throws Exception {
        body = "{\"Credentials\":{\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"SECRET-s\","
                + "\"SecurityToken\":\"TOKEN-t\",\"Expiration\":\"2026-03-01T08:30:00Z\"}}";
        AccessKey caller = new AccessKey("STS.Caller0000000001", Secret.of("SECRET-c"),
                Optional.of(Secret.of("TOKEN-caller")));

        client().assumeRole(caller, new RoleAssumption("acs:ram::1:role/r", "s", Optional.empty(), Optional.empty(),
                Optional.empty(), 3600));

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request).containsEntry("SecurityToken", "TOKEN-caller").doesNotContainKey("ExternalId");
        });
    }

    @Test
    void errorResponseBecomesCodeAndRequestIdOnly() {
        status = 403;
        body = "{\"RequestId\":\"C1A2-REQ\",\"HostId\":\"sts.aliyuncs.com\",\"Code\":\"NoPermission\","
                + "\"Message\":\"You are not authorized to do this action. AccessKeyId LTAI5tStsCaller000001\"}";

        assertThatThrownBy(() -> client().assumeRole(CALLER, ROLE))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.code()).isEqualTo("NoPermission");
                    assertThat(e.requestId()).contains("C1A2-REQ");
                    assertThat(e.getMessage()).doesNotContain("LTAI5tStsCaller000001");
                });
    }

    @Test
    void unusableResponseIsInvalidResponseWithoutItsContent() {
        body = "{\"Credentials\":{\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"SECRET-half\"}}";

        assertThatThrownBy(() -> client().assumeRole(CALLER, ROLE))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.code()).isEqualTo(SdkStsClient.INVALID_RESPONSE))
                .hasMessageNotContaining("SECRET").hasNoCause();
    }

    @Test
    void unreachableEndpointIsAnSdkErrorCode() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SdkStsClient client = new SdkStsClient(Optional.of("127.0.0.1:" + closedPort), ProtocolType.HTTP,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.assumeRole(CALLER, ROLE))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.code()).startsWith("SDK.");
                    assertThat(e.getMessage()).doesNotContain("LTAI5tStsCaller000001").doesNotContain("Signature");
                });
    }

    @Test
    void endpointFollowsTheCliRules() {
        SdkStsClient publicClient = new SdkStsClient();
        RoleAssumption noRegion = new RoleAssumption("arn", "s", Optional.empty(), Optional.empty(),
                Optional.empty(), 3600);
        RoleAssumption withEndpoint = new RoleAssumption("arn", "s", Optional.empty(), Optional.of("cn-beijing"),
                Optional.of("sts-vpc.cn-beijing.aliyuncs.com"), 3600);

        assertThat(publicClient.endpointFor(noRegion)).isEqualTo("sts.aliyuncs.com");
        assertThat(publicClient.endpointFor(ROLE)).isEqualTo("sts.cn-beijing.aliyuncs.com");
        assertThat(publicClient.endpointFor(withEndpoint)).isEqualTo("sts-vpc.cn-beijing.aliyuncs.com");
        assertThat(client().endpointFor(withEndpoint)).startsWith("127.0.0.1:");
    }
}
