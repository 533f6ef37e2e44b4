package io.enscope.ens;

import java.util.Objects;

/**
 * Supplies the credentials for each request. It is asked before every call, so a provider for
 * STS credentials can refresh them when they are about to expire.
 */
@FunctionalInterface
public interface EnsCredentialsProvider {

    /**
     * @return the credentials to sign the next request with
     * @throws EnsException when none can be obtained (for example an STS AssumeRole failure)
     */
    EnsCredentials credentials();

    /**
     * @param credentials fixed credentials
     * @return a provider that always answers them
     */
    static EnsCredentialsProvider of(EnsCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return () -> credentials;
    }
}
