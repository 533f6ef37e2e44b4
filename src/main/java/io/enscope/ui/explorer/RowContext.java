package io.enscope.ui.explorer;

import io.enscope.ens.model.Instance;
import io.enscope.ens.model.ResourceTag;
import java.util.List;
import java.util.Map;

import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;
import io.enscope.ui.common.I18n;
import io.enscope.ui.havip.Statuses;
import io.enscope.ui.havip.Times;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What rows need to fill themselves: the snapshot to look names up in, texts, statuses and times. */
record RowContext(Inventory inventory, I18n i18n, Statuses statuses, Times times,
                  Map<String, List<ResourceTag>> listedTags) {

    /** The tags of an instance: DescribeInstances' own, else those ListTagResources gave. */
    List<ResourceTag> tagsOf(Instance instance) {
        return !instance.tags().isEmpty() ? instance.tags() : listedTags.getOrDefault(instance.id(), List.of());
    }

    String vSwitchName(String vSwitchId) {
        return vSwitchId == null ? "" : inventory.vSwitch(vSwitchId).map(VSwitch::name).orElse("");
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** Times in CSV: ISO-8601 UTC, unambiguous for spreadsheets and scripts. */
    static String iso(Instant time) {
        return time == null ? "" : DateTimeFormatter.ISO_INSTANT.format(time);
    }

    /** Joins the searchable values of a row, lower-case, one per line. */
    static String searchText(Iterable<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                out.append(value.toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        return out.toString();
    }
}
