package io.enscope.inventory;

import io.enscope.ens.EipQuery;
import io.enscope.ens.EventQuery;
import io.enscope.ens.SecurityGroupQuery;
import io.enscope.ens.model.Eip;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SecurityGroupRule;
import io.enscope.ens.model.SystemEvent;
import io.enscope.ens.CreateHaVipRequest;
import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsOperation;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An {@link EnsApi} decorator for tests and the benchmark: counts the calls per operation (each
 * call once, whatever retries the delegate makes), records the most calls in flight at once, and
 * lets a test run code before and after each call (to hold calls back or change the cloud
 * between pages).
 */
public final class CountingEnsApi implements EnsApi {

    /** Runs around a call; may block. */
    @FunctionalInterface
    public interface Hook {
        /**
         * @param operation the operation
         * @param page      the page asked for, null for unpaged operations
         * @throws InterruptedException when the calling thread is interrupted while blocked
         */
        void run(EnsOperation operation, PageRequest page) throws InterruptedException;
    }

    private static final Hook NOTHING = (operation, page) -> { };

    private final EnsApi delegate;
    private final Map<EnsOperation, AtomicInteger> calls = new EnumMap<>(EnsOperation.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Hook before = NOTHING;
    private volatile Hook after = NOTHING;

    /**
     * @param delegate the real gateway
     */
    public CountingEnsApi(EnsApi delegate) {
        this.delegate = delegate;
        for (EnsOperation operation : EnsOperation.values()) {
            calls.put(operation, new AtomicInteger());
        }
    }

    /** @param hook runs before each call, in the calling thread */
    public void before(Hook hook) {
        this.before = hook == null ? NOTHING : hook;
    }

    /** @param hook runs after each call that succeeded, in the calling thread */
    public void after(Hook hook) {
        this.after = hook == null ? NOTHING : hook;
    }

    /** @return calls of every operation so far */
    public int calls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * @param operation an operation
     * @return its calls so far
     */
    public int calls(EnsOperation operation) {
        return calls.get(operation).get();
    }

    /** @return the most calls that were in flight at the same time */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Sets every count back to zero. */
    public void resetCounts() {
        calls.values().forEach(count -> count.set(0));
        maxInFlight.set(0);
    }

    private <T> T call(EnsOperation operation, PageRequest page, Supplier<T> body) {
        calls.get(operation).incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            before.run(operation, page);
            T result = body.get();
            after.run(operation, page);
            return result;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a test hook", interrupted);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public List<Region> describeRegions() {
        return call(EnsOperation.DESCRIBE_REGIONS, null, delegate::describeRegions);
    }

    @Override
    public Page<io.enscope.ens.model.RouteEntry> describeRouteEntries(io.enscope.ens.RouteEntryQuery query,
            PageRequest page) {
        return call(EnsOperation.DESCRIBE_ROUTE_ENTRIES, page, () -> delegate.describeRouteEntries(query, page));
    }

    @Override
    public Page<Network> describeNetworks(NetworkQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_NETWORKS, page, () -> delegate.describeNetworks(query, page));
    }

    @Override
    public Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_VSWITCHES, page, () -> delegate.describeVSwitches(query, page));
    }

    @Override
    public Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_INSTANCES, page, () -> delegate.describeInstances(query, page));
    }

    @Override
    public Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_NETWORK_INTERFACES, page,
                () -> delegate.describeNetworkInterfaces(query, page));
    }

    @Override
    public Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_HAVIPS, page, () -> delegate.describeHaVips(query, page));
    }

    @Override
    public List<String> createHaVip(CreateHaVipRequest request) {
        return call(EnsOperation.CREATE_HAVIP, null, () -> delegate.createHaVip(request));
    }

    @Override
    public String deleteHaVips(List<String> haVipIds) {
        return call(EnsOperation.DELETE_HAVIPS, null, () -> delegate.deleteHaVips(haVipIds));
    }

    @Override
    public String modifyHaVipAttribute(String haVipId, String name) {
        return call(EnsOperation.MODIFY_HAVIP_ATTRIBUTE, null, () -> delegate.modifyHaVipAttribute(haVipId, name));
    }

    @Override
    public String associateHaVip(String haVipId, String targetId, InstanceType type) {
        return call(EnsOperation.ASSOCIATE_HAVIP, null, () -> delegate.associateHaVip(haVipId, targetId, type));
    }

    @Override
    public String unassociateHaVip(String haVipId, String targetId) {
        return call(EnsOperation.UNASSOCIATE_HAVIP, null, () -> delegate.unassociateHaVip(haVipId, targetId));
    }

    @Override
    public Page<Eip> describeEips(EipQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_EIP_ADDRESSES, page, () -> delegate.describeEips(query, page));
    }

    @Override
    public Page<SecurityGroup> describeSecurityGroups(SecurityGroupQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_SECURITY_GROUPS, page, () -> delegate.describeSecurityGroups(query, page));
    }

    @Override
    public List<SecurityGroupRule> describeSecurityGroupRules(String securityGroupId) {
        return call(EnsOperation.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, null,
                () -> delegate.describeSecurityGroupRules(securityGroupId));
    }

    @Override
    public Page<SystemEvent> describeEvents(EventQuery query, PageRequest page) {
        return call(EnsOperation.DESCRIBE_HISTORY_EVENTS, page, () -> delegate.describeEvents(query, page));
    }
}
