package io.enscope.emulator;

import io.enscope.emulator.gateway.Signatures;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vectors of ens-api.md §5, cross-checked there against Alibaba's own openapiutil. */
class SignatureVectorsTest {

    @Test
    void v1Vector() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccessKeyId", "testid");
        params.put("Action", "DescribeHaVips");
        params.put("EnsRegionId", "cn-beijing-cmcc");
        params.put("Format", "JSON");
        params.put("PageSize", "10");
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        params.put("SignatureVersion", "1.0");
        params.put("Timestamp", "2024-01-01T12:00:00Z");
        params.put("Version", "2017-11-10");
        String stringToSign = Signatures.v1StringToSign("GET", params);
        assertThat(stringToSign).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeHaVips%26EnsRegionId%3D"
                + "cn-beijing-cmcc%26Format%3DJSON%26PageSize%3D10%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D"
                + "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T12%253A00"
                + "%253A00Z%26Version%3D2017-11-10");
        assertThat(Signatures.v1Sign("testsecret", stringToSign)).isEqualTo("aZVjEkGUUYQyXJXKUTxoW/5rcKE=");
    }

    @Test
    void v3Vector() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("HaVipId", "havip-5p14t****");
        query.put("InstanceId", "i-50c4****");
        query.put("InstanceType", "EnsInstance");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "ens.aliyuncs.com");
        headers.put("x-acs-action", "AssociateHaVip");
        headers.put("x-acs-content-sha256", Signatures.EMPTY_SHA256);
        headers.put("x-acs-date", "2024-01-01T12:00:00Z");
        headers.put("x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0");
        headers.put("x-acs-version", "2017-11-10");
        List<String> signed = List.of("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
                "x-acs-signature-nonce", "x-acs-version");
        String canonical = Signatures.v3CanonicalRequest("POST", "/", query, headers, signed, Signatures.EMPTY_SHA256);
        assertThat(canonical).contains("HaVipId=havip-5p14t%2A%2A%2A%2A&");
        String stringToSign = Signatures.v3StringToSign(canonical);
        assertThat(stringToSign).isEqualTo(
                "ACS3-HMAC-SHA256\nb55b201c3ff0e3e99748860c1b8fb5e7be643cb5c5b612fef52d7b413768dca0");
        assertThat(Signatures.v3Sign("testsecret", stringToSign))
                .isEqualTo("5043ca59c799b9db0514ebf19c23c9bb0f8506cc4e5eae15a1c37c0bbcbe004c");
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(Signatures.percentEncode("a b*c~d/é")).isEqualTo("a%20b%2Ac~d%2F%C3%A9");
    }
}
