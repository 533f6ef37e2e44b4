package io.enscope.ens.credentials;

import java.util.Objects;

/**
 * Names one credential profile: its source and its name within that source. This is what the UI
 * keeps (for example in settings) to resolve the same profile again; it holds nothing secret.
 *
 * @param source where the profile lives
 * @param name   the profile name (config.json {@code name}, INI section); {@value #ENVIRONMENT_NAME} for the environment
 */
public record ProfileRef(CredentialSource source, String name) {

    /** The name given to the credentials taken from environment variables. */
    public static final String ENVIRONMENT_NAME = "environment";

    /** The reference to the environment-variable credentials. */
    public static final ProfileRef ENVIRONMENT = new ProfileRef(CredentialSource.ENVIRONMENT, ENVIRONMENT_NAME);

    /** Checks the components. */
    public ProfileRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
    }

    /**
     * @param name a profile name in {@code ~/.aliyun/config.json}
     * @return the reference
     */
    public static ProfileRef cliConfig(String name) {
        return new ProfileRef(CredentialSource.CLI_CONFIG, name);
    }

    /**
     * @param name a section name in the credentials INI file
     * @return the reference
     */
    public static ProfileRef credentialsFile(String name) {
        return new ProfileRef(CredentialSource.CREDENTIALS_FILE, name);
    }
}
