package io.enscope.ens.credentials;

import static io.enscope.ens.credentials.Fixtures.cliConfig;
import static io.enscope.ens.credentials.Fixtures.credentialsFile;
import static io.enscope.ens.credentials.Fixtures.env;
import static io.enscope.ens.credentials.Fixtures.envKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialChainPrecedenceTest {

    @TempDir
    Path home;

    @Test
    void environmentBeatsBothFiles() throws Exception {
        cliConfig(home, "config-good.json");
        credentialsFile(home, "credentials-good.ini");

        ResolvedCredentials resolved = new CredentialChain(envKeys(), home).resolveDefault();

        assertThat(resolved.origin()).isEqualTo(ProfileRef.ENVIRONMENT);
        assertThat(resolved.accessKeyId()).isEqualTo("LTAI5tFromEnvironment1");
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-env");
        assertThat(resolved.mode()).isEqualTo(AuthMode.AK);
        assertThat(resolved.file()).isEmpty();
    }

    @Test
    void environmentWithTokenIsStsTokenAndReadsRegion() throws Exception {
        Map<String, String> env = envKeys();
        env.put("ALIBABA_CLOUD_SECURITY_TOKEN", "TOKEN-env");
        env.put("REGION", "cn-wuhan-lr");

        ResolvedCredentials resolved = new CredentialChain(env, home).resolveDefault();

        assertThat(resolved.mode()).isEqualTo(AuthMode.STS_TOKEN);
        assertThat(resolved.securityToken()).map(Secret::reveal).contains("TOKEN-env");
        assertThat(resolved.regionId()).isEqualTo("cn-wuhan-lr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALIBABACLOUD_", "ALICLOUD_", ""})
    void environmentAliasesAreHonoured(String prefix) throws Exception {
        Map<String, String> env = env(prefix + "ACCESS_KEY_ID", "LTAI5tAliasedVariable1",
                prefix + "ACCESS_KEY_SECRET", "SECRET-alias");

        ResolvedCredentials resolved = new CredentialChain(env, home).resolveDefault();

        assertThat(resolved.accessKeyId()).isEqualTo("LTAI5tAliasedVariable1");
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-alias");
    }

    @Test
    void primaryVariableWinsOverAlias() throws Exception {
        Map<String, String> env = envKeys();
        env.put("ALICLOUD_ACCESS_KEY_ID", "LTAI5tLowerPriority001");

        assertThat(new CredentialChain(env, home).resolveDefault().accessKeyId()).isEqualTo("LTAI5tFromEnvironment1");
    }

    @Test
    void cliConfigCurrentProfileBeatsCredentialsFile() throws Exception {
        cliConfig(home, "config-good.json");
        credentialsFile(home, "credentials-good.ini");

        ResolvedCredentials resolved = new CredentialChain(Map.of(), home).resolveDefault();

        assertThat(resolved.origin()).isEqualTo(ProfileRef.cliConfig("work"));
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-work-ak");
        assertThat(resolved.file()).contains(home.resolve(".aliyun/config.json"));
        assertThat(resolved.regionId()).isEqualTo("cn-shanghai");
    }

    @Test
    void credentialsFileDefaultSectionIsUsedWithoutCliConfig() throws Exception {
        credentialsFile(home, "credentials-good.ini");

        ResolvedCredentials resolved = new CredentialChain(Map.of(), home).resolveDefault();

        assertThat(resolved.origin()).isEqualTo(ProfileRef.credentialsFile("default"));
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-ini-default");
    }

    @Test
    void alibabaCloudProfileOverridesCurrent() throws Exception {
        cliConfig(home, "config-good.json");

        CredentialChain chain = new CredentialChain(env("ALIBABA_CLOUD_PROFILE", "temporary"), home);

        assertThat(chain.resolveDefault().origin()).isEqualTo(ProfileRef.cliConfig("temporary"));
        assertThat(chain.defaultProfile()).contains(ProfileRef.cliConfig("temporary"));
        assertThat(chain.listProfiles()).filteredOn(CredentialProfile::current)
                .extracting(CredentialProfile::name).containsExactly("temporary");
    }

    @Test
    void alibabaCloudProfileFallsThroughToCredentialsFileSection() throws Exception {
        cliConfig(home, "config-good.json");
        credentialsFile(home, "credentials-good.ini");

        ResolvedCredentials resolved = new CredentialChain(env("ALIBABA_CLOUD_PROFILE", "role-profile"), home)
                .resolveDefault();

        assertThat(resolved.origin()).isEqualTo(ProfileRef.credentialsFile("role-profile"));
    }

    @Test
    void alibabaCloudProfileAlsoSelectsTheCredentialsFileSection() throws Exception {
        credentialsFile(home, "credentials-good.ini");

        ResolvedCredentials resolved = new CredentialChain(env("ALIBABA_CLOUD_PROFILE", "work"), home)
                .resolveDefault();

        assertThat(resolved.origin()).isEqualTo(ProfileRef.credentialsFile("work"));
    }

    @Test
    void unknownAlibabaCloudProfileNamesVariableAndBothFiles() {
        cliConfig(home, "config-good.json");
        CredentialChain chain = new CredentialChain(env("ALIBABA_CLOUD_PROFILE", "nope"), home);

        assertThatThrownBy(chain::resolveDefault)
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.problem().error()).isEqualTo(CredentialsError.SELECTED_PROFILE_NOT_FOUND);
                    assertThat(e.getMessage()).contains("\"nope\"", "ALIBABA_CLOUD_PROFILE",
                            chain.cliConfigFile().toString(), chain.credentialsFile().toString());
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "true"})
    void ignoreProfileIgnoresBothFiles(String value) {
        cliConfig(home, "config-good.json");
        credentialsFile(home, "credentials-good.ini");
        CredentialChain chain = new CredentialChain(env("ALIBABA_CLOUD_IGNORE_PROFILE", value), home);

        assertThat(chain.profilesIgnored()).isTrue();
        assertThat(chain.listProfiles()).isEmpty();
        assertThat(chain.defaultProfile()).isEmpty();
        assertThatThrownBy(() -> chain.resolve(ProfileRef.cliConfig("work")))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.problem().error()).isEqualTo(CredentialsError.SOURCE_IGNORED);
                    assertThat(e.getMessage()).contains(chain.cliConfigFile().toString(),
                            "ALIBABA_CLOUD_IGNORE_PROFILE");
                });
        assertThatThrownBy(() -> chain.resolve(ProfileRef.credentialsFile("default")))
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.SOURCE_IGNORED));
        assertThatThrownBy(chain::resolveDefault)
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.SOURCE_IGNORED));
    }

    @Test
    void ignoreProfileStillUsesEnvironment() throws Exception {
        cliConfig(home, "config-good.json");
        Map<String, String> env = envKeys();
        env.put("ALIBABA_CLOUD_IGNORE_PROFILE", "TRUE");
        CredentialChain chain = new CredentialChain(env, home);

        assertThat(chain.resolveDefault().origin()).isEqualTo(ProfileRef.ENVIRONMENT);
        assertThat(chain.listProfiles()).extracting(CredentialProfile::source)
                .containsExactly(CredentialSource.ENVIRONMENT);
    }

    @Test
    void ignoreProfileWithOtherValueIsNotHonoured() throws Exception {
        cliConfig(home, "config-good.json");

        CredentialChain chain = new CredentialChain(env("ALIBABA_CLOUD_IGNORE_PROFILE", "1"), home);

        assertThat(chain.profilesIgnored()).isFalse();
        assertThat(chain.resolveDefault().origin()).isEqualTo(ProfileRef.cliConfig("work"));
    }

    @Test
    void cliProfileDisabledSkipsOnlyCliConfig() throws Exception {
        cliConfig(home, "config-good.json");
        credentialsFile(home, "credentials-good.ini");
        CredentialChain chain = new CredentialChain(env("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true"), home);

        assertThat(chain.resolveDefault().origin()).isEqualTo(ProfileRef.credentialsFile("default"));
        assertThat(chain.listProfiles()).extracting(CredentialProfile::source)
                .containsOnly(CredentialSource.CREDENTIALS_FILE);
        assertThatThrownBy(() -> chain.resolve(ProfileRef.cliConfig("work")))
                .hasMessageContaining("ALIBABA_CLOUD_CLI_PROFILE_DISABLED");
    }

    @Test
    void malformedCliConfigFallsThroughToCredentialsFile() throws Exception {
        cliConfig(home, "config-malformed.json");
        credentialsFile(home, "credentials-good.ini");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        assertThat(chain.resolveDefault().origin()).isEqualTo(ProfileRef.credentialsFile("default"));
        List<CredentialProfile> cliEntries = chain.listProfiles().stream()
                .filter(profile -> profile.source() == CredentialSource.CLI_CONFIG).toList();
        assertThat(cliEntries).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEmpty();
            assertThat(entry.usable()).isFalse();
            assertThat(entry.problem()).map(CredentialsProblem::error).contains(CredentialsError.MALFORMED_FILE);
        });
        assertThat(chain.listProfiles()).filteredOn(p -> p.source() == CredentialSource.CREDENTIALS_FILE)
                .allMatch(CredentialProfile::usable).hasSize(4);
    }

    @Test
    void malformedCliConfigAloneIsTheReportedReason() {
        cliConfig(home, "config-malformed.json");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        assertThatThrownBy(chain::resolveDefault)
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.MALFORMED_FILE))
                .hasMessageContaining(chain.cliConfigFile().toString());
    }

    @Test
    void unusableSelectedProfileIsAnErrorNotAFallback() {
        cliConfig(home, "config-unsupported.json");
        credentialsFile(home, "credentials-good.ini");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        assertThat(chain.defaultProfile()).contains(ProfileRef.cliConfig("ecs"));
        assertThatThrownBy(chain::resolveDefault)
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.UNSUPPORTED_MODE))
                .hasMessageContaining("\"ecs\"").hasMessageContaining("EcsRamRole");
    }

    @Test
    void missingCurrentProfileFallsThroughToCredentialsFile() throws Exception {
        Fixtures.write(home.resolve(".aliyun/config.json"), "{\"current\":\"gone\",\"profiles\":[]}");
        credentialsFile(home, "credentials-good.ini");

        assertThat(new CredentialChain(Map.of(), home).resolveDefault().origin())
                .isEqualTo(ProfileRef.credentialsFile("default"));
    }

    @Test
    void missingCurrentProfileWithoutFallbackNamesFileAndProfile() {
        Fixtures.write(home.resolve(".aliyun/config.json"), "{\"current\":\"gone\",\"profiles\":[]}");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        assertThatThrownBy(chain::resolveDefault)
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.PROFILE_NOT_FOUND))
                .hasMessage("There is no profile \"gone\" in " + chain.cliConfigFile() + ".");
    }

    @Test
    void nothingAnywhereSaysHowToConfigure() {
        CredentialChain chain = new CredentialChain(Map.of(), home);

        assertThat(chain.listProfiles()).isEmpty();
        assertThatThrownBy(chain::resolveDefault)
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.NO_CREDENTIALS))
                .hasMessageContaining("ALIBABA_CLOUD_ACCESS_KEY_ID");
    }

    @Test
    void halfSetEnvironmentIsListedWithProblemAndSkipped() throws Exception {
        cliConfig(home, "config-good.json");
        CredentialChain chain = new CredentialChain(env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tOnlyTheId000001"), home);

        assertThat(chain.resolveDefault().origin()).isEqualTo(ProfileRef.cliConfig("work"));
        CredentialProfile environment = chain.listProfiles().get(0);
        assertThat(environment.source()).isEqualTo(CredentialSource.ENVIRONMENT);
        assertThat(environment.current()).isFalse();
        assertThat(environment.problem()).map(CredentialsProblem::message)
                .contains("The environment variable ALIBABA_CLOUD_ACCESS_KEY_ID is set but"
                        + " ALIBABA_CLOUD_ACCESS_KEY_SECRET is not.");
        assertThatThrownBy(() -> chain.resolve(ProfileRef.ENVIRONMENT))
                .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.problem().error())
                        .isEqualTo(CredentialsError.INCOMPLETE_ENVIRONMENT));
    }

    @Test
    void resolvingEnvironmentWithoutVariablesFails() {
        assertThatThrownBy(() -> new CredentialChain(Map.of(), home).resolve(ProfileRef.ENVIRONMENT))
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.ENVIRONMENT_NOT_SET));
    }

    @Test
    void explicitProfileIsResolvedEvenWhenNotCurrent() throws Exception {
        cliConfig(home, "config-good.json");
        credentialsFile(home, "credentials-good.ini");
        CredentialChain chain = new CredentialChain(envKeys(), home);

        assertThat(chain.resolve(ProfileRef.cliConfig("default")).accessKeySecret().reveal())
                .isEqualTo("SECRET-default-ak");
        assertThat(chain.resolve(ProfileRef.credentialsFile("work")).accessKeySecret().reveal())
                .isEqualTo("SECRET-ini-work");
    }

    @Test
    void resolvingAnAbsentProfileNamesFileAndProfile() {
        cliConfig(home, "config-good.json");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        assertThatThrownBy(() -> chain.resolve(ProfileRef.cliConfig("nobody")))
                .hasMessage("There is no profile \"nobody\" in " + chain.cliConfigFile() + ".");
        assertThatThrownBy(() -> chain.resolve(ProfileRef.credentialsFile("default")))
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.FILE_NOT_FOUND))
                .hasMessageContaining(chain.credentialsFile().toString());
    }

    @Test
    void filesAreReadAgainOnEveryCall() throws Exception {
        CredentialChain chain = new CredentialChain(Map.of(), home);
        assertThat(chain.listProfiles()).isEmpty();

        cliConfig(home, "config-good.json");

        assertThat(chain.listProfiles()).hasSize(5);
        assertThat(chain.resolveDefault().origin().name()).isEqualTo("work");
    }

    @Test
    void credentialsFilePathComesFromEnvironment() throws Exception {
        Path elsewhere = Fixtures.write(home.resolve("elsewhere/creds.ini"), Fixtures.sample("credentials-good.ini"));
        CredentialChain chain = new CredentialChain(
                env("ALIBABA_CLOUD_CREDENTIALS_FILE", elsewhere.toString()), home);

        assertThat(chain.credentialsFile()).isEqualTo(elsewhere);
        assertThat(chain.resolveDefault().file()).contains(elsewhere);
    }

    @Test
    void credentialsFilePathExpandsTilde() {
        CredentialChain chain = new CredentialChain(env("ALIBABA_CLOUD_CREDENTIALS_FILE", "~/conf/ali.ini"), home);

        assertThat(chain.credentialsFile()).isEqualTo(home.resolve("conf/ali.ini"));
        assertThat(new CredentialChain(Map.of(), home).credentialsFile())
                .isEqualTo(home.resolve(".alibabacloud").resolve("credentials"));
    }

    @Test
    void homeDirectoryFollowsTheCli() {
        Map<String, String> windows = new HashMap<>(env("HOMEDRIVE", "C:", "HOMEPATH", "\\Users\\li",
                "USERPROFILE", "D:\\profiles\\li"));
        assertThat(CredentialChain.homeDirectory(windows, "Windows 11", "/fallback").toString())
                .isEqualTo("C:\\Users\\li");
        windows.remove("HOMEDRIVE");
        windows.remove("HOMEPATH");
        assertThat(CredentialChain.homeDirectory(windows, "Windows 11", "/fallback").toString())
                .isEqualTo("D:\\profiles\\li");
        assertThat(CredentialChain.homeDirectory(env("HOME", "/home/li"), "Linux", "/fallback"))
                .isEqualTo(Path.of("/home/li"));
        assertThat(CredentialChain.homeDirectory(Map.of(), "Mac OS X", "/Users/fallback"))
                .isEqualTo(Path.of("/Users/fallback"));
    }

    @Test
    void exactlyOneProfileIsCurrentAndItIsTheDefault() {
        cliConfig(home, "config-good.json");
        credentialsFile(home, "credentials-good.ini");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        List<CredentialProfile> current = chain.listProfiles().stream().filter(CredentialProfile::current).toList();

        assertThat(current).singleElement()
                .satisfies(profile -> assertThat(Optional.of(profile.ref())).isEqualTo(chain.defaultProfile()));
    }
}
