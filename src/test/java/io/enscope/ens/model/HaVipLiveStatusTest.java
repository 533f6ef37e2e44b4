package io.enscope.ens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The status shown for a HaVip follows its bindings, whichever HaVip-level model ENS follows. */
class HaVipLiveStatusTest {

    private static HaVip haVip(String status, String... bindingStatuses) {
        List<HaVipAssociation> bindings = java.util.stream.IntStream.range(0, bindingStatuses.length)
                .mapToObj(i -> new HaVipAssociation("i-" + i, null, "EnsInstance", "10.0.0." + i, null,
                        bindingStatuses[i], null))
                .toList();
        return new HaVip("havip-1", "n", "", "10.0.0.100", null, status, "vsw-1", "n-1", "cn-x", null, bindings,
                List.of());
    }

    @Test
    void theDocumentedModelShowsTheBindingsTransition() {
        assertThat(haVip("InUse", "InUse", "Associating").liveStatus()).isEqualTo(HaVipStatus.ASSOCIATING);
        assertThat(haVip("InUse", "Associating").liveRawStatus()).isEqualTo("Associating");
        assertThat(haVip("InUse", "Unassociating").liveStatus()).isEqualTo(HaVipStatus.UNASSOCIATING);
    }

    @Test
    void theTransitionalModelIsShownAsListed() {
        assertThat(haVip("Associating", "Associating").liveStatus()).isEqualTo(HaVipStatus.ASSOCIATING);
        assertThat(haVip("Unassociating", "Unassociating").liveStatus()).isEqualTo(HaVipStatus.UNASSOCIATING);
    }

    @Test
    void stableAndLifecycleStatusesStayAsListed() {
        assertThat(haVip("InUse", "InUse").liveStatus()).isEqualTo(HaVipStatus.IN_USE);
        assertThat(haVip("Available").liveStatus()).isEqualTo(HaVipStatus.AVAILABLE);
        assertThat(haVip("Deleting", "Unassociating").liveStatus()).isEqualTo(HaVipStatus.DELETING);
        assertThat(haVip("Creating").liveStatus()).isEqualTo(HaVipStatus.CREATING);
        assertThat(haVip("Weird").liveRawStatus()).isEqualTo("Weird");
    }
}
