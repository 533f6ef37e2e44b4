package io.enscope.inventory;

import io.enscope.ens.EnsOperation;

/**
 * How an {@link InventoryLoader} fetches: how many requests may be in flight at once, and the page
 * size of each listing.
 *
 * @param parallelism               requests in flight at most, at least 1; 1 fetches the pages one
 *                                  after another (the sequential mode)
 * @param networkPageSize           PageSize of DescribeNetworks
 * @param vSwitchPageSize           PageSize of DescribeVSwitches
 * @param instancePageSize          PageSize of DescribeInstances
 * @param networkInterfacePageSize  PageSize of DescribeNetworkInterfaces
 * @param haVipPageSize             PageSize of DescribeHaVips
 */
public record LoadOptions(
        int parallelism,
        int networkPageSize,
        int vSwitchPageSize,
        int instancePageSize,
        int networkInterfacePageSize,
        int haVipPageSize) {

    /** Requests in flight by default: enough to hide latency, few enough not to be throttled. */
    public static final int DEFAULT_PARALLELISM = 8;

    /** Checks the bounds: page sizes between 1 and the operation's maximum. */
    public LoadOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        check(networkPageSize, EnsOperation.DESCRIBE_NETWORKS);
        check(vSwitchPageSize, EnsOperation.DESCRIBE_VSWITCHES);
        check(instancePageSize, EnsOperation.DESCRIBE_INSTANCES);
        check(networkInterfacePageSize, EnsOperation.DESCRIBE_NETWORK_INTERFACES);
        check(haVipPageSize, EnsOperation.DESCRIBE_HAVIPS);
    }

    private static void check(int pageSize, EnsOperation operation) {
        if (pageSize < 1 || pageSize > operation.maxPageSize()) {
            throw new IllegalArgumentException(operation.action() + " page size must be between 1 and "
                    + operation.maxPageSize() + ": " + pageSize);
        }
    }

    /**
     * @return {@value #DEFAULT_PARALLELISM} requests in flight and the largest page size of every
     *         listing, which needs the fewest calls
     */
    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_PARALLELISM,
                EnsOperation.DESCRIBE_NETWORKS.maxPageSize(),
                EnsOperation.DESCRIBE_VSWITCHES.maxPageSize(),
                EnsOperation.DESCRIBE_INSTANCES.maxPageSize(),
                EnsOperation.DESCRIBE_NETWORK_INTERFACES.maxPageSize(),
                EnsOperation.DESCRIBE_HAVIPS.maxPageSize());
    }

    /** @return the default page sizes, fetched one page after another */
    public static LoadOptions sequential() {
        return defaults().withParallelism(1);
    }

    /**
     * @param requests requests in flight at most
     * @return a copy with that parallelism
     */
    public LoadOptions withParallelism(int requests) {
        return new LoadOptions(requests, networkPageSize, vSwitchPageSize, instancePageSize,
                networkInterfacePageSize, haVipPageSize);
    }

    /**
     * @param pageSize the page size of every listing, capped at each operation's maximum
     * @return a copy with that page size
     */
    public LoadOptions withPageSize(int pageSize) {
        return new LoadOptions(parallelism,
                Math.min(pageSize, EnsOperation.DESCRIBE_NETWORKS.maxPageSize()),
                Math.min(pageSize, EnsOperation.DESCRIBE_VSWITCHES.maxPageSize()),
                Math.min(pageSize, EnsOperation.DESCRIBE_INSTANCES.maxPageSize()),
                Math.min(pageSize, EnsOperation.DESCRIBE_NETWORK_INTERFACES.maxPageSize()),
                Math.min(pageSize, EnsOperation.DESCRIBE_HAVIPS.maxPageSize()));
    }

    /** @return whether the pages are fetched one after another */
    public boolean isSequential() {
        return parallelism == 1;
    }
}
