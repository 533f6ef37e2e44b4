package io.enscope.ens.credentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the aliyun CLI and the SDKs read, each list in the CLI's order of
 * precedence (ens-api.md 6.2), and lookups over an injected environment map.
 */
final class EnvironmentVariables {

    static final List<String> ACCESS_KEY_ID = List.of(
            "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_ID", "ACCESS_KEY_ID");
    static final List<String> ACCESS_KEY_SECRET = List.of(
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY_SECRET",
            "ACCESS_KEY_SECRET");
    static final List<String> SECURITY_TOKEN = List.of(
            "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN", "SECURITY_TOKEN");
    static final List<String> REGION_ID = List.of(
            "ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "REGION_ID", "REGION");
    static final List<String> PROFILE = List.of(
            "ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE");
    static final List<String> IGNORE_PROFILE = List.of(
            "ALIBABA_CLOUD_IGNORE_PROFILE", "ALIBABACLOUD_IGNORE_PROFILE");
    static final String CLI_PROFILE_DISABLED = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
    static final String CREDENTIALS_FILE = "ALIBABA_CLOUD_CREDENTIALS_FILE";

    private EnvironmentVariables() {
    }

    /** A variable that is set, with the name under which it was found. */
    record Found(String name, String value) {
        @Override
        public String toString() {
            // Values here can be secrets; only the name is printable.
            return "Found[name=" + name + "]";
        }
    }

    /** @return the first of the names that is set to a non-blank value, trimmed */
    static Optional<Found> first(Map<String, String> env, List<String> names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new Found(name, value.trim()));
            }
        }
        return Optional.empty();
    }

    /**
     * The aliyun CLI compares with {@code "TRUE"} exactly; any case is accepted here because a
     * lower-case {@code true} states the same intent, and ignoring files can only narrow what is used.
     *
     * @return the first of the names that is set to true
     */
    static Optional<String> firstTrue(Map<String, String> env, List<String> names) {
        return names.stream().filter(name -> "true".equalsIgnoreCase(trimmed(env.get(name)))).findFirst();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
