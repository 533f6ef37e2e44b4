package io.enscope.ens.credentials;

import com.aliyuncs.http.ProtocolType;
import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsException;
import io.enscope.ens.ForwardingProxy;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.ProxySettings;
import io.enscope.ens.RetrySettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every call the client makes, ENS Describe calls and the STS AssumeRole of a RamRoleArn profile,
 * through a real forwarding proxy on loopback, or around it when the emulator's host is excluded.
 */
class ProxyEmulatorTest {
    private static final Account ADMIN = new Account("LTAIproxyAdmin001", "proxy-admin-secret", false);
    private static EnsEmulator emulator;
    private ForwardingProxy proxy;

    @BeforeAll
    static void startEmulator() {
        emulator = EnsEmulator.builder().port(0).scenario(DemoScenario.create()).account(ADMIN).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = ForwardingProxy.start();
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    private static String emulatorHost() {
        return emulator.endpoint().substring(0, emulator.endpoint().lastIndexOf(':'));
    }

    private SdkEnsApi roleApi(Path home, ProxySettings proxySettings, EnsClientConfig.Protocol protocol)
            throws Exception {
        ResolvedCredentials resolved = new CredentialChain(Map.of(), home).resolve(ProfileRef.cliConfig("role"));
        StsClient sts = new SdkStsClient(Optional.of(emulator.endpoint()),
                protocol == EnsClientConfig.Protocol.HTTP ? ProtocolType.HTTP : ProtocolType.HTTPS,
                Duration.ofSeconds(5), Duration.ofSeconds(10), proxySettings);
        return new SdkEnsApi(config(proxySettings, protocol), EnsCredentialsProviders.of(resolved, sts, Clock.systemUTC()));
    }

    private static EnsClientConfig config(ProxySettings proxySettings, EnsClientConfig.Protocol protocol) {
        return EnsClientConfig.local(emulator.endpoint()).withEndpoint(emulator.endpoint(), protocol)
                .withRetry(RetrySettings.none()).withProxy(proxySettings);
    }

    private ProxySettings manual(List<String> exclusions) {
        return ProxySettings.manual("127.0.0.1", proxy.port(), "", null, exclusions);
    }

    @Test
    void describeCallsAndAssumeRoleGoThroughTheManualProxy(@TempDir Path dir) throws Exception {
        try (SdkEnsApi api = roleApi(home(dir), manual(List.of("example.com")), EnsClientConfig.Protocol.HTTP)) {
            assertThat(api.describeRegions()).isNotEmpty();
            assertThat(api.describeHaVips(HaVipQuery.all(), PageRequest.first(10)).items()).isNotEmpty();
        }

        assertThat(proxy.forwarded()).extracting(ForwardingProxy.Forwarded::action)
                .containsExactly("AssumeRole", "DescribeEnsRegions", "DescribeHaVips");
        assertThat(proxy.forwarded()).allSatisfy(f -> assertThat(f.target()).startsWith("http://" + emulator.endpoint()));
    }

    @Test
    void theEmulatorHostInTheExclusionsIsCalledDirectly(@TempDir Path dir) throws Exception {
        try (SdkEnsApi api = roleApi(home(dir), manual(List.of("example.com", emulatorHost())),
                EnsClientConfig.Protocol.HTTP)) {
            assertThat(api.describeRegions()).isNotEmpty();
            assertThat(api.describeHaVips(HaVipQuery.all(), PageRequest.first(10)).items()).isNotEmpty();
        }

        assertThat(proxy.forwarded()).isEmpty();
    }

    @Test
    void httpsCallsOpenATunnelThroughTheProxy() {
        // The emulator speaks plain HTTP, so the TLS handshake inside the tunnel fails: what matters
        // here is that the call asked the proxy for a tunnel to the endpoint.
        try (SdkEnsApi api = new SdkEnsApi(config(manual(List.of()), EnsClientConfig.Protocol.HTTPS),
                EnsCredentialsProvider.of(EnsCredentials.of(ADMIN.accessKeyId(), ADMIN.accessKeySecret())))) {
            assertThatThrownBy(api::describeRegions).isInstanceOf(EnsException.class);
        }
        StsClient sts = new SdkStsClient(Optional.of(emulator.endpoint()), ProtocolType.HTTPS, Duration.ofSeconds(5),
                Duration.ofSeconds(10), manual(List.of()));
        RoleAssumption role = new RoleAssumption("acs:ram::1234567890123456:role/ens-admin", "enscope",
                Optional.empty(), Optional.empty(), Optional.empty(), RoleAssumption.DEFAULT_DURATION_SECONDS);
        assertThatThrownBy(() -> sts.assumeRole(new AccessKey(ADMIN.accessKeyId(), Secret.of(ADMIN.accessKeySecret()),
                Optional.empty()), role)).isInstanceOf(StsException.class);

        assertThat(proxy.forwarded()).extracting(ForwardingProxy.Forwarded::method).containsOnly("CONNECT");
        assertThat(proxy.forwarded()).extracting(ForwardingProxy.Forwarded::target)
                .containsExactly(emulator.endpoint(), emulator.endpoint());
    }

    @Test
    void aProxyThatAsksForCredentialsGetsTheUsersOnes(@TempDir Path dir) throws Exception {
        proxy.requireCredentials("alice", "pa:ss w0rd");
        ProxySettings withUser = ProxySettings.manual("127.0.0.1", proxy.port(), "alice", "pa:ss w0rd", List.of());
        try (SdkEnsApi api = roleApi(home(dir), withUser, EnsClientConfig.Protocol.HTTP)) {
            assertThat(api.describeRegions()).isNotEmpty();
        }

        assertThat(proxy.forwarded()).extracting(ForwardingProxy.Forwarded::action)
                .containsExactly("AssumeRole", "DescribeEnsRegions");
        assertThat(proxy.forwarded()).allMatch(ForwardingProxy.Forwarded::authorized);
    }

    @Test
    void aProxyThatAsksForCredentialsWithoutGettingThemIsNamedInTheError() {
        proxy.requireCredentials("alice", "pw");
        try (SdkEnsApi api = new SdkEnsApi(config(manual(List.of()), EnsClientConfig.Protocol.HTTP),
                EnsCredentialsProvider.of(EnsCredentials.of(ADMIN.accessKeyId(), ADMIN.accessKeySecret())))) {
            assertThatThrownBy(api::describeRegions).isInstanceOfSatisfying(EnsException.class, e -> {
                assertThat(e.error().code()).isEqualTo("SDK.ProxyAuthenticationRequired");
                assertThat(e.error().retryable()).isFalse();
                assertThat(new io.enscope.ui.common.I18n(java.util.Locale.ENGLISH).get(e.error().messageKey()))
                        .contains("Settings").contains("Proxy");
            });
        }
        assertThat(proxy.forwarded()).isEmpty();
    }

    private static Path home(Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".aliyun"));
        Files.writeString(dir.resolve(".aliyun/config.json"), """
                {"current":"role","profiles":[
                 {"name":"role","mode":"RamRoleArn","access_key_id":"%s","access_key_secret":"%s",
                  "ram_role_arn":"acs:ram::1234567890123456:role/ens-admin","ram_session_name":"enscope",
                  "region_id":"cn-hangzhou"}]}
                """.formatted(ADMIN.accessKeyId(), ADMIN.accessKeySecret()));
        return dir;
    }
}
