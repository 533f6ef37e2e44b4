package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ens.model.NetworkInterfaceType;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link SdkEnsApi} over a scripted transport: parameter encodings, retries, write handling. */
class SdkEnsApiTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SdkEnsApi api = new SdkEnsApi(transport, RetrySettings.defaults(), sleeps::add, () -> 0.5);

    @Test
    void describeHaVipsUsesRepeatListsAndWireEnumSpellings() {
        transport.answer(200, Fixtures.bytes("describe-havips-numbers.json"));

        Page<HaVip> page = api.describeHaVips(HaVipQuery.builder()
                .regionIds(List.of("cn-a", "cn-b", " ", "cn-a"))
                .vSwitchId("vsw-1").networkId("n-1").haVipId("havip-1").haVipAddress("10.0.0.5").name("web")
                .status(HaVipStatus.IN_USE)
                .build(), new PageRequest(2, 50));

        assertThat(page.items()).hasSize(3);
        assertThat(transport.calls()).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo(EnsOperation.DESCRIBE_HAVIPS);
            assertThat(call.params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "EnsRegionIds.1", "cn-a", "EnsRegionIds.2", "cn-b",
                    "VSwitchId", "vsw-1", "NetworkId", "n-1", "HaVipId", "havip-1", "HaVipAddress", "10.0.0.5",
                    "Name", "web", "Status", "InUse", "PageNumber", "2", "PageSize", "50"));
        });
    }

    @Test
    void describeInstancesSendsJsonArrayStringsAndLeavesEmptyListsOut() {
        transport.answer(200, Fixtures.bytes("describe-instances.json"));
        transport.answer(200, Fixtures.bytes("describe-instances.json"));

        api.describeInstances(InstanceQuery.builder()
                .regionIds(List.of("cn-a", "cn-b")).instanceIds(List.of("i-1", "i-2"))
                .vSwitchId("vsw-1").status(InstanceStatus.RUNNING).build(), PageRequest.first(100));
        api.describeInstances(InstanceQuery.builder().instanceIds(List.of()).build(), PageRequest.first(10));

        assertThat(transport.calls().get(0).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EnsRegionIds", "[\"cn-a\",\"cn-b\"]", "InstanceIds", "[\"i-1\",\"i-2\"]", "VSwitchId", "vsw-1",
                "Status", "Running", "PageNumber", "1", "PageSize", "100"));
        assertThat(transport.calls().get(1).params()).as("an empty InstanceIds would match nothing")
                .containsOnlyKeys("PageNumber", "PageSize");
    }

    @Test
    void describeNetworkInterfacesVSwitchesAndNetworksUseRepeatLists() {
        transport.answer(200, Fixtures.bytes("describe-network-interfaces.json"));
        transport.answer(200, Fixtures.bytes("describe-vswitches.json"));
        transport.answer(200, Fixtures.bytes("describe-networks.json"));
        transport.answer(200, Fixtures.bytes("describe-regions.json"));

        api.describeNetworkInterfaces(NetworkInterfaceQuery.builder().regionIds(List.of("cn-a"))
                .networkInterfaceIds(List.of("eni-1", "eni-2")).instanceId("i-1")
                .type(NetworkInterfaceType.SECONDARY).status(NetworkInterfaceStatus.IN_USE).build(),
                PageRequest.first(50));
        api.describeVSwitches(VSwitchQuery.builder().regionIds(List.of("cn-a", "cn-b"))
                .vSwitchIds(List.of("vsw-1")).networkId("n-1").build(), PageRequest.first(50));
        api.describeNetworks(NetworkQuery.builder().regionId("cn-a").networkIds(List.of("n-1", "n-2")).build(),
                PageRequest.first(50));
        assertThat(api.describeRegions()).hasSize(2);

        assertThat(transport.calls().get(0).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EnsRegionIds.1", "cn-a", "NetworkInterfaceIds.1", "eni-1", "NetworkInterfaceIds.2", "eni-2",
                "InstanceId", "i-1", "Type", "Secondary", "Status", "InUse", "PageNumber", "1", "PageSize", "50"));
        assertThat(transport.calls().get(1).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EnsRegionIds.1", "cn-a", "EnsRegionIds.2", "cn-b", "VSwitchIds.1", "vsw-1", "NetworkId", "n-1",
                "PageNumber", "1", "PageSize", "50"));
        assertThat(transport.calls().get(2).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EnsRegionId", "cn-a", "NetworkIds.1", "n-1", "NetworkIds.2", "n-2", "PageNumber", "1",
                "PageSize", "50"));
        assertThat(transport.calls().get(3).operation()).isEqualTo(EnsOperation.DESCRIBE_REGIONS);
        assertThat(transport.calls().get(3).params()).isEmpty();
    }

    @Test
    void writesEncodeTheirParameters() {
        transport.answer(200, Fixtures.bytes("create-havip.json"));
        transport.answer(200, "{\"RequestId\":\"R-del\"}");
        transport.answer(200, "{\"RequestId\":\"R-mod\"}");
        transport.answer(200, "{\"RequestId\":\"R-assoc\"}");
        transport.answer(200, "{\"RequestId\":\"R-eni\"}");
        transport.answer(200, "{\"RequestId\":\"R-unassoc\"}");

        assertThat(api.createHaVip(CreateHaVipRequest.of("vsw-1", "10.0.0.8", "web", "pair")))
                .containsExactly("havip-5p14t0009");
        assertThat(api.deleteHaVips(List.of("havip-a", "havip-b"))).isEqualTo("R-del");
        assertThat(api.modifyHaVipAttribute("havip-a", "new-name")).isEqualTo("R-mod");
        assertThat(api.associateHaVip("havip-a", "i-1", InstanceType.ENS_INSTANCE)).isEqualTo("R-assoc");
        assertThat(api.associateHaVip("havip-a", "eni-1", null)).isEqualTo("R-eni");
        assertThat(api.unassociateHaVip("havip-a", "eni-1")).isEqualTo("R-unassoc");

        List<ScriptedTransport.Call> calls = transport.calls();
        assertThat(calls.get(0).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "VSwitchId", "vsw-1", "IpAddress", "10.0.0.8", "Name", "web", "Description", "pair"));
        assertThat(calls.get(1).params()).containsExactlyEntriesOf(Map.of("HaVipIds", "[\"havip-a\",\"havip-b\"]"));
        assertThat(calls.get(2).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HaVipId", "havip-a", "Name", "new-name"));
        assertThat(calls.get(3).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HaVipId", "havip-a", "InstanceId", "i-1", "InstanceType", "EnsInstance"));
        assertThat(calls.get(4).params()).as("type guessed from the ID").containsEntry("InstanceType",
                "NetworkInterface");
        assertThat(calls.get(5).params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HaVipId", "havip-a", "InstanceId", "eni-1"));
        assertThat(calls).extracting(ScriptedTransport.Call::operation).containsExactly(
                EnsOperation.CREATE_HAVIP, EnsOperation.DELETE_HAVIPS, EnsOperation.MODIFY_HAVIP_ATTRIBUTE,
                EnsOperation.ASSOCIATE_HAVIP, EnsOperation.ASSOCIATE_HAVIP, EnsOperation.UNASSOCIATE_HAVIP);
    }

    @Test
    void readsAreRetriedAfterThrottlingAndServerErrors() {
        transport.answer(400, "{\"Code\":\"Throttling.User\",\"Message\":\"flow control\"}",
                Map.of("x-acs-retry-after", "700"));
        transport.answer(503, "{\"Code\":\"ServiceUnavailable\"}");
        transport.fail(() -> new EnsException(EnsError.of("SDK.ReadTimeout", "timed out", null, 0)));
        transport.answer(200, Fixtures.bytes("describe-havips-numbers.json"));

        Page<HaVip> page = api.describeHaVips(HaVipQuery.all(), PageRequest.first(50));

        assertThat(page.items()).hasSize(3);
        assertThat(transport.calls()).hasSize(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isEqualTo(Duration.ofMillis(700));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void everyAttemptIsToldToThePacersWindowAndOneWithoutAnswerFreesItsPlace() {
        long[] now = {1_000_000_000L};
        Sleeper clock = d -> now[0] += d.toNanos();
        Pacer pacer = new Pacer(PacingSettings.documented().withMaxInFlight(8), () -> now[0], clock);
        SdkEnsApi paced = new SdkEnsApi(transport, RetrySettings.defaults(), clock, () -> 0.5, pacer);
        transport.answer(400, "{\"Code\":\"Throttling.User\"}", Map.of("x-acs-retry-after", "700"));
        transport.fail(() -> new EnsException(EnsError.of("SDK.ReadTimeout", "timed out", null, 0)));
        transport.answer(200, Fixtures.bytes("describe-havips-numbers.json"));

        Page<HaVip> page = Pacer.inBackground(() -> paced.describeHaVips(HaVipQuery.all(), PageRequest.first(50)));

        assertThat(page.items()).hasSize(3);
        assertThat(transport.calls()).hasSize(3);
        assertThat(pacer.windowLimit()).as("halved by the throttled answer").isEqualTo(4);
        assertThat(pacer.inFlight()).as("every attempt left the window").isZero();
        assertThat(pacer.rate(EnsOperation.DESCRIBE_HAVIPS)).isLessThan(18.0);
    }

    @Test
    void anUnreadableReadAnswerIsRetriedThenReported() {
        for (int i = 0; i < 4; i++) {
            transport.answer(200, "<html>proxy login</html>");
        }

        assertThatThrownBy(() -> api.describeHaVips(HaVipQuery.all(), PageRequest.first(10)))
                .isInstanceOfSatisfying(EnsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("SDK.InvalidServerResponse");
                    assertThat(e.error().kind()).isEqualTo(EnsError.Kind.SERVER);
                });
        assertThat(transport.calls()).hasSize(4);
    }

    @Test
    void aThrottledWriteIsReportedNotRetried() {
        transport.answer(400, "{\"Code\":\"Throttling.User\"}", Map.of("x-acs-retry-after", "700"));

        assertThatThrownBy(() -> api.associateHaVip("havip-a", "i-1", InstanceType.ENS_INSTANCE))
                .isInstanceOfSatisfying(EnsException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(EnsError.Kind.THROTTLING);
                    assertThat(e.error().ambiguous()).isFalse();
                    assertThat(e.error().retryAfter()).isEqualTo(Duration.ofMillis(700));
                });
        assertThat(transport.calls()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aWriteTimeoutIsAmbiguousAndSentOnce() {
        transport.fail(() -> new EnsException(SdkErrors.network(new java.net.SocketTimeoutException("Read timed out"),
                "SDK.ReadTimeout", "timed out", EnsOperation.ASSOCIATE_HAVIP)));

        assertThatThrownBy(() -> api.associateHaVip("havip-a", "i-1", InstanceType.ENS_INSTANCE))
                .isInstanceOfSatisfying(EnsException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(EnsError.Kind.NETWORK);
                    assertThat(e.error().ambiguous()).isTrue();
                    assertThat(e.error().retryable()).isFalse();
                });
        assertThat(transport.calls()).hasSize(1);
    }

    @Test
    void aStateErrorOfAWriteCarriesItsCode() {
        transport.answer(400, "{\"RequestId\":\"R-1\",\"HostId\":\"ens.aliyuncs.com\",\"Code\":\"IncorrectInstanceVSwitch\","
                + "\"Message\":\"The binding instance must be under the same VSwitch.\",\"Recommend\":\"https://x\"}");

        assertThatThrownBy(() -> api.associateHaVip("havip-a", "i-1", InstanceType.ENS_INSTANCE))
                .isInstanceOfSatisfying(EnsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("IncorrectInstanceVSwitch");
                    assertThat(e.error().kind()).isEqualTo(EnsError.Kind.STATE);
                    assertThat(e.error().requestId()).isEqualTo("R-1");
                    assertThat(e.error().messageKey()).isEqualTo("ens.error.IncorrectInstanceVSwitch");
                });
    }

    @Test
    void aCreateWithoutIdsIsAmbiguous() {
        transport.answer(200, "{\"RequestId\":\"R-c\"}");

        assertThatThrownBy(() -> api.createHaVip(CreateHaVipRequest.of("vsw-1", null, null, null)))
                .isInstanceOfSatisfying(EnsException.class, e -> assertThat(e.error().ambiguous()).isTrue());
    }

    @Test
    void describeHaVipFindsOneById() {
        transport.answer(200, Fixtures.bytes("describe-havips-numbers.json"));
        transport.answer(200, Fixtures.bytes("describe-havips-empty.json"));

        assertThat(api.describeHaVip("havip-b")).get().extracting(HaVip::status).isEqualTo(HaVipStatus.CREATING);
        assertThat(api.describeHaVip("havip-gone")).isEmpty();
        assertThat(transport.calls().get(0).params()).containsEntry("HaVipId", "havip-b");
    }

    @Test
    void describeAllFetchesEveryPageWithTheAnsweredPageSize() {
        transport.answer(200, haVipPage(1, 2, 5, "havip-1", "havip-2"));
        transport.answer(200, haVipPage(2, 2, 5, "havip-3", "havip-4"));
        transport.answer(200, haVipPage(3, 2, 5, "havip-5"));

        List<HaVip> all = api.describeAllHaVips(HaVipQuery.all());

        assertThat(all).extracting(HaVip::id).containsExactly("havip-1", "havip-2", "havip-3", "havip-4", "havip-5");
        assertThat(transport.calls()).extracting(call -> call.params().get("PageNumber") + "/"
                + call.params().get("PageSize")).containsExactly("1/50", "2/2", "3/2");
    }

    @Test
    void describeAllStopsWhenTheServerIgnoresThePageNumber() {
        for (int i = 0; i < 10; i++) {
            transport.answer(200, haVipPage(1, 2, 6, "havip-1", "havip-2"));
        }

        List<HaVip> all = api.describeAllHaVips(HaVipQuery.all());

        assertThat(transport.calls()).hasSize(3);
        assertThat(all).hasSize(6);
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> api.associateHaVip(" ", "i-1", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.associateHaVip("havip-1", "i-1", InstanceType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.deleteHaVips(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreateHaVipRequest("vsw-1", "10.0.0.1", null, null, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HaVipQuery.builder().status(HaVipStatus.UNKNOWN).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(transport.calls()).isEmpty();
    }

    private static String haVipPage(int number, int size, int total, String... ids) {
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("{\"HaVipId\":\"").append(id).append("\",\"Status\":\"Available\"}");
        }
        return "{\"PageNumber\":\"" + number + "\",\"PageSize\":\"" + size + "\",\"TotalCount\":\"" + total
                + "\",\"HaVips\":[" + items + "]}";
    }

    /** Answers calls from a script and records them. */
    static final class ScriptedTransport implements Transport {

        record Call(EnsOperation operation, Map<String, String> params) {
        }

        private final Deque<Supplier<RawResponse>> script = new ArrayDeque<>();
        private final List<Call> calls = new ArrayList<>();

        void answer(int status, byte[] body) {
            answer(status, body, Map.of());
        }

        void answer(int status, String body) {
            answer(status, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        void answer(int status, String body, Map<String, String> headers) {
            answer(status, body.getBytes(StandardCharsets.UTF_8), headers);
        }

        void answer(int status, byte[] body, Map<String, String> headers) {
            script.add(() -> new RawResponse(status, body, headers));
        }

        void fail(Supplier<EnsException> failure) {
            script.add(() -> {
                throw failure.get();
            });
        }

        List<Call> calls() {
            return calls;
        }

        @Override
        public RawResponse send(EnsOperation operation, Map<String, String> params) {
            calls.add(new Call(operation, params));
            Supplier<RawResponse> next = script.poll();
            if (next == null) {
                throw new AssertionError("unexpected call " + operation + " " + params);
            }
            return next.get();
        }

        @Override
        public void close() {
            script.clear();
        }
    }
}
