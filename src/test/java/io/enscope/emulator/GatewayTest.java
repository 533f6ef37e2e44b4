package io.enscope.emulator;

import io.enscope.emulator.gateway.Signatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The POP gateway: common parameters, signatures, error bodies and malformed input. */
class GatewayTest {
    private static final Account ADMIN = new Account("gw-admin", "gw-secret", false);
    private static EnsEmulator emulator;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small()).account(ADMIN)
                .maxBodyBytes(64 * 1024).start();
        http = new RawHttp(emulator.port());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Map<String, String> signed(String action, String... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return RawHttp.signedV1("GET", ADMIN, action, params);
    }

    private static void assertWellFormedError(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().fieldNames()).toIterable()
                .containsExactly("RequestId", "HostId", "Code", "Message", "Recommend");
        assertThat(r.json().path("RequestId").asText()).isNotEmpty();
        assertThat(r.json().path("Message").asText()).isNotEmpty();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.headers().get("content-type")).startsWith("application/json");
    }

    @Test
    void aNonceLongerThan128CharactersIsRefusedAndNotRemembered() {
        Map<String, String> params = signed("DescribeHaVips");
        params.put("SignatureNonce", "n".repeat(129));
        RawHttp.sign("GET", ADMIN, params);
        RawHttp.Response r = http.get(RawHttp.query(params));
        assertWellFormedError(r, 400, "InvalidParameter.SignatureNonce");

        params.put("SignatureNonce", "n".repeat(128));
        RawHttp.sign("GET", ADMIN, params);
        assertThat(http.get(RawHttp.query(params)).status()).isEqualTo(200);
    }

    @Test
    void aSignedGetSucceeds() {
        RawHttp.Response r = http.get(RawHttp.query(signed("DescribeHaVips")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("HaVips").isArray()).isTrue();
    }

    @Test
    void parametersMayComeFromAFormBody() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("VSwitchId", "vsw-b");
        Map<String, String> all = RawHttp.signedV1("POST", ADMIN, "DescribeVSwitches", params);
        Map<String, String> query = new LinkedHashMap<>(all);
        query.remove("VSwitchId");
        RawHttp.Response r = http.postForm(RawHttp.query(query), "VSwitchId=vsw-b");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("TotalCount").asInt()).isEqualTo(1);
    }

    @Test
    void unknownAccessKeyIsNotFound404() {
        Account stranger = new Account("nobody", "whatever", false);
        RawHttp.Response r = http.get(RawHttp.query(RawHttp.signedV1("GET", stranger, "DescribeHaVips", Map.of())));
        assertWellFormedError(r, 404, "InvalidAccessKeyId.NotFound");
    }

    @Test
    void aWrongSecretGivesSignatureDoesNotMatchWithTheServerStringToSign() {
        Account impostor = new Account(ADMIN.accessKeyId(), "wrong-secret", false);
        RawHttp.Response r = http.get(RawHttp.query(RawHttp.signedV1("GET", impostor, "DescribeHaVips", Map.of())));
        assertWellFormedError(r, 400, "SignatureDoesNotMatch");
        assertThat(r.json().path("Message").asText()).contains("server string to sign is:GET&%2F&");
        assertThat(r.body()).doesNotContain(ADMIN.accessKeySecret());
    }

    @Test
    void aTamperedParameterBreaksTheSignature() {
        Map<String, String> params = signed("DescribeHaVips", "HaVipId", "havip-free");
        params.put("HaVipId", "havip-bound");
        assertWellFormedError(http.get(RawHttp.query(params)), 400, "SignatureDoesNotMatch");
    }

    @Test
    void aStaleTimestampIsExpired() {
        Map<String, String> params = signed("DescribeHaVips");
        params.put("Timestamp", Instant.now().minusSeconds(16 * 60).truncatedTo(ChronoUnit.SECONDS).toString());
        RawHttp.sign("GET", ADMIN, params);
        assertWellFormedError(http.get(RawHttp.query(params)), 400, "InvalidTimeStamp.Expired");
    }

    @Test
    void aMalformedTimestampIsAFormatError() {
        Map<String, String> params = signed("DescribeHaVips");
        params.put("Timestamp", "yesterday");
        RawHttp.sign("GET", ADMIN, params);
        assertWellFormedError(http.get(RawHttp.query(params)), 400, "InvalidTimeStamp.Format");
    }

    @Test
    void aReusedNonceIsRefused() {
        String query = RawHttp.query(signed("DescribeHaVips"));
        assertThat(http.get(query).status()).isEqualTo(200);
        assertWellFormedError(http.get(query), 400, "SignatureNonceUsed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion",
            "SignatureNonce", "Timestamp", "Signature"})
    void missingCommonParametersAreNamed(String name) {
        Map<String, String> params = signed("DescribeHaVips");
        params.remove(name);
        if (!name.equals("Signature")) {
            RawHttp.sign("GET", ADMIN, params);
        }
        assertWellFormedError(http.get(RawHttp.query(params)), 400, "Missing" + name);
    }

    @Test
    void unknownActionIs404AndWrongVersionIsInvalid() {
        assertWellFormedError(http.get(RawHttp.query(signed("DescribeEverything"))), 404, "InvalidApi.NotFound");
        Map<String, String> params = signed("DescribeHaVips");
        params.put("Version", "2014-05-26");
        RawHttp.sign("GET", ADMIN, params);
        assertWellFormedError(http.get(RawHttp.query(params)), 400, "InvalidVersion");
    }

    @Test
    void anotherPathOrMethodIsRefused() {
        assertWellFormedError(http.send("GET", "/admin?" + RawHttp.query(signed("DescribeHaVips")), Map.of(),
                new byte[0]), 404, "InvalidApi.NotFound");
        assertWellFormedError(http.send("PUT", "/?" + RawHttp.query(signed("DescribeHaVips")), Map.of(),
                new byte[0]), 405, "UnsupportedHTTPMethod");
        assertWellFormedError(http.send("DELETE", "/", Map.of(), new byte[0]), 405, "UnsupportedHTTPMethod");
    }

    @Test
    void badPercentEncodingIsAClientError() {
        assertWellFormedError(http.get("Action=DescribeHaVips&HaVipId=%ZZ"), 400, "InvalidParameter");
        assertWellFormedError(http.get("Action=DescribeHaVips&HaVipId=%"), 400, "InvalidParameter");
        assertWellFormedError(http.get("Action=DescribeHaVips&HaVipId=%C3%28"), 400, "InvalidParameter");
    }

    @Test
    void duplicateParametersAreRefused() {
        String query = RawHttp.query(signed("DescribeHaVips")) + "&Action=DescribeInstances";
        assertWellFormedError(http.get(query), 400, "InvalidParameter.Action");
    }

    @Test
    void oversizedParametersAreRefused() {
        String big = "x".repeat(40 * 1024);
        assertWellFormedError(http.postForm("", "HaVipId=" + big), 400, "InvalidParameter.HaVipId");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            many.append("p").append(i).append("=1&");
        }
        assertWellFormedError(http.postForm("", many.toString()), 400, "InvalidParameter");
    }

    @Test
    void badJsonArraysAreInvalidParameters() {
        assertWellFormedError(http.get(RawHttp.query(signed("DescribeInstances", "InstanceIds", "[i-run"))), 400,
                "InvalidParameter.InstanceIds");
        assertWellFormedError(http.get(RawHttp.query(signed("DescribeInstances", "InstanceIds", "[1,2]"))), 400,
                "InvalidParameter.InstanceIds");
        assertWellFormedError(http.get(RawHttp.query(signed("DescribeInstances", "InstanceIds", "{\"a\":1}"))),
                400, "InvalidParameter.InstanceIds");
    }

    @Test
    void listsAreAcceptedInBothEncodings() {
        RawHttp.Response repeat = http.get(RawHttp.query(signed("DescribeHaVips", "EnsRegionIds.1", "cn-test-telecom")));
        RawHttp.Response json = http.get(RawHttp.query(signed("DescribeHaVips", "EnsRegionIds",
                "[\"cn-test-telecom\"]")));
        assertThat(repeat.json().path("TotalCount").asText()).isEqualTo("10");
        assertThat(json.json().path("TotalCount").asText()).isEqualTo("10");
    }

    @Test
    void aHugeBodyIs413WithoutReadingIt() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        RawHttp.Response r = http.send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                body);
        assertWellFormedError(r, 413, "RequestEntityTooLarge");
    }

    @Test
    void aBinaryFormBodyIsAClientError() {
        byte[] body = {(byte) 0xff, (byte) 0xfe, 'a', '=', (byte) 0xc3};
        RawHttp.Response r = http.send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                body);
        assertWellFormedError(r, 400, "InvalidParameter");
    }

    @Test
    void throttlingCarriesRetryAfterInMilliseconds() {
        emulator.faults().add(io.enscope.emulator.fault.FaultRule.parse("DescribeVSwitches:throttling:next=1:ms=750"));
        RawHttp.Response r = http.get(RawHttp.query(signed("DescribeVSwitches")));
        assertWellFormedError(r, 400, "Throttling.User");
        assertThat(r.headers().get("x-acs-retry-after")).isEqualTo("750");
        assertThat(http.get(RawHttp.query(signed("DescribeVSwitches"))).status()).isEqualTo(200);
    }

    @Test
    void v3SignedRequestSucceedsAndATamperedOneFails() {
        RawHttp.Response ok = http.send("POST", "/?VSwitchId=vsw-a", v3Headers("DescribeVSwitches",
                Map.of("VSwitchId", "vsw-a"), ADMIN), new byte[0]);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("TotalCount").asInt()).isEqualTo(1);

        RawHttp.Response tampered = http.send("POST", "/?VSwitchId=vsw-b", v3Headers("DescribeVSwitches",
                Map.of("VSwitchId", "vsw-a"), ADMIN), new byte[0]);
        assertWellFormedError(tampered, 400, "SignatureDoesNotMatch");

        Map<String, String> incomplete = new LinkedHashMap<>(v3Headers("DescribeVSwitches", Map.of(), ADMIN));
        incomplete.put("Authorization", "ACS3-HMAC-SHA256 Credential=" + ADMIN.accessKeyId());
        assertWellFormedError(http.send("POST", "/", incomplete, new byte[0]), 400, "IncompleteSignature");
    }

    /** Signs a v3 request the way the Tea SDKs do (ens-api.md §5.2). */
    static Map<String, String> v3Headers(String action, Map<String, String> query, Account account) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "127.0.0.1:" + emulator.port());
        headers.put("x-acs-action", action);
        headers.put("x-acs-content-sha256", Signatures.EMPTY_SHA256);
        headers.put("x-acs-date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
        headers.put("x-acs-version", "2017-11-10");
        java.util.List<String> signedNames = new java.util.ArrayList<>(new java.util.TreeSet<>(headers.keySet()));
        String canonical = Signatures.v3CanonicalRequest("POST", "/", query, headers, signedNames,
                Signatures.EMPTY_SHA256);
        String signature = Signatures.v3Sign(account.accessKeySecret(), Signatures.v3StringToSign(canonical));
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.remove("host");
        out.put("Authorization", "ACS3-HMAC-SHA256 Credential=" + account.accessKeyId() + ",SignedHeaders="
                + String.join(";", signedNames) + ",Signature=" + signature);
        return out;
    }

    @Test
    void errorBodiesAreUtf8Json() {
        RawHttp.Response r = http.get("Action=%E4%BD%A0");
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.body().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
