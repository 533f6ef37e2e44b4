package io.enscope.ens.credentials;

import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;

import java.time.Clock;

/** Turns resolved profile credentials into what {@link io.enscope.ens.SdkEnsApi} signs with. */
public final class EnsCredentialsProviders {
    private EnsCredentialsProviders() {
    }

    /**
     * A provider for a resolved profile: static for AK and StsToken, renewed through STS
     * AssumeRole for RamRoleArn (before every request the provider is asked, so renewal happens
     * on time).
     *
     * @throws IllegalStateException from {@link EnsCredentialsProvider#credentials()} when AssumeRole
     *                               fails; its message names the file, profile and role, never a secret
     */
    public static EnsCredentialsProvider of(ResolvedCredentials resolved, StsClient sts, Clock clock) {
        SessionCredentialsProvider sessions = new SessionCredentialsProvider(resolved, sts, clock);
        return () -> {
            try {
                AccessKey key = sessions.get().accessKey();
                return new EnsCredentials(key.id(), key.secret().reveal(),
                        key.securityToken().map(Secret::reveal).orElse(null));
            } catch (CredentialsException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }
}
