package io.enscope.ens;

import io.enscope.ens.EnsError.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classification of ENS error codes. The AssociateHaVip table of
 * {@code seed-AssociateHaVip.zh.txt} is the authority for the business codes; the gateway codes
 * come from the Alibaba Cloud common error list (ens-api.md §4.2).
 */
final class ErrorCatalog {

    /** The code used when an answer carries none. */
    static final String UNKNOWN_CODE = "Unknown";

    /** Codes Enscope gives to failures that produced no ENS answer. */
    static final String READ_TIMEOUT = "SDK.ReadTimeout";
    static final String CONNECT_TIMEOUT = "SDK.ConnectTimeout";
    static final String CONNECTION_RESET = "SDK.ConnectionReset";
    static final String UNKNOWN_HOST = "SDK.UnknownHost";
    static final String SERVER_UNREACHABLE = "SDK.ServerUnreachable";
    static final String INTERRUPTED = "SDK.InterruptedException";
    static final String INVALID_RESPONSE = "SDK.InvalidServerResponse";
    static final String INVALID_CREDENTIALS = "SDK.InvalidCredentials";
    /** An HTTP 407: the proxy between Enscope and the endpoint wants credentials it did not get. */
    static final String PROXY_AUTHENTICATION_REQUIRED = "SDK.ProxyAuthenticationRequired";

    /** Key of the codes {@code Invalid%s}; argument {0} is the parameter name. */
    static final String KEY_INVALID_PARAM = EnsError.KEY_PREFIX + "Invalid.param";
    /** Key of the codes {@code Missing%s}; argument {0} is the parameter name. */
    static final String KEY_MISSING_PARAM = EnsError.KEY_PREFIX + "Missing.param";
    /** Key of the codes {@code InvalidParameter.%s}; argument {0} is the parameter name. */
    static final String KEY_INVALID_PARAMETER_PARAM = EnsError.KEY_PREFIX + "InvalidParameter.param";
    /** Prefix of the per-kind fallback keys; argument {0} is the code. */
    static final String KEY_KIND_PREFIX = EnsError.KEY_PREFIX + "kind.";

    record Entry(Kind kind, boolean retryable) {
    }

    private static final Map<String, Entry> EXACT = new LinkedHashMap<>();

    /** Codes whose message key is that of another code. */
    private static final Map<String, String> KEY_ALIASES = Map.of(
            "InvalidAction.NotFound", "InvalidApi.NotFound",
            "Rejected.Throttling", "Throttling",
            "SDK.InvalidAccessKeySecret", "SDK.InvalidAccessSecret");

    /** Parameters whose absence or malformation is an authentication problem, not a form error. */
    private static final Set<String> AUTH_PARAMETERS = Set.of("AccessKeyId", "Signature", "SecurityToken",
            "Timestamp", "SignatureNonce", "SignatureMethod", "SignatureVersion", "SignatureType");

    private static final Pattern INVALID_PARAMETER = Pattern.compile("InvalidParameter\\.(.+)");
    private static final Pattern INVALID_PARAM = Pattern.compile("Invalid([A-Z][A-Za-z0-9]*)");
    private static final Pattern MISSING_PARAM = Pattern.compile("Missing([A-Z][A-Za-z0-9]*)");

    static {
        // AssociateHaVip (the seed's table) and UnassociateHaVip
        state("InstanceNotFound", "HaVipNotFound", "NetworkInterfaceNotFound", "IncorrectHaVipStatus",
                "InstanceAlreadyAssociated", "IncorrectNetworkInterfaceStatus", "NetworkInterfaceTypeNotSupported",
                "IncorrectInstanceVSwitch", "IncorrectInstanceStatus", "InstanceNotAssociated",
                "IncorrectInstanceAssociationStatus");
        put(Kind.LIMIT, false, "CountLimitExceed.HaVipOnInstance", "CountLimitExceed.InstanceOnHaVip");
        put(Kind.PERMISSION, false, "NoPermission");
        // SystemError is an HTTP 400 "call failed, try again" answer, so a read may repeat it
        put(Kind.SERVER, true, "SystemError");
        // gateway
        put(Kind.AUTH, false, "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive", "SignatureDoesNotMatch",
                "IncompleteSignature", "InvalidTimeStamp.Expired", "InvalidTimeStamp.Format", "SignatureNonceUsed",
                "InvalidSecurityToken.Expired", "InvalidSecurityToken.Malformed",
                "InvalidSecurityToken.MismatchWithAccessKey", "MissingSecurityToken", "Forbidden.AccessKeyDisabled",
                "InvalidSignatureMethod", "SDK.InvalidAccessSecret", "SDK.InvalidAccessKeySecret",
                INVALID_CREDENTIALS, PROXY_AUTHENTICATION_REQUIRED);
        put(Kind.VALIDATION, false, "InvalidApi.NotFound", "InvalidAction.NotFound", "InvalidVersion",
                "MissingParameter", "InvalidParameter", "UnsupportedHTTPMethod");
        put(Kind.THROTTLING, true, "Throttling", "Throttling.User", "Throttling.Api", "Rejected.Throttling");
        put(Kind.SERVER, true, "ServiceUnavailable", "InternalError", INVALID_RESPONSE);
        // failures without an answer
        put(Kind.NETWORK, true, SERVER_UNREACHABLE, READ_TIMEOUT, CONNECT_TIMEOUT, CONNECTION_RESET, UNKNOWN_HOST);
        put(Kind.NETWORK, false, INTERRUPTED);
    }

    private ErrorCatalog() {
    }

    private static void state(String... codes) {
        put(Kind.STATE, false, codes);
    }

    private static void put(Kind kind, boolean retryable, String... codes) {
        for (String code : codes) {
            EXACT.put(code, new Entry(kind, retryable));
        }
    }

    /** @return every code with a message key of its own, for tests and documentation */
    static Set<String> knownCodes() {
        return EXACT.keySet();
    }

    static Entry classify(String code, int httpStatus) {
        if (code != null) {
            Entry exact = EXACT.get(code);
            if (exact != null) {
                return exact;
            }
            Entry pattern = classifyPattern(code);
            if (pattern != null) {
                return pattern;
            }
        }
        return classifyStatus(httpStatus);
    }

    private static Entry classifyPattern(String code) {
        if (code.startsWith("Throttling") || code.endsWith(".Throttling")) {
            return new Entry(Kind.THROTTLING, true);
        }
        if (code.startsWith("InvalidSecurityToken") || code.startsWith("InvalidAccessKeyId")
                || code.startsWith("InvalidTimeStamp") || code.startsWith("Forbidden.AccessKey")) {
            return new Entry(Kind.AUTH, false);
        }
        if (code.startsWith("Forbidden") || code.startsWith("NoPermission")) {
            return new Entry(Kind.PERMISSION, false);
        }
        if (code.startsWith("CountLimitExceed") || code.startsWith("QuotaExceed")) {
            return new Entry(Kind.LIMIT, false);
        }
        if (code.endsWith("NotFound") || code.startsWith("Incorrect")) {
            return new Entry(Kind.STATE, false);
        }
        String parameter = parameterName(code);
        if (parameter != null) {
            return new Entry(AUTH_PARAMETERS.contains(parameter) ? Kind.AUTH : Kind.VALIDATION, false);
        }
        return null;
    }

    private static Entry classifyStatus(int httpStatus) {
        if (httpStatus == 429) {
            return new Entry(Kind.THROTTLING, true);
        }
        if (httpStatus >= 500) {
            return new Entry(Kind.SERVER, true);
        }
        if (httpStatus == 401) {
            return new Entry(Kind.AUTH, false);
        }
        if (httpStatus == 403) {
            return new Entry(Kind.PERMISSION, false);
        }
        return new Entry(Kind.UNKNOWN, false);
    }

    static String parameterName(String code) {
        if (code == null || EXACT.containsKey(code)) {
            return null;
        }
        for (Pattern pattern : List.of(INVALID_PARAMETER, MISSING_PARAM, INVALID_PARAM)) {
            Matcher matcher = pattern.matcher(code);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    static String messageKey(String code, Kind kind) {
        if (EXACT.containsKey(code)) {
            return EnsError.KEY_PREFIX + KEY_ALIASES.getOrDefault(code, code);
        }
        if (code.startsWith("Throttling")) {
            return EnsError.KEY_PREFIX + "Throttling";
        }
        if (parameterName(code) != null) {
            if (INVALID_PARAMETER.matcher(code).matches()) {
                return KEY_INVALID_PARAMETER_PARAM;
            }
            return MISSING_PARAM.matcher(code).matches() ? KEY_MISSING_PARAM : KEY_INVALID_PARAM;
        }
        return KEY_KIND_PREFIX + kind.name();
    }

    static List<String> messageArgs(String code, Kind kind) {
        if (EXACT.containsKey(code) || code.startsWith("Throttling")) {
            return List.of();
        }
        String parameter = parameterName(code);
        return List.of(parameter != null ? parameter : code);
    }
}
