package io.enscope.ens;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which proxy a URL takes, for each mode, and how the proxy variables are read. */
class ProxyRoutingTest {
    private static final Proxy JVM_PROXY = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jvm", 9));
    private static final ProxySelector JVM_DEFAULT = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            return List.of(JVM_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    };

    private static String route(ProxySettings settings, Map<String, String> env, String url) {
        Proxy proxy = ProxyRouting.of(settings, env, JVM_DEFAULT).selector().select(URI.create(url)).get(0);
        if (proxy.type() == Proxy.Type.DIRECT) {
            return "DIRECT";
        }
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void upperCaseVariablesAreHonoured() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "plain.corp:8080");

        assertThat(route(ProxySettings.system(), env, "https://ens.aliyuncs.com/")).isEqualTo("proxy.corp:3128");
        assertThat(route(ProxySettings.system(), env, "http://ens.aliyuncs.com/")).isEqualTo("plain.corp:8080");
    }

    @Test
    void lowerCaseVariablesAreHonouredAndWinOverUpperCase() {
        Map<String, String> env = Map.of("https_proxy", "http://lower.corp:1111/", "HTTPS_PROXY", "http://upper.corp:2222",
                "http_proxy", "lower-plain.corp");

        assertThat(route(ProxySettings.system(), env, "https://sts.aliyuncs.com/")).isEqualTo("lower.corp:1111");
        assertThat(route(ProxySettings.system(), env, "http://sts.aliyuncs.com/")).isEqualTo("lower-plain.corp:80");
    }

    @Test
    void noProxyInEitherCaseSendsMatchingHostsDirect() {
        Map<String, String> upper = Map.of("HTTPS_PROXY", "proxy.corp:3128",
                "NO_PROXY", "localhost, .internal.corp,10.0.0.0/8 , 127.0.0.1:8080");
        Map<String, String> lower = Map.of("HTTPS_PROXY", "proxy.corp:3128", "no_proxy", "aliyuncs.com");

        assertThat(route(ProxySettings.system(), upper, "https://localhost/")).isEqualTo("DIRECT");
        assertThat(route(ProxySettings.system(), upper, "https://ens.internal.corp/")).isEqualTo("DIRECT");
        assertThat(route(ProxySettings.system(), upper, "https://10.20.30.40/")).isEqualTo("DIRECT");
        assertThat(route(ProxySettings.system(), upper, "https://127.0.0.1:8080/")).isEqualTo("DIRECT");
        assertThat(route(ProxySettings.system(), upper, "https://127.0.0.1:9090/")).isEqualTo("proxy.corp:3128");
        assertThat(route(ProxySettings.system(), upper, "https://11.0.0.1/")).isEqualTo("proxy.corp:3128");
        assertThat(route(ProxySettings.system(), lower, "https://ens.aliyuncs.com/")).isEqualTo("DIRECT");
        assertThat(route(ProxySettings.system(), lower, "https://notaliyuncs.com/")).isEqualTo("proxy.corp:3128");
    }

    @Test
    void withoutVariablesTheSystemModeUsesTheJvmProxies() {
        assertThat(route(ProxySettings.system(), Map.of(), "https://ens.aliyuncs.com/")).isEqualTo("jvm:9");
        // A variable for the other scheme changes nothing for this one.
        assertThat(route(ProxySettings.system(), Map.of("HTTP_PROXY", "p:1"), "https://ens.aliyuncs.com/"))
                .isEqualTo("jvm:9");
    }

    @Test
    void unusableVariablesAreIgnored() {
        assertThat(ProxyRouting.fromEnvironment("https", Map.of("HTTPS_PROXY", "socks5://p.corp:1080"))).isEmpty();
        assertThat(ProxyRouting.fromEnvironment("https", Map.of("HTTPS_PROXY", "http://bad host:1"))).isEmpty();
        assertThat(ProxyRouting.fromEnvironment("https", Map.of("HTTPS_PROXY", "  "))).isEmpty();
    }

    @Test
    void credentialsInAVariableAreDecoded() {
        ProxyRouting.Endpoint endpoint = ProxyRouting.fromEnvironment("https",
                Map.of("HTTPS_PROXY", "http://dom%5Calice:p%40ss+w@proxy.corp:3128")).orElseThrow();

        assertThat(endpoint.host()).isEqualTo("proxy.corp");
        assertThat(endpoint.port()).isEqualTo(3128);
        assertThat(endpoint.user()).isEqualTo("dom\\alice");
        assertThat(endpoint.password()).isEqualTo("p@ss+w");
        assertThat(endpoint.toString()).doesNotContain("p@ss");
        assertThat(ProxyRouting.of(ProxySettings.system(), Map.of("HTTPS_PROXY", "http://alice:pw@proxy.corp:3128"),
                JVM_DEFAULT).authenticator()).isPresent();
    }

    @Test
    void noneIsAlwaysDirectWhateverTheEnvironment() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "proxy.corp:3128");

        assertThat(route(ProxySettings.none(), env, "https://ens.aliyuncs.com/")).isEqualTo("DIRECT");
    }

    @Test
    void manualIgnoresTheEnvironmentAndHonoursItsExclusions() {
        ProxySettings manual = ProxySettings.manual("proxy.corp", 8080, "", null,
                ProxySettings.parseExclusions("*.internal.corp; 192.168.0.0/16\n[::1]"));
        Map<String, String> env = Map.of("HTTPS_PROXY", "other.corp:1", "NO_PROXY", "*");

        assertThat(route(manual, env, "https://ens.aliyuncs.com/")).isEqualTo("proxy.corp:8080");
        assertThat(route(manual, env, "http://127.0.0.1:8080/")).isEqualTo("proxy.corp:8080");
        assertThat(route(manual, env, "https://a.internal.corp/")).isEqualTo("DIRECT");
        assertThat(route(manual, env, "https://192.168.3.4/")).isEqualTo("DIRECT");
        assertThat(route(manual, env, "http://[::1]:8080/")).isEqualTo("DIRECT");
        assertThat(ProxyRouting.of(manual, env, JVM_DEFAULT).authenticator()).isEmpty();
    }

    @Test
    void thePasswordIsNeverShown() {
        ProxySettings manual = ProxySettings.manual("proxy.corp", 8080, "alice", "s3cret-pw", List.of());

        assertThat(manual.toString()).contains("alice").doesNotContain("s3cret-pw");
        assertThat(ProxyRouting.of(manual, Map.of(), JVM_DEFAULT).toString()).doesNotContain("s3cret-pw");
        assertThat(EnsClientConfig.defaults().withProxy(manual).toString()).doesNotContain("s3cret-pw");
    }
}
