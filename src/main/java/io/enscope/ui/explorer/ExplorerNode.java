package io.enscope.ui.explorer;

import io.enscope.inventory.VSwitchCounts;

import java.util.List;
import java.util.Objects;

/**
 * One node of the explorer's tree (region → network → VSwitch), immutable; a new tree is built
 * whenever the inventory changes, and the View keeps its expanded and selected items by
 * {@link #key()}.
 *
 * @param kind        what the node is
 * @param id          the region, network or VSwitch id
 * @param name        the name to show: the region's name in the user's language, the network's or
 *                    VSwitch's name; empty when it has none
 * @param cidrBlock   the network's or VSwitch's block, empty for a region
 * @param description the description, empty when none
 * @param counts      the instances, ENIs and HaVips under the node
 * @param countsText  {@code counts} as the tree shows them, e.g. "12 inst · 14 ENI · 3 HaVip"
 * @param children    the nodes under it, in inventory order
 */
public record ExplorerNode(Kind kind, String id, String name, String cidrBlock, String description,
                           VSwitchCounts counts, String countsText, List<ExplorerNode> children) {

    /** What a node stands for. */
    public enum Kind {
        /** An ENS node ("region" in the API). */
        REGION,
        /** A network of a region. */
        NETWORK,
        /** A VSwitch of a network. */
        VSWITCH
    }

    /** Requires kind and id; copies the children. */
    public ExplorerNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        cidrBlock = cidrBlock == null ? "" : cidrBlock;
        description = description == null ? "" : description;
        children = List.copyOf(children);
    }

    /** @return kind and id: what identifies the node across rebuilt trees */
    public String key() {
        return key(kind, id);
    }

    /**
     * @param kind a kind
     * @param id   an id
     * @return the key of the node of that kind and id
     */
    public static String key(Kind kind, String id) {
        return kind.name() + ":" + id;
    }
}
