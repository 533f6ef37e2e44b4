package io.enscope.ens.credentials;

import static io.enscope.ens.credentials.Fixtures.cliConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.json profiles: modes, required fields, types, and messages that name file and profile. */
class CliConfigProfilesTest {

    @TempDir
    Path home;

    private CredentialChain chain(String sample) {
        cliConfig(home, sample);
        return new CredentialChain(Map.of(), home);
    }

    private String file() {
        return home.resolve(".aliyun").resolve("config.json").toString();
    }

    private static CredentialProfile named(List<CredentialProfile> profiles, String name) {
        return profiles.stream().filter(profile -> profile.name().equals(name)).findFirst().orElseThrow();
    }

    private CredentialsProblem problemOf(CredentialChain chain, String profile) {
        CredentialsException e = org.junit.jupiter.api.Assertions.assertThrows(CredentialsException.class,
                () -> chain.resolve(ProfileRef.cliConfig(profile)));
        return e.problem();
    }

    @Test
    void modesAreMatchedIgnoringCase() throws Exception {
        CredentialChain chain = chain("config-good.json");

        assertThat(chain.resolve(ProfileRef.cliConfig("work")).mode()).isEqualTo(AuthMode.AK);
        assertThat(chain.resolve(ProfileRef.cliConfig("temporary")).mode()).isEqualTo(AuthMode.STS_TOKEN);
        assertThat(chain.resolve(ProfileRef.cliConfig("ops-role")).mode()).isEqualTo(AuthMode.RAM_ROLE_ARN);
        assertThat(chain.listProfiles()).extracting(CredentialProfile::mode)
                .containsExactly("AK", "AK", "StsToken", "RamRoleArn", "RamRoleArn");
    }

    @Test
    void akProfileHasKeyAndNoToken() throws Exception {
        ResolvedCredentials resolved = chain("config-good.json").resolve(ProfileRef.cliConfig("default"));

        assertThat(resolved.accessKeyId()).isEqualTo("LTAI5tDefault0000aaaa");
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-default-ak");
        assertThat(resolved.securityToken()).isEmpty();
        assertThat(resolved.roleAssumption()).isEmpty();
        assertThat(resolved.requiresRoleAssumption()).isFalse();
        assertThat(resolved.regionId()).isEqualTo("cn-hangzhou");
    }

    @Test
    void stsTokenProfileCarriesItsToken() throws Exception {
        ResolvedCredentials resolved = chain("config-good.json").resolve(ProfileRef.cliConfig("temporary"));

        assertThat(resolved.accessKeyId()).isEqualTo("STS.NUgYrLnoC37mZZCNnAbez2222");
        assertThat(resolved.securityToken()).map(Secret::reveal).contains("TOKEN-temporary-sts");
    }

    @Test
    void ramRoleArnProfileCarriesTheAssumeRoleParameters() throws Exception {
        ResolvedCredentials resolved = chain("config-good.json").resolve(ProfileRef.cliConfig("ops-role"));

        assertThat(resolved.requiresRoleAssumption()).isTrue();
        assertThat(resolved.accessKeyId()).isEqualTo("LTAI5tRoleCaller33333");
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-role-caller");
        assertThat(resolved.roleAssumption()).contains(new RoleAssumption(
                "acs:ram::1234567890123456:role/ens-operator", "enscope-session", Optional.of("EXTERNAL-abc"),
                Optional.of("cn-beijing"), Optional.empty(), 1800));
    }

    @Test
    void zeroExpiredSecondsMeansTheStsDefault() throws Exception {
        ResolvedCredentials resolved = chain("config-good.json").resolve(ProfileRef.cliConfig("plain-role"));

        RoleAssumption role = resolved.roleAssumption().orElseThrow();
        assertThat(role.durationSeconds()).isEqualTo(3600);
        assertThat(role.externalId()).isEmpty();
        assertThat(role.stsRegion()).isEmpty();
    }

    @Test
    void listingShowsMaskedIdsRegionsAndFile() {
        List<CredentialProfile> profiles = chain("config-good.json").listProfiles();

        CredentialProfile work = named(profiles, "work");
        assertThat(work.maskedAccessKeyId()).isEqualTo("LTAI****1111");
        assertThat(work.regionId()).isEqualTo("cn-shanghai");
        assertThat(work.file()).contains(Path.of(file()));
        assertThat(work.source()).isEqualTo(CredentialSource.CLI_CONFIG);
        assertThat(work.current()).isTrue();
        assertThat(work.usable()).isTrue();
        assertThat(profiles).filteredOn(CredentialProfile::current).hasSize(1);
    }

    @Test
    void malformedJsonNamesFileAndPositionButNotTheContent() {
        CredentialChain chain = chain("config-malformed.json");

        CredentialProfile entry = chain.listProfiles().get(0);

        assertThat(entry.problem()).isPresent();
        CredentialsProblem problem = entry.problem().get();
        assertThat(problem.key()).isEqualTo("credentials.error.malformedFile");
        assertThat(problem.arguments()).containsExactly(file(), "JSON", "8", "25");
        assertThat(problem.message()).isEqualTo(file() + " is not valid JSON: syntax error at line 8, column 25.");
        assertThat(problem.message()).doesNotContain("SECRET");
        assertThatThrownBy(() -> chain.resolve(ProfileRef.cliConfig("default")))
                .hasMessageContaining(file()).hasMessageNotContaining("SECRET").hasNoCause();
    }

    @Test
    void emptyFileIsReported() {
        Fixtures.write(home.resolve(".aliyun/config.json"), "  \n");

        List<CredentialProfile> profiles = new CredentialChain(Map.of(), home).listProfiles();

        assertThat(profiles).singleElement().satisfies(profile -> assertThat(profile.problem())
                .map(CredentialsProblem::message).contains(file() + " is empty."));
    }

    @Test
    void nonObjectRootIsReported() {
        Fixtures.write(home.resolve(".aliyun/config.json"), "[1, 2]");

        assertThat(new CredentialChain(Map.of(), home).listProfiles()).singleElement()
                .satisfies(profile -> assertThat(profile.problem()).map(CredentialsProblem::error)
                        .contains(CredentialsError.MALFORMED_STRUCTURE));
    }

    @Test
    void profilesThatAreNotAnArrayMakeTheFileUnusable() {
        CredentialChain chain = chain("config-profiles-not-array.json");

        assertThat(chain.listProfiles()).singleElement().satisfies(profile -> {
            assertThat(profile.name()).isEmpty();
            assertThat(profile.problem()).map(CredentialsProblem::message).contains(file()
                    + " is not a valid aliyun CLI configuration: \"$.profiles\" has the wrong type"
                    + " (expected: JSON array).");
        });
        assertThat(chain.defaultProfile()).isEmpty();
    }

    @Test
    void wrongTypesSpoilOnlyTheirProfile() throws Exception {
        CredentialChain chain = chain("config-wrong-types.json");
        List<CredentialProfile> profiles = chain.listProfiles();

        assertThat(profiles).extracting(CredentialProfile::name).containsExactly(
                "", "numeric-id", "#2", "bad-duration", "too-short", "quoted-duration", "fine");
        assertThat(profiles.get(0).problem()).map(CredentialsProblem::message).contains(file()
                + " is not a valid aliyun CLI configuration: \"$.current\" has the wrong type (expected: JSON string).");
        assertThat(named(profiles, "numeric-id").problem()).map(CredentialsProblem::message).contains("In " + file()
                + ", profile \"numeric-id\": the field \"access_key_id\" has the wrong type (expected: string).");
        assertThat(named(profiles, "#2").problem()).map(CredentialsProblem::message)
                .contains("In " + file() + ", profile #2 is not a JSON object.");
        assertThat(named(profiles, "bad-duration").problem()).map(CredentialsProblem::arguments)
                .contains(List.of(file(), "bad-duration", "expired_seconds", "number"));
        assertThat(named(profiles, "too-short").problem()).map(CredentialsProblem::message).contains("In " + file()
                + ", profile \"too-short\": \"expired_seconds\" must be between 900 and 43200 seconds.");
        assertThat(chain.resolve(ProfileRef.cliConfig("quoted-duration")).roleAssumption())
                .map(RoleAssumption::durationSeconds).contains(900);
        assertThat(chain.resolve(ProfileRef.cliConfig("fine")).accessKeySecret().reveal()).isEqualTo("SECRET-fine");
    }

    @Test
    void wrongTypeOfCurrentFallsBackToDefaultName() throws Exception {
        Fixtures.write(home.resolve(".aliyun/config.json"), "{\"current\": true, \"profiles\": [{\"name\":"
                + " \"default\", \"mode\": \"AK\", \"access_key_id\": \"LTAI5tDefaultName0001\","
                + " \"access_key_secret\": \"SECRET-d\"}]}");

        assertThat(new CredentialChain(Map.of(), home).resolveDefault().origin())
                .isEqualTo(ProfileRef.cliConfig("default"));
    }

    @Test
    void unsupportedModesNameFileProfileAndMode() throws Exception {
        CredentialChain chain = chain("config-unsupported.json");

        assertThat(problemOf(chain, "ecs").message()).isEqualTo("In " + file() + ", profile \"ecs\" uses EcsRamRole,"
                + " which Enscope does not support (supported: AK, StsToken, RamRoleArn).");
        assertThat(problemOf(chain, "external").arguments()).containsExactly(file(), "external", "External",
                "AK, StsToken, RamRoleArn");
        assertThat(problemOf(chain, "oidc").arguments()).contains("OIDC");
        assertThat(problemOf(chain, "sso").arguments()).contains("CloudSSO");
        assertThat(problemOf(chain, "lower-ecs").arguments()).contains("EcsRamRole");
        assertThat(problemOf(chain, "future").arguments()).contains("QuantumKey");
        assertThat(chain.resolve(ProfileRef.cliConfig("fine")).accessKeySecret().reveal())
                .isEqualTo("SECRET-fine-unsupported");

        List<CredentialProfile> profiles = chain.listProfiles();
        assertThat(profiles).extracting(CredentialProfile::mode).containsExactly(
                "EcsRamRole", "External", "OIDC", "CloudSSO", "EcsRamRole", "QuantumKey", "AK");
        assertThat(profiles).filteredOn(CredentialProfile::usable).extracting(CredentialProfile::name)
                .containsExactly("fine");
        assertThat(named(profiles, "sso").maskedAccessKeyId()).isEqualTo("STS.****0000");
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        CredentialChain chain = chain("config-missing-fields.json");

        assertThat(problemOf(chain, "no-secret").message()).isEqualTo("In " + file()
                + ", profile \"no-secret\" (mode AK) lacks required field(s): access_key_secret.");
        assertThat(problemOf(chain, "sts-without-token").arguments())
                .containsExactly(file(), "sts-without-token", "StsToken", "sts_token");
        assertThat(problemOf(chain, "role-without-session").arguments())
                .containsExactly(file(), "role-without-session", "RamRoleArn", "ram_session_name");
        assertThat(problemOf(chain, "#4").arguments()).containsExactly(file(), "#4", "AK", "name");
        assertThat(problemOf(chain, "unconfigured").message()).isEqualTo("In " + file() + ", profile \"unconfigured\""
                + " does not say which kind of credentials it holds: \"mode\" is missing.");
    }

    @Test
    void missingModeIsRecognizedFromTheFieldsLikeTheCli() throws Exception {
        ResolvedCredentials guessed = chain("config-missing-fields.json").resolve(ProfileRef.cliConfig("guessed"));

        assertThat(guessed.mode()).isEqualTo(AuthMode.AK);
        assertThat(guessed.accessKeySecret().reveal()).isEqualTo("SECRET-guessed");
    }

    @Test
    void duplicateProfileKeepsTheFirstAndFlagsTheSecond() throws Exception {
        CredentialChain chain = chain("config-missing-fields.json");

        assertThat(chain.resolve(ProfileRef.cliConfig("fine")).accessKeyId()).isEqualTo("LTAI5tFineMissing0006");
        List<CredentialProfile> fines = chain.listProfiles().stream()
                .filter(profile -> profile.name().equals("fine")).toList();
        assertThat(fines).hasSize(2);
        assertThat(fines.get(0).usable()).isTrue();
        assertThat(fines.get(1).problem()).map(CredentialsProblem::message).contains("In " + file()
                + ", profile \"fine\" is defined more than once; only the first definition is used.");
    }

    @Test
    void currentProfileWithMissingFieldIsMarkedCurrentAndFailsToResolve() {
        CredentialChain chain = chain("config-missing-fields.json");

        assertThat(named(chain.listProfiles(), "no-secret").current()).isTrue();
        assertThatThrownBy(chain::resolveDefault).hasMessageContaining("no-secret").hasMessageContaining(file());
    }

    @Test
    void profileKeysAreMaskedInEveryListing() {
        for (String sample : List.of("config-good.json", "config-unsupported.json", "config-missing-fields.json",
                "config-wrong-types.json", "config-malformed.json")) {
            for (CredentialProfile profile : chain(sample).listProfiles()) {
                String shown = profile.toString();
                assertThat(Fixtures.SECRET_MARKERS).noneMatch(shown::contains);
                assertThat(profile.maskedAccessKeyId()).matches("|\\*\\*\\*\\*|.{4}\\*\\*\\*\\*.{4}");
            }
        }
    }
}
