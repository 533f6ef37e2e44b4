package io.enscope.ens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRecordsTest {

    @Test
    void recordsBuiltInCodeNeverHoldNullListsAndDeriveStatusFromRawText() {
        HaVip haVip = new HaVip("havip-1", null, null, "10.0.0.5", null, "In_use", "vsw-1", "n-1", "cn-x", null,
                null, null);

        assertThat(haVip.status()).isEqualTo(HaVipStatus.IN_USE);
        assertThat(haVip.associations()).isEmpty();
        assertThat(haVip.eips()).isEmpty();

        Instance instance = new Instance("i-1", null, null, null, "Stopped", "cn-x", "n-1", "vsw-1", null, null,
                null, null, null, null, null, null);
        assertThat(instance.status()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(instance.privateIpAddresses()).isEmpty();
        assertThat(instance.primaryPrivateIpAddress()).isNull();
        assertThat(instance.networkInterfaces()).isEmpty();
    }

    @Test
    void listsAreCopiedWithoutNullsAndImmutable() {
        List<String> ips = new ArrayList<>(Arrays.asList("10.0.0.1", null, " ", "10.0.0.2"));
        NetworkInterface eni = new NetworkInterface("eni-1", null, null, null, "Secondary", null, "Available", null,
                "cn-x", "n-1", "vsw-1", "10.0.0.1", null, ips, null, null);
        ips.clear();

        assertThat(eni.privateIpAddresses()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThatThrownBy(() -> eni.privateIpAddresses().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(eni.type()).isEqualTo(NetworkInterfaceType.SECONDARY);
        assertThat(eni.status()).isEqualTo(NetworkInterfaceStatus.AVAILABLE);
    }

    @Test
    void associationTypeFollowsRawTextOrIdPrefix() {
        HaVipAssociation eni = new HaVipAssociation("eni-9", null, null, "10.0.0.9", null, "InUse", null);
        HaVipAssociation explicit = new HaVipAssociation("x-9", null, "networkinterface", null, null, null, null);

        assertThat(eni.instanceType()).isEqualTo(InstanceType.NETWORK_INTERFACE);
        assertThat(explicit.instanceType()).isEqualTo(InstanceType.NETWORK_INTERFACE);
        assertThat(explicit.status()).isEqualTo(AssociationStatus.UNKNOWN);
    }

    @Test
    void haVipFindsAndReplacesAssociations() {
        HaVipAssociation bound = new HaVipAssociation("i-1", InstanceType.ENS_INSTANCE, "EnsInstance", null,
                AssociationStatus.IN_USE, "InUse", null);
        HaVip haVip = new HaVip("havip-1", null, null, null, HaVipStatus.IN_USE, "InUse", null, null, null, null,
                List.of(bound), List.of());

        assertThat(haVip.association("i-1")).contains(bound);
        assertThat(haVip.hasTransitionalAssociation()).isFalse();
        assertThat(haVip.withAssociations(List.of()).association("i-1")).isEmpty();
    }

    @Test
    void pageKnowsWhetherMoreFollows() {
        assertThat(new Page<>(List.of("a", "b"), 1, 2, 5).hasNext()).isTrue();
        assertThat(new Page<>(List.of("e"), 3, 2, 5).hasNext()).isFalse();
        assertThat(new Page<>(List.of(), 1, 2, 5).hasNext()).as("an empty page ends the listing").isFalse();
        assertThat(new Page<>(List.of("a"), 1, 0, 5).hasNext()).isFalse();
        assertThat(new Page<>(List.of("a", "b"), 1, 2, 5).totalPages()).isEqualTo(3);
        assertThat(new Page<>(List.of(), 1, 10, 0).totalPages()).isEqualTo(1);
        assertThat(new Page<>(List.of(1, 2), 1, 2, 2).map(i -> i * 10).items()).containsExactly(10, 20);
        assertThat(Page.single(List.of("x", "y"))).isEqualTo(new Page<>(List.of("x", "y"), 1, 2, 2));
    }

    @Test
    void pageRequestRejectsNumbersEnsWouldRefuse() {
        assertThat(PageRequest.first(50).next()).isEqualTo(new PageRequest(2, 50));
        assertThat(PageRequest.first(50).withPageNumber(7)).isEqualTo(new PageRequest(7, 50));
        assertThatThrownBy(() -> new PageRequest(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsInTheFormsEnsUses() {
        assertThat(WireValues.parseTime("2023-03-29T11:17:38Z")).isEqualTo(Instant.parse("2023-03-29T11:17:38Z"));
        assertThat(WireValues.parseTime("2023-03-29T11:17Z")).isEqualTo(Instant.parse("2023-03-29T11:17:00Z"));
        assertThat(WireValues.parseTime("2023-03-29 11:17:38")).isEqualTo(Instant.parse("2023-03-29T11:17:38Z"));
        assertThat(WireValues.parseTime("2023-03-29T19:17:38+08:00")).isEqualTo(Instant.parse("2023-03-29T11:17:38Z"));
        assertThat(WireValues.parseTime("yesterday")).isNull();
        assertThat(WireValues.parseTime("")).isNull();
        assertThat(WireValues.parseTime(null)).isNull();
    }
}
