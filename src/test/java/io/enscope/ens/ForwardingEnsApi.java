package io.enscope.ens;

import io.enscope.ens.model.Eip;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SecurityGroupRule;
import io.enscope.ens.model.SystemEvent;
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
import java.util.Objects;

/**
 * The base of the tests' ENS client decorators: every call of {@link EnsApi} goes on to the
 * wrapped client, so that a decorator overrides only the calls it watches or changes. The default
 * methods ({@code describeHaVip}, {@code describeAll…}) are not forwarded: they run on the
 * decorator, so that an override of {@link #describeHaVips} also sees the reads they make.
 */
public abstract class ForwardingEnsApi implements EnsApi {
    private final EnsApi delegate;

    protected ForwardingEnsApi(EnsApi delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** @return the wrapped client */
    protected final EnsApi delegate() {
        return delegate;
    }

    @Override
    public List<Region> describeRegions() {
        return delegate.describeRegions();
    }

    @Override
    public Page<io.enscope.ens.model.RouteEntry> describeRouteEntries(RouteEntryQuery query, PageRequest page) {
        return delegate.describeRouteEntries(query, page);
    }

    @Override
    public io.enscope.ens.model.VSwitchAttributes describeVSwitchAttributes(String vSwitchId) {
        return delegate.describeVSwitchAttributes(vSwitchId);
    }

    @Override
    public io.enscope.ens.model.NetworkAttributes describeNetworkAttribute(String networkId) {
        return delegate.describeNetworkAttribute(networkId);
    }

    @Override
    public io.enscope.ens.model.TagPage listInstanceTags(List<String> instanceIds, String nextToken) {
        return delegate.listInstanceTags(instanceIds, nextToken);
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
    public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
        return delegate.describeHaVips(query, page);
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

    @Override
    public Page<Eip> describeEips(EipQuery query, PageRequest page) {
        return delegate.describeEips(query, page);
    }

    @Override
    public String associateEip(String allocationId, String instanceId, String instanceType) {
        return delegate.associateEip(allocationId, instanceId, instanceType);
    }

    @Override
    public String unassociateEip(String allocationId) {
        return delegate.unassociateEip(allocationId);
    }

    @Override
    public Page<SecurityGroup> describeSecurityGroups(SecurityGroupQuery query, PageRequest page) {
        return delegate.describeSecurityGroups(query, page);
    }

    @Override
    public List<SecurityGroupRule> describeSecurityGroupRules(String securityGroupId) {
        return delegate.describeSecurityGroupRules(securityGroupId);
    }

    @Override
    public Page<SystemEvent> describeEvents(EventQuery query, PageRequest page) {
        return delegate.describeEvents(query, page);
    }
}
