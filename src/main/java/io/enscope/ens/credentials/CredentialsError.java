package io.enscope.ens.credentials;

/**
 * Every way a credential source can be unusable, each with its i18n key in the {@code i18n/messages}
 * bundle and the English pattern used when no bundle is at hand (exception messages, logs). The
 * patterns take {@link java.text.MessageFormat} arguments; by convention {@code {0}} is the file and
 * {@code {1}} the profile. Arguments never contain a secret.
 */
public enum CredentialsError {
    /** {0} file, {1} the kind of I/O failure. */
    UNREADABLE_FILE("credentials.error.unreadableFile", "Cannot read {0} ({1})."),
    /** {0} file. */
    FILE_NOT_FOUND("credentials.error.fileNotFound", "{0} does not exist."),
    /** {0} file. */
    EMPTY_FILE("credentials.error.emptyFile", "{0} is empty."),
    /** {0} file, {1} format (JSON), {2} line, {3} column. */
    MALFORMED_FILE("credentials.error.malformedFile", "{0} is not valid {1}: syntax error at line {2}, column {3}."),
    /** {0} file, {1} JSON path, {2} expected JSON type. */
    MALFORMED_STRUCTURE("credentials.error.malformedStructure",
            "{0} is not a valid aliyun CLI configuration: \"{1}\" has the wrong type (expected: JSON {2})."),
    /** {0} file, {1} position of the entry ({@code #3}). */
    PROFILE_NOT_OBJECT("credentials.error.profileNotObject", "In {0}, profile {1} is not a JSON object."),
    /** {0} file, {1} profile, {2} field, {3} expected type ({@code string}, {@code number}). */
    WRONG_FIELD_TYPE("credentials.error.wrongFieldType",
            "In {0}, profile \"{1}\": the field \"{2}\" has the wrong type (expected: {3})."),
    /** {0} file, {1} profile, {2} the missing field ({@code mode} or {@code type}). */
    MISSING_MODE("credentials.error.missingMode",
            "In {0}, profile \"{1}\" does not say which kind of credentials it holds: \"{2}\" is missing."),
    /** {0} file, {1} profile, {2} mode as written, {3} the supported modes. */
    UNSUPPORTED_MODE("credentials.error.unsupportedMode",
            "In {0}, profile \"{1}\" uses {2}, which Enscope does not support (supported: {3})."),
    /** {0} file, {1} profile, {2} mode, {3} comma-separated missing fields. */
    MISSING_FIELDS("credentials.error.missingFields",
            "In {0}, profile \"{1}\" (mode {2}) lacks required field(s): {3}."),
    /** {0} file, {1} profile, {2} field, {3} minimum, {4} maximum. */
    INVALID_DURATION("credentials.error.invalidDuration",
            "In {0}, profile \"{1}\": \"{2}\" must be between {3} and {4} seconds."),
    /** {0} file, {1} profile. */
    DUPLICATE_PROFILE("credentials.error.duplicateProfile",
            "In {0}, profile \"{1}\" is defined more than once; only the first definition is used."),
    /** {0} file, {1} line number. */
    MALFORMED_LINE("credentials.error.malformedLine",
            "In {0}, line {1} is neither a [section], a key = value pair nor a comment."),
    /** {0} file, {1} profile, {2} line number. */
    MALFORMED_PROFILE_LINE("credentials.error.malformedProfileLine",
            "In {0}, profile \"{1}\": line {2} is neither a key = value pair nor a comment."),
    /** {0} file, {1} profile. */
    PROFILE_NOT_FOUND("credentials.error.profileNotFound", "There is no profile \"{1}\" in {0}."),
    /** {0} profile, {1} environment variable, {2} CLI config file, {3} credentials file. */
    SELECTED_PROFILE_NOT_FOUND("credentials.error.selectedProfileNotFound",
            "The profile \"{0}\" chosen by the environment variable {1} is in neither {2} nor {3}."),
    /** {0} file, {1} environment variable. */
    SOURCE_IGNORED("credentials.error.sourceIgnored", "{0} is ignored because the environment variable {1} is set."),
    /** No arguments. */
    ENVIRONMENT_NOT_SET("credentials.error.environmentNotSet",
            "The environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set."),
    /** {0} the variable that is set, {1} the variable that is missing. */
    INCOMPLETE_ENVIRONMENT("credentials.error.incompleteEnvironment",
            "The environment variable {0} is set but {1} is not."),
    /** No arguments. */
    NO_CREDENTIALS("credentials.error.noCredentials",
            "No credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET,"
                    + " or create a profile with \"aliyun configure\"."),
    /** {0} file, {1} profile, {2} role ARN, {3} STS error code. */
    ASSUME_ROLE_FAILED("credentials.error.assumeRoleFailed",
            "In {0}, profile \"{1}\": STS AssumeRole for {2} failed with error {3}.");

    private final String key;
    private final String englishPattern;

    CredentialsError(String key, String englishPattern) {
        this.key = key;
        this.englishPattern = englishPattern;
    }

    /** @return the key in the {@code i18n/messages} bundle */
    public String key() {
        return key;
    }

    /** @return the English {@link java.text.MessageFormat} pattern, identical to the bundle's default text */
    public String englishPattern() {
        return englishPattern;
    }
}
