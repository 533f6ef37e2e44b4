package io.enscope.ens.credentials;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One profile as the UI lists it: where it is, what kind it is, a masked AccessKeyId, and why it
 * cannot be used if it cannot. It holds no secret by construction. A file that cannot be read at
 * all is listed as one entry with an empty {@link #name()} and a {@link #problem()}.
 *
 * @param source            where the profile was found
 * @param name              the profile name; empty for a problem that concerns the whole file
 * @param mode              the mode for display: {@code AK}, {@code StsToken}, {@code RamRoleArn}, or the
 *                          unsupported mode or type as written; empty when unknown
 * @param maskedAccessKeyId the AccessKeyId masked like {@code LTAI****abcd}, empty when none
 * @param regionId          the profile's default region, empty when none
 * @param file              the file the profile came from, empty for the environment
 * @param current           whether {@link CredentialChain#resolveDefault()} picks this profile
 * @param problem           why the profile is unusable, empty when it is usable
 */
public record CredentialProfile(CredentialSource source, String name, String mode, String maskedAccessKeyId,
                                String regionId, Optional<Path> file, boolean current,
                                Optional<CredentialsProblem> problem) {

    /** Checks the components. */
    public CredentialProfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maskedAccessKeyId, "maskedAccessKeyId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
    }

    /** @return the reference to pass to {@link CredentialChain#resolve(ProfileRef)} */
    public ProfileRef ref() {
        return new ProfileRef(source, name);
    }

    /** @return whether the profile can be resolved */
    public boolean usable() {
        return problem.isEmpty();
    }
}
