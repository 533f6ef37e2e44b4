package io.enscope.ens.credentials;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The usable content of one profile. For {@link AuthMode#AK} and {@link AuthMode#STS_TOKEN} the
 * {@link #accessKey()} signs requests directly; for {@link AuthMode#RAM_ROLE_ARN} it is the caller's
 * key, to be exchanged through STS with the {@link #roleAssumption()} (see
 * {@link SessionCredentialsProvider}). {@link #toString()} never shows a secret.
 *
 * @param origin         which profile this came from
 * @param file           the file the profile was read from, empty for the environment
 * @param mode           the kind of credentials
 * @param accessKey      the key (the caller's key for RamRoleArn)
 * @param roleAssumption the AssumeRole parameters, present exactly for RamRoleArn
 * @param regionId       the profile's default region, empty when it names none
 */
public record ResolvedCredentials(ProfileRef origin, Optional<Path> file, AuthMode mode, AccessKey accessKey,
                                  Optional<RoleAssumption> roleAssumption, String regionId) {

    /** Checks the components and that a role is present exactly for RamRoleArn. */
    public ResolvedCredentials {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(roleAssumption, "roleAssumption");
        Objects.requireNonNull(regionId, "regionId");
        if (roleAssumption.isPresent() != (mode == AuthMode.RAM_ROLE_ARN)) {
            throw new IllegalArgumentException("a role assumption belongs to RamRoleArn profiles only");
        }
    }

    /** @return the AccessKeyId */
    public String accessKeyId() {
        return accessKey.id();
    }

    /** @return the AccessKeySecret */
    public Secret accessKeySecret() {
        return accessKey.secret();
    }

    /** @return the security token of StsToken profiles (and of a RamRoleArn caller that has one) */
    public Optional<Secret> securityToken() {
        return accessKey.securityToken();
    }

    /** @return whether STS AssumeRole must be called before the key can sign ENS requests */
    public boolean requiresRoleAssumption() {
        return roleAssumption.isPresent();
    }

    /** @return the file name (or "environment variables") for messages about this profile */
    String describeLocation() {
        return file.map(Path::toString).orElse("environment variables");
    }

    @Override
    public String toString() {
        return "ResolvedCredentials[origin=" + origin + ", file=" + file.map(Path::toString).orElse("")
                + ", mode=" + mode + ", accessKey=" + accessKey + ", roleAssumption=" + roleAssumption
                + ", regionId=" + regionId + "]";
    }
}
