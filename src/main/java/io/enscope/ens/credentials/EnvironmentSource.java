package io.enscope.ens.credentials;

import java.util.Map;
import java.util.Optional;

import io.enscope.ens.credentials.EnvironmentVariables.Found;

/** Reads the credentials given by environment variables. */
final class EnvironmentSource {

    private EnvironmentSource() {
    }

    /**
     * @return the environment profile: usable when both id and secret are set, with a problem when
     *         only one of them is, and empty when neither is (nor a token)
     */
    static Optional<SourceEntry> read(Map<String, String> env) {
        Optional<Found> id = EnvironmentVariables.first(env, EnvironmentVariables.ACCESS_KEY_ID);
        Optional<Found> secret = EnvironmentVariables.first(env, EnvironmentVariables.ACCESS_KEY_SECRET);
        Optional<Found> token = EnvironmentVariables.first(env, EnvironmentVariables.SECURITY_TOKEN);
        String region = EnvironmentVariables.first(env, EnvironmentVariables.REGION_ID).map(Found::value).orElse("");
        if (id.isEmpty() && secret.isEmpty() && token.isEmpty()) {
            return Optional.empty();
        }
        AuthMode mode = token.isPresent() ? AuthMode.STS_TOKEN : AuthMode.AK;
        String idValue = id.map(Found::value).orElse("");
        if (id.isEmpty() || secret.isEmpty()) {
            String set = id.or(() -> secret).or(() -> token).map(Found::name).orElseThrow();
            String missing = id.isEmpty()
                    ? EnvironmentVariables.ACCESS_KEY_ID.get(0)
                    : EnvironmentVariables.ACCESS_KEY_SECRET.get(0);
            return Optional.of(SourceEntry.unusable(ProfileRef.ENVIRONMENT, Optional.empty(), mode.cliName(), idValue,
                    region, CredentialsProblem.of(CredentialsError.INCOMPLETE_ENVIRONMENT, set, missing)));
        }
        AccessKey key = new AccessKey(idValue, Secret.of(secret.get().value()),
                token.map(found -> Secret.of(found.value())));
        return Optional.of(SourceEntry.usable(new ResolvedCredentials(ProfileRef.ENVIRONMENT, Optional.empty(), mode,
                key, Optional.empty(), region)));
    }
}
