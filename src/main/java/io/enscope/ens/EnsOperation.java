package io.enscope.ens;

/**
 * The ENS 2017-11-10 operations Enscope calls, with the HTTP method the official SDKs use
 * (ens-api.md §1) and, for listings, the largest page size that is safe to ask for.
 */
public enum EnsOperation {
    /** Lists the edge nodes; not paged. */
    DESCRIBE_REGIONS("DescribeEnsRegions", "POST", false, 0, 0),
    /** Lists networks; PageSize 1–50. */
    DESCRIBE_NETWORKS("DescribeNetworks", "POST", false, 10, 50),
    /** Lists vSwitches; PageSize at most 50. */
    DESCRIBE_VSWITCHES("DescribeVSwitches", "POST", false, 10, 50),
    /** Lists instances; PageSize at most 100. */
    DESCRIBE_INSTANCES("DescribeInstances", "POST", false, 10, 100),
    /** Lists ENIs; the documented maximum is 100 or 50 depending on the page, so 50. */
    DESCRIBE_NETWORK_INTERFACES("DescribeNetworkInterfaces", "POST", false, 10, 50),
    /** Lists HaVips; sent as GET; no maximum is documented, so 50 like its neighbours. */
    DESCRIBE_HAVIPS("DescribeHaVips", "GET", false, 10, 50),
    /** Creates HaVips. */
    CREATE_HAVIP("CreateHaVip", "POST", true, 0, 0),
    /** Deletes HaVips (there is no singular DeleteHaVip in ENS). */
    DELETE_HAVIPS("DeleteHaVips", "POST", true, 0, 0),
    /** Renames an HaVip. */
    MODIFY_HAVIP_ATTRIBUTE("ModifyHaVipAttribute", "POST", true, 0, 0),
    /** Binds an HaVip to an instance or ENI; asynchronous on the server. */
    ASSOCIATE_HAVIP("AssociateHaVip", "POST", true, 0, 0),
    /** Removes a binding; asynchronous on the server. */
    UNASSOCIATE_HAVIP("UnassociateHaVip", "POST", true, 0, 0),
    /** Lists EIPs; PageSize at most 100 (ens-api-ha.md §2.1). */
    DESCRIBE_EIP_ADDRESSES("DescribeEnsEipAddresses", "POST", false, 10, 100),
    /** Binds an EIP; asynchronous on the server (inferred, ens-api-ha.md §2.2). */
    ASSOCIATE_EIP_ADDRESS("AssociateEnsEipAddress", "POST", true, 0, 0),
    /** Unbinds an EIP; note the capital A of the action. */
    UNASSOCIATE_EIP_ADDRESS("UnAssociateEnsEipAddress", "POST", true, 0, 0),
    /** Lists security groups; PageSize at most 50. */
    DESCRIBE_SECURITY_GROUPS("DescribeSecurityGroups", "POST", false, 10, 50),
    /** One security group's rules; not paged. */
    DESCRIBE_SECURITY_GROUP_ATTRIBUTE("DescribeSecurityGroupAttribute", "POST", false, 0, 0),
    /** Lists system events; no maximum is documented, so 50 like the neighbours. */
    DESCRIBE_HISTORY_EVENTS("DescribeHistoryEvents", "POST", false, 10, 50),
    /** Lists route entries; PageSize 10–100. */
    DESCRIBE_ROUTE_ENTRIES("DescribeEnsRouteEntryList", "POST", false, 10, 100),
    /** One vSwitch with its members' IDs; not paged. */
    DESCRIBE_VSWITCH_ATTRIBUTES("DescribeVSwitchAttributes", "POST", false, 0, 0),
    /** One network with its route table and members' IDs; not paged. */
    DESCRIBE_NETWORK_ATTRIBUTE("DescribeNetworkAttribute", "POST", false, 0, 0),
    /** Tags of instances; paged by NextToken, so not by page number. */
    LIST_TAG_RESOURCES("ListTagResources", "POST", false, 0, 0);

    private final String action;
    private final String httpMethod;
    private final boolean write;
    private final int defaultPageSize;
    private final int maxPageSize;

    EnsOperation(String action, String httpMethod, boolean write, int defaultPageSize, int maxPageSize) {
        this.action = action;
        this.httpMethod = httpMethod;
        this.write = write;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    /** @return the {@code Action} parameter */
    public String action() {
        return action;
    }

    /** @return {@code GET} or {@code POST} */
    public String httpMethod() {
        return httpMethod;
    }

    /**
     * Writes change cloud state, so they are never repeated blindly: a write that fails
     * ambiguously must be reconciled by reading, not by sending it again.
     *
     * @return whether the operation changes state
     */
    public boolean isWrite() {
        return write;
    }

    /** @return whether the answer is paged */
    public boolean isPaged() {
        return maxPageSize > 0;
    }

    /** @return the page size ENS uses when none is sent, 0 for operations without paging */
    public int defaultPageSize() {
        return defaultPageSize;
    }

    /** @return the largest page size to ask for, 0 for operations without paging */
    public int maxPageSize() {
        return maxPageSize;
    }
}
