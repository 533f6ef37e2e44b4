package io.enscope.binding;

import static io.enscope.inventory.Models.association;
import static io.enscope.inventory.Models.associationWithRawStatus;
import static io.enscope.inventory.Models.bound;
import static io.enscope.inventory.Models.eni;
import static io.enscope.inventory.Models.eniWithRaw;
import static io.enscope.inventory.Models.haVip;
import static io.enscope.inventory.Models.haVipWithRawStatus;
import static io.enscope.inventory.Models.instance;
import static io.enscope.inventory.Models.instanceWithRawStatus;
import static io.enscope.inventory.Models.network;
import static io.enscope.inventory.Models.region;
import static io.enscope.inventory.Models.vSwitch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ens.model.NetworkInterfaceType;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Each rule of design.md's binding rules table, on small hand-built inventories. */
class EligibilityEngineTest {

    private static final VSwitch WEB = vSwitch("vsw-web", "n-1", "r-1");
    private static final VSwitch APP = vSwitch("vsw-app", "n-1", "r-1");
    private static final VSwitch OPS = vSwitch("vsw-ops", "n-2", "r-1");
    private static final VSwitch FAR = vSwitch("vsw-far", "n-3", "r-2");

    private final List<Instance> instances = new ArrayList<>(List.of(
            instance("i-run", WEB, InstanceStatus.RUNNING),
            instance("i-stop", WEB, InstanceStatus.STOPPED),
            instance("i-expired", WEB, InstanceStatus.EXPIRED),
            instance("i-starting", WEB, InstanceStatus.STARTING),
            instanceWithRawStatus("i-weird", WEB, "Migrating"),
            instance("i-busy", WEB, InstanceStatus.RUNNING),
            instance("i-app", APP, InstanceStatus.RUNNING),
            instance("i-ops", OPS, InstanceStatus.RUNNING),
            instance("i-far", FAR, InstanceStatus.RUNNING)));
    private final List<NetworkInterface> enis = new ArrayList<>(List.of(
            eni("eni-sec", WEB, NetworkInterfaceType.SECONDARY, NetworkInterfaceStatus.AVAILABLE, null),
            eni("eni-sec-inuse", WEB, NetworkInterfaceType.SECONDARY, NetworkInterfaceStatus.IN_USE, "i-run"),
            eni("eni-primary", WEB, NetworkInterfaceType.PRIMARY, NetworkInterfaceStatus.IN_USE, "i-run"),
            eni("eni-attaching", WEB, NetworkInterfaceType.SECONDARY, NetworkInterfaceStatus.ATTACHING, "i-stop"),
            eni("eni-deleting", WEB, NetworkInterfaceType.SECONDARY, NetworkInterfaceStatus.DELETING, null),
            eni("eni-primary-detaching", APP, NetworkInterfaceType.PRIMARY, NetworkInterfaceStatus.DETACHING, null),
            eniWithRaw("eni-trunk", WEB, "Trunk", "Available"),
            eniWithRaw("eni-flapping", WEB, "Secondary", "Flapping"),
            eni("eni-app", APP, NetworkInterfaceType.SECONDARY, NetworkInterfaceStatus.AVAILABLE, null),
            eni("eni-far", FAR, NetworkInterfaceType.SECONDARY, NetworkInterfaceStatus.AVAILABLE, null)));
    private final List<HaVip> haVips = new ArrayList<>(List.of(
            haVip("havip-ok", WEB, HaVipStatus.AVAILABLE),
            haVip("havip-inuse", WEB, HaVipStatus.IN_USE, bound("i-run")),
            haVip("havip-creating", WEB, HaVipStatus.CREATING),
            haVip("havip-deleting", WEB, HaVipStatus.DELETING),
            haVipWithRawStatus("havip-frozen", WEB, "Frozen"),
            haVip("havip-associating", WEB, HaVipStatus.ASSOCIATING,
                    association("eni-sec-inuse", AssociationStatus.ASSOCIATING)),
            // The HaVip says InUse, but one binding is still being removed.
            haVip("havip-unassociating", WEB, HaVipStatus.IN_USE, bound("i-stop"),
                    association("eni-sec-inuse", AssociationStatus.UNASSOCIATING)),
            haVip("havip-odd-binding", WEB, HaVipStatus.IN_USE, associationWithRawStatus("i-stop", "Sideways")),
            haVip("havip-full", WEB, HaVipStatus.IN_USE, boundTo("i-x", 10)),
            haVip("havip-nine", WEB, HaVipStatus.IN_USE, boundTo("i-y", 9)),
            haVip("havip-app", APP, HaVipStatus.AVAILABLE)));

    private final EligibilityEngine engine = new EligibilityEngine();

    EligibilityEngineTest() {
        // i-busy holds 5 HaVips (the default limit), eni-sec 4 (one below it).
        for (int h = 0; h < 5; h++) {
            haVips.add(haVip("havip-busy-" + h, OPS, HaVipStatus.IN_USE, bound("i-busy"),
                    h < 4 ? bound("eni-sec") : bound("i-ops")));
        }
    }

    private static HaVipAssociation[] boundTo(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> bound(prefix + i)).toArray(HaVipAssociation[]::new);
    }

    private Inventory inventory() {
        return Inventory.of(List.of(region("r-1"), region("r-2")),
                List.of(network("n-1", "r-1"), network("n-2", "r-1"), network("n-3", "r-2")),
                List.of(WEB, APP, OPS, FAR), instances, enis, haVips);
    }

    private Verdict check(String haVipId, String targetId) {
        return engine.check(inventory(), haVipId, targetId, null);
    }

    private Reason reason(String haVipId, String targetId) {
        return check(haVipId, targetId).reason().orElse(null);
    }

    @Test
    void runningOrStoppedInstancesAndUsableSecondaryEnisInTheVSwitchAreEligible() {
        for (String target : List.of("i-run", "i-stop", "eni-sec", "eni-sec-inuse")) {
            Verdict verdict = check("havip-ok", target);
            assertThat(verdict.isEligible()).as(target).isTrue();
            assertThat(verdict.reason()).isEmpty();
            assertThat(verdict.reasons()).isEmpty();
            assertThat(verdict.code()).isNull();
            assertThat(verdict.isAdvisory()).isFalse();
            assertThat(verdict.isSubmittable()).isTrue();
        }
        assertThat(check("havip-ok", "eni-sec").targetType()).isEqualTo(InstanceType.NETWORK_INTERFACE);
        assertThat(check("havip-ok", "i-run").targetType()).isEqualTo(InstanceType.ENS_INSTANCE);
        assertThat(check("havip-inuse", "i-stop").isEligible()).isTrue();
    }

    @Test
    void aMissingHaVipOrTargetIsNotFound() {
        assertThat(reason("havip-ghost", "i-run")).isEqualTo(Reason.HAVIP_NOT_FOUND);
        assertThat(reason("havip-ghost", "i-ghost")).isEqualTo(Reason.HAVIP_NOT_FOUND);
        assertThat(reason("havip-ok", "i-ghost")).isEqualTo(Reason.INSTANCE_NOT_FOUND);
        assertThat(reason("havip-ok", "eni-ghost")).isEqualTo(Reason.NETWORK_INTERFACE_NOT_FOUND);
        // The type given wins over the ID's look: an ENI ID sent as an instance is an unknown instance.
        assertThat(engine.check(inventory(), "havip-ok", "eni-sec", InstanceType.ENS_INSTANCE).reason())
                .contains(Reason.INSTANCE_NOT_FOUND);
        assertThat(engine.check(inventory(), "havip-ok", "i-run", InstanceType.NETWORK_INTERFACE).reason())
                .contains(Reason.NETWORK_INTERFACE_NOT_FOUND);
        assertThat(engine.check(inventory(), "havip-ok", "eni-sec", InstanceType.UNKNOWN).isEligible()).isTrue();
        assertThat(check("havip-ok", "i-ghost").reasons()).containsExactly(Reason.INSTANCE_NOT_FOUND);
    }

    @Test
    void aHaVipThatIsNotAvailableOrInUseOrHasABindingInProgressHasIncorrectStatus() {
        for (String haVipId : List.of("havip-creating", "havip-deleting", "havip-frozen", "havip-associating",
                "havip-unassociating", "havip-odd-binding")) {
            assertThat(reason(haVipId, "i-run")).as(haVipId).isEqualTo(Reason.INCORRECT_HAVIP_STATUS);
            assertThat(reason(haVipId, "eni-sec")).as(haVipId).isEqualTo(Reason.INCORRECT_HAVIP_STATUS);
        }
    }

    @Test
    void onlySecondaryEnisCanBeBound() {
        assertThat(reason("havip-ok", "eni-primary")).isEqualTo(Reason.NETWORK_INTERFACE_TYPE_NOT_SUPPORTED);
        assertThat(reason("havip-ok", "eni-trunk")).isEqualTo(Reason.NETWORK_INTERFACE_TYPE_NOT_SUPPORTED);
    }

    @Test
    void onlyRunningOrStoppedInstancesCanBeBound() {
        assertThat(reason("havip-ok", "i-expired")).isEqualTo(Reason.INCORRECT_INSTANCE_STATUS);
        assertThat(reason("havip-ok", "i-starting")).isEqualTo(Reason.INCORRECT_INSTANCE_STATUS);
        assertThat(reason("havip-ok", "i-weird")).isEqualTo(Reason.INCORRECT_INSTANCE_STATUS);
        for (InstanceStatus status : InstanceStatus.values()) {
            instances.add(instance("i-" + status, WEB, status));
            boolean usable = status == InstanceStatus.RUNNING || status == InstanceStatus.STOPPED;
            assertThat(check("havip-ok", "i-" + status).isEligible()).as(status.name()).isEqualTo(usable);
        }
    }

    @Test
    void onlyAvailableOrInUseEnisCanBeBound() {
        assertThat(reason("havip-ok", "eni-attaching")).isEqualTo(Reason.INCORRECT_NETWORK_INTERFACE_STATUS);
        assertThat(reason("havip-ok", "eni-deleting")).isEqualTo(Reason.INCORRECT_NETWORK_INTERFACE_STATUS);
        assertThat(reason("havip-ok", "eni-flapping")).isEqualTo(Reason.INCORRECT_NETWORK_INTERFACE_STATUS);
        for (NetworkInterfaceStatus status : NetworkInterfaceStatus.values()) {
            enis.add(eni("eni-" + status, WEB, NetworkInterfaceType.SECONDARY, status, null));
            boolean usable = status == NetworkInterfaceStatus.AVAILABLE || status == NetworkInterfaceStatus.IN_USE;
            assertThat(check("havip-ok", "eni-" + status).isEligible()).as(status.name()).isEqualTo(usable);
        }
    }

    @Test
    void theTargetMustBeInTheHaVipsVSwitch() {
        assertThat(reason("havip-ok", "i-app")).isEqualTo(Reason.INCORRECT_INSTANCE_VSWITCH);
        assertThat(reason("havip-ok", "eni-app")).isEqualTo(Reason.INCORRECT_INSTANCE_VSWITCH);
        assertThat(reason("havip-ok", "i-far")).isEqualTo(Reason.INCORRECT_INSTANCE_VSWITCH);
        assertThat(reason("havip-app", "i-app")).isNull();
        assertThat(reason("havip-app", "i-run")).isEqualTo(Reason.INCORRECT_INSTANCE_VSWITCH);
    }

    @Test
    void aTargetAlreadyBoundToTheHaVipIsReported() {
        assertThat(reason("havip-inuse", "i-run")).isEqualTo(Reason.INSTANCE_ALREADY_ASSOCIATED);
        assertThat(check("havip-inuse", "i-run").isSubmittable()).isFalse();
    }

    @Test
    void aHaVipAtItsTargetLimitIsAdvisory() {
        Verdict verdict = check("havip-full", "i-run");

        assertThat(verdict.reason()).contains(Reason.COUNT_LIMIT_INSTANCE_ON_HAVIP);
        assertThat(verdict.code()).isEqualTo("CountLimitExceed.InstanceOnHaVip");
        assertThat(verdict.isAdvisory()).isTrue();
        assertThat(verdict.isSubmittable()).isTrue();
        assertThat(check("havip-nine", "i-run").isEligible()).isTrue();
    }

    @Test
    void aTargetAtItsHaVipLimitIsAdvisory() {
        Verdict busy = check("havip-ok", "i-busy");

        assertThat(busy.reason()).contains(Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE);
        assertThat(busy.isAdvisory()).isTrue();
        assertThat(check("havip-ok", "eni-sec").isEligible()).isTrue();
        // Both limits: still advisory, the HaVip's limit named first.
        Verdict both = check("havip-full", "i-busy");
        assertThat(both.reasons()).containsExactly(Reason.COUNT_LIMIT_INSTANCE_ON_HAVIP,
                Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE);
        assertThat(both.isAdvisory()).isTrue();
    }

    @Test
    void theFirstFailingRuleInTableOrderIsTheReasonAndTheOthersAreListed() {
        Verdict verdict = check("havip-creating", "eni-primary-detaching");

        assertThat(verdict.reason()).contains(Reason.INCORRECT_HAVIP_STATUS);
        assertThat(verdict.reasons()).containsExactly(Reason.INCORRECT_HAVIP_STATUS,
                Reason.NETWORK_INTERFACE_TYPE_NOT_SUPPORTED, Reason.INCORRECT_NETWORK_INTERFACE_STATUS,
                Reason.INCORRECT_INSTANCE_VSWITCH);
        assertThat(verdict.fails(Reason.INCORRECT_INSTANCE_VSWITCH)).isTrue();
        assertThat(verdict.fails(Reason.INSTANCE_ALREADY_ASSOCIATED)).isFalse();
        assertThat(verdict.isAdvisory()).isFalse();

        // A limit next to a real reason is not advisory: the real reason decides.
        Verdict limitAndStatus = check("havip-full", "i-expired");
        assertThat(limitAndStatus.reason()).contains(Reason.INCORRECT_INSTANCE_STATUS);
        assertThat(limitAndStatus.reasons()).contains(Reason.COUNT_LIMIT_INSTANCE_ON_HAVIP);
        assertThat(limitAndStatus.isAdvisory()).isFalse();
        assertThat(limitAndStatus.isSubmittable()).isFalse();

        assertThat(reason("havip-inuse", "i-far")).isEqualTo(Reason.INCORRECT_INSTANCE_VSWITCH);
        assertThat(reason("havip-full", "i-x3")).isEqualTo(Reason.INSTANCE_NOT_FOUND);
    }

    @Test
    void theLimitsComeFromThePolicy() {
        EligibilityEngine generous = new EligibilityEngine(new LimitPolicy(11, 6));
        EligibilityEngine strict = new EligibilityEngine(LimitPolicy.DEFAULT.withMaxTargetsPerHaVip(1)
                .withMaxHaVipsPerTarget(4));
        Inventory inventory = inventory();

        assertThat(generous.check(inventory, "havip-full", "i-run", null).isEligible()).isTrue();
        assertThat(generous.check(inventory, "havip-ok", "i-busy", null).isEligible()).isTrue();
        assertThat(strict.check(inventory, "havip-inuse", "i-stop", null).reason())
                .contains(Reason.COUNT_LIMIT_INSTANCE_ON_HAVIP);
        assertThat(strict.check(inventory, "havip-ok", "eni-sec", null).reason())
                .contains(Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE);
        assertThat(strict.policy()).isEqualTo(new LimitPolicy(1, 4));
        assertThat(new EligibilityEngine().policy()).isEqualTo(new LimitPolicy(10, 5));
        assertThatThrownBy(() -> new LimitPolicy(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportListsTheVSwitchFirstThenTheNetworkThenTheRegion() {
        Inventory inventory = inventory();
        HaVip haVip = inventory.haVip("havip-ok").orElseThrow();

        EligibilityReport region = engine.evaluate(inventory, haVip);
        EligibilityReport network = engine.evaluate(inventory, haVip, CandidateScope.NETWORK);
        EligibilityReport vSwitch = engine.evaluate(inventory, haVip, CandidateScope.VSWITCH);

        List<String> webTargets = List.of("i-run", "i-stop", "i-expired", "i-starting", "i-weird", "i-busy",
                "eni-sec", "eni-sec-inuse", "eni-primary", "eni-attaching", "eni-deleting", "eni-trunk",
                "eni-flapping");
        assertThat(vSwitch.verdicts()).extracting(Verdict::targetId).containsExactlyElementsOf(webTargets);
        assertThat(network.verdicts()).extracting(Verdict::targetId).startsWith(webTargets.toArray(String[]::new))
                .endsWith("i-app", "eni-primary-detaching", "eni-app").hasSize(webTargets.size() + 3);
        assertThat(region.verdicts()).extracting(Verdict::targetId).endsWith("eni-app", "i-ops")
                .doesNotContain("i-far", "eni-far").hasSize(webTargets.size() + 4);
        assertThat(region.scope()).isEqualTo(CandidateScope.REGION);
        assertThat(region.haVip()).isSameAs(haVip);
        assertThat(region.eligible()).extracting(Verdict::targetId)
                .containsExactly("i-run", "i-stop", "eni-sec", "eni-sec-inuse");
        assertThat(region.eligibleCount()).isEqualTo(4);
        assertThat(region.advisory()).extracting(Verdict::targetId).containsExactly("i-busy");
        assertThat(region.advisoryCount()).isEqualTo(1);
        assertThat(region.ineligible()).hasSize(region.verdicts().size() - 4);
        assertThat(region.verdictFor("i-ops").flatMap(Verdict::reason)).contains(Reason.INCORRECT_INSTANCE_VSWITCH);
        assertThat(region.verdictFor("i-far")).isEmpty();
        assertThat(region.toString()).contains("havip-ok", "4 eligible");
        // A report says the same as the pairwise check, target by target.
        for (Verdict verdict : region.verdicts()) {
            assertThat(verdict).isEqualTo(engine.check(inventory, "havip-ok", verdict.targetId(),
                    verdict.targetType()));
        }
    }

    @Test
    void allHaVipsOfARegionAreEvaluatedOverTheirVSwitch() {
        Inventory inventory = inventory();

        Map<String, EligibilityReport> reports = engine.evaluateRegion(inventory, "r-1");

        assertThat(reports.keySet()).containsExactlyElementsOf(haVips.stream().map(HaVip::id).toList());
        reports.forEach((id, report) -> {
            assertThat(report.scope()).isEqualTo(CandidateScope.VSWITCH);
            assertThat(report.verdicts()).isEqualTo(engine.evaluate(inventory, report.haVip(),
                    CandidateScope.VSWITCH).verdicts());
        });
        assertThat(reports.get("havip-ok").eligibleCount()).isEqualTo(4);
        assertThat(reports.get("havip-app").eligible()).extracting(Verdict::targetId).containsExactly("i-app",
                "eni-app");
        assertThat(engine.evaluateRegion(inventory, "r-2")).isEmpty();
        assertThatThrownBy(() -> reports.put("x", null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFresherHaVipThanTheSnapshotsIsUsedAsGiven() {
        Inventory inventory = inventory();
        HaVip nowBound = haVip("havip-ok", WEB, HaVipStatus.IN_USE, bound("i-stop"));

        EligibilityReport report = engine.evaluate(inventory, nowBound, CandidateScope.VSWITCH);

        assertThat(report.verdictFor("i-stop").flatMap(Verdict::reason))
                .contains(Reason.INSTANCE_ALREADY_ASSOCIATED);
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasAMessageInBothLanguages(Reason reason) {
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", locale);
            assertThat(bundle.containsKey(reason.messageKey())).as(reason + " " + locale).isTrue();
        }
        assertThat(Reason.fromCode(reason.code())).contains(reason);
        assertThat(reason.isLimit()).isEqualTo(reason.code().startsWith("CountLimitExceed."));
    }

    @Test
    void verdictsAreValues() {
        Verdict built = Verdict.of("i-1", InstanceType.ENS_INSTANCE,
                List.of(Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE, Reason.INCORRECT_INSTANCE_STATUS));

        assertThat(built.reasons()).containsExactly(Reason.INCORRECT_INSTANCE_STATUS,
                Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE);
        assertThat(built).isEqualTo(Verdict.of("i-1", InstanceType.ENS_INSTANCE,
                List.of(Reason.INCORRECT_INSTANCE_STATUS, Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE)))
                .hasSameHashCodeAs(Verdict.of("i-1", InstanceType.ENS_INSTANCE,
                        List.of(Reason.INCORRECT_INSTANCE_STATUS, Reason.COUNT_LIMIT_HAVIP_ON_INSTANCE)));
        assertThat(built.toString()).contains("i-1", "INCORRECT_INSTANCE_STATUS");
        assertThat(Verdict.of("eni-1", InstanceType.NETWORK_INTERFACE, List.of()).toString()).contains("eligible");
        assertThat(Reason.fromCode("NoPermission")).isEmpty();
    }
}
