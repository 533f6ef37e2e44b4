package io.enscope.ens.credentials;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One profile as read from a source: either usable credentials or the problem that prevents them.
 * Package-private because it holds the credentials the public listing must not expose.
 */
record SourceEntry(ProfileRef ref, Optional<Path> file, String mode, String accessKeyId, String regionId,
                   Optional<ResolvedCredentials> credentials, Optional<CredentialsProblem> problem) {

    SourceEntry {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(problem, "problem");
        if (credentials.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("an entry has either credentials or a problem");
        }
    }

    static SourceEntry usable(ResolvedCredentials credentials) {
        return new SourceEntry(credentials.origin(), credentials.file(), credentials.mode().cliName(),
                credentials.accessKeyId(), credentials.regionId(), Optional.of(credentials), Optional.empty());
    }

    static SourceEntry unusable(ProfileRef ref, Optional<Path> file, String mode, String accessKeyId, String regionId,
                                CredentialsProblem problem) {
        return new SourceEntry(ref, file, mode, accessKeyId, regionId, Optional.empty(), Optional.of(problem));
    }

    SourceEntry withProblem(CredentialsProblem replacement) {
        return new SourceEntry(ref, file, mode, accessKeyId, regionId, Optional.empty(), Optional.of(replacement));
    }

    CredentialProfile toProfile(boolean current) {
        return new CredentialProfile(ref.source(), ref.name(), mode, AccessKey.mask(accessKeyId), regionId, file,
                current, problem);
    }

    ResolvedCredentials credentialsOrThrow() throws CredentialsException {
        if (problem.isPresent()) {
            throw new CredentialsException(problem.get());
        }
        return credentials.orElseThrow();
    }

    @Override
    public String toString() {
        return "SourceEntry[ref=" + ref + ", file=" + file.map(Path::toString).orElse("") + ", mode=" + mode
                + ", accessKeyId=" + AccessKey.mask(accessKeyId) + ", regionId=" + regionId
                + ", credentials=" + credentials.map(ResolvedCredentials::toString).orElse("none")
                + ", problem=" + problem.map(CredentialsProblem::message).orElse("none") + "]";
    }
}
