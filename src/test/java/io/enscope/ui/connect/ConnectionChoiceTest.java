package io.enscope.ui.connect;

import io.enscope.ens.credentials.CredentialSource;
import io.enscope.ens.credentials.ProfileRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionChoiceTest {

    @Test
    void theSandboxIsRememberedAsTheWordSandbox() {
        assertThat(ConnectionChoice.SANDBOX.toSetting()).isEqualTo("sandbox");
        assertThat(ConnectionChoice.fromSetting("sandbox")).isEqualTo(ConnectionChoice.SANDBOX);
        assertThat(ConnectionChoice.fromSetting(" Sandbox ")).isEqualTo(ConnectionChoice.SANDBOX);
        assertThat(ConnectionChoice.SANDBOX.isSandbox()).isTrue();
        assertThat(ConnectionChoice.SANDBOX.profileRef()).isEmpty();
    }

    @Test
    void aProfileIsRememberedAsSourceColonName() {
        ConnectionChoice work = ConnectionChoice.of(ProfileRef.cliConfig("default"));

        assertThat(work.toSetting()).isEqualTo("CLI_CONFIG:default");
        assertThat(ConnectionChoice.fromSetting("CLI_CONFIG:default")).isEqualTo(work);
        assertThat(ConnectionChoice.toSetting(ProfileRef.ENVIRONMENT)).isEqualTo("ENVIRONMENT:environment");
        assertThat(ConnectionChoice.parseProfileRef("CREDENTIALS_FILE:work"))
                .contains(new ProfileRef(CredentialSource.CREDENTIALS_FILE, "work"));
    }

    @Test
    void everyProfileRoundTrips() {
        for (CredentialSource source : CredentialSource.values()) {
            for (String name : new String[] {"default", "a:b:c", "我的配置", " spaced "}) {
                ProfileRef ref = new ProfileRef(source, name);
                assertThat(ConnectionChoice.parseProfileRef(ConnectionChoice.toSetting(ref))).contains(ref);
                ConnectionChoice choice = ConnectionChoice.of(ref);
                assertThat(ConnectionChoice.fromSetting(choice.toSetting())).isEqualTo(choice);
            }
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "default", "CLI_CONFIG", "CLI_CONFIG:", ":default", "KEYCHAIN:default",
            "cli_config:default"})
    void anythingElseMeansTheSandbox(String text) {
        assertThat(ConnectionChoice.parse(text)).isEmpty();
        assertThat(ConnectionChoice.fromSetting(text)).isEqualTo(ConnectionChoice.SANDBOX);
    }

    @Test
    void aProfileChoiceNeedsAProfile() {
        assertThatThrownBy(() -> ConnectionChoice.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
