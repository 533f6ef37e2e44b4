package io.enscope.ens.credentials;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials returned by STS AssumeRole. {@link #toString()} never shows a secret.
 *
 * @param accessKey  the temporary key, with its security token
 * @param expiration when STS stops accepting it
 */
public record TemporaryCredentials(AccessKey accessKey, Instant expiration) {

    /** Checks the components; temporary credentials without a token cannot sign anything. */
    public TemporaryCredentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(expiration, "expiration");
        if (accessKey.securityToken().isEmpty()) {
            throw new IllegalArgumentException("temporary credentials need a security token");
        }
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKey=" + accessKey + ", expiration=" + expiration + "]";
    }
}
