package io.enscope.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.enscope.emulator.Account;
import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.CreateHaVipRequest;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.EnsOperation;
import io.enscope.ens.RetrySettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link InventoryLoader} through the real SDK and signer against the emulator on the demo
 * scenario. Transitions are frozen so that the listings do not change between two loads.
 */
class InventoryLoaderTest {

    private static final Timings FROZEN = Timings.all(TransitionTiming.fixed(Duration.ofHours(1)));
    private static final Scenario DEMO = DemoScenario.create();

    private static EnsEmulator emulator;

    private SdkEnsApi sdk;
    private CountingEnsApi api;

    @BeforeAll
    static void startEmulator() {
        emulator = EnsEmulator.builder()
                .scenario(DEMO)
                .timings(FROZEN)
                .account(Account.generate(false))
                .port(0)
                .start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void connect() {
        emulator.reset();
        Account admin = emulator.adminAccount();
        sdk = sdk(admin.accessKeyId(), admin.accessKeySecret());
        api = new CountingEnsApi(sdk);
    }

    @AfterEach
    void disconnect() {
        sdk.close();
    }

    private static SdkEnsApi sdk(String keyId, String secret) {
        EnsClientConfig config = EnsClientConfig.local(emulator.endpoint())
                .withRetry(new RetrySettings(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5)));
        return new SdkEnsApi(config, EnsCredentialsProvider.of(EnsCredentials.of(keyId, secret)));
    }

    private static int pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    /**
     * Each listing has its own rate limit, so the listings must be paged side by side: sent one
     * listing after another, a load takes the sum of their times instead of the longest one.
     */
    @Test
    void theListingsArePagedSideBySidePageNumberByPageNumber() {
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        api.before((operation, page) -> sent.add(operation.action() + " " + (page == null ? 0 : page.pageNumber())));

        new InventoryLoader(api, LoadOptions.sequential().withPageSize(10)).load(List.of());

        assertThat(DEMO.networkInterfaces()).hasSizeGreaterThan(30);
        assertThat(DEMO.haVips()).hasSizeGreaterThan(10);
        assertThat(sent.indexOf("DescribeHaVips 2")).as("%s", sent).isPositive()
                .isLessThan(sent.indexOf("DescribeNetworkInterfaces 3"));
        List<Integer> pageNumbers = sent.stream().map(call -> Integer.parseInt(call.substring(call.indexOf(' ') + 1)))
                .filter(number -> number > 0).toList();
        assertThat(pageNumbers).as("%s", sent).isSorted();
    }

    @Test
    void everyPageOfEveryListingIsRead() {
        int pageSize = 3;
        List<LoadProgress> progress = Collections.synchronizedList(new ArrayList<>());
        InventoryLoader loader = new InventoryLoader(api, LoadOptions.defaults().withParallelism(4)
                .withPageSize(pageSize));

        Inventory inventory = loader.load(List.of(), progress::add);

        assertThat(ids(inventory.regions(), Region::id))
                .isEqualTo(ids(DEMO.regions(), Scenario.RegionRec::ensRegionId));
        assertThat(ids(inventory.networks(), Network::id))
                .isEqualTo(ids(DEMO.networks(), Scenario.NetworkRec::networkId));
        assertThat(ids(inventory.vSwitches(), VSwitch::id))
                .isEqualTo(ids(DEMO.vSwitches(), Scenario.VSwitchRec::vSwitchId));
        assertThat(ids(inventory.instances(), Instance::id))
                .isEqualTo(ids(DEMO.instances(), Scenario.InstanceRec::instanceId));
        assertThat(ids(inventory.networkInterfaces(), NetworkInterface::id))
                .isEqualTo(ids(DEMO.networkInterfaces(), Scenario.EniRec::networkInterfaceId));
        assertThat(ids(inventory.haVips(), HaVip::id)).isEqualTo(ids(DEMO.haVips(), Scenario.HaVipRec::haVipId));
        // The same items in the same order as the SDK's one-after-another helpers give.
        assertThat(inventory.instances()).isEqualTo(sdk.describeAllInstances(io.enscope.ens.InstanceQuery.all()));

        assertThat(api.calls(EnsOperation.DESCRIBE_REGIONS)).isEqualTo(1);
        assertThat(api.calls(EnsOperation.DESCRIBE_NETWORKS)).isEqualTo(pages(DEMO.networks().size(), pageSize));
        assertThat(api.calls(EnsOperation.DESCRIBE_VSWITCHES)).isEqualTo(pages(DEMO.vSwitches().size(), pageSize));
        assertThat(api.calls(EnsOperation.DESCRIBE_INSTANCES)).isEqualTo(pages(DEMO.instances().size(), pageSize));
        assertThat(api.calls(EnsOperation.DESCRIBE_NETWORK_INTERFACES))
                .isEqualTo(pages(DEMO.networkInterfaces().size(), pageSize));
        assertThat(api.calls(EnsOperation.DESCRIBE_HAVIPS)).isEqualTo(pages(DEMO.haVips().size(), pageSize));

        LoadProgress last = progress.get(progress.size() - 1);
        assertThat(last.phase()).isEqualTo(LoadPhase.DONE);
        assertThat(last.pagesDone()).isEqualTo(api.calls()).isEqualTo(last.pagesKnown());
        assertThat(last.fraction()).isEqualTo(1.0);
    }

    @Test
    void parallelAndSequentialLoadsGiveEqualSnapshots() {
        Inventory parallel = new InventoryLoader(api, LoadOptions.defaults().withPageSize(4)).load(List.of());
        int parallelCalls = api.calls();
        int parallelInFlight = api.maxInFlight();
        api.resetCounts();

        Inventory sequential = new InventoryLoader(api, LoadOptions.sequential().withPageSize(4)).load(List.of());

        assertThat(parallel).isEqualTo(sequential);
        assertThat(api.calls()).isEqualTo(parallelCalls);
        assertThat(api.maxInFlight()).isEqualTo(1);
        assertThat(parallelInFlight).isBetween(2, LoadOptions.DEFAULT_PARALLELISM);
    }

    @Test
    void neverMoreRequestsInFlightThanTheParallelism() {
        // Holding each call a moment makes the pool's bound, not luck, decide the overlap.
        api.before((operation, page) -> Thread.sleep(5));

        new InventoryLoader(api, LoadOptions.defaults().withParallelism(3).withPageSize(2)).load(List.of());

        assertThat(api.maxInFlight()).isEqualTo(3);
    }

    @Test
    void progressIsReportedInOrderUntilDone() {
        List<LoadProgress> progress = Collections.synchronizedList(new ArrayList<>());
        LoadHandle handle = new InventoryLoader(api, LoadOptions.defaults().withPageSize(5))
                .start(List.of(), progress::add);
        handle.join();

        assertThat(progress).isNotEmpty();
        assertThat(progress.get(0).phase()).isEqualTo(LoadPhase.SIZING);
        for (int i = 1; i < progress.size(); i++) {
            LoadProgress before = progress.get(i - 1);
            LoadProgress now = progress.get(i);
            assertThat(now.pagesDone()).isGreaterThanOrEqualTo(before.pagesDone());
            assertThat(now.pagesKnown()).isGreaterThanOrEqualTo(before.pagesKnown());
            assertThat(now.phase().ordinal()).isGreaterThanOrEqualTo(before.phase().ordinal());
            assertThat(now.pagesDone()).isLessThanOrEqualTo(now.pagesKnown());
        }
        assertThat(progress).extracting(LoadProgress::phase)
                .contains(LoadPhase.SIZING, LoadPhase.FETCHING, LoadPhase.INDEXING, LoadPhase.DONE);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(handle.progress());
        assertThat(handle.progress().phase()).isEqualTo(LoadPhase.DONE);
        assertThat(handle.progress().listingsSized()).isEqualTo(handle.progress().listings()).isEqualTo(6);
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void onlyTheChosenRegionsAreLoaded() {
        String regionId = DEMO.regions().get(0).ensRegionId();

        Inventory inventory = new InventoryLoader(api, LoadOptions.defaults().withPageSize(4))
                .load(List.of(regionId, regionId, " "));

        assertThat(inventory.regions()).extracting(Region::id).containsExactly(regionId);
        assertThat(inventory.instances()).isNotEmpty().allSatisfy(i -> assertThat(i.regionId()).isEqualTo(regionId));
        assertThat(inventory.networkInterfaces()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.regionId()).isEqualTo(regionId));
        assertThat(inventory.haVips()).isNotEmpty().allSatisfy(h -> assertThat(h.regionId()).isEqualTo(regionId));
        assertThat(inventory.vSwitches()).isNotEmpty().allSatisfy(v -> assertThat(v.regionId()).isEqualTo(regionId));
        assertThat(inventory.instances()).hasSize((int) DEMO.instances().stream()
                .filter(i -> i.ensRegionId().equals(regionId)).count());
    }

    @Test
    void transientFaultsAreRetriedTransparently() {
        Inventory clean = new InventoryLoader(api, LoadOptions.defaults().withPageSize(5)).load(List.of());
        emulator.faults().add(FaultRule.next("DescribeInstances", FaultKind.SERVICE_UNAVAILABLE, 1));
        emulator.faults().add(FaultRule.next("DescribeNetworkInterfaces", FaultKind.SYSTEM_ERROR, 2));
        emulator.faults().add(FaultRule.next("DescribeHaVips", FaultKind.THROTTLING, 1)
                .withDelay(Duration.ofMillis(10)));
        api.resetCounts();

        Inventory faulty = new InventoryLoader(api, LoadOptions.defaults().withPageSize(5)).load(List.of());

        assertThat(faulty).isEqualTo(clean);
        assertThat(emulator.faults().rules()).isEmpty();
    }

    @Test
    void aPersistentErrorFailsTheLoadWithTheTypedError() {
        emulator.faults().add(FaultRule.probability("DescribeNetworkInterfaces", FaultKind.SERVICE_UNAVAILABLE, 1.0));
        InventoryLoader loader = new InventoryLoader(api, LoadOptions.defaults().withPageSize(5));

        assertThatThrownBy(() -> loader.load(List.of())).isInstanceOfSatisfying(EnsException.class, e -> {
            assertThat(e.error().code()).isEqualTo("ServiceUnavailable");
            assertThat(e.error().kind()).isEqualTo(EnsError.Kind.SERVER);
            assertThat(e.getCause()).isInstanceOf(EnsException.class);
        });

        LoadHandle handle = loader.start(List.of(), LoadListener.NONE);
        assertThatThrownBy(handle::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(EnsException.class);
        assertThat(handle.isCancelled()).isFalse();
        assertThat(handle.progress().phase()).isNotEqualTo(LoadPhase.DONE);
    }

    @Test
    void wrongCredentialsFailTheLoadAtOnce() {
        Account admin = emulator.adminAccount();
        try (SdkEnsApi wrong = sdk(admin.accessKeyId(), "not-the-secret-0000")) {
            CountingEnsApi counting = new CountingEnsApi(wrong);
            assertThatThrownBy(() -> new InventoryLoader(counting).load(List.of()))
                    .isInstanceOfSatisfying(EnsException.class, e -> {
                        assertThat(e.error().kind()).isEqualTo(EnsError.Kind.AUTH);
                        assertThat(e.error().code()).isEqualTo("SignatureDoesNotMatch");
                    });
            // Only the six first requests can have gone out: nothing is sized, so nothing else is queued.
            assertThat(counting.calls()).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void cancellingStopsIssuingRequests() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        api.before((operation, page) -> {
            if (page != null && page.pageNumber() > 1) {
                held.incrementAndGet();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                }
            }
        });
        LoadHandle handle = new InventoryLoader(api, LoadOptions.defaults().withParallelism(3).withPageSize(2))
                .start(List.of(), LoadListener.NONE);
        await().atMost(10, TimeUnit.SECONDS).until(() -> held.get() == 3);
        int callsAtCancel = api.calls();

        assertThat(handle.cancel()).isTrue();

        assertThatThrownBy(handle::join).isInstanceOf(CancellationException.class);
        assertThat(handle.isCancelled()).isTrue();
        assertThat(handle.cancel()).isFalse();
        await().atMost(5, TimeUnit.SECONDS).until(() -> interrupted.get() == 3);
        assertThat(api.calls()).isEqualTo(callsAtCancel);
        assertThat(handle.progress().phase()).isNotEqualTo(LoadPhase.DONE);
    }

    @Test
    void interruptingTheWaitingThreadCancelsTheLoad() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        api.before((operation, page) -> {
            if (page != null && page.pageNumber() > 1) {
                held.incrementAndGet();
                never.await();
            }
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                new InventoryLoader(api, LoadOptions.defaults().withPageSize(2)).load(List.of());
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> held.get() > 0);

        waiter.interrupt();
        waiter.join(5_000);

        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(stillInterrupted).isTrue();
        int calls = api.calls();
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(api.calls()).isEqualTo(calls);
    }

    @Test
    void itemsCreatedWhileLoadingAreStillRead() {
        String vSwitchId = DEMO.vSwitches().get(0).vSwitchId();
        AtomicBoolean created = new AtomicBoolean();
        List<String> newIds = Collections.synchronizedList(new ArrayList<>());
        api.after((operation, page) -> {
            // Five new HaVips right after the first page: the total grows by a whole page.
            if (operation == EnsOperation.DESCRIBE_HAVIPS && page.pageNumber() == 1 && created.compareAndSet(false,
                    true)) {
                newIds.addAll(sdk.createHaVip(new CreateHaVipRequest(vSwitchId, null, "grown", null, 5)));
            }
        });

        Inventory inventory = new InventoryLoader(api, LoadOptions.sequential().withPageSize(5)).load(List.of());

        assertThat(newIds).hasSize(5);
        assertThat(inventory.haVips()).hasSize(DEMO.haVips().size() + 5);
        assertThat(newIds).allSatisfy(id -> assertThat(inventory.haVip(id)).get()
                .extracting(HaVip::status).isIn(HaVipStatus.CREATING, HaVipStatus.AVAILABLE));
        assertThat(api.calls(EnsOperation.DESCRIBE_HAVIPS)).isEqualTo(pages(DEMO.haVips().size() + 5, 5));
    }

    @Test
    void oneHaVipIsRefreshedWithoutAReload() {
        InventoryLoader loader = new InventoryLoader(api, LoadOptions.defaults());
        Inventory inventory = loader.load(List.of());
        DemoScenario.Showcase pair = DemoScenario.showcases().get(0);
        sdk.associateHaVip(pair.haVipId(), pair.targetId(), null);
        int countBefore = inventory.haVipCountOf(pair.targetId());
        api.resetCounts();

        Inventory refreshed = loader.refreshHaVip(inventory, pair.haVipId());

        assertThat(api.calls()).isEqualTo(1);
        assertThat(refreshed.haVip(pair.haVipId()).orElseThrow().association(pair.targetId())).isPresent();
        assertThat(refreshed.haVipCountOf(pair.targetId())).isEqualTo(countBefore + 1);
        assertThat(refreshed.instances()).isSameAs(inventory.instances());

        sdk.deleteHaVips(List.of(DemoScenario.showcases().get(2).haVipId()));
        emulator.reset();
        Inventory gone = loader.refreshHaVip(refreshed, "havip-doesnotexist");
        assertThat(gone).isSameAs(refreshed);
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }
}
