package io.enscope.ens.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the SDK credentials INI file ({@code ~/.alibabacloud/credentials}): one profile per section,
 * its kind in {@code type = access_key | sts | ram_role_arn}, as the Alibaba Cloud credentials SDKs.
 */
final class CredentialsFileSource {

    static final String SUPPORTED_TYPES = "access_key, sts, ram_role_arn";

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private CredentialsFileSource() {
    }

    static SourceListing read(Path file) {
        FileText.Result read = FileText.read(file);
        if (!read.present()) {
            return SourceListing.absent(file);
        }
        if (read.problem() != null) {
            return SourceListing.broken(file, read.problem());
        }
        IniFile.Parsed parsed = IniFile.parse(read.text());
        List<CredentialsProblem> problems = new ArrayList<>();
        OptionalInt outside = parsed.firstMalformedLineOutside();
        if (outside.isPresent()) {
            problems.add(CredentialsProblem.of(CredentialsError.MALFORMED_LINE, file, outside.getAsInt()));
        }
        List<SourceEntry> entries = new ArrayList<>();
        for (IniFile.Section section : parsed.sections()) {
            entries.add(readSection(file, section));
        }
        // Garbage before any section with no section at all means this is not an INI file.
        boolean readable = outside.isEmpty() || !entries.isEmpty();
        return new SourceListing(file, true, readable, entries, problems, Optional.empty());
    }

    private static SourceEntry readSection(Path file, IniFile.Section section) {
        String name = section.name();
        ProfileRef ref = ProfileRef.credentialsFile(name);
        Optional<Path> origin = Optional.of(file);
        String type = section.value("type").orElse("");
        Optional<AuthMode> mode = AuthMode.fromIniType(type);
        String shownMode = mode.map(AuthMode::cliName).orElse(type);
        String accessKeyId = section.value("access_key_id").orElse("");
        String regionId = section.value("region_id").orElse("");
        Function<CredentialsProblem, SourceEntry> unusable =
                problem -> SourceEntry.unusable(ref, origin, shownMode, accessKeyId, regionId, problem);

        if (section.firstMalformedLine().isPresent()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.MALFORMED_PROFILE_LINE, file, name,
                    section.firstMalformedLine().getAsInt()));
        }
        if (type.isEmpty()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.MISSING_MODE, file, name, "type"));
        }
        if (mode.isEmpty()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.UNSUPPORTED_MODE, file, name, type,
                    SUPPORTED_TYPES));
        }
        List<String> missing = new ArrayList<>();
        List<String> required = new ArrayList<>(List.of("access_key_id", "access_key_secret"));
        if (mode.get() == AuthMode.STS_TOKEN) {
            required.add("security_token");
        }
        if (mode.get() == AuthMode.RAM_ROLE_ARN) {
            required.addAll(List.of("role_arn", "role_session_name"));
        }
        for (String key : required) {
            if (section.value(key).isEmpty()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            return unusable.apply(CredentialsProblem.of(CredentialsError.MISSING_FIELDS, file, name,
                    mode.get().iniType(), String.join(", ", missing)));
        }
        Optional<RoleAssumption> role = Optional.empty();
        if (mode.get() == AuthMode.RAM_ROLE_ARN) {
            Optional<String> expiration = section.value("role_session_expiration");
            if (expiration.isPresent() && !DIGITS.matcher(expiration.get()).matches()) {
                return unusable.apply(CredentialsProblem.of(CredentialsError.WRONG_FIELD_TYPE, file, name,
                        "role_session_expiration", "number"));
            }
            int duration = expiration.map(Integer::parseInt).filter(seconds -> seconds != 0)
                    .orElse(RoleAssumption.DEFAULT_DURATION_SECONDS);
            if (duration < RoleAssumption.MIN_DURATION_SECONDS || duration > RoleAssumption.MAX_DURATION_SECONDS) {
                return unusable.apply(CredentialsProblem.of(CredentialsError.INVALID_DURATION, file, name,
                        "role_session_expiration", RoleAssumption.MIN_DURATION_SECONDS,
                        RoleAssumption.MAX_DURATION_SECONDS));
            }
            role = Optional.of(new RoleAssumption(section.value("role_arn").orElseThrow(),
                    section.value("role_session_name").orElseThrow(), section.value("external_id"),
                    section.value("sts_region"), section.value("sts_endpoint"), duration));
        }
        Optional<Secret> token = mode.get() == AuthMode.STS_TOKEN
                ? section.value("security_token").map(Secret::of) : Optional.empty();
        AccessKey key = new AccessKey(accessKeyId, Secret.of(section.value("access_key_secret").orElseThrow()), token);
        return SourceEntry.usable(new ResolvedCredentials(ref, origin, mode.get(), key, role, regionId));
    }
}
