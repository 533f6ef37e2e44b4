package io.enscope.ui.explorer;

import io.enscope.ui.common.AppIcon;
import io.enscope.ui.common.SpokenText;
import io.enscope.ui.havip.HoverTooltip;
import javafx.geometry.Insets;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A tree line: kind icon, then for a region its name and id, for a network or VSwitch its id
 * (monospace) and name, then the counts, muted: {@code vsw-xyz  web-tier  ·  12 inst · 14 ENI · 3 HaVip}.
 */
final class ExplorerTreeCell extends TreeCell<ExplorerNode> {
    private final Label primary = new Label();
    private final Label secondary = new Label();
    private final Label counts = new Label();
    private final HBox box = new HBox(6, primary, secondary, counts);
    /** Made on hover: a tree of 1,000 VSwitches fills many cells, and a Tooltip is a popup window. */
    private final HoverTooltip tooltip = new HoverTooltip(this);
    private ExplorerNode.Kind iconKind;
    private Boolean styledAsRegion;
    /** One icon per kind, made once: a cell shows regions, networks and VSwitches in turn. */
    private final Map<ExplorerNode.Kind, Node> icons = new EnumMap<>(ExplorerNode.Kind.class);

    ExplorerTreeCell() {
        getStyleClass().add("explorer-tree-cell");
        counts.getStyleClass().add("counts");
        HBox.setMargin(counts, new Insets(0, 0, 0, 6));
        // Ids and names are never cut; the counts are (they are also in the tooltip).
        primary.setMinWidth(USE_PREF_SIZE);
        secondary.setMinWidth(USE_PREF_SIZE);
        counts.setMinWidth(0);
    }

    @Override
    protected void updateItem(ExplorerNode node, boolean empty) {
        super.updateItem(node, empty);
        // The tree measures many rows through one cell when it lays out 1,000 VSwitches: every
        // call changes only what differs from the last item (style classes and icons restyle).
        if (empty || node == null) {
            setText(null);
            setGraphic(null);
            tooltip.setText(null);
            return;
        }
        boolean region = node.kind() == ExplorerNode.Kind.REGION;
        String name = node.name();
        primary.setText(region && !name.isEmpty() ? name : node.id());
        secondary.setText(region ? (name.isEmpty() ? "" : node.id()) : name);
        if (styledAsRegion == null || styledAsRegion != region) {
            styledAsRegion = region;
            primary.getStyleClass().setAll("label", region ? "node-name" : "node-id");
            secondary.getStyleClass().setAll("label", region ? "node-id-muted" : "node-name-muted");
        }
        counts.setText(node.countsText());
        if (iconKind != node.kind()) {
            iconKind = node.kind();
            primary.setGraphic(icons.computeIfAbsent(iconKind, kind -> icon(kind).graphic()));
        }
        setText(null);
        setGraphic(box);
        tooltip.setText(tooltipText(node));
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        // the content is a graphic of labels: a screen reader gets their texts
        if (attribute == AccessibleAttribute.TEXT && !isEmpty() && getItem() != null) {
            return SpokenText.of(this);
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    private static AppIcon icon(ExplorerNode.Kind kind) {
        return switch (kind) {
            case REGION -> AppIcon.REGION;
            case NETWORK -> AppIcon.NETWORK;
            case VSWITCH -> AppIcon.VSWITCH;
        };
    }

    private static String tooltipText(ExplorerNode node) {
        List<String> parts = new ArrayList<>();
        parts.add(node.id());
        for (String part : List.of(node.name(), node.cidrBlock(), node.description())) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        parts.add(node.countsText());
        return String.join("\n", parts);
    }
}
