package io.enscope.ens.credentials;

import com.aliyuncs.http.ProtocolType;
import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsException;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A RamRoleArn profile of config.json, through the real STS AssumeRole call of the emulator, end to end. */
class RamRoleArnEmulatorTest {
    private static final Account ADMIN = new Account("LTAIroleAdmin0001", "role-admin-secret", false);
    private static final Account READER = new Account("LTAIroleReader001", "role-reader-secret", true);
    private static EnsEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = EnsEmulator.builder().port(0).scenario(DemoScenario.create()).account(ADMIN).account(READER).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static SdkEnsApi apiFor(Path home, String profile) throws Exception {
        CredentialChain chain = new CredentialChain(Map.of(), home);
        ResolvedCredentials resolved = chain.resolve(ProfileRef.cliConfig(profile));
        StsClient sts = new SdkStsClient(Optional.of(emulator.endpoint()), ProtocolType.HTTP, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        EnsCredentialsProvider provider = EnsCredentialsProviders.of(resolved, sts, Clock.systemUTC());
        return new SdkEnsApi(EnsClientConfig.local(emulator.endpoint()), provider);
    }

    private static Path home(Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".aliyun"));
        Files.writeString(dir.resolve(".aliyun/config.json"), """
                {"current":"role","profiles":[
                 {"name":"role","mode":"RamRoleArn","access_key_id":"%s","access_key_secret":"%s",
                  "ram_role_arn":"acs:ram::1234567890123456:role/ens-admin","ram_session_name":"enscope",
                  "region_id":"cn-hangzhou"},
                 {"name":"reader-role","mode":"RamRoleArn","access_key_id":"%s","access_key_secret":"%s",
                  "ram_role_arn":"acs:ram::1234567890123456:role/ens-viewer","ram_session_name":"enscope",
                  "region_id":"cn-hangzhou"}]}
                """.formatted(ADMIN.accessKeyId(), ADMIN.accessKeySecret(), READER.accessKeyId(),
                READER.accessKeySecret()));
        return dir;
    }

    @Test
    void anAssumedRoleCanReadAndWriteWithItsSecurityToken(@TempDir Path dir) throws Exception {
        try (SdkEnsApi api = apiFor(home(dir), "role")) {
            assertThat(api.describeHaVips(HaVipQuery.all(), PageRequest.first(50)).items()).isNotEmpty();
            String vsw = api.describeHaVips(HaVipQuery.all(), PageRequest.first(1)).items().get(0).vSwitchId();
            assertThat(api.createHaVip(io.enscope.ens.CreateHaVipRequest.of(vsw, null, null, null))).hasSize(1);
        }
    }

    @Test
    void anAssumedRoleKeepsTheCallersPermissions(@TempDir Path dir) throws Exception {
        try (SdkEnsApi api = apiFor(home(dir), "reader-role")) {
            String vsw = api.describeHaVips(HaVipQuery.all(), PageRequest.first(1)).items().get(0).vSwitchId();
            assertThatThrownBy(() -> api.createHaVip(io.enscope.ens.CreateHaVipRequest.of(vsw, null, null, null)))
                    .isInstanceOfSatisfying(EnsException.class,
                            e -> assertThat(e.error().code()).isEqualTo("NoPermission"));
        }
    }

    @Test
    void aTemporaryKeyWithoutItsTokenIsRefused(@TempDir Path dir) throws Exception {
        CredentialChain chain = new CredentialChain(Map.of(), home(dir));
        ResolvedCredentials resolved = chain.resolve(ProfileRef.cliConfig("role"));
        StsClient sts = new SdkStsClient(Optional.of(emulator.endpoint()), ProtocolType.HTTP, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        EnsCredentials temporary = EnsCredentialsProviders.of(resolved, sts, Clock.systemUTC()).credentials();
        assertThat(temporary.accessKeyId()).startsWith("STS.");
        assertThat(temporary.hasSecurityToken()).isTrue();
        try (SdkEnsApi api = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint()),
                EnsCredentialsProvider.of(EnsCredentials.of(temporary.accessKeyId(), temporary.accessKeySecret())))) {
            assertThatThrownBy(api::describeRegions).isInstanceOfSatisfying(EnsException.class,
                    e -> assertThat(e.error().code()).isEqualTo("MissingSecurityToken"));
        }
        try (SdkEnsApi api = new SdkEnsApi(EnsClientConfig.local(emulator.endpoint()), EnsCredentialsProvider.of(
                new EnsCredentials(temporary.accessKeyId(), temporary.accessKeySecret(), "CAISforged")))) {
            assertThatThrownBy(api::describeRegions).isInstanceOfSatisfying(EnsException.class,
                    e -> assertThat(e.error().code()).isEqualTo("InvalidSecurityToken.MismatchWithAccessKey"));
        }
    }
}
