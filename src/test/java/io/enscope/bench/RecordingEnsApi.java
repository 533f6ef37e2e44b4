package io.enscope.bench;

import io.enscope.ens.CreateHaVipRequest;
import io.enscope.ens.EnsApi;
import io.enscope.ens.HaVipQuery;
import io.enscope.ens.InstanceQuery;
import io.enscope.ens.NetworkInterfaceQuery;
import io.enscope.ens.NetworkQuery;
import io.enscope.ens.VSwitchQuery;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.VSwitch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An {@link EnsApi} decorator that records every DescribeHaVips call: when, for which HaVip
 * (null when the query names none), and who asked, from the caller's stack: the binding job's
 * polls ({@code io.enscope.binding}), the workspace's refresh of one HaVip (on job events, or of
 * transitional HaVips) or its periodic refresh of all HaVips.
 */
final class RecordingEnsApi implements EnsApi {
    /** Who made a DescribeHaVips call. */
    enum Caller { JOB_POLL, WORKSPACE_REFRESH, WORKSPACE_PERIODIC, OTHER }

    /** One DescribeHaVips call. */
    record Call(long nanos, String haVipId, Caller caller) {
    }

    private final EnsApi delegate;
    private final ConcurrentLinkedQueue<Call> haVipCalls = new ConcurrentLinkedQueue<>();

    RecordingEnsApi(EnsApi delegate) {
        this.delegate = delegate;
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

    @Override
    public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
        haVipCalls.add(new Call(System.nanoTime(), query.haVipId(), caller()));
        return delegate.describeHaVips(query, page);
    }

    @Override
    public List<Region> describeRegions() {
        return delegate.describeRegions();
    }

    @Override
    public Page<Network> describeNetworks(NetworkQuery query, PageRequest page) {
        return delegate.describeNetworks(query, page);
    }

    @Override
    public Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page) {
        return delegate.describeVSwitches(query, page);
    }

    @Override
    public Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
        return delegate.describeInstances(query, page);
    }

    @Override
    public Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page) {
        return delegate.describeNetworkInterfaces(query, page);
    }

    @Override
    public List<String> createHaVip(CreateHaVipRequest request) {
        return delegate.createHaVip(request);
    }

    @Override
    public String deleteHaVips(List<String> haVipIds) {
        return delegate.deleteHaVips(haVipIds);
    }

    @Override
    public String modifyHaVipAttribute(String haVipId, String name) {
        return delegate.modifyHaVipAttribute(haVipId, name);
    }

    @Override
    public String associateHaVip(String haVipId, String targetId, InstanceType type) {
        return delegate.associateHaVip(haVipId, targetId, type);
    }

    @Override
    public String unassociateHaVip(String haVipId, String targetId) {
        return delegate.unassociateHaVip(haVipId, targetId);
    }
}
