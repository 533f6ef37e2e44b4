package io.enscope.ens;

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

/**
 * The base of the tests' fake ENS clients: every operation throws
 * {@link UnsupportedOperationException}, so that a fake overrides only the calls its test expects
 * and an unexpected call fails loudly.
 */
public abstract class UnsupportedEnsApi implements EnsApi {

    @Override
    public List<Region> describeRegions() {
        throw new UnsupportedOperationException("describeRegions");
    }

    @Override
    public Page<Network> describeNetworks(NetworkQuery query, PageRequest page) {
        throw new UnsupportedOperationException("describeNetworks");
    }

    @Override
    public Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page) {
        throw new UnsupportedOperationException("describeVSwitches");
    }

    @Override
    public Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
        throw new UnsupportedOperationException("describeInstances");
    }

    @Override
    public Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page) {
        throw new UnsupportedOperationException("describeNetworkInterfaces");
    }

    @Override
    public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
        throw new UnsupportedOperationException("describeHaVips");
    }

    @Override
    public List<String> createHaVip(CreateHaVipRequest request) {
        throw new UnsupportedOperationException("createHaVip");
    }

    @Override
    public String deleteHaVips(List<String> haVipIds) {
        throw new UnsupportedOperationException("deleteHaVips");
    }

    @Override
    public String modifyHaVipAttribute(String haVipId, String name) {
        throw new UnsupportedOperationException("modifyHaVipAttribute");
    }

    @Override
    public String associateHaVip(String haVipId, String targetId, InstanceType type) {
        throw new UnsupportedOperationException("associateHaVip");
    }

    @Override
    public String unassociateHaVip(String haVipId, String targetId) {
        throw new UnsupportedOperationException("unassociateHaVip");
    }
}
