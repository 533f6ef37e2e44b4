package io.enscope.emulator.gateway;

import java.util.Map;

/**
 * An error answered to the client as {@code {RequestId, HostId, Code, Message, Recommend}}.
 *
 * <p>Business errors are HTTP 400, as ENS answers them; gateway errors carry their own status.
 */
public final class ApiException extends RuntimeException {
    private final int httpStatus;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int httpStatus, String code, String message) {
        this(httpStatus, code, message, Map.of());
    }

    public ApiException(int httpStatus, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /** A business error (HTTP 400). */
    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** {@code Missing<Name>}: "You must specify the parameter %s." as in the seed's table. */
    public static ApiException missing(String name) {
        return badRequest("Missing" + name, "You must specify the parameter " + name + ".");
    }

    /** {@code Invalid<Name>}: "The specified parameter %s is invalid." as in the seed's table. */
    public static ApiException invalid(String name) {
        return badRequest("Invalid" + name, "The specified parameter " + name + " is invalid.");
    }

    /** {@code InvalidParameter.<Name>}: "The specified field %s invalid. Please check it again." */
    public static ApiException invalidParameter(String name) {
        return badRequest("InvalidParameter." + name,
                "The specified field " + name + " invalid. Please check it again.");
    }

    /** {@code InvalidParameter.<Name>} with a more precise explanation appended. */
    public static ApiException invalidParameter(String name, String detail) {
        return badRequest("InvalidParameter." + name,
                "The specified field " + name + " invalid. Please check it again. " + detail);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
