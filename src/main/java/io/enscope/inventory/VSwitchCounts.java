package io.enscope.inventory;

/**
 * How many resources of each kind an {@link Inventory} holds in one vSwitch, for the tree's
 * badges.
 *
 * @param instances         the instances in the vSwitch
 * @param networkInterfaces the ENIs in the vSwitch (primary and secondary)
 * @param haVips            the HaVips in the vSwitch
 */
public record VSwitchCounts(int instances, int networkInterfaces, int haVips) {

    /** No resources at all. */
    public static final VSwitchCounts NONE = new VSwitchCounts(0, 0, 0);

    /** @return instances plus ENIs: the possible binding targets */
    public int targets() {
        return instances + networkInterfaces;
    }
}
