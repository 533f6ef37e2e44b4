package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;

import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceNetworkInterface;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ens.model.NetworkInterfaceType;
import io.enscope.ens.model.NetworkStatus;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import io.enscope.ens.model.VSwitchStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseParsingTest {

    private static final PageRequest FIRST = PageRequest.first(10);

    @Test
    void haVipsWithPagingAsStringsUnknownFieldsAndUnknownStatuses() throws IOException {
        Page<HaVip> page = EnsJson.read(Fixtures.bytes("describe-havips-strings.json"),
                EnsResponses.HaVipsResponse.class).page(FIRST);

        assertThat(page.pageNumber()).isEqualTo(2);
        assertThat(page.pageSize()).isEqualTo(10);
        assertThat(page.totalCount()).isEqualTo(49);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.items()).hasSize(2);

        HaVip first = page.items().get(0);
        assertThat(first.id()).isEqualTo("havip-5p14t0001");
        assertThat(first.name()).isEqualTo("web-vip");
        assertThat(first.description()).isEqualTo("keepalived pair");
        assertThat(first.ipAddress()).isEqualTo("192.168.0.5");
        assertThat(first.status()).isEqualTo(HaVipStatus.IN_USE);
        assertThat(first.vSwitchId()).isEqualTo("vsw-5p1a0001");
        assertThat(first.networkId()).isEqualTo("n-5p1b0001");
        assertThat(first.regionId()).isEqualTo("cn-beijing-cmcc");
        assertThat(first.creationTime()).isEqualTo(Instant.parse("2023-03-29T11:17:38Z"));
        assertThat(first.eips()).singleElement().satisfies(eip -> {
            assertThat(eip.eipId()).isEqualTo("eip-5p1c0001");
            assertThat(eip.ipAddress()).isEqualTo("47.0.0.40");
        });

        assertThat(first.associations()).hasSize(3);
        HaVipAssociation bound = first.associations().get(0);
        assertThat(bound.instanceId()).isEqualTo("i-50c40001");
        assertThat(bound.instanceType()).isEqualTo(InstanceType.ENS_INSTANCE);
        assertThat(bound.ipAddress()).isEqualTo("192.168.0.9");
        assertThat(bound.status()).as("In_use reads as InUse").isEqualTo(AssociationStatus.IN_USE);
        assertThat(bound.rawStatus()).isEqualTo("In_use");
        assertThat(bound.creationTime()).isEqualTo(Instant.parse("2023-01-05T07:09:28Z"));

        HaVipAssociation eni = first.associations().get(1);
        assertThat(eni.instanceType()).as("guessed from the eni- prefix").isEqualTo(InstanceType.NETWORK_INTERFACE);
        assertThat(eni.rawInstanceType()).isNull();
        assertThat(eni.status()).isEqualTo(AssociationStatus.ASSOCIATING);
        assertThat(eni.creationTime()).as("seconds may be missing").isEqualTo(Instant.parse("2023-01-05T07:10:00Z"));

        HaVipAssociation odd = first.associations().get(2);
        assertThat(odd.instanceType()).isEqualTo(InstanceType.UNKNOWN);
        assertThat(odd.rawInstanceType()).isEqualTo("BareMetal");
        assertThat(odd.status()).isEqualTo(AssociationStatus.UNKNOWN);
        assertThat(odd.rawStatus()).isEqualTo("Migrating");
        assertThat(odd.creationTime()).isNull();
        assertThat(first.hasTransitionalAssociation()).isTrue();
        assertThat(first.association("eni-50c40002")).contains(eni);
        assertThat(first.association("i-nope")).isEmpty();

        HaVip second = page.items().get(1);
        assertThat(second.status()).isEqualTo(HaVipStatus.UNKNOWN);
        assertThat(second.rawStatus()).isEqualTo("Splitting");
        assertThat(second.associations()).isEmpty();
        assertThat(second.eips()).isEmpty();
        assertThat(second.creationTime()).as("an unreadable time is null, not an error").isNull();
    }

    @Test
    void haVipsWithPagingAsNumbersAndNullOrMissingLists() throws IOException {
        Page<HaVip> page = EnsJson.read(Fixtures.bytes("describe-havips-numbers.json"),
                EnsResponses.HaVipsResponse.class).page(FIRST);

        assertThat(page.pageNumber()).isEqualTo(1);
        assertThat(page.pageSize()).isEqualTo(50);
        assertThat(page.totalCount()).isEqualTo(3);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).extracting(HaVip::status)
                .containsExactly(HaVipStatus.AVAILABLE, HaVipStatus.CREATING, HaVipStatus.DELETING);
        assertThat(page.items()).allSatisfy(haVip -> {
            assertThat(haVip.associations()).isNotNull().isEmpty();
            assertThat(haVip.eips()).isNotNull().isEmpty();
        });
    }

    @Test
    void missingHaVipsArrayIsAnEmptyPageAndBlankPageSizeFallsBackOnTheRequest() throws IOException {
        Page<HaVip> page = EnsJson.read(Fixtures.bytes("describe-havips-empty.json"),
                EnsResponses.HaVipsResponse.class).page(PageRequest.first(25));

        assertThat(page.items()).isNotNull().isEmpty();
        assertThat(page.totalCount()).isZero();
        assertThat(page.pageSize()).isEqualTo(25);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void instancesWrappedWithNetworkAttributesAndEnis() throws IOException {
        Page<Instance> page = EnsJson.read(Fixtures.bytes("describe-instances.json"),
                EnsResponses.InstancesResponse.class).page(FIRST);

        assertThat(page.totalCount()).isEqualTo(2);
        assertThat(page.items()).hasSize(2);
        Instance web = page.items().get(0);
        assertThat(web.id()).isEqualTo("i-50c40001");
        assertThat(web.name()).isEqualTo("web-1");
        assertThat(web.hostName()).isEqualTo("web-1");
        assertThat(web.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(web.regionId()).isEqualTo("cn-beijing-cmcc");
        assertThat(web.networkId()).isEqualTo("n-5p1b0001");
        assertThat(web.vSwitchId()).isEqualTo("vsw-5p1a0001");
        assertThat(web.privateIpAddresses()).containsExactly("192.168.0.9", "192.168.0.19");
        assertThat(web.primaryPrivateIpAddress()).isEqualTo("192.168.0.9");
        assertThat(web.publicIpAddresses()).containsExactly("47.0.0.1");
        assertThat(web.creationTime()).isEqualTo(Instant.parse("2019-07-26T06:40:43Z"));
        assertThat(web.specName()).isEqualTo("ens.sn1.stiny");
        assertThat(web.instanceResourceType()).isEqualTo("EnsService");
        assertThat(web.imageId()).isEqualTo("m-5p1d");
        assertThat(web.osName()).isEqualTo("CentOS 7.9");

        assertThat(web.networkInterfaces()).hasSize(2);
        InstanceNetworkInterface primary = web.networkInterfaces().get(0);
        assertThat(primary.id()).isEqualTo("eni-50c4p001");
        assertThat(primary.type()).isEqualTo(NetworkInterfaceType.PRIMARY);
        assertThat(primary.macAddress()).isEqualTo("00:16:3e:00:00:01");
        assertThat(primary.primaryIpAddress()).isEqualTo("192.168.0.9");
        assertThat(primary.privateIpAddresses()).as("primary first").containsExactly("192.168.0.9", "192.168.0.19");
        InstanceNetworkInterface secondary = web.networkInterfaces().get(1);
        assertThat(secondary.type()).as("case-insensitive").isEqualTo(NetworkInterfaceType.SECONDARY);
        assertThat(secondary.primaryIpAddress()).as("from the set when the field is absent")
                .isEqualTo("192.168.0.29");

        Instance legacy = page.items().get(1);
        assertThat(legacy.status()).isEqualTo(InstanceStatus.UNKNOWN);
        assertThat(legacy.rawStatus()).isEqualTo("Rebooting");
        assertThat(legacy.privateIpAddresses()).as("fallback on PrivateIpAddresses").containsExactly("192.168.1.7");
        assertThat(legacy.networkInterfaces()).isEmpty();
        assertThat(legacy.publicIpAddresses()).isEmpty();
        assertThat(legacy.networkId()).isNull();
    }

    @Test
    void networkInterfacesWithInUseSpelledInUnderscoreAndPagingAsStrings() throws IOException {
        Page<NetworkInterface> page = EnsJson.read(Fixtures.bytes("describe-network-interfaces.json"),
                EnsResponses.NetworkInterfacesResponse.class).page(FIRST);

        assertThat(page.pageSize()).isEqualTo(50);
        assertThat(page.totalCount()).isEqualTo(2);
        NetworkInterface standby = page.items().get(0);
        assertThat(standby.id()).isEqualTo("eni-50c4s002");
        assertThat(standby.name()).isEqualTo("standby");
        assertThat(standby.type()).isEqualTo(NetworkInterfaceType.SECONDARY);
        assertThat(standby.status()).isEqualTo(NetworkInterfaceStatus.IN_USE);
        assertThat(standby.rawStatus()).isEqualTo("In_use");
        assertThat(standby.instanceId()).isEqualTo("i-50c40001");
        assertThat(standby.regionId()).isEqualTo("cn-beijing-cmcc");
        assertThat(standby.networkId()).isEqualTo("n-5p1b0001");
        assertThat(standby.vSwitchId()).isEqualTo("vsw-5p1a0001");
        assertThat(standby.primaryIpAddress()).isEqualTo("192.168.0.29");
        assertThat(standby.macAddress()).isEqualTo("00:16:3e:00:00:02");
        assertThat(standby.privateIpAddresses()).containsExactly("192.168.0.29");
        assertThat(standby.securityGroupIds()).containsExactly("sg-5p1e");
        assertThat(standby.creationTime()).isEqualTo(Instant.parse("2022-02-22T03:53:25Z"));

        NetworkInterface odd = page.items().get(1);
        assertThat(odd.type()).isEqualTo(NetworkInterfaceType.UNKNOWN);
        assertThat(odd.rawType()).isEqualTo("Tertiary");
        assertThat(odd.status()).isEqualTo(NetworkInterfaceStatus.UNKNOWN);
        assertThat(odd.rawStatus()).isEqualTo("Hibernating");
        assertThat(odd.instanceId()).as("an empty InstanceId means detached").isNull();
        assertThat(odd.primaryIpAddress()).isEqualTo("192.168.0.31");
        assertThat(odd.securityGroupIds()).isEmpty();
    }

    @Test
    void vSwitches() throws IOException {
        Page<VSwitch> page = EnsJson.read(Fixtures.bytes("describe-vswitches.json"),
                EnsResponses.VSwitchesResponse.class).page(FIRST);

        assertThat(page.totalCount()).isEqualTo(3);
        VSwitch front = page.items().get(0);
        assertThat(front.id()).isEqualTo("vsw-5p1a0001");
        assertThat(front.name()).isEqualTo("front");
        assertThat(front.description()).isEqualTo("web tier");
        assertThat(front.regionId()).isEqualTo("cn-beijing-cmcc");
        assertThat(front.networkId()).isEqualTo("n-5p1b0001");
        assertThat(front.cidrBlock()).isEqualTo("192.168.0.0/24");
        assertThat(front.freeIpCount()).isEqualTo(240L);
        assertThat(front.status()).isEqualTo(VSwitchStatus.AVAILABLE);
        assertThat(front.createdTime()).isEqualTo(Instant.parse("2020-06-16T06:33:15Z"));
        VSwitch second = page.items().get(1);
        assertThat(second.freeIpCount()).as("a quoted number").isEqualTo(12L);
        assertThat(second.status()).isEqualTo(VSwitchStatus.UNKNOWN);
        assertThat(second.rawStatus()).isEqualTo("Shrinking");
    }

    @Test
    void networks() throws IOException {
        Page<Network> page = EnsJson.read(Fixtures.bytes("describe-networks.json"),
                EnsResponses.NetworksResponse.class).page(FIRST);

        Network network = page.items().get(0);
        assertThat(network.id()).isEqualTo("n-5p1b0001");
        assertThat(network.name()).isEqualTo("prod");
        assertThat(network.regionId()).isEqualTo("cn-beijing-cmcc");
        assertThat(network.cidrBlock()).isEqualTo("192.168.0.0/16");
        assertThat(network.status()).isEqualTo(NetworkStatus.AVAILABLE);
        assertThat(network.vSwitchIds()).containsExactly("vsw-5p1a0001", "vsw-5p1a0002");
        assertThat(network.createdTime()).isEqualTo(Instant.parse("2020-06-01T00:00:00Z"));
    }

    @Test
    void regionsWrappedTwiceUnderTheSameName() throws IOException {
        List<Region> regions = EnsJson.read(Fixtures.bytes("describe-regions.json"),
                EnsResponses.RegionsResponse.class).items();

        assertThat(regions).extracting(Region::id).containsExactly("cn-dalian-unicom", "cn-beijing-cmcc");
        Region dalian = regions.get(0);
        assertThat(dalian.name()).isEqualTo("大连联通");
        assertThat(dalian.enName()).isEqualTo("Dalian Unicom");
        assertThat(dalian.area()).isEqualTo("NorthEastChina");
        assertThat(dalian.province()).isEqualTo("辽宁");
    }

    @Test
    void regionsAlsoReadWhenTheListIsFlat() throws IOException {
        List<Region> regions = EnsJson.read(Fixtures.bytes("describe-regions-flat.json"),
                EnsResponses.RegionsResponse.class).items();

        assertThat(regions).extracting(Region::id).containsExactly("cn-dalian-unicom");
    }

    @Test
    void createHaVipIds() throws IOException {
        EnsResponses.CreateHaVipResponse response = EnsJson.read(Fixtures.bytes("create-havip.json"),
                EnsResponses.CreateHaVipResponse.class);

        assertThat(response.ids()).containsExactly("havip-5p14t0009");
        assertThat(response.requestId()).isEqualTo("0B4F3C58-6F0E-4B54-8E4A-2D7A1A0C0060");
    }

    @Test
    void errorBody() {
        EnsJson.ErrorBody body = EnsJson.readError(Fixtures.bytes("error-invalid-parameter.json"));

        assertThat(body.code()).isEqualTo("InvalidParameter.HaVipId");
        assertThat(body.message()).startsWith("The specified field HaVipId invalid");
        assertThat(body.requestId()).isEqualTo("6BE56E05-0000-0000-0000-FD90C4FFD581");
    }

    @Test
    void errorBodyInLowerCaseUnderErrorOrNotJson() {
        assertThat(EnsJson.readError("{\"Error\":{\"code\":\"Throttling\",\"message\":\"slow\",\"requestId\":\"r\"}}"
                .getBytes())).isEqualTo(new EnsJson.ErrorBody("Throttling", "slow", "r"));
        assertThat(EnsJson.readError("<html>bad gateway</html>".getBytes()))
                .isEqualTo(new EnsJson.ErrorBody(null, null, null));
        assertThat(EnsJson.readError(new byte[0])).isEqualTo(new EnsJson.ErrorBody(null, null, null));
    }

    @Test
    void missingTotalMakesAFullPageAskForMore() {
        Page<String> full = EnsResponses.toPage(List.of("a", "b"), null, null, null, PageRequest.first(2));
        Page<String> shortPage = EnsResponses.toPage(List.of("c"), null, null, null, new PageRequest(2, 2));

        assertThat(full.hasNext()).isTrue();
        assertThat(shortPage.hasNext()).isFalse();
        assertThat(shortPage.totalCount()).isEqualTo(3);
    }
}
