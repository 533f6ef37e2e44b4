package io.enscope.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.emulator.EnsEmulator;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.Scenario;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsException;
import io.enscope.ens.ForwardingEnsApi;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.RetrySettings;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binding jobs through the real SDK, signer and HTTP against the embedded emulator, whose
 * {@code polls:N} timing completes a change at the N-th DescribeHaVips call, so nothing sleeps.
 */
class JobEmulatorTest {

    static final int POLLS = 3;

    static final DemoScenario.Showcase BIND_INSTANCE = showcase(DemoScenario.SUCCESS, 0);
    static final DemoScenario.Showcase BIND_ENI = showcase(DemoScenario.SUCCESS, 1);
    static final DemoScenario.Showcase BOUND = showcase("InstanceAlreadyAssociated", 0);
    static final DemoScenario.Showcase WRONG_VSWITCH = showcase("IncorrectInstanceVSwitch", 0);

    private static EnsEmulator emulator;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startEmulator() {
        emulator = EnsEmulator.builder().scenario(DemoScenario.create())
                .timings(Timings.all(TransitionTiming.afterPolls(POLLS))).port(0).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.setTimings(Timings.all(TransitionTiming.afterPolls(POLLS)));
        emulator.reset();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    /** Short waits so that the tests take milliseconds; no expected-duration landmark. */
    static PollPolicy fastPolicy() {
        return new PollPolicy(Duration.ofMillis(20), 2.0, Duration.ofMillis(100), Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofSeconds(3), 3, Duration.ofSeconds(5));
    }

    static DemoScenario.Showcase showcase(String outcome, int index) {
        return DemoScenario.showcases().stream().filter(s -> s.outcome().equals(outcome)).skip(index).findFirst()
                .orElseThrow();
    }

    static InstanceType typeOf(DemoScenario.Showcase pair) {
        return InstanceType.fromWire(pair.instanceType());
    }

    /** The real gateway with the given read timeout and quick read retries. */
    static SdkEnsApi sdk(EnsEmulator target, Duration readTimeout) {
        EnsClientConfig config = EnsClientConfig.local(target.endpoint())
                .withTimeouts(Duration.ofSeconds(2), readTimeout)
                .withRetry(new RetrySettings(5, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2)));
        var admin = target.adminAccount();
        return new SdkEnsApi(config,
                EnsCredentialsProvider.of(EnsCredentials.of(admin.accessKeyId(), admin.accessKeySecret())));
    }

    /** The associations the emulator really holds between an HaVip and a target. */
    static List<Scenario.AssociationRec> associations(EnsEmulator target, String haVipId, String targetId) {
        return target.state().snapshot().haVips().stream()
                .filter(h -> h.haVipId().equals(haVipId))
                .flatMap(h -> h.associatedInstances().stream())
                .filter(a -> a.instanceId().equals(targetId))
                .toList();
    }

    private CountingEnsApi api(Duration readTimeout) {
        SdkEnsApi sdk = sdk(emulator, readTimeout);
        toClose.add(sdk);
        return new CountingEnsApi(sdk);
    }

    private JobEngine engine(EnsApi api, PollPolicy policy, JobListener listener) {
        JobEngine engine = JobEngine.builder(api).pollPolicy(policy).parallelism(4).build();
        engine.addListener(listener);
        toClose.add(engine::shutdown);
        return engine;
    }

    private BindingJob awaitFinished(JobEngine engine, BindingJob job) {
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.job(job.id()).orElseThrow().isFinished());
        return engine.job(job.id()).orElseThrow();
    }

    @Test
    void aBindGoesThroughAssociatingToSucceededWithTheEmulatorsPolls() {
        CountingEnsApi api = api(Duration.ofSeconds(5));
        JobEngineTest.EventRecorder events = new JobEngineTest.EventRecorder();
        JobEngine engine = engine(api, fastPolicy(), events);

        BindingJob job = engine.submitBind(BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId(), typeOf(BIND_INSTANCE));
        BindingJob done = awaitFinished(engine, job);

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(events.transitions(job.id())).containsExactly(
                "QUEUED→SUBMITTING", "SUBMITTING→ASSOCIATING", "ASSOCIATING→SUCCEEDED");
        assertThat(done.polls()).isEqualTo(POLLS);
        assertThat(done.requestId()).isNotBlank();
        assertThat(api.writes("AssociateHaVip")).hasSize(1);
        assertThat(associations(emulator, BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId()))
                .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("InUse"));
    }

    @Test
    void anUnbindPollsUntilTheAssociationIsGone() {
        CountingEnsApi api = api(Duration.ofSeconds(5));
        JobEngineTest.EventRecorder events = new JobEngineTest.EventRecorder();
        JobEngine engine = engine(api, fastPolicy(), events);

        BindingJob job = engine.submitUnbind(BOUND.haVipId(), BOUND.targetId());
        BindingJob done = awaitFinished(engine, job);

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(events.transitions(job.id())).containsExactly(
                "QUEUED→SUBMITTING", "SUBMITTING→UNASSOCIATING", "UNASSOCIATING→SUCCEEDED");
        assertThat(associations(emulator, BOUND.haVipId(), BOUND.targetId())).isEmpty();
    }

    @Test
    void aBindingRuleViolationFailsWithTheApiCode() {
        CountingEnsApi api = api(Duration.ofSeconds(5));
        JobEngine engine = engine(api, fastPolicy(), new JobEngineTest.EventRecorder());

        BindingJob job = engine.submitBind(WRONG_VSWITCH.haVipId(), WRONG_VSWITCH.targetId(), typeOf(WRONG_VSWITCH));
        BindingJob failed = awaitFinished(engine, job);

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).isEqualTo("IncorrectInstanceVSwitch");
        assertThat(failed.error().orElseThrow().requestId()).isNotBlank();
        assertThat(api.reads.get()).isZero();
    }

    @Test
    void aDroppedConnectionAfterTheWriteIsReconciledAndTheBindingMadeOnce() {
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.DROP_AFTER_WRITE, 1));
        CountingEnsApi api = api(Duration.ofSeconds(5));
        JobEngineTest.EventRecorder events = new JobEngineTest.EventRecorder();
        JobEngine engine = engine(api, fastPolicy(), events);

        BindingJob job = engine.submitBind(BIND_ENI.haVipId(), BIND_ENI.targetId(), typeOf(BIND_ENI));
        BindingJob done = awaitFinished(engine, job);

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(api.writes("AssociateHaVip")).singleElement().satisfies(call -> assertThat(call.outcome())
                .isIn("SDK.ConnectionReset", "SDK.ServerUnreachable"));
        assertThat(events.transitions(job.id())).containsExactly(
                "QUEUED→SUBMITTING", "SUBMITTING→ASSOCIATING", "ASSOCIATING→SUCCEEDED");
        assertThat(associations(emulator, BIND_ENI.haVipId(), BIND_ENI.targetId())).hasSize(1);
    }

    @Test
    void aDroppedWriteOnAReusedConnectionIsReconciledEvenWhenTheHttpClientResendsIt() {
        CountingEnsApi api = api(Duration.ofSeconds(5));
        // A read first, so that the write goes out on a pooled connection: when such a connection
        // drops, the JDK client may resend the GET with the same nonce (the soak saw it happen to
        // DescribeHaVips) and the gateway refuses the copy; either way the job must reconcile.
        assertThat(api.describeHaVip(BIND_INSTANCE.haVipId())).isPresent();
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.DROP_AFTER_WRITE, 1));
        JobEngine engine = engine(api, fastPolicy(), new JobEngineTest.EventRecorder());

        BindingJob done = awaitFinished(engine,
                engine.submitBind(BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId(), typeOf(BIND_INSTANCE)));

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(api.writes("AssociateHaVip")).singleElement().satisfies(call -> assertThat(call.outcome())
                .isIn("SignatureNonceUsed", "SDK.ConnectionReset", "SDK.ServerUnreachable"));
        assertThat(associations(emulator, BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId())).hasSize(1);
    }

    @Test
    void aReadTimeoutOnASlowWriteIsReconciledOnceTheServerAppliesIt() {
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SLOW, 1).withDelay(Duration.ofSeconds(2)));
        CountingEnsApi api = api(Duration.ofSeconds(1));
        JobEngine engine = engine(api, fastPolicy(), new JobEngineTest.EventRecorder());

        BindingJob job = engine.submitBind(BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId(), typeOf(BIND_INSTANCE));
        BindingJob done = awaitFinished(engine, job);

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(api.writes("AssociateHaVip")).singleElement()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo("SDK.ReadTimeout"));
        assertThat(associations(emulator, BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId()))
                .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("InUse"));
    }

    @Test
    void aDroppedUnbindIsReconciledToo() {
        emulator.faults().add(FaultRule.next("UnassociateHaVip", FaultKind.DROP_AFTER_WRITE, 1));
        CountingEnsApi api = api(Duration.ofSeconds(5));
        JobEngine engine = engine(api, fastPolicy(), new JobEngineTest.EventRecorder());

        BindingJob done = awaitFinished(engine, engine.submitUnbind(BOUND.haVipId(), BOUND.targetId()));

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(api.writes("UnassociateHaVip")).hasSize(1);
        assertThat(associations(emulator, BOUND.haVipId(), BOUND.targetId())).isEmpty();
    }

    @Test
    void aServerErrorOnTheWriteThatChangedNothingFailsWithItsCodeAfterTheSettleWindow() {
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.SERVICE_UNAVAILABLE, 1));
        CountingEnsApi api = api(Duration.ofSeconds(5));
        JobEngine engine = engine(api, fastPolicy().withSettleWindow(Duration.ofMillis(500)),
                new JobEngineTest.EventRecorder());

        BindingJob failed = awaitFinished(engine,
                engine.submitBind(BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId(), typeOf(BIND_INSTANCE)));

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(failed.error().orElseThrow().ambiguous()).isTrue();
        assertThat(api.writes("AssociateHaVip")).hasSize(1);
        assertThat(associations(emulator, BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId())).isEmpty();
    }

    @Test
    void aThrottledWriteIsSentAgainAfterTheRetryAfterAndBindsOnce() {
        emulator.faults().add(FaultRule.next("AssociateHaVip", FaultKind.THROTTLING, 2)
                .withDelay(Duration.ofMillis(100)));
        CountingEnsApi api = api(Duration.ofSeconds(5));
        JobEngine engine = engine(api, fastPolicy(), new JobEngineTest.EventRecorder());

        BindingJob done = awaitFinished(engine,
                engine.submitBind(BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId(), typeOf(BIND_INSTANCE)));

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(api.writes("AssociateHaVip")).extracting(CountingEnsApi.Call::outcome)
                .containsExactly("Throttling.User", "Throttling.User", "OK");
        assertThat(associations(emulator, BIND_INSTANCE.haVipId(), BIND_INSTANCE.targetId())).hasSize(1);
    }

    /**
     * Counts what reaches the gateway: every write with its outcome, and the reads. Thread-safe.
     */
    static class CountingEnsApi extends ForwardingEnsApi {
        /** One write and what came of it: {@code OK} or the error code. */
        record Call(String action, String haVipId, String targetId, String outcome) {
        }

        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger reads = new AtomicInteger();

        CountingEnsApi(EnsApi delegate) {
            super(delegate);
        }

        List<Call> writes(String action) {
            synchronized (calls) {
                return calls.stream().filter(c -> c.action().equals(action)).toList();
            }
        }

        @Override
        public String associateHaVip(String haVipId, String targetId, InstanceType type) {
            try {
                String requestId = delegate().associateHaVip(haVipId, targetId, type);
                calls.add(new Call("AssociateHaVip", haVipId, targetId, "OK"));
                return requestId;
            } catch (EnsException failure) {
                calls.add(new Call("AssociateHaVip", haVipId, targetId, failure.error().code()));
                throw failure;
            }
        }

        @Override
        public String unassociateHaVip(String haVipId, String targetId) {
            try {
                String requestId = delegate().unassociateHaVip(haVipId, targetId);
                calls.add(new Call("UnassociateHaVip", haVipId, targetId, "OK"));
                return requestId;
            } catch (EnsException failure) {
                calls.add(new Call("UnassociateHaVip", haVipId, targetId, failure.error().code()));
                throw failure;
            }
        }

        @Override
        public Optional<HaVip> describeHaVip(String haVipId) {
            reads.incrementAndGet();
            return delegate().describeHaVip(haVipId);
        }

        @Override
        public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
            reads.incrementAndGet();
            return delegate().describeHaVips(query, page);
        }
    }
}
