package io.enscope.bench;

import io.enscope.ens.EnsApi;
import io.enscope.ens.ForwardingEnsApi;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An {@link EnsApi} decorator that records every DescribeHaVips call: when, for which HaVip
 * (null when the query names none), and who asked, from the caller's stack: the binding job's
 * polls ({@code io.enscope.binding}), the workspace's refresh of one HaVip (on job events, or of
 * transitional HaVips) or its periodic refresh of all HaVips.
 */
final class RecordingEnsApi extends ForwardingEnsApi {
    /** Who made a DescribeHaVips call. */
    enum Caller { JOB_POLL, WORKSPACE_REFRESH, WORKSPACE_PERIODIC, OTHER }

    /** One DescribeHaVips call. */
    record Call(long nanos, String haVipId, Caller caller) {
    }

    private final ConcurrentLinkedQueue<Call> haVipCalls = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> associateAnswered = new ConcurrentHashMap<>();

    RecordingEnsApi(EnsApi delegate) {
        super(delegate);
    }

    /** @return the DescribeHaVips calls so far, in the order they started */
    List<Call> haVipCalls() {
        return new ArrayList<>(haVipCalls);
    }

    private static Caller caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(f -> f.getClassName() + "#" + f.getMethodName())
                .filter(name -> name.startsWith("io.enscope.binding.") || name.startsWith("io.enscope.ui.common.Workspace"))
                .findFirst()
                .map(name -> name.startsWith("io.enscope.binding.") ? Caller.JOB_POLL
                        : name.contains("AllHaVips") ? Caller.WORKSPACE_PERIODIC : Caller.WORKSPACE_REFRESH)
                .orElse(Caller.OTHER));
    }

    /** @return when AssociateHaVip last answered OK for the HaVip ({@link System#nanoTime()}), 0 when never */
    long associateAnswered(String haVipId) {
        return associateAnswered.getOrDefault(haVipId, 0L);
    }

    @Override
    public String associateHaVip(String haVipId, String targetId, InstanceType type) {
        String requestId = super.associateHaVip(haVipId, targetId, type);
        associateAnswered.put(haVipId, System.nanoTime());
        return requestId;
    }

    @Override
    public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
        haVipCalls.add(new Call(System.nanoTime(), query.haVipId(), caller()));
        return super.describeHaVips(query, page);
    }
}
