package io.enscope.ui.connect;

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

import java.util.List;
import java.util.function.Supplier;

/** An EnsApi that answers DescribeEnsRegions as told and fails on anything else (the dialog calls nothing else). */
final class FakeEnsApi implements EnsApi, AutoCloseable {
    private final Supplier<List<Region>> regions;
    private int regionCalls;
    private boolean closed;

    FakeEnsApi(Supplier<List<Region>> regions) {
        this.regions = regions;
    }

    static FakeEnsApi withRegions(String... ids) {
        List<Region> list = java.util.Arrays.stream(ids).map(id -> new Region(id, id, id, "area", "province")).toList();
        return new FakeEnsApi(() -> list);
    }

    static FakeEnsApi failing(RuntimeException failure) {
        return new FakeEnsApi(() -> {
            throw failure;
        });
    }

    int regionCalls() {
        return regionCalls;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public List<Region> describeRegions() {
        regionCalls++;
        return regions.get();
    }

    @Override
    public Page<Network> describeNetworks(NetworkQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> createHaVip(CreateHaVipRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String deleteHaVips(List<String> haVipIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String modifyHaVipAttribute(String haVipId, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String associateHaVip(String haVipId, String targetId, InstanceType type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String unassociateHaVip(String haVipId, String targetId) {
        throw new UnsupportedOperationException();
    }
}
