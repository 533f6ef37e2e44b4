package io.enscope.ens;

import io.enscope.ens.model.Eip;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.InstanceType;
import io.enscope.ens.model.Network;
import io.enscope.ens.model.NetworkAttributes;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.ens.model.Region;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SecurityGroupRule;
import io.enscope.ens.model.SystemEvent;
import io.enscope.ens.model.ResourceTag;
import io.enscope.ens.model.RouteEntry;
import io.enscope.ens.model.TagPage;
import io.enscope.ens.model.VSwitch;
import io.enscope.ens.model.VSwitchAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ENS operations Enscope uses, typed. Every method may throw {@link EnsException}; reads
 * have already been retried as configured when it reaches the caller, writes are never retried.
 *
 * <p>Each Describe* call answers one page. The {@code describeAll*} helpers fetch every page one
 * after another; a loader that wants pages in parallel calls the paged methods itself.
 */
public interface EnsApi {

    /**
     * DescribeEnsRegions: every ENS node the account can see. Not paged.
     *
     * @return the nodes
     */
    List<Region> describeRegions();

    /**
     * DescribeNetworks.
     *
     * @param query the filters
     * @param page  the page to fetch, at most {@link EnsOperation#DESCRIBE_NETWORKS} max page size
     * @return one page of networks
     */
    Page<Network> describeNetworks(NetworkQuery query, PageRequest page);

    /**
     * DescribeVSwitches.
     *
     * @param query the filters
     * @param page  the page to fetch
     * @return one page of vSwitches
     */
    Page<VSwitch> describeVSwitches(VSwitchQuery query, PageRequest page);

    /**
     * DescribeInstances.
     *
     * @param query the filters
     * @param page  the page to fetch
     * @return one page of instances
     */
    Page<Instance> describeInstances(InstanceQuery query, PageRequest page);

    /**
     * DescribeNetworkInterfaces.
     *
     * @param query the filters
     * @param page  the page to fetch
     * @return one page of ENIs
     */
    Page<NetworkInterface> describeNetworkInterfaces(NetworkInterfaceQuery query, PageRequest page);

    /**
     * DescribeHaVips.
     *
     * @param query the filters
     * @param page  the page to fetch
     * @return one page of HaVips
     */
    Page<HaVip> describeHaVips(HaVipQuery query, PageRequest page);

    /**
     * CreateHaVip. Never retried.
     *
     * @param request the vSwitch and optional address, name and description
     * @return the IDs of the new HaVips
     */
    List<String> createHaVip(CreateHaVipRequest request);

    /**
     * DeleteHaVips. Never retried.
     *
     * @param haVipIds the HaVips to delete, at least one
     * @return the RequestId
     */
    String deleteHaVips(List<String> haVipIds);

    /**
     * ModifyHaVipAttribute: renames an HaVip. Never retried.
     *
     * @param haVipId the HaVip
     * @param name    the new name, 1–128 characters, not starting with {@code http://} or {@code https://}
     * @return the RequestId
     */
    String modifyHaVipAttribute(String haVipId, String name);

    /**
     * AssociateHaVip: starts binding an HaVip to an instance or ENI. The binding completes in the
     * background; poll {@link #describeHaVip(String)} until it is {@code InUse}. Never retried:
     * after an {@link EnsError#ambiguous() ambiguous} failure, read the HaVip to learn whether the
     * call took effect.
     *
     * @param haVipId  the HaVip
     * @param targetId the instance ({@code i-…}) or ENI ({@code eni-…})
     * @param type     what the target is; null guesses it from the ID
     * @return the RequestId
     */
    String associateHaVip(String haVipId, String targetId, InstanceType type);

    /**
     * UnassociateHaVip: starts removing a binding. Never retried, like {@link #associateHaVip}.
     *
     * @param haVipId  the HaVip
     * @param targetId the bound instance or ENI
     * @return the RequestId
     */
    String unassociateHaVip(String haVipId, String targetId);

    /**
     * DescribeEnsEipAddresses. Implementations that predate it throw {@link UnsupportedOperationException}.
     *
     * @param query the filters
     * @param page  the page to fetch
     * @return one page of EIPs
     */
    default Page<Eip> describeEips(EipQuery query, PageRequest page) {
        throw new UnsupportedOperationException("DescribeEnsEipAddresses");
    }

    /**
     * AssociateEnsEipAddress: starts binding an EIP; poll {@link #describeEips} until it is
     * {@code InUse}. Never retried. The console does not offer binding an EIP to a HaVip: ENS
     * documents no such {@code InstanceType} (ens-api-ha.md §4).
     *
     * @param allocationId the EIP
     * @param instanceId   the target
     * @param instanceType {@code EnsInstance}, {@code NetworkInterface}, …; null for the default
     * @return the RequestId
     */
    default String associateEip(String allocationId, String instanceId, String instanceType) {
        throw new UnsupportedOperationException("AssociateEnsEipAddress");
    }

    /**
     * UnAssociateEnsEipAddress. Never retried.
     *
     * @param allocationId the EIP
     * @return the RequestId
     */
    default String unassociateEip(String allocationId) {
        throw new UnsupportedOperationException("UnAssociateEnsEipAddress");
    }

    /**
     * DescribeSecurityGroups.
     *
     * @param query the filters
     * @param page  the page to fetch
     * @return one page of security groups
     */
    default Page<SecurityGroup> describeSecurityGroups(SecurityGroupQuery query, PageRequest page) {
        throw new UnsupportedOperationException("DescribeSecurityGroups");
    }

    /**
     * DescribeSecurityGroupAttribute: every rule of one group (not paged).
     *
     * @param securityGroupId the group
     * @return its rules
     */
    default List<SecurityGroupRule> describeSecurityGroupRules(String securityGroupId) {
        throw new UnsupportedOperationException("DescribeSecurityGroupAttribute");
    }

    /**
     * DescribeHistoryEvents.
     *
     * @param query the filters, at least one event type
     * @param page  the page to fetch
     * @return one page of events
     */
    default Page<SystemEvent> describeEvents(EventQuery query, PageRequest page) {
        throw new UnsupportedOperationException("DescribeHistoryEvents");
    }

    /**
     * DescribeEnsRouteEntryList. Gateways that do not serve it (test fakes) throw
     * {@link UnsupportedOperationException}.
     *
     * @param query the filters
     * @param page  the page to fetch, PageSize 10–100
     * @return one page of route entries
     */
    default Page<RouteEntry> describeRouteEntries(RouteEntryQuery query, PageRequest page) {
        throw new UnsupportedOperationException("DescribeEnsRouteEntryList");
    }

    /**
     * DescribeVSwitchAttributes.
     *
     * @param vSwitchId the vSwitch
     * @return the vSwitch and its members' IDs
     */
    default VSwitchAttributes describeVSwitchAttributes(String vSwitchId) {
        throw new UnsupportedOperationException("DescribeVSwitchAttributes");
    }

    /**
     * DescribeNetworkAttribute.
     *
     * @param networkId the network
     * @return the network, its route table and its members' IDs
     */
    default NetworkAttributes describeNetworkAttribute(String networkId) {
        throw new UnsupportedOperationException("DescribeNetworkAttribute");
    }

    /**
     * ListTagResources for instances ({@code ResourceType=instance}).
     *
     * @param instanceIds the instances (at most 50), empty for all
     * @param nextToken   the previous page's token, null for the first page
     * @return one page of tags
     */
    default TagPage listInstanceTags(List<String> instanceIds, String nextToken) {
        throw new UnsupportedOperationException("ListTagResources");
    }

    /**
     * @param query the filters
     * @return every route entry, all pages fetched one after another
     */
    default List<RouteEntry> describeAllRouteEntries(RouteEntryQuery query) {
        return fetchAllPages(EnsOperation.DESCRIBE_ROUTE_ENTRIES.maxPageSize(),
                page -> describeRouteEntries(query, page));
    }

    /**
     * Every page of ListTagResources, following {@code NextToken}; bounded, so a server that
     * repeats a token cannot make this loop for ever.
     *
     * @param instanceIds the instances (at most 50), empty for all
     * @return every tag row
     */
    default List<ResourceTag> listAllInstanceTags(List<String> instanceIds) {
        List<ResourceTag> all = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String token = null;
        do {
            TagPage page = listInstanceTags(instanceIds, token);
            all.addAll(page.tags());
            token = page.nextToken();
        } while (token != null && seen.add(token));
        return all;
    }

    /**
     * One HaVip by ID, as a binding job polls it.
     *
     * @param haVipId the HaVip
     * @return the HaVip, or empty when ENS does not list it (any more)
     */
    default Optional<HaVip> describeHaVip(String haVipId) {
        return describeHaVips(HaVipQuery.ofHaVip(haVipId), PageRequest.first(EnsOperation.DESCRIBE_HAVIPS.defaultPageSize()))
                .items().stream()
                .filter(haVip -> haVipId.equals(haVip.id()))
                .findFirst();
    }

    /**
     * @param query the filters
     * @return every network, all pages fetched one after another
     */
    default List<Network> describeAllNetworks(NetworkQuery query) {
        return fetchAllPages(EnsOperation.DESCRIBE_NETWORKS.maxPageSize(), page -> describeNetworks(query, page));
    }

    /**
     * @param query the filters
     * @return every vSwitch, all pages fetched one after another
     */
    default List<VSwitch> describeAllVSwitches(VSwitchQuery query) {
        return fetchAllPages(EnsOperation.DESCRIBE_VSWITCHES.maxPageSize(), page -> describeVSwitches(query, page));
    }

    /**
     * @param query the filters
     * @return every instance, all pages fetched one after another
     */
    default List<Instance> describeAllInstances(InstanceQuery query) {
        return fetchAllPages(EnsOperation.DESCRIBE_INSTANCES.maxPageSize(), page -> describeInstances(query, page));
    }

    /**
     * @param query the filters
     * @return every ENI, all pages fetched one after another
     */
    default List<NetworkInterface> describeAllNetworkInterfaces(NetworkInterfaceQuery query) {
        return fetchAllPages(EnsOperation.DESCRIBE_NETWORK_INTERFACES.maxPageSize(),
                page -> describeNetworkInterfaces(query, page));
    }

    /**
     * @param query the filters
     * @return every HaVip, all pages fetched one after another
     */
    default List<HaVip> describeAllHaVips(HaVipQuery query) {
        return fetchAllPages(EnsOperation.DESCRIBE_HAVIPS.maxPageSize(), page -> describeHaVips(query, page));
    }

    /**
     * Fetches pages one after another until one says there is nothing more. The next page is
     * asked with the page size the server answered, so a server that caps the size silently
     * still has every item fetched once; the count of pages is bounded by the total the server
     * reports, so a server that ignores {@code PageNumber} cannot make this loop for ever.
     *
     * <p>The result is not a snapshot: an item created or deleted while the pages are fetched
     * shifts the later pages, so another item may be missed or listed twice.
     *
     * @param pageSize the page size to ask for
     * @param fetcher  fetches one page
     * @param <T>      the item type
     * @return the items of all pages, in order
     */
    static <T> List<T> fetchAllPages(int pageSize, Function<PageRequest, Page<T>> fetcher) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<T> page = fetcher.apply(request);
            all.addAll(page.items());
            if (!page.hasNext() || request.pageNumber() >= page.totalPages()) {
                return all;
            }
            int answeredSize = page.pageSize() > 0 ? page.pageSize() : request.pageSize();
            request = new PageRequest(request.pageNumber() + 1, answeredSize);
        }
    }
}
