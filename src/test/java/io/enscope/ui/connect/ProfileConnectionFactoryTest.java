package io.enscope.ui.connect;

import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.credentials.CredentialChain;
import io.enscope.ens.credentials.CredentialsError;
import io.enscope.ens.credentials.CredentialsException;
import io.enscope.ens.credentials.ProfileRef;
import io.enscope.ens.credentials.StsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileConnectionFactoryTest {
    @TempDir
    Path home;

    private ProfileConnectionFactory factory(EnsApi sandbox) throws Exception {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), """
                {"profiles": [
                  {"name": "ak", "mode": "AK", "access_key_id": "LTAI5tFactory0000001",
                   "access_key_secret": "SECRET-factory", "region_id": "cn-hangzhou"},
                  {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAI5tFactory0000002",
                   "access_key_secret": "SECRET-role", "ram_role_arn": "acs:ram::1:role/x",
                   "ram_session_name": "s", "region_id": "cn-hangzhou"}
                ]}
                """);
        return new ProfileConnectionFactory(new CredentialChain(Map.of(), home),
                EnsClientConfig.local("127.0.0.1:9"), (caller, role) -> {
                    throw new StsException("NoPermission", java.util.Optional.of("REQ-STS"));
                }, Clock.systemUTC(), () -> sandbox);
    }

    @Test
    void theSandboxComesFromTheCompositionRoot() throws Exception {
        EnsApi sandbox = FakeEnsApi.withRegions("r1");

        assertThat(factory(sandbox).open(ConnectionChoice.SANDBOX)).isSameAs(sandbox);
    }

    @Test
    void aProfileOpensASignedClientWithoutCallingTheNetwork() throws Exception {
        EnsApi api = factory(FakeEnsApi.withRegions()).open(ConnectionChoice.of(ProfileRef.cliConfig("ak")));

        assertThat(api).isInstanceOf(SdkEnsApi.class);
        ((SdkEnsApi) api).close();
    }

    @Test
    void aMissingProfileIsACredentialsProblem() {
        assertThatThrownBy(() -> factory(FakeEnsApi.withRegions()).open(
                ConnectionChoice.of(ProfileRef.cliConfig("gone"))))
                .isInstanceOfSatisfying(CredentialsException.class,
                        e -> assertThat(e.problem().error()).isEqualTo(CredentialsError.PROFILE_NOT_FOUND));
    }

    @Test
    void aRefusedRoleIsReportedWhenOpeningNotLaterWhenSigning() {
        assertThatThrownBy(() -> factory(FakeEnsApi.withRegions()).open(
                ConnectionChoice.of(ProfileRef.cliConfig("role"))))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.problem().error()).isEqualTo(CredentialsError.ASSUME_ROLE_FAILED);
                    assertThat(e.getMessage()).contains("NoPermission").doesNotContain("SECRET-");
                });
    }
}
