package io.enscope.ens.credentials;

import static io.enscope.ens.credentials.Fixtures.credentialsFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections of the SDK credentials INI file. */
class CredentialsFileProfilesTest {

    @TempDir
    Path home;

    private CredentialChain chain(String sample) {
        credentialsFile(home, sample);
        return new CredentialChain(Map.of(), home);
    }

    private String file() {
        return home.resolve(".alibabacloud").resolve("credentials").toString();
    }

    private CredentialsProblem problemOf(CredentialChain chain, String section) {
        CredentialsException e = org.junit.jupiter.api.Assertions.assertThrows(CredentialsException.class,
                () -> chain.resolve(ProfileRef.credentialsFile(section)));
        return e.problem();
    }

    @Test
    void accessKeySection() throws Exception {
        ResolvedCredentials resolved = chain("credentials-good.ini").resolve(ProfileRef.credentialsFile("default"));

        assertThat(resolved.mode()).isEqualTo(AuthMode.AK);
        assertThat(resolved.accessKeyId()).isEqualTo("LTAI5tIniDefault00001");
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-ini-default");
        assertThat(resolved.regionId()).isEqualTo("cn-hangzhou");
        assertThat(resolved.file()).contains(Path.of(file()));
    }

    @Test
    void stsSectionWithUpperCaseTypeColonQuotesAndInlineComment() throws Exception {
        ResolvedCredentials resolved = chain("credentials-good.ini").resolve(ProfileRef.credentialsFile("sts-profile"));

        assertThat(resolved.mode()).isEqualTo(AuthMode.STS_TOKEN);
        assertThat(resolved.accessKeyId()).isEqualTo("STS.IniTemporary000002");
        assertThat(resolved.accessKeySecret().reveal()).isEqualTo("SECRET-ini-sts");
        assertThat(resolved.securityToken()).map(Secret::reveal).contains("TOKEN-ini-sts");
    }

    @Test
    void ramRoleArnSection() throws Exception {
        ResolvedCredentials resolved = chain("credentials-good.ini")
                .resolve(ProfileRef.credentialsFile("role-profile"));

        assertThat(resolved.mode()).isEqualTo(AuthMode.RAM_ROLE_ARN);
        assertThat(resolved.roleAssumption()).contains(new RoleAssumption("acs:ram::1234567890123456:role/ens-admin",
                "ini-session", Optional.empty(), Optional.of("cn-shanghai"), Optional.empty(), 7200));
    }

    @Test
    void listingUsesTheCliModeNames() {
        List<CredentialProfile> profiles = chain("credentials-good.ini").listProfiles();

        assertThat(profiles).extracting(CredentialProfile::name)
                .containsExactly("default", "sts-profile", "role-profile", "work");
        assertThat(profiles).extracting(CredentialProfile::mode).containsExactly("AK", "StsToken", "RamRoleArn", "AK");
        assertThat(profiles).extracting(CredentialProfile::current).containsExactly(true, false, false, false);
        assertThat(profiles).allMatch(CredentialProfile::usable);
        assertThat(profiles.get(0).maskedAccessKeyId()).isEqualTo("LTAI****0001");
    }

    @Test
    void brokenSectionsSpoilOnlyThemselves() throws Exception {
        CredentialChain chain = chain("credentials-broken.ini");

        assertThat(chain.resolve(ProfileRef.credentialsFile("ok")).accessKeySecret().reveal())
                .isEqualTo("SECRET-ini-ok");
        assertThat(chain.listProfiles()).hasSize(7).filteredOn(CredentialProfile::usable)
                .extracting(CredentialProfile::name).containsExactly("ok");
    }

    @Test
    void brokenSectionMessagesNameFileAndSection() {
        CredentialChain chain = chain("credentials-broken.ini");

        assertThat(problemOf(chain, "ecs").message()).isEqualTo("In " + file() + ", profile \"ecs\" uses ecs_ram_role,"
                + " which Enscope does not support (supported: access_key, sts, ram_role_arn).");
        assertThat(problemOf(chain, "untyped").message()).isEqualTo("In " + file() + ", profile \"untyped\" does not"
                + " say which kind of credentials it holds: \"type\" is missing.");
        assertThat(problemOf(chain, "no-secret").arguments())
                .containsExactly(file(), "no-secret", "access_key", "access_key_secret");
        assertThat(problemOf(chain, "sts-no-token").arguments())
                .containsExactly(file(), "sts-no-token", "sts", "security_token");
        assertThat(problemOf(chain, "bad-line").message()).isEqualTo("In " + file() + ", profile \"bad-line\": line 26"
                + " is neither a key = value pair nor a comment.");
        assertThat(problemOf(chain, "bad-expiration").arguments())
                .containsExactly(file(), "bad-expiration", "role_session_expiration", "number");
    }

    @Test
    void brokenLineContentNeverAppears() {
        for (CredentialProfile profile : chain("credentials-broken.ini").listProfiles()) {
            assertThat(Fixtures.SECRET_MARKERS).noneMatch(profile.toString()::contains);
            profile.problem().ifPresent(problem -> assertThat(problem.message()).doesNotContain("SECRET"));
        }
    }

    @Test
    void garbageFileIsOneProblemAndOtherSourcesStillWork() throws Exception {
        credentialsFile(home, "credentials-garbage.ini");
        Fixtures.cliConfig(home, "config-good.json");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        List<CredentialProfile> fromFile = chain.listProfiles().stream()
                .filter(profile -> profile.source() == CredentialSource.CREDENTIALS_FILE).toList();
        assertThat(fromFile).singleElement().satisfies(profile -> {
            assertThat(profile.name()).isEmpty();
            assertThat(profile.problem()).map(CredentialsProblem::message).contains("In " + file()
                    + ", line 1 is neither a [section], a key = value pair nor a comment.");
        });
        assertThat(chain.resolveDefault().origin()).isEqualTo(ProfileRef.cliConfig("work"));
        assertThatThrownBy(() -> chain.resolve(ProfileRef.credentialsFile("default")))
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.MALFORMED_LINE));
    }

    @Test
    void unreadableFileIsReported() {
        Fixtures.write(home.resolve(".alibabacloud/credentials/not-a-file"), "x");
        CredentialChain chain = new CredentialChain(Map.of(), home);

        assertThat(chain.listProfiles()).singleElement().satisfies(profile -> assertThat(profile.problem())
                .map(CredentialsProblem::message).contains("Cannot read " + file() + " (not a file)."));
    }
}
