package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import io.enscope.ens.EnsError.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SdkErrorsTest {

    private static final String URL = "https://ens.aliyuncs.com/?Action=AssociateHaVip&AccessKeyId=LTAI5tFakeKey0001"
            + "&Signature=abcDEF%3D";

    @Test
    void businessErrorBody() {
        EnsError error = SdkErrors.fromResponse(response(400, Fixtures.bytes("error-invalid-parameter.json"), Map.of()),
                EnsOperation.ASSOCIATE_HAVIP);

        assertThat(error.code()).isEqualTo("InvalidParameter.HaVipId");
        assertThat(error.kind()).isEqualTo(Kind.VALIDATION);
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.requestId()).isEqualTo("6BE56E05-0000-0000-0000-FD90C4FFD581");
        assertThat(error.parameterName()).isEqualTo("HaVipId");
        assertThat(error.ambiguous()).as("a 400 is a definite refusal").isFalse();
    }

    @Test
    void throttlingWithRetryAfterHeader() {
        EnsError error = SdkErrors.fromResponse(response(400,
                "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}",
                Map.of("X-Acs-Retry-After", "2500")), EnsOperation.DESCRIBE_HAVIPS);

        assertThat(error.kind()).isEqualTo(Kind.THROTTLING);
        assertThat(error.retryable()).isTrue();
        assertThat(error.retryAfter()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void standardRetryAfterInSecondsIsAFallback() {
        EnsError error = SdkErrors.fromResponse(response(429, "", Map.of("Retry-After", "3")),
                EnsOperation.DESCRIBE_HAVIPS);

        assertThat(error.code()).isEqualTo("Throttling");
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void serverErrorsWithoutJsonGetACodeFromTheStatus() {
        EnsError unavailable = SdkErrors.fromResponse(response(503, "<html>Service Unavailable</html>", Map.of()),
                EnsOperation.DESCRIBE_INSTANCES);
        EnsError internal = SdkErrors.fromResponse(response(500, "", Map.of()), EnsOperation.DESCRIBE_INSTANCES);

        assertThat(unavailable.code()).isEqualTo("ServiceUnavailable");
        assertThat(unavailable.kind()).isEqualTo(Kind.SERVER);
        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable.message()).contains("Service Unavailable");
        assertThat(internal.code()).isEqualTo("InternalError");
    }

    @Test
    void xmlErrorBodyIsRead() {
        EnsError error = SdkErrors.fromResponse(response(404,
                "<Error><RequestId>R-9</RequestId><HostId>ens.aliyuncs.com</HostId>"
                        + "<Code>InvalidAccessKeyId.NotFound</Code><Message>Specified access key is not found.</Message></Error>",
                Map.of()), EnsOperation.DESCRIBE_REGIONS);

        assertThat(error.code()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(error.kind()).isEqualTo(Kind.AUTH);
        assertThat(error.requestId()).isEqualTo("R-9");
        assertThat(error.httpStatus()).isEqualTo(404);
    }

    @Test
    void aServerErrorOnAWriteIsAmbiguous() {
        EnsError write = SdkErrors.fromResponse(response(500, "{\"Code\":\"InternalError\"}", Map.of()),
                EnsOperation.ASSOCIATE_HAVIP);
        EnsError read = SdkErrors.fromResponse(response(500, "{\"Code\":\"InternalError\"}", Map.of()),
                EnsOperation.DESCRIBE_HAVIPS);

        assertThat(write.ambiguous()).isTrue();
        assertThat(write.retryable()).isFalse();
        assertThat(read.ambiguous()).isFalse();
        assertThat(read.retryable()).isTrue();
    }

    static Stream<Arguments> networkFailures() {
        return Stream.of(
                Arguments.of("SDK.ReadTimeout", new SocketTimeoutException("Read timed out"), "SDK.ReadTimeout", true),
                Arguments.of("SDK.ServerUnreachable", new SocketException("Connection reset"), "SDK.ConnectionReset",
                        true),
                Arguments.of("SDK.ServerUnreachable", new EOFException("EOF reached while reading"),
                        "SDK.ConnectionReset", true),
                Arguments.of("SDK.ServerUnreachable", new IOException("HTTP/1.1 header parser received no bytes"),
                        "SDK.ConnectionReset", true),
                Arguments.of("SDK.ServerUnreachable", new IOException("something odd"), "SDK.ServerUnreachable", true),
                Arguments.of("SDK.ServerUnreachable", new ConnectException("Connection refused"),
                        "SDK.ServerUnreachable", false),
                Arguments.of("SDK.ServerUnreachable", new HttpConnectTimeoutException("HTTP connect timed out"),
                        "SDK.ConnectTimeout", false),
                Arguments.of("SDK.ServerUnreachable", withCause(new ConnectException("x"), new UnknownHostException("nohost")),
                        "SDK.UnknownHost", false),
                Arguments.of("SDK.ServerUnreachable", new SocketTimeoutException("connect timed out"),
                        "SDK.ConnectTimeout", false),
                Arguments.of("SDK.ServerUnreachable", new InterruptedIOException("interrupted"),
                        "SDK.InterruptedException", true));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("networkFailures")
    void networkFailuresAreClassifiedAndAmbiguousOnlyWhenTheRequestMayHaveBeenSent(String sdkCode, Throwable cause,
            String expectedCode, boolean ambiguousForWrites) {
        ClientException sdk = new ClientException(sdkCode, "connection " + URL + " failed", cause);

        EnsError read = SdkErrors.fromSdkException(sdk, EnsOperation.DESCRIBE_HAVIPS, List.of());
        EnsError write = SdkErrors.fromSdkException(sdk, EnsOperation.ASSOCIATE_HAVIP, List.of());

        assertThat(read.code()).isEqualTo(expectedCode);
        assertThat(read.kind()).isEqualTo(Kind.NETWORK);
        assertThat(read.ambiguous()).isFalse();
        assertThat(write.code()).isEqualTo(expectedCode);
        assertThat(write.kind()).isEqualTo(Kind.NETWORK);
        assertThat(write.ambiguous()).isEqualTo(ambiguousForWrites);
        assertThat(write.retryable()).isEqualTo(!ambiguousForWrites && !"SDK.InterruptedException".equals(expectedCode));
        assertThat(read.message()).doesNotContain("LTAI5tFakeKey0001").doesNotContain("abcDEF");
    }

    @Test
    void anSdkTimeoutWithoutCauseIsStillANetworkFailure() {
        ClientException sdk = new ClientException("SDK.ReadTimeout", "The url is " + URL);

        EnsError write = SdkErrors.fromSdkException(sdk, EnsOperation.CREATE_HAVIP, List.of());

        assertThat(write.code()).isEqualTo("SDK.ReadTimeout");
        assertThat(write.ambiguous()).isTrue();
        assertThat(write.message()).doesNotContain("LTAI5tFakeKey0001");
    }

    @Test
    void serverExceptionIsHandledBeforeItsParentClass() {
        ServerException server = new ServerException("ServiceUnavailable", "try later", "R-5");

        EnsError read = SdkErrors.fromSdkException(server, EnsOperation.DESCRIBE_HAVIPS, List.of());
        EnsError write = SdkErrors.fromSdkException(server, EnsOperation.UNASSOCIATE_HAVIP, List.of());

        assertThat(read.kind()).isEqualTo(Kind.SERVER);
        assertThat(read.httpStatus()).isEqualTo(500);
        assertThat(read.requestId()).isEqualTo("R-5");
        assertThat(write.ambiguous()).isTrue();
    }

    @Test
    void clientExceptionWithAnErrorCodeKeepsIt() {
        ClientException client = new ClientException("SignatureDoesNotMatch", "not matched", "R-6");

        EnsError error = SdkErrors.fromSdkException(client, EnsOperation.DESCRIBE_HAVIPS, List.of());

        assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.kind()).isEqualTo(Kind.AUTH);
        assertThat(error.requestId()).isEqualTo("R-6");
    }

    @Test
    void literalSecretsAreScrubbedFromSdkMessages() {
        ClientException client = new ClientException("SDK.Weird", "leaked s3cr3tValue!", "R-7");

        EnsError error = SdkErrors.fromSdkException(client, EnsOperation.DESCRIBE_HAVIPS, List.of("s3cr3tValue!"));

        assertThat(error.message()).isEqualTo("leaked ***");
    }

    private static Throwable withCause(Throwable outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    private static Transport.RawResponse response(int status, String body, Map<String, String> headers) {
        return response(status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static Transport.RawResponse response(int status, byte[] body, Map<String, String> headers) {
        return new Transport.RawResponse(status, body, headers);
    }
}
