package io.enscope.ens.credentials;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of credentials Enscope can use. Other aliyun CLI modes (EcsRamRole, OIDC, CloudSSO, …)
 * are listed as unsupported profiles rather than silently dropped.
 */
public enum AuthMode {
    /** A long-term AccessKey pair. */
    AK("AK", "access_key"),
    /** A temporary AccessKey pair with its security token, used as given and never refreshed. */
    STS_TOKEN("StsToken", "sts"),
    /** An AccessKey pair that is exchanged for temporary credentials through STS AssumeRole. */
    RAM_ROLE_ARN("RamRoleArn", "ram_role_arn");

    private final String cliName;
    private final String iniType;

    AuthMode(String cliName, String iniType) {
        this.cliName = cliName;
        this.iniType = iniType;
    }

    /** @return the mode as the aliyun CLI spells it in config.json ({@code AK}, {@code StsToken}, {@code RamRoleArn}) */
    public String cliName() {
        return cliName;
    }

    /** @return the {@code type} value of the SDK credentials file ({@code access_key}, {@code sts}, {@code ram_role_arn}) */
    public String iniType() {
        return iniType;
    }

    /**
     * Maps a config.json {@code mode}, ignoring case as the aliyun CLI does.
     *
     * @param mode the mode as written in the file
     * @return the supported mode, or empty for any other mode
     */
    public static Optional<AuthMode> fromCliName(String mode) {
        for (AuthMode candidate : values()) {
            if (candidate.cliName.equalsIgnoreCase(mode.trim())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Maps a credentials-file {@code type}, ignoring case.
     *
     * @param type the type as written in the file
     * @return the supported mode, or empty for any other type
     */
    public static Optional<AuthMode> fromIniType(String type) {
        String normalized = type.trim().toLowerCase(Locale.ROOT);
        for (AuthMode candidate : values()) {
            if (candidate.iniType.equals(normalized)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
