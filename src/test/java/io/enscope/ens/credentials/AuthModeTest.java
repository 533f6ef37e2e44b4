package io.enscope.ens.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthModeTest {

    @ParameterizedTest
    @CsvSource({"AK,AK", "ak,AK", " Ak ,AK", "StsToken,STS_TOKEN", "STSTOKEN,STS_TOKEN", "ststoken,STS_TOKEN",
            "RamRoleArn,RAM_ROLE_ARN", "ramrolearn,RAM_ROLE_ARN"})
    void cliModesIgnoreCase(String written, AuthMode expected) {
        assertThat(AuthMode.fromCliName(written)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EcsRamRole", "External", "OIDC", "CloudSSO", "ChainableRamRoleArn", "", "access_key"})
    void otherCliModesAreNotSupported(String written) {
        assertThat(AuthMode.fromCliName(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"access_key,AK", "ACCESS_KEY,AK", "sts,STS_TOKEN", "Ram_Role_Arn,RAM_ROLE_ARN"})
    void iniTypesIgnoreCase(String written, AuthMode expected) {
        assertThat(AuthMode.fromIniType(written)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecs_ram_role", "rsa_key_pair", "bearer", "AK", ""})
    void otherIniTypesAreNotSupported(String written) {
        assertThat(AuthMode.fromIniType(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"EcsRamRole,ecsramrole", "CloudSSO,CLOUDSSO", "OIDC,oidc", "QuantumKey,QuantumKey"})
    void cliConfigNamesUnsupportedModesCanonically(String expected, String written) {
        assertThat(CliConfigSource.normalizeMode(written)).isEqualTo(expected);
    }
}
