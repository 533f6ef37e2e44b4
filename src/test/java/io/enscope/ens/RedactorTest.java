package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String KEY_ID = "LTAI5tQ8FakeKeyId0001";
    private static final String SECRET = "s3cr3tFakeSecretValue0001";
    private static final String TOKEN = "CAIS8AF1q6Ft5B2yfSjIr5fakeToken+/=";

    /** The message shape of the SDK's SDK.ReadTimeout. */
    private static final String READ_TIMEOUT = "SocketTimeoutException has occurred on a socket read or accept."
            + "The url is https://ens.aliyuncs.com/?EnsRegionIds.1=cn-beijing-cmcc&SignatureVersion=1.0"
            + "&Action=DescribeHaVips&Format=JSON&SignatureNonce=68e398b142ff85c7bf3366f7e9f2bb9d&Version=2017-11-10"
            + "&AccessKeyId=" + KEY_ID + "&Signature=Yd5L7CM1U0gwdX0ZdmOcLCv8bvU%3D&SignatureMethod=HMAC-SHA1"
            + "&SecurityToken=CAIS8AF1q6Ft5B2yfSjIr5fakeToken%2B%2F%3D&Timestamp=2026-11-27T10%3A26%3A47Z";

    @Test
    void removesKeyIdSignatureAndTokenFromTheSdkUrl() {
        String redacted = Redactor.redact(READ_TIMEOUT);

        assertThat(redacted)
                .doesNotContain(KEY_ID)
                .doesNotContain("Yd5L7CM1U0gwdX0ZdmOcLCv8bvU")
                .doesNotContain("fakeToken")
                .contains("AccessKeyId=***&")
                .contains("Signature=***&")
                .contains("SecurityToken=***&")
                .contains("Action=DescribeHaVips")
                .contains("SignatureMethod=HMAC-SHA1")
                .contains("SignatureNonce=68e398b142ff85c7bf3366f7e9f2bb9d")
                .contains("Timestamp=2026-11-27T10%3A26%3A47Z");
    }

    @Test
    void removesTheKeyIdFromAQuotedStringToSign() {
        String message = "Specified signature is not matched with our calculation. server string to sign is:"
                + "GET&%2F&AccessKeyId%3D" + KEY_ID + "%26Action%3DDescribeHaVips%26SecurityToken%3DCAIS%252Bx%26"
                + "Version%3D2017-11-10";

        String redacted = Redactor.redact(message);

        assertThat(redacted).doesNotContain(KEY_ID).doesNotContain("CAIS%252Bx")
                .contains("AccessKeyId%3D***%26Action%3DDescribeHaVips")
                .contains("SecurityToken%3D***%26Version");
    }

    @Test
    void removesJsonFieldsHeadersAndIniLines() {
        assertThat(Redactor.redact("{\"AccessKeyId\": \"" + KEY_ID + "\", \"access_key_secret\":\"" + SECRET
                + "\", \"region_id\":\"cn-hangzhou\"}"))
                .doesNotContain(KEY_ID).doesNotContain(SECRET).contains("\"region_id\":\"cn-hangzhou\"");
        assertThat(Redactor.redact("Authorization: ACS3-HMAC-SHA256 Credential=" + KEY_ID
                + ",SignedHeaders=host,Signature=5043ca59\nx-acs-date: 2024"))
                .doesNotContain(KEY_ID).doesNotContain("5043ca59").contains("x-acs-date: 2024");
        assertThat(Redactor.redact("x-acs-security-token: " + TOKEN)).doesNotContain("fakeToken");
        assertThat(Redactor.redact("access_key_secret = " + SECRET + "\nregion_id = cn-x"))
                .doesNotContain(SECRET).contains("region_id = cn-x");
    }

    @Test
    void removesLiteralSecretsAnywhere() {
        String redacted = Redactor.redact("oops " + SECRET + " and " + TOKEN, List.of(SECRET, TOKEN, "ab"));

        assertThat(redacted).isEqualTo("oops *** and ***");
        assertThat(Redactor.redact("a tab b", List.of("ab"))).as("short values are not scrubbed")
                .isEqualTo("a tab b");
    }

    @Test
    void leavesOrdinaryTextAndNullAlone() {
        assertThat(Redactor.redact("HaVip havip-1 is InUse; SignatureVersion=1.0"))
                .isEqualTo("HaVip havip-1 is InUse; SignatureVersion=1.0");
        assertThat(Redactor.redact(null)).isNull();
        assertThat(Redactor.redact("")).isEmpty();
    }

    @Test
    void masksAnAccessKeyIdForDisplay() {
        assertThat(Redactor.maskAccessKeyId(KEY_ID)).isEqualTo("LTAI***");
        assertThat(Redactor.maskAccessKeyId("short")).isEqualTo("***");
        assertThat(Redactor.maskAccessKeyId(null)).isEqualTo("***");
    }

    @Test
    void sanitizedChainsKeepClassesAndStackTracesButNotTheUrl() {
        SocketTimeoutException root = new SocketTimeoutException("Read timed out");
        RuntimeException sdk = new RuntimeException(READ_TIMEOUT + " secret=" + SECRET, root);

        Throwable copy = Redactor.sanitize(sdk, List.of(SECRET));

        StringWriter printed = new StringWriter();
        copy.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString())
                .doesNotContain(KEY_ID).doesNotContain(SECRET).doesNotContain("Yd5L7CM1U0gwdX0ZdmOcLCv8bvU")
                .contains("java.lang.RuntimeException: SocketTimeoutException has occurred")
                .contains("java.net.SocketTimeoutException: Read timed out");
        assertThat(copy.getStackTrace()).isEqualTo(sdk.getStackTrace());
        assertThat(((Redactor.RedactedThrowable) copy.getCause()).originalClassName())
                .isEqualTo("java.net.SocketTimeoutException");
        assertThat(Redactor.sanitize(null, List.of())).isNull();
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        EnsCredentials credentials = new EnsCredentials(KEY_ID, SECRET, TOKEN);

        assertThat(credentials.toString()).doesNotContain(SECRET).doesNotContain("fakeToken").doesNotContain(KEY_ID)
                .contains("LTAI***");
        assertThat(credentials.hasSecurityToken()).isTrue();
        assertThat(EnsCredentials.of(KEY_ID, SECRET).hasSecurityToken()).isFalse();
        assertThat(new EnsCredentials(KEY_ID, SECRET, " ").securityToken()).isNull();
    }
}
