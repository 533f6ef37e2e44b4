package io.enscope.ens.credentials;

import java.util.Objects;
import java.util.Optional;

/**
 * STS AssumeRole failed. Only the error code and RequestId are kept: the SDK's own messages can
 * contain the request URL with the AccessKeyId and signature, so they are never copied here.
 */
public final class StsException extends Exception {

    private final String code;
    private final String requestId;

    /**
     * @param code      the STS or SDK error code ({@code NoPermission}, {@code SDK.ServerUnreachable}, …)
     * @param requestId the RequestId of the failed call, if the server answered
     */
    public StsException(String code, Optional<String> requestId) {
        super("STS AssumeRole failed: " + Objects.requireNonNull(code, "code")
                + requestId.map(id -> " (RequestId " + id + ")").orElse(""));
        this.code = code;
        this.requestId = requestId.orElse(null);
    }

    /** @return the error code */
    public String code() {
        return code;
    }

    /** @return the RequestId, if the server answered */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
