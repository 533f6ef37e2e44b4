package io.enscope.ens.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplies the key to sign ENS requests with for one resolved profile. AK and StsToken profiles
 * sign with their own key. A RamRoleArn profile's key is exchanged through STS AssumeRole; the
 * temporary credentials are cached and exchanged again shortly before they expire, so that a long
 * inventory load or a binding job never signs with a key that dies mid-flight. Thread-safe.
 */
public final class SessionCredentialsProvider {

    /** How long before expiry temporary credentials are renewed. */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(SessionCredentialsProvider.class);

    private final ResolvedCredentials resolved;
    private final StsClient sts;
    private final Clock clock;
    private SessionCredentials cached;

    /**
     * @param resolved the profile, from {@link CredentialChain}
     * @param sts      the STS client, called only for RamRoleArn profiles
     * @param clock    the clock that decides when temporary credentials are renewed
     */
    public SessionCredentialsProvider(ResolvedCredentials resolved, StsClient sts, Clock clock) {
        this.resolved = Objects.requireNonNull(resolved, "resolved");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the profile these credentials stand for */
    public ProfileRef origin() {
        return resolved.origin();
    }

    /**
     * @return credentials valid for at least {@link #REFRESH_MARGIN}, when the source can tell
     * @throws CredentialsException when STS AssumeRole fails; the message names file, profile and role
     */
    public synchronized SessionCredentials get() throws CredentialsException {
        if (cached == null || needsRefresh(cached)) {
            cached = exchange(resolved, sts);
        }
        return cached;
    }

    /** Forgets cached temporary credentials, e.g. after the server rejected them; the next {@link #get()} renews. */
    public synchronized void invalidate() {
        cached = null;
    }

    private boolean needsRefresh(SessionCredentials credentials) {
        return credentials.expiration()
                .map(expiration -> !clock.instant().isBefore(expiration.minus(REFRESH_MARGIN)))
                .orElse(false);
    }

    /**
     * Turns a resolved profile into signing credentials once, calling STS for RamRoleArn profiles.
     *
     * @param resolved the profile
     * @param sts      the STS client
     * @return the signing credentials
     * @throws CredentialsException when STS AssumeRole fails
     */
    public static SessionCredentials exchange(ResolvedCredentials resolved, StsClient sts) throws CredentialsException {
        Optional<RoleAssumption> role = resolved.roleAssumption();
        if (role.isEmpty()) {
            return new SessionCredentials(resolved.origin(), resolved.accessKey(), Optional.empty());
        }
        try {
            TemporaryCredentials temporary = sts.assumeRole(resolved.accessKey(), role.get());
            LOG.debug("Assumed role {} for profile {} until {}", role.get().roleArn(), resolved.origin(),
                    temporary.expiration());
            return new SessionCredentials(resolved.origin(), temporary.accessKey(),
                    Optional.of(temporary.expiration()));
        } catch (StsException e) {
            throw new CredentialsException(CredentialsProblem.of(CredentialsError.ASSUME_ROLE_FAILED,
                    resolved.describeLocation(), resolved.origin().name(), role.get().roleArn(), e.code()), e);
        }
    }

    @Override
    public String toString() {
        return "SessionCredentialsProvider[origin=" + resolved.origin() + "]";
    }
}
