package io.enscope.ens.credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.enscope.ens.credentials.EnvironmentVariables.Found;

/**
 * Finds credentials where aliyun CLI users keep them, in this order: the {@code ALIBABA_CLOUD_*}
 * environment variables, the profiles of {@code ~/.aliyun/config.json} (the one named by
 * {@code ALIBABA_CLOUD_PROFILE}, else by {@code current}), then the sections of the SDK credentials
 * file ({@code ALIBABA_CLOUD_CREDENTIALS_FILE}, else {@code ~/.alibabacloud/credentials}; the section
 * named by {@code ALIBABA_CLOUD_PROFILE}, else {@code default}). {@code ALIBABA_CLOUD_IGNORE_PROFILE=TRUE}
 * ignores both files.
 *
 * <p>The environment and the home directory are injected, so tests never read the real machine's.
 * Files are read again on every call, so a profile added with {@code aliyun configure} while the
 * console runs shows up at the next listing. Instances are immutable and thread-safe.
 */
public final class CredentialChain {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialChain.class);

    private static final String DEFAULT_PROFILE = "default";

    private final Map<String, String> environment;
    private final Path home;

    /**
     * @param environment the environment variables to honour (normally {@link System#getenv()})
     * @param home        the user's home directory
     */
    public CredentialChain(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.home = Objects.requireNonNull(home, "home");
    }

    /** @return a chain over this process's environment and the user's home directory */
    public static CredentialChain fromSystem() {
        Map<String, String> env = System.getenv();
        return new CredentialChain(env, homeDirectory(env, System.getProperty("os.name", ""),
                System.getProperty("user.home", "")));
    }

    /**
     * The home directory the aliyun CLI uses: {@code HOMEDRIVE}+{@code HOMEPATH} or {@code USERPROFILE}
     * on Windows, {@code HOME} elsewhere, so that Enscope reads the same config.json as the CLI even
     * when Java's {@code user.home} differs. Falls back to {@code user.home}.
     *
     * @param env      the environment
     * @param osName   the {@code os.name} system property
     * @param userHome the {@code user.home} system property
     * @return the home directory
     */
    public static Path homeDirectory(Map<String, String> env, String osName, String userHome) {
        String home;
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            home = env.getOrDefault("HOMEDRIVE", "") + env.getOrDefault("HOMEPATH", "");
            if (home.isBlank()) {
                home = env.getOrDefault("USERPROFILE", "");
            }
        } else {
            home = env.getOrDefault("HOME", "");
        }
        return Path.of(home.isBlank() ? userHome : home);
    }

    /** @return the aliyun CLI configuration file this chain reads */
    public Path cliConfigFile() {
        return home.resolve(".aliyun").resolve("config.json");
    }

    /** @return the SDK credentials file this chain reads */
    public Path credentialsFile() {
        Optional<Found> configured = EnvironmentVariables.first(environment,
                List.of(EnvironmentVariables.CREDENTIALS_FILE));
        if (configured.isEmpty()) {
            return home.resolve(".alibabacloud").resolve("credentials");
        }
        String path = configured.get().value();
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
            return home.resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path);
    }

    /** @return the profile name chosen by {@code ALIBABA_CLOUD_PROFILE} (or its aliases), if set */
    public Optional<String> profileNameFromEnvironment() {
        return EnvironmentVariables.first(environment, EnvironmentVariables.PROFILE).map(Found::value);
    }

    /** @return whether {@code ALIBABA_CLOUD_IGNORE_PROFILE=TRUE} makes the chain ignore both files */
    public boolean profilesIgnored() {
        return EnvironmentVariables.firstTrue(environment, EnvironmentVariables.IGNORE_PROFILE).isPresent();
    }

    /**
     * Lists every profile of every source for display, in the order of precedence, without any
     * secret. Unusable profiles are included with their problem; a file that cannot be read at all
     * appears as one entry with an empty name. At most one entry is {@link CredentialProfile#current()}.
     *
     * @return the profiles
     */
    public List<CredentialProfile> listProfiles() {
        Snapshot snapshot = snapshot();
        Optional<SourceEntry> selected = snapshot.select();
        List<CredentialProfile> result = new ArrayList<>();
        snapshot.environment.ifPresent(entry -> result.add(entry.toProfile(isSelected(entry, selected))));
        addListing(result, snapshot.cliConfig, CredentialSource.CLI_CONFIG, selected);
        addListing(result, snapshot.credentialsFile, CredentialSource.CREDENTIALS_FILE, selected);
        return List.copyOf(result);
    }

    /**
     * @return the profile {@link #resolveDefault()} would use, if any (it may be unusable)
     */
    public Optional<ProfileRef> defaultProfile() {
        return snapshot().select().map(SourceEntry::ref);
    }

    /**
     * Resolves the profile the aliyun CLI would use: complete environment credentials, else the
     * selected config.json profile, else the selected credentials-file section. A source that does
     * not have the selected profile, or a file that cannot be read at all, is skipped; a selected
     * profile that exists but is unusable is an error rather than a reason to fall back, because
     * silently using another account would be worse than stopping.
     *
     * @return the credentials
     * @throws CredentialsException when no profile is found or the selected one is unusable
     */
    public ResolvedCredentials resolveDefault() throws CredentialsException {
        Snapshot snapshot = snapshot();
        Optional<SourceEntry> selected = snapshot.select();
        if (selected.isPresent()) {
            LOG.debug("Default credentials: {}", selected.get().ref());
            snapshot.logSkippedFiles(selected.get().ref().source());
            return selected.get().credentialsOrThrow();
        }
        throw new CredentialsException(snapshot.whyNothingSelected());
    }

    /**
     * Resolves one profile, typically one the user picked from {@link #listProfiles()}.
     *
     * @param ref the profile
     * @return the credentials
     * @throws CredentialsException when the profile does not exist, its file cannot be read, or it is unusable
     */
    public ResolvedCredentials resolve(ProfileRef ref) throws CredentialsException {
        Objects.requireNonNull(ref, "ref");
        Snapshot snapshot = snapshot();
        return switch (ref.source()) {
            case ENVIRONMENT -> snapshot.environment
                    .orElseThrow(() -> new CredentialsException(
                            CredentialsProblem.of(CredentialsError.ENVIRONMENT_NOT_SET)))
                    .credentialsOrThrow();
            case CLI_CONFIG -> resolveInFile(snapshot.cliConfig, cliConfigFile(), snapshot, ref.name());
            case CREDENTIALS_FILE -> resolveInFile(snapshot.credentialsFile, credentialsFile(), snapshot, ref.name());
        };
    }

    private ResolvedCredentials resolveInFile(Optional<SourceListing> listing, Path file, Snapshot snapshot,
                                              String name) throws CredentialsException {
        if (listing.isEmpty()) {
            throw new CredentialsException(CredentialsProblem.of(CredentialsError.SOURCE_IGNORED, file,
                    snapshot.ignoredBecause(file).orElse(EnvironmentVariables.IGNORE_PROFILE.get(0))));
        }
        SourceListing source = listing.get();
        if (!source.present()) {
            throw new CredentialsException(CredentialsProblem.of(CredentialsError.FILE_NOT_FOUND, file));
        }
        if (!source.readable()) {
            throw new CredentialsException(source.fileProblems().get(0));
        }
        return source.find(name)
                .orElseThrow(() -> new CredentialsException(
                        CredentialsProblem.of(CredentialsError.PROFILE_NOT_FOUND, file, name)))
                .credentialsOrThrow();
    }

    private static boolean isSelected(SourceEntry entry, Optional<SourceEntry> selected) {
        // Identity, not equality: of two duplicate profiles only the first one is selected.
        return selected.isPresent() && selected.get() == entry;
    }

    private static void addListing(List<CredentialProfile> result, Optional<SourceListing> listing,
                                   CredentialSource source, Optional<SourceEntry> selected) {
        if (listing.isEmpty()) {
            return;
        }
        for (CredentialsProblem problem : listing.get().fileProblems()) {
            result.add(new CredentialProfile(source, "", "", "", "", Optional.of(listing.get().file()), false,
                    Optional.of(problem)));
        }
        for (SourceEntry entry : listing.get().entries()) {
            result.add(entry.toProfile(isSelected(entry, selected)));
        }
    }

    private Snapshot snapshot() {
        Optional<String> ignoreVariable = EnvironmentVariables.firstTrue(environment,
                EnvironmentVariables.IGNORE_PROFILE);
        boolean cliDisabled = "true".equalsIgnoreCase(
                environment.getOrDefault(EnvironmentVariables.CLI_PROFILE_DISABLED, "").trim());
        Optional<SourceListing> cli = ignoreVariable.isPresent() || cliDisabled
                ? Optional.empty() : Optional.of(CliConfigSource.read(cliConfigFile()));
        Optional<SourceListing> ini = ignoreVariable.isPresent()
                ? Optional.empty() : Optional.of(CredentialsFileSource.read(credentialsFile()));
        return new Snapshot(EnvironmentSource.read(environment), cli, ini, ignoreVariable, cliDisabled);
    }

    /** Everything read for one public call, so that listing and selection agree. */
    private final class Snapshot {
        private final Optional<SourceEntry> environment;
        private final Optional<SourceListing> cliConfig;
        private final Optional<SourceListing> credentialsFile;
        private final Optional<String> ignoreVariable;
        private final boolean cliDisabled;

        Snapshot(Optional<SourceEntry> environment, Optional<SourceListing> cliConfig,
                 Optional<SourceListing> credentialsFile, Optional<String> ignoreVariable, boolean cliDisabled) {
            this.environment = environment;
            this.cliConfig = cliConfig;
            this.credentialsFile = credentialsFile;
            this.ignoreVariable = ignoreVariable;
            this.cliDisabled = cliDisabled;
        }

        Optional<SourceEntry> select() {
            // Half-set environment variables are more likely leftovers than intent: list them, but fall through.
            if (environment.isPresent() && environment.get().problem().isEmpty()) {
                return environment;
            }
            Optional<String> chosen = profileNameFromEnvironment();
            Optional<SourceEntry> fromCli = cliConfig.filter(SourceListing::readable)
                    .flatMap(listing -> listing.find(chosen.or(listing::current).orElse(DEFAULT_PROFILE)));
            if (fromCli.isPresent()) {
                return fromCli;
            }
            return credentialsFile.filter(SourceListing::readable)
                    .flatMap(listing -> listing.find(chosen.orElse(DEFAULT_PROFILE)));
        }

        CredentialsProblem whyNothingSelected() {
            // The most specific explanation first: a broken file says more than "nothing found".
            for (Optional<SourceListing> listing : List.of(cliConfig, credentialsFile)) {
                if (listing.isPresent() && listing.get().present() && !listing.get().readable()) {
                    return listing.get().fileProblems().get(0);
                }
            }
            Optional<Found> chosen = EnvironmentVariables.first(CredentialChain.this.environment,
                    EnvironmentVariables.PROFILE);
            if (chosen.isPresent()) {
                return CredentialsProblem.of(CredentialsError.SELECTED_PROFILE_NOT_FOUND, chosen.get().value(),
                        chosen.get().name(), cliConfigFile(), credentialsFile());
            }
            if (cliConfig.isPresent() && cliConfig.get().present()) {
                return CredentialsProblem.of(CredentialsError.PROFILE_NOT_FOUND, cliConfigFile(),
                        cliConfig.get().current().orElse(DEFAULT_PROFILE));
            }
            if (environment.isPresent() && environment.get().problem().isPresent()) {
                return environment.get().problem().get();
            }
            if (ignoreVariable.isPresent()) {
                return CredentialsProblem.of(CredentialsError.SOURCE_IGNORED, cliConfigFile(), ignoreVariable.get());
            }
            return CredentialsProblem.of(CredentialsError.NO_CREDENTIALS);
        }

        Optional<String> ignoredBecause(Path file) {
            if (ignoreVariable.isPresent()) {
                return ignoreVariable;
            }
            return cliDisabled && file.equals(cliConfigFile())
                    ? Optional.of(EnvironmentVariables.CLI_PROFILE_DISABLED) : Optional.empty();
        }

        /** Says in the log why a broken config.json did not stop the fall-through to the credentials file. */
        void logSkippedFiles(CredentialSource selectedSource) {
            if (selectedSource == CredentialSource.CREDENTIALS_FILE && cliConfig.isPresent()
                    && cliConfig.get().present() && !cliConfig.get().readable()) {
                LOG.warn("Skipped unreadable credentials source: {}", cliConfig.get().fileProblems().get(0).message());
            }
        }
    }
}
