package io.enscope.ens.credentials;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The key the ENS client signs requests with right now, and the profile it stands for.
 * {@link #toString()} never shows a secret.
 *
 * @param origin     the profile these credentials come from
 * @param accessKey  the key to sign with
 * @param expiration when the key stops working; empty for long-term keys and for StsToken profiles,
 *                   whose expiry the config file does not record
 */
public record SessionCredentials(ProfileRef origin, AccessKey accessKey, Optional<Instant> expiration) {

    /** Checks the components. */
    public SessionCredentials {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
        return "SessionCredentials[origin=" + origin + ", accessKey=" + accessKey
                + ", expiration=" + expiration.map(Instant::toString).orElse("none") + "]";
    }
}
