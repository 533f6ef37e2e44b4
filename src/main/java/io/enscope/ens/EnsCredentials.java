package io.enscope.ens;

import java.util.Objects;

/**
 * The key a request is signed with: an AccessKey pair, plus an STS security token for temporary
 * credentials. {@link #toString()} never shows the secret or the token.
 *
 * @param accessKeyId     the AccessKeyId
 * @param accessKeySecret the AccessKeySecret
 * @param securityToken   the STS token, or null for a long-term key
 */
public record EnsCredentials(String accessKeyId, String accessKeySecret, String securityToken) {

    /** Requires the key pair; a blank token means none. */
    public EnsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        if (accessKeyId.isBlank() || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException("the AccessKey pair must not be blank");
        }
        securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
    }

    /**
     * @param accessKeyId     the AccessKeyId
     * @param accessKeySecret the AccessKeySecret
     * @return long-term credentials without a token
     */
    public static EnsCredentials of(String accessKeyId, String accessKeySecret) {
        return new EnsCredentials(accessKeyId, accessKeySecret, null);
    }

    /** @return whether these are STS credentials */
    public boolean hasSecurityToken() {
        return securityToken != null;
    }

    /** Shows only a masked AccessKeyId, so the value is safe in logs and exception texts. */
    @Override
    public String toString() {
        return "EnsCredentials[accessKeyId=" + Redactor.maskAccessKeyId(accessKeyId)
                + ", accessKeySecret=***, securityToken=" + (securityToken == null ? "none" : "***") + "]";
    }
}
