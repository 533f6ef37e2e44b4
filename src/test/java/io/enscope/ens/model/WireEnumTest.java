package io.enscope.ens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WireEnumTest {

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("InUse", HaVipStatus.IN_USE),
                Arguments.of("In_use", HaVipStatus.IN_USE),
                Arguments.of("IN_USE", HaVipStatus.IN_USE),
                Arguments.of("in-use", HaVipStatus.IN_USE),
                Arguments.of(" inuse ", HaVipStatus.IN_USE),
                Arguments.of("available", HaVipStatus.AVAILABLE),
                Arguments.of("Associating", HaVipStatus.ASSOCIATING),
                Arguments.of("Migrating", HaVipStatus.UNKNOWN),
                Arguments.of("", HaVipStatus.UNKNOWN),
                Arguments.of(null, HaVipStatus.UNKNOWN));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void haVipStatusIsReadLeniently(String raw, HaVipStatus expected) {
        assertThat(HaVipStatus.fromWire(raw)).isEqualTo(expected);
    }

    @Test
    void everyConstantReadsBackFromItsWireValue() {
        assertRoundTrip(HaVipStatus.values(), HaVipStatus::wireValue, HaVipStatus::fromWire);
        assertRoundTrip(AssociationStatus.values(), AssociationStatus::wireValue, AssociationStatus::fromWire);
        assertRoundTrip(InstanceType.values(), InstanceType::wireValue, InstanceType::fromWire);
        assertRoundTrip(InstanceStatus.values(), InstanceStatus::wireValue, InstanceStatus::fromWire);
        assertRoundTrip(NetworkInterfaceType.values(), NetworkInterfaceType::wireValue,
                NetworkInterfaceType::fromWire);
        assertRoundTrip(NetworkInterfaceStatus.values(), NetworkInterfaceStatus::wireValue,
                NetworkInterfaceStatus::fromWire);
        assertRoundTrip(VSwitchStatus.values(), VSwitchStatus::wireValue, VSwitchStatus::fromWire);
        assertRoundTrip(NetworkStatus.values(), NetworkStatus::wireValue, NetworkStatus::fromWire);
    }

    private static <E extends Enum<E>> void assertRoundTrip(E[] values, Function<E, String> wire,
            Function<String, E> parse) {
        for (E value : values) {
            assertThat(parse.apply(wire.apply(value))).as(value.name()).isEqualTo(value);
            assertThat(parse.apply(wire.apply(value).toUpperCase())).as(value.name()).isEqualTo(value);
        }
    }

    @Test
    void documentedWireSpellings() {
        assertThat(InstanceType.ENS_INSTANCE.wireValue()).isEqualTo("EnsInstance");
        assertThat(InstanceType.NETWORK_INTERFACE.wireValue()).isEqualTo("NetworkInterface");
        assertThat(NetworkInterfaceStatus.fromWire("In_use")).isEqualTo(NetworkInterfaceStatus.IN_USE);
        assertThat(AssociationStatus.fromWire("Unassociating")).isEqualTo(AssociationStatus.UNASSOCIATING);
        assertThat(InstanceStatus.fromWire("Expired")).isEqualTo(InstanceStatus.EXPIRED);
        assertThat(VSwitchStatus.fromWire("Releasing")).isEqualTo(VSwitchStatus.RELEASING);
        assertThat(NetworkInterfaceType.fromWire("Primary")).isEqualTo(NetworkInterfaceType.PRIMARY);
    }

    @Test
    void targetTypeIsGuessedFromTheIdPrefix() {
        assertThat(InstanceType.ofTargetId("eni-123")).isEqualTo(InstanceType.NETWORK_INTERFACE);
        assertThat(InstanceType.ofTargetId("i-123")).isEqualTo(InstanceType.ENS_INSTANCE);
        assertThat(InstanceType.ofTargetId(null)).isEqualTo(InstanceType.ENS_INSTANCE);
    }

    @Test
    void transitionalStates() {
        assertThat(HaVipStatus.ASSOCIATING.isTransitional()).isTrue();
        assertThat(HaVipStatus.IN_USE.isTransitional()).isFalse();
        assertThat(HaVipStatus.UNKNOWN.isTransitional()).isFalse();
        assertThat(AssociationStatus.UNASSOCIATING.isTransitional()).isTrue();
        assertThat(AssociationStatus.IN_USE.isTransitional()).isFalse();
    }
}
