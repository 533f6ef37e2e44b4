package io.enscope.ens.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the aliyun CLI configuration {@code ~/.aliyun/config.json} (ens-api.md 6.1). The JSON is
 * walked as a tree rather than bound to a class so that one profile with a wrong type spoils only
 * that profile, and unknown fields of newer CLI versions are simply ignored.
 */
final class CliConfigSource {

    static final String SUPPORTED_MODES = "AK, StsToken, RamRoleArn";

    /** Every mode the aliyun CLI knows, in its spelling, so that an unsupported one is named canonically. */
    private static final List<String> KNOWN_MODES = List.of("AK", "StsToken", "RamRoleArn", "EcsRamRole",
            "RsaKeyPair", "RamRoleArnWithRoleName", "ChainableRamRoleArn", "External", "CredentialsURI", "OIDC",
            "CloudSSO", "OAuth", "BearerToken", "Anonymous");

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CliConfigSource() {
    }

    static SourceListing read(Path file) {
        FileText.Result read = FileText.read(file);
        if (!read.present()) {
            return SourceListing.absent(file);
        }
        if (read.problem() != null) {
            return SourceListing.broken(file, read.problem());
        }
        if (read.text().isBlank()) {
            return SourceListing.broken(file, CredentialsProblem.of(CredentialsError.EMPTY_FILE, file));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(read.text());
        } catch (JsonProcessingException e) {
            // Only the position is kept: Jackson's message quotes the offending token, which may be a secret.
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            int column = location == null ? 0 : location.getColumnNr();
            return SourceListing.broken(file,
                    CredentialsProblem.of(CredentialsError.MALFORMED_FILE, file, "JSON", line, column));
        }
        if (root == null || !root.isObject()) {
            return SourceListing.broken(file,
                    CredentialsProblem.of(CredentialsError.MALFORMED_STRUCTURE, file, "$", "object"));
        }
        List<CredentialsProblem> problems = new ArrayList<>();
        Optional<String> current = Optional.empty();
        JsonNode currentNode = root.get("current");
        if (currentNode != null && !currentNode.isNull()) {
            if (currentNode.isTextual()) {
                current = Optional.of(currentNode.asText().trim()).filter(name -> !name.isEmpty());
            } else {
                problems.add(CredentialsProblem.of(CredentialsError.MALFORMED_STRUCTURE, file, "$.current", "string"));
            }
        }
        JsonNode profiles = root.get("profiles");
        if (profiles == null || profiles.isNull()) {
            return new SourceListing(file, true, true, List.of(), problems, current);
        }
        if (!profiles.isArray()) {
            problems.add(CredentialsProblem.of(CredentialsError.MALFORMED_STRUCTURE, file, "$.profiles", "array"));
            return new SourceListing(file, true, false, List.of(), problems, current);
        }
        List<SourceEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < profiles.size(); index++) {
            SourceEntry entry = readProfile(file, profiles.get(index), index);
            if (!seen.add(entry.ref().name())) {
                entry = entry.withProblem(
                        CredentialsProblem.of(CredentialsError.DUPLICATE_PROFILE, file, entry.ref().name()));
            }
            entries.add(entry);
        }
        return new SourceListing(file, true, true, entries, problems, current);
    }

    private static SourceEntry readProfile(Path file, JsonNode node, int index) {
        String position = "#" + (index + 1);
        Optional<Path> origin = Optional.of(file);
        if (!node.isObject()) {
            return SourceEntry.unusable(ProfileRef.cliConfig(position), origin, "", "", "",
                    CredentialsProblem.of(CredentialsError.PROFILE_NOT_OBJECT, file, position));
        }
        Fields fields = new Fields(node);
        String name = fields.text("name");
        String displayName = name.isEmpty() ? position : name;
        String accessKeyId = fields.text("access_key_id");
        String accessKeySecret = fields.text("access_key_secret");
        String stsToken = fields.text("sts_token");
        String roleArn = fields.text("ram_role_arn");
        String sessionName = fields.text("ram_session_name");
        String externalId = fields.text("external_id");
        String stsRegion = fields.text("sts_region");
        String stsEndpoint = fields.text("sts_endpoint");
        String regionId = fields.text("region_id");
        OptionalInt expiredSeconds = fields.integer("expired_seconds");
        String mode = normalizeMode(fields.text("mode"));
        if (mode.isEmpty()) {
            mode = recognizeMode(fields, accessKeyId, accessKeySecret, stsToken, roleArn);
        }

        ProfileRef ref = ProfileRef.cliConfig(displayName);
        String shownMode = mode;
        Function<CredentialsProblem, SourceEntry> unusable =
                problem -> SourceEntry.unusable(ref, origin, shownMode, accessKeyId, regionId, problem);

        if (fields.wrongField != null) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.WRONG_FIELD_TYPE, file, displayName,
                    fields.wrongField, fields.expectedType));
        }
        if (name.isEmpty()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.MISSING_FIELDS, file, displayName,
                    mode.isEmpty() ? "?" : mode, "name"));
        }
        if (mode.isEmpty()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.MISSING_MODE, file, displayName, "mode"));
        }
        Optional<AuthMode> authMode = AuthMode.fromCliName(mode);
        if (authMode.isEmpty()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.UNSUPPORTED_MODE, file, displayName, mode,
                    SUPPORTED_MODES));
        }
        List<String> missing = new ArrayList<>();
        requireField(missing, "access_key_id", accessKeyId);
        requireField(missing, "access_key_secret", accessKeySecret);
        if (authMode.get() == AuthMode.STS_TOKEN) {
            requireField(missing, "sts_token", stsToken);
        }
        if (authMode.get() == AuthMode.RAM_ROLE_ARN) {
            requireField(missing, "ram_role_arn", roleArn);
            requireField(missing, "ram_session_name", sessionName);
        }
        if (!missing.isEmpty()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.MISSING_FIELDS, file, displayName, mode,
                    String.join(", ", missing)));
        }
        Optional<RoleAssumption> role = Optional.empty();
        if (authMode.get() == AuthMode.RAM_ROLE_ARN) {
            // 0 is what the CLI writes when no lifetime was entered; STS then applies its default.
            int duration = expiredSeconds.orElse(0) == 0 ? RoleAssumption.DEFAULT_DURATION_SECONDS
                    : expiredSeconds.getAsInt();
            if (duration < RoleAssumption.MIN_DURATION_SECONDS || duration > RoleAssumption.MAX_DURATION_SECONDS) {
                return unusable.apply(CredentialsProblem.of(CredentialsError.INVALID_DURATION, file, displayName,
                        "expired_seconds", RoleAssumption.MIN_DURATION_SECONDS, RoleAssumption.MAX_DURATION_SECONDS));
            }
            role = Optional.of(new RoleAssumption(roleArn, sessionName, optional(externalId), optional(stsRegion),
                    optional(stsEndpoint), duration));
        }
        // An AK profile's leftover sts_token is ignored, as by the CLI; a RamRoleArn caller may use one.
        Optional<Secret> token = authMode.get() == AuthMode.AK ? Optional.empty()
                : optional(stsToken).map(Secret::of);
        AccessKey key = new AccessKey(accessKeyId, Secret.of(accessKeySecret), token);
        return SourceEntry.usable(new ResolvedCredentials(ref, origin, authMode.get(), key, role, regionId));
    }

    /** Maps a mode to the CLI's spelling ignoring case, as the CLI's {@code NormalizeMode}; unknown modes stay as written. */
    static String normalizeMode(String mode) {
        return KNOWN_MODES.stream().filter(known -> known.equalsIgnoreCase(mode)).findFirst().orElse(mode);
    }

    /** The CLI guesses the mode of a profile that has none from the fields it has ({@code AutoModeRecognition}). */
    private static String recognizeMode(Fields fields, String accessKeyId, String accessKeySecret, String stsToken,
                                        String roleArn) {
        if (!accessKeyId.isEmpty() && !accessKeySecret.isEmpty()) {
            if (!stsToken.isEmpty()) {
                return "StsToken";
            }
            return roleArn.isEmpty() ? "AK" : "RamRoleArn";
        }
        if (fields.has("private_key") && fields.has("key_pair_name")) {
            return "RsaKeyPair";
        }
        if (fields.has("ram_role_name")) {
            return "EcsRamRole";
        }
        if (fields.has("process_command")) {
            return "External";
        }
        if (fields.has("oidc_provider_arn") && fields.has("oidc_token_file") && !roleArn.isEmpty()) {
            return "OIDC";
        }
        if (fields.has("cloud_sso_sign_in_url")) {
            return "CloudSSO";
        }
        if (fields.has("bearer_token")) {
            return "BearerToken";
        }
        return "";
    }

    private static void requireField(List<String> missing, String field, String value) {
        if (value.isEmpty()) {
            missing.add(field);
        }
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Typed field access that remembers the first field of the wrong type instead of failing. */
    private static final class Fields {
        private final JsonNode node;
        private String wrongField;
        private String expectedType;

        Fields(JsonNode node) {
            this.node = node;
        }

        /** @return the trimmed text, empty when absent or null */
        String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return "";
            }
            if (value.isTextual()) {
                return value.asText().trim();
            }
            wrong(field, "string");
            return "";
        }

        /** Accepts a JSON integer or a string of digits, since hand-edited files quote numbers. */
        OptionalInt integer(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return OptionalInt.empty();
            }
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return OptionalInt.of(value.intValue());
            }
            if (value.isTextual()) {
                String text = value.asText().trim();
                if (text.isEmpty()) {
                    return OptionalInt.empty();
                }
                if (DIGITS.matcher(text).matches()) {
                    return OptionalInt.of(Integer.parseInt(text));
                }
            }
            wrong(field, "number");
            return OptionalInt.empty();
        }

        /** @return whether the field is a non-blank string; used only to guess a missing mode */
        boolean has(String field) {
            JsonNode value = node.get(field);
            return value != null && value.isTextual() && !value.asText().isBlank();
        }

        private void wrong(String field, String type) {
            if (wrongField == null) {
                wrongField = field;
                expectedType = type;
            }
        }
    }
}
