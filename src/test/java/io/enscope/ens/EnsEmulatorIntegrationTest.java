package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SdkEnsApi} through the real SDK and signer against the embedded ENS emulator on the demo scenario. */
class EnsEmulatorIntegrationTest {

    private static final Account READ_ONLY = Account.generate(true);
    /** Transitions complete after two DescribeHaVips calls, so tests need no sleeps. */
    private static final Timings POLL_DRIVEN = Timings.all(TransitionTiming.afterPolls(2));
    /** Transitions never complete during a test, so listings are stable. */
    private static final Timings FROZEN = Timings.all(TransitionTiming.fixed(Duration.ofHours(1)));

    private static EnsEmulator emulator;

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startEmulator() {
        emulator = EnsEmulator.builder()
                .scenario(DemoScenario.create())
                .timings(POLL_DRIVEN)
                .account(Account.generate(false))
                .account(READ_ONLY)
                .port(0)
                .start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.setTimings(POLL_DRIVEN);
        emulator.reset();
    }

    private SdkEnsApi api(String keyId, String secret) {
        EnsClientConfig config = EnsClientConfig.local(emulator.endpoint())
                .withRetry(new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60)));
        return new SdkEnsApi(config, EnsCredentialsProvider.of(EnsCredentials.of(keyId, secret)), sleeps::add);
    }

    private SdkEnsApi admin() {
        Account account = emulator.adminAccount();
        return api(account.accessKeyId(), account.accessKeySecret());
    }

    @Test
    void everyListingIsReadAndPagedConsistently() {
        // Paging is not a snapshot: a HaVip that finishes Deleting between two pages shifts the rest.
        emulator.setTimings(FROZEN);
        emulator.reset();
        try (SdkEnsApi api = admin()) {
            assertThat(api.describeRegions()).isNotEmpty().allSatisfy(region -> assertThat(region.id()).isNotBlank());
            assertThat(api.describeAllNetworks(NetworkQuery.all())).isNotEmpty();
            assertThat(api.describeAllVSwitches(VSwitchQuery.all())).isNotEmpty();
            assertThat(api.describeAllNetworkInterfaces(NetworkInterfaceQuery.all())).isNotEmpty();

            List<HaVip> haVips = api.describeAllHaVips(HaVipQuery.all());
            List<HaVip> inSmallPages = EnsApi.fetchAllPages(3, page -> api.describeHaVips(HaVipQuery.all(), page));
            assertThat(haVips).hasSizeGreaterThan(3);
            assertThat(inSmallPages).extracting(HaVip::id).containsExactlyElementsOf(haVips.stream().map(HaVip::id)
                    .toList());

            var instances = api.describeAllInstances(InstanceQuery.all());
            var instancesInSmallPages = EnsApi.fetchAllPages(7,
                    page -> api.describeInstances(InstanceQuery.all(), page));
            assertThat(instancesInSmallPages).hasSameSizeAs(instances);
            assertThat(instances).allSatisfy(instance -> {
                assertThat(instance.vSwitchId()).isNotBlank();
                assertThat(instance.status()).isNotNull();
            });
        }
    }

    @Test
    void everyShowcaseOutcomeOfAssociateHaVipIsMappedToATypedError() {
        ResourceBundle english = ResourceBundle.getBundle("i18n/messages", Locale.ROOT);
        try (SdkEnsApi api = admin()) {
            for (DemoScenario.Showcase showcase : DemoScenario.showcases()) {
                emulator.reset();
                InstanceType type = InstanceType.fromWire(showcase.instanceType());
                if (DemoScenario.SUCCESS.equals(showcase.outcome())) {
                    assertThat(api.associateHaVip(showcase.haVipId(), showcase.targetId(), type)).isNotBlank();
                    continue;
                }
                assertThatThrownBy(() -> api.associateHaVip(showcase.haVipId(), showcase.targetId(), type))
                        .as(showcase.why())
                        .isInstanceOfSatisfying(EnsException.class, e -> {
                            EnsError error = e.error();
                            assertThat(error.code()).isEqualTo(showcase.outcome());
                            assertThat(error.httpStatus()).isEqualTo(400);
                            assertThat(error.requestId()).isNotBlank();
                            assertThat(error.kind()).isIn(EnsError.Kind.STATE, EnsError.Kind.LIMIT);
                            assertThat(error.ambiguous()).isFalse();
                            assertThat(english.containsKey(error.messageKey())).as(error.messageKey()).isTrue();
                        });
            }
        }
    }

    @Test
    void aBindingGoesFromAssociatingToInUseAndBackWhenUnbound() {
        DemoScenario.Showcase pair = DemoScenario.showcases().get(0);
        try (SdkEnsApi api = admin()) {
            api.associateHaVip(pair.haVipId(), pair.targetId(), InstanceType.fromWire(pair.instanceType()));
            HaVipAssociation bound = pollAssociation(api, pair.haVipId(), pair.targetId(),
                    a -> a.isPresent() && a.get().status() == AssociationStatus.IN_USE).orElseThrow();
            assertThat(bound.instanceType()).isEqualTo(InstanceType.fromWire(pair.instanceType()));

            api.unassociateHaVip(pair.haVipId(), pair.targetId());
            assertThat(pollAssociation(api, pair.haVipId(), pair.targetId(), Optional::isEmpty)).isEmpty();
        }
    }

    @Test
    void missingResourcesAndPermissionsAreTyped() {
        try (SdkEnsApi api = admin()) {
            assertThatThrownBy(() -> api.associateHaVip("havip-doesnotexist", "i-doesnotexist", null))
                    .isInstanceOfSatisfying(EnsException.class,
                            e -> assertThat(e.error().code()).isEqualTo("HaVipNotFound"));
        }
        DemoScenario.Showcase pair = DemoScenario.showcases().get(0);
        try (SdkEnsApi readOnly = api(READ_ONLY.accessKeyId(), READ_ONLY.accessKeySecret())) {
            assertThat(readOnly.describeAllHaVips(HaVipQuery.all())).isNotEmpty();
            assertThatThrownBy(() -> readOnly.associateHaVip(pair.haVipId(), pair.targetId(), null))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        assertThat(e.error().code()).isEqualTo("NoPermission");
                        assertThat(e.error().kind()).isEqualTo(EnsError.Kind.PERMISSION);
                    });
        }
    }

    @Test
    void wrongCredentialsAreAuthErrors() {
        Account account = emulator.adminAccount();
        try (SdkEnsApi wrongSecret = api(account.accessKeyId(), "not-the-secret-0000")) {
            assertThatThrownBy(wrongSecret::describeRegions).isInstanceOfSatisfying(EnsException.class, e -> {
                assertThat(e.error().kind()).isEqualTo(EnsError.Kind.AUTH);
                assertThat(e.error().code()).isEqualTo("SignatureDoesNotMatch");
            });
        }
        try (SdkEnsApi unknownKey = api("LTAIunknownKeyId0000", "whatever-secret-0000")) {
            assertThatThrownBy(unknownKey::describeRegions).isInstanceOfSatisfying(EnsException.class, e -> {
                assertThat(e.error().kind()).isEqualTo(EnsError.Kind.AUTH);
                assertThat(e.error().code()).isEqualTo("InvalidAccessKeyId.NotFound");
            });
        }
    }

    @Test
    void injectedThrottlingIsRetriedHonouringRetryAfter() {
        emulator.faults().add(FaultRule.next("DescribeHaVips", FaultKind.THROTTLING, 2));
        try (SdkEnsApi api = admin()) {
            assertThat(api.describeHaVips(HaVipQuery.all(), PageRequest.first(10)).items()).isNotEmpty();
        }
        assertThat(sleeps).containsExactly(FaultRule.DEFAULT_RETRY_AFTER, FaultRule.DEFAULT_RETRY_AFTER);
    }

    private static Optional<HaVipAssociation> pollAssociation(SdkEnsApi api, String haVipId, String targetId,
            java.util.function.Predicate<Optional<HaVipAssociation>> done) {
        for (int poll = 0; poll < 20; poll++) {
            Optional<HaVipAssociation> association = api.describeHaVip(haVipId)
                    .flatMap(haVip -> haVip.association(targetId));
            if (done.test(association)) {
                return association;
            }
        }
        return fail("the binding of " + targetId + " to " + haVipId + " did not settle within 20 polls");
    }
}
