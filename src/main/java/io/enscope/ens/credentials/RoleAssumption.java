package io.enscope.ens.credentials;

import java.util.Objects;
import java.util.Optional;

/**
 * The STS AssumeRole parameters of a RamRoleArn profile.
 *
 * @param roleArn         the role to assume ({@code acs:ram::<account>:role/<name>})
 * @param sessionName     the RoleSessionName
 * @param externalId      the ExternalId the role's trust policy may require
 * @param stsRegion       the region whose STS endpoint is called ({@code sts.<region>.aliyuncs.com})
 * @param stsEndpoint     an explicit STS endpoint from the profile, overriding the region
 * @param durationSeconds the requested lifetime of the temporary credentials
 */
public record RoleAssumption(String roleArn, String sessionName, Optional<String> externalId,
                             Optional<String> stsRegion, Optional<String> stsEndpoint, int durationSeconds) {

    /** The lifetime requested when a profile gives none; STS's own default. */
    public static final int DEFAULT_DURATION_SECONDS = 3600;
    /** The shortest lifetime STS accepts. */
    public static final int MIN_DURATION_SECONDS = 900;
    /** The longest lifetime STS accepts for any role. */
    public static final int MAX_DURATION_SECONDS = 43200;

    /** Checks the components. */
    public RoleAssumption {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(stsRegion, "stsRegion");
        Objects.requireNonNull(stsEndpoint, "stsEndpoint");
    }

    @Override
    public String toString() {
        // The external id is a shared anti-confused-deputy token; keep it out of logs like a secret.
        return "RoleAssumption[roleArn=" + roleArn + ", sessionName=" + sessionName
                + ", externalId=" + (externalId.isPresent() ? "******" : "none")
                + ", stsRegion=" + stsRegion.orElse("") + ", stsEndpoint=" + stsEndpoint.orElse("")
                + ", durationSeconds=" + durationSeconds + "]";
    }
}
