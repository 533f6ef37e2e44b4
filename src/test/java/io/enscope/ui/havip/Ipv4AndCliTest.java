package io.enscope.ui.havip;

import io.enscope.ens.EnsClientConfig;
import io.enscope.ui.common.ConnectionTarget;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses, blocks and aliyun CLI command lines. */
class Ipv4AndCliTest {

    @Test
    void parsesOnlyDottedQuads() {
        assertThat(Ipv4.parse("10.0.0.1")).hasValue(0x0A000001L);
        assertThat(Ipv4.parse("255.255.255.255")).hasValue(0xFFFFFFFFL);
        for (String bad : new String[] {"", "10.0.0", "10.0.0.256", "010.0.0.1", " 10.0.0.1", "10.0.0.1.2", "a.b.c.d", null}) {
            assertThat(Ipv4.isAddress(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThat(Ipv4.format(0x0A0A0164L)).isEqualTo("10.10.1.100");
    }

    @Test
    void ordersAddressesNumericallyThenOtherTextThenNulls() {
        List<String> values = new ArrayList<>(List.of("10.0.0.10", "n/a", "10.0.0.9", "9.255.255.255", "10.0.1.0"));
        values.add(null);
        values.sort(Ipv4.ORDER);
        assertThat(values).containsExactly("9.255.255.255", "10.0.0.9", "10.0.0.10", "10.0.1.0", "n/a", null);
    }

    @Test
    void aBlockReservesNetworkGatewayAndBroadcast() {
        Ipv4.Cidr block = Ipv4.Cidr.parse("10.10.1.7/24").orElseThrow();
        assertThat(block).hasToString("10.10.1.0/24");
        assertThat(Ipv4.format(block.firstHost())).isEqualTo("10.10.1.2");
        assertThat(Ipv4.format(block.lastHost())).isEqualTo("10.10.1.254");
        assertThat(block.isHost(Ipv4.parse("10.10.1.2").getAsLong())).isTrue();
        assertThat(block.isHost(Ipv4.parse("10.10.1.1").getAsLong())).isFalse();
        assertThat(block.isHost(Ipv4.parse("10.10.1.255").getAsLong())).isFalse();
        assertThat(block.contains(Ipv4.parse("10.10.1.255").getAsLong())).isTrue();
        assertThat(block.contains(Ipv4.parse("10.10.2.1").getAsLong())).isFalse();
        assertThat(Ipv4.Cidr.parse("10.0.0.0/31").orElseThrow().hasHosts()).isFalse();
        assertThat(Ipv4.Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Ipv4.Cidr.parse("10.0.0.0")).isEmpty();
    }

    @Test
    void cliCommandsQuoteOnlyWhatTheShellWouldSplit() {
        assertThat(CliCommand.ens("UnassociateHaVip").param("HaVipId", "havip-x").param("InstanceId", "i-y")
                .param("InstanceType", null)).hasToString("aliyun ens UnassociateHaVip --HaVipId havip-x --InstanceId i-y");
        assertThat(CliCommand.ens("DeleteHaVips").jsonList("HaVipIds", List.of("havip-a", "havip-b")))
                .hasToString("aliyun ens DeleteHaVips --HaVipIds '[\"havip-a\",\"havip-b\"]'");
        assertThat(CliCommand.quote("负载均衡 VIP")).isEqualTo("'负载均衡 VIP'");
        assertThat(CliCommand.quote("a'b")).isEqualTo("'a'\\''b'");
        assertThat(CliCommand.quote("$(rm -rf /)")).isEqualTo("'$(rm -rf /)'");
        assertThat(CliCommand.quote("10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void onTheSandboxTheCommandNamesTheEmulatorOverPlainHttp() {
        assertThat(CliCommand.ens("DescribeHaVips").param("HaVipId", "havip-x")
                .on(ConnectionTarget.sandbox("127.0.0.1:9180")))
                .hasToString("aliyun ens DescribeHaVips --HaVipId havip-x --endpoint 127.0.0.1:9180 --insecure");
    }

    @Test
    void aProfileOnThePublicEndpointNamesOnlyTheProfile() {
        assertThat(CliCommand.ens("DeleteHaVips").jsonList("HaVipIds", List.of("havip-a"))
                .on(ConnectionTarget.profile(Optional.of("prod"), EnsClientConfig.defaults())))
                .hasToString("aliyun ens DeleteHaVips --HaVipIds '[\"havip-a\"]' --profile prod");
    }

    @Test
    void aProfileOnACustomEndpointNamesBothAndPlainHttpAddsInsecure() {
        EnsClientConfig custom = EnsClientConfig.defaults().withEndpoint("ens.example.com:8443",
                EnsClientConfig.Protocol.HTTPS);
        assertThat(CliCommand.ens("UnassociateHaVip").param("HaVipId", "havip-x")
                .on(ConnectionTarget.profile(Optional.of("ops team"), custom)))
                .hasToString("aliyun ens UnassociateHaVip --HaVipId havip-x --profile 'ops team'"
                        + " --endpoint ens.example.com:8443");
        assertThat(CliCommand.ens("UnassociateHaVip").param("HaVipId", "havip-x")
                .on(ConnectionTarget.profile(Optional.of("emu"), EnsClientConfig.local("127.0.0.1:8080"))))
                .hasToString("aliyun ens UnassociateHaVip --HaVipId havip-x --profile emu"
                        + " --endpoint 127.0.0.1:8080 --insecure");
        // The public host over plain HTTP is not the default either: the CLI must be told.
        assertThat(CliCommand.ens("DescribeHaVips").on(ConnectionTarget.profile(Optional.of("p"),
                EnsClientConfig.local(EnsClientConfig.DEFAULT_ENDPOINT))))
                .hasToString("aliyun ens DescribeHaVips --profile p --endpoint ens.aliyuncs.com --insecure");
    }

    @Test
    void keysFromTheEnvironmentNameNoProfileButKeepACustomEndpoint() {
        assertThat(CliCommand.ens("DescribeHaVips").on(ConnectionTarget.profile(Optional.empty(),
                EnsClientConfig.defaults()))).hasToString("aliyun ens DescribeHaVips");
        assertThat(CliCommand.ens("DescribeHaVips").on(ConnectionTarget.profile(Optional.empty(),
                EnsClientConfig.local("10.0.0.5:8080"))))
                .hasToString("aliyun ens DescribeHaVips --endpoint 10.0.0.5:8080 --insecure");
    }
}
