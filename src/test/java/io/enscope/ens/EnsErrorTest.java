package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enscope.ens.EnsError.Kind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnsErrorTest {

    /** Code, HTTP status, expected kind, retryable, message key (without prefix), arguments. */
    static Stream<Arguments> codes() {
        return Stream.of(
                // the seed's AssociateHaVip table, all HTTP 400
                row("InstanceNotFound", 400, Kind.STATE, false, "InstanceNotFound"),
                row("InvalidInstanceType", 400, Kind.VALIDATION, false, "Invalid.param", "InstanceType"),
                row("MissingHaVipId", 400, Kind.VALIDATION, false, "Missing.param", "HaVipId"),
                row("HaVipNotFound", 400, Kind.STATE, false, "HaVipNotFound"),
                row("IncorrectHaVipStatus", 400, Kind.STATE, false, "IncorrectHaVipStatus"),
                row("SystemError", 400, Kind.SERVER, true, "SystemError"),
                row("InstanceAlreadyAssociated", 400, Kind.STATE, false, "InstanceAlreadyAssociated"),
                row("IncorrectNetworkInterfaceStatus", 400, Kind.STATE, false, "IncorrectNetworkInterfaceStatus"),
                row("NetworkInterfaceNotFound", 400, Kind.STATE, false, "NetworkInterfaceNotFound"),
                row("NetworkInterfaceTypeNotSupported", 400, Kind.STATE, false, "NetworkInterfaceTypeNotSupported"),
                row("IncorrectInstanceVSwitch", 400, Kind.STATE, false, "IncorrectInstanceVSwitch"),
                row("IncorrectInstanceStatus", 400, Kind.STATE, false, "IncorrectInstanceStatus"),
                row("CountLimitExceed.HaVipOnInstance", 400, Kind.LIMIT, false, "CountLimitExceed.HaVipOnInstance"),
                row("CountLimitExceed.InstanceOnHaVip", 400, Kind.LIMIT, false, "CountLimitExceed.InstanceOnHaVip"),
                row("NoPermission", 400, Kind.PERMISSION, false, "NoPermission"),
                row("InvalidParameter.HaVipId", 400, Kind.VALIDATION, false, "InvalidParameter.param", "HaVipId"),
                // UnassociateHaVip
                row("InstanceNotAssociated", 400, Kind.STATE, false, "InstanceNotAssociated"),
                row("IncorrectInstanceAssociationStatus", 400, Kind.STATE, false,
                        "IncorrectInstanceAssociationStatus"),
                // gateway
                row("InvalidAccessKeyId.NotFound", 404, Kind.AUTH, false, "InvalidAccessKeyId.NotFound"),
                row("InvalidAccessKeyId.Inactive", 400, Kind.AUTH, false, "InvalidAccessKeyId.Inactive"),
                row("SignatureDoesNotMatch", 400, Kind.AUTH, false, "SignatureDoesNotMatch"),
                row("IncompleteSignature", 400, Kind.AUTH, false, "IncompleteSignature"),
                row("InvalidTimeStamp.Expired", 400, Kind.AUTH, false, "InvalidTimeStamp.Expired"),
                row("InvalidTimeStamp.Format", 400, Kind.AUTH, false, "InvalidTimeStamp.Format"),
                row("SignatureNonceUsed", 400, Kind.AUTH, false, "SignatureNonceUsed"),
                row("InvalidApi.NotFound", 404, Kind.VALIDATION, false, "InvalidApi.NotFound"),
                row("InvalidAction.NotFound", 404, Kind.VALIDATION, false, "InvalidApi.NotFound"),
                row("InvalidVersion", 400, Kind.VALIDATION, false, "InvalidVersion"),
                row("MissingParameter", 400, Kind.VALIDATION, false, "MissingParameter"),
                row("InvalidParameter", 400, Kind.VALIDATION, false, "InvalidParameter"),
                row("InvalidSecurityToken.Expired", 400, Kind.AUTH, false, "InvalidSecurityToken.Expired"),
                row("InvalidSecurityToken.Malformed", 400, Kind.AUTH, false, "InvalidSecurityToken.Malformed"),
                row("InvalidSecurityToken.MismatchWithAccessKey", 400, Kind.AUTH, false,
                        "InvalidSecurityToken.MismatchWithAccessKey"),
                row("InvalidSecurityToken.Revoked", 400, Kind.AUTH, false, "kind.AUTH",
                        "InvalidSecurityToken.Revoked"),
                row("MissingSecurityToken", 400, Kind.AUTH, false, "MissingSecurityToken"),
                row("MissingAccessKeyId", 400, Kind.AUTH, false, "Missing.param", "AccessKeyId"),
                row("Forbidden.AccessKeyDisabled", 403, Kind.AUTH, false, "Forbidden.AccessKeyDisabled"),
                row("Forbidden.RAM", 403, Kind.PERMISSION, false, "kind.PERMISSION", "Forbidden.RAM"),
                row("UnsupportedHTTPMethod", 400, Kind.VALIDATION, false, "UnsupportedHTTPMethod"),
                row("InvalidSignatureMethod", 400, Kind.AUTH, false, "InvalidSignatureMethod"),
                // throttling
                row("Throttling", 400, Kind.THROTTLING, true, "Throttling"),
                row("Throttling.User", 400, Kind.THROTTLING, true, "Throttling.User"),
                row("Throttling.Api", 400, Kind.THROTTLING, true, "Throttling.Api"),
                row("Throttling.DeepPageSkip", 400, Kind.THROTTLING, true, "Throttling"),
                row("Rejected.Throttling", 400, Kind.THROTTLING, true, "Throttling"),
                // server
                row("ServiceUnavailable", 503, Kind.SERVER, true, "ServiceUnavailable"),
                row("InternalError", 500, Kind.SERVER, true, "InternalError"),
                row("SDK.InvalidServerResponse", 200, Kind.SERVER, true, "SDK.InvalidServerResponse"),
                // no answer
                row("SDK.ServerUnreachable", 0, Kind.NETWORK, true, "SDK.ServerUnreachable"),
                row("SDK.ReadTimeout", 0, Kind.NETWORK, true, "SDK.ReadTimeout"),
                row("SDK.ConnectTimeout", 0, Kind.NETWORK, true, "SDK.ConnectTimeout"),
                row("SDK.ConnectionReset", 0, Kind.NETWORK, true, "SDK.ConnectionReset"),
                row("SDK.UnknownHost", 0, Kind.NETWORK, true, "SDK.UnknownHost"),
                row("SDK.InterruptedException", 0, Kind.NETWORK, false, "SDK.InterruptedException"),
                row("SDK.InvalidAccessSecret", 0, Kind.AUTH, false, "SDK.InvalidAccessSecret"),
                row("SDK.InvalidAccessKeySecret", 400, Kind.AUTH, false, "SDK.InvalidAccessSecret"),
                row("SDK.InvalidCredentials", 0, Kind.AUTH, false, "SDK.InvalidCredentials"),
                row("SDK.ProxyAuthenticationRequired", 407, Kind.AUTH, false, "SDK.ProxyAuthenticationRequired"),
                // codes this version does not know
                row("InvalidVSwitchId.NotFound", 400, Kind.STATE, false, "kind.STATE", "InvalidVSwitchId.NotFound"),
                row("QuotaExceeded.HaVip", 400, Kind.LIMIT, false, "kind.LIMIT", "QuotaExceeded.HaVip"),
                row("SomethingNew", 502, Kind.SERVER, true, "kind.SERVER", "SomethingNew"),
                row("SomethingNew", 429, Kind.THROTTLING, true, "kind.THROTTLING", "SomethingNew"),
                row("SomethingNew", 400, Kind.UNKNOWN, false, "kind.UNKNOWN", "SomethingNew"),
                row(null, 0, Kind.UNKNOWN, false, "kind.UNKNOWN", "Unknown"));
    }

    private static Arguments row(String code, int status, Kind kind, boolean retryable, String key, String... args) {
        return Arguments.of(code, status, kind, retryable, key, List.of(args));
    }

    @ParameterizedTest(name = "{0} (HTTP {1})")
    @MethodSource("codes")
    void everyCodeHasAKindAndAMessageKey(String code, int status, Kind kind, boolean retryable, String key,
            List<String> args) {
        EnsError error = EnsError.of(code, "message", "req-1", status);

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.ambiguous()).isFalse();
        assertThat(error.messageKey()).isEqualTo(EnsError.KEY_PREFIX + key);
        assertThat(error.messageArgs()).isEqualTo(args);
        assertThat(error.httpStatus()).isEqualTo(status);
        assertThat(error.requestId()).isEqualTo("req-1");
    }

    @Test
    void everyKnownCodeIsCoveredByTheTable() {
        List<String> tested = codes().map(arguments -> (String) arguments.get()[0]).toList();

        assertThat(tested).containsAll(ErrorCatalog.knownCodes());
    }

    @Test
    void parameterNamesOfPatternCodes() {
        assertThat(EnsError.of("InvalidParameter.HaVipId", null, null, 400).parameterName()).isEqualTo("HaVipId");
        assertThat(EnsError.of("MissingInstanceId", null, null, 400).parameterName()).isEqualTo("InstanceId");
        assertThat(EnsError.of("InvalidInstanceType", null, null, 400).parameterName()).isEqualTo("InstanceType");
        assertThat(EnsError.of("InvalidVersion", null, null, 400).parameterName()).as("an exact code").isNull();
        assertThat(EnsError.of("HaVipNotFound", null, null, 400).parameterName()).isNull();
    }

    @Test
    void ambiguousWritesAreNeverRetryable() {
        EnsError timeout = EnsError.of("SDK.ReadTimeout", "timed out", null, 0).asAmbiguous();

        assertThat(timeout.ambiguous()).isTrue();
        assertThat(timeout.retryable()).isFalse();
        assertThat(timeout.kind()).isEqualTo(Kind.NETWORK);
        assertThat(timeout.summary()).contains("outcome unknown");
        assertThatThrownBy(() -> new EnsError("X", null, null, 0, Kind.NETWORK, true, true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesAreRedactedWhenKept() {
        EnsError error = EnsError.of("SDK.ReadTimeout",
                "The url is http://h/?AccessKeyId=LTAI5tAbCdEf&Signature=abc%3D&Action=DescribeHaVips", null, 0);

        assertThat(error.message()).doesNotContain("LTAI5tAbCdEf").doesNotContain("abc%3D")
                .contains("Action=DescribeHaVips");
        assertThat(new EnsException(error).getMessage()).doesNotContain("LTAI5tAbCdEf");
    }

    @Test
    void retryAfterIsCarried() {
        EnsError throttled = EnsError.of("Throttling.User", null, null, 400).withRetryAfter(Duration.ofMillis(1500));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(throttled.isThrottling()).isTrue();
        assertThat(throttled.withRetryAfter(Duration.ofMillis(-1)).retryAfter()).isNull();
    }

    @Test
    void summaryNamesCodeKindStatusAndRequestId() {
        EnsError error = EnsError.of("HaVipNotFound", "The input parameter haVipId that is not found.", "R-1", 400);

        assertThat(error.summary())
                .isEqualTo("HaVipNotFound (STATE, HTTP 400, RequestId R-1): The input parameter haVipId that is not found.");
    }
}
