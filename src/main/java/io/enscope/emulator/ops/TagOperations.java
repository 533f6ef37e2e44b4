package io.enscope.emulator.ops;

import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.TagRec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ListTagResources (ens-api-ha.md §2.10): the tags of ENS instances, one row per (instance,
 * tag), in the flat {@code TagResources[]}, paged by {@code NextToken} (no page size parameter
 * exists). The last page answers an empty {@code NextToken}. Caller holds the state lock.
 */
final class TagOperations {
    /** Rows per page: the API takes no page size, and ECS's ListTagResources answers 50 by default. */
    static final int ROWS_PER_PAGE = 50;
    private static final String TOKEN_PREFIX = "tags-";

    private final EmulatorState state;

    TagOperations(EmulatorState state) {
        this.state = state;
    }

    Map<String, Object> listTagResources(Params p) {
        String type = p.require("ResourceType");
        if (!type.equals("instance")) {
            throw ApiException.invalidParameter("ResourceType", "Only instance is supported.");
        }
        List<String> ids = p.list("ResourceId");
        if (ids.size() > 50) {
            throw ApiException.invalidParameter("ResourceId", "At most 50 values are allowed.");
        }
        Set<String> wantedIds = Set.copyOf(ids);
        List<TagRec> wantedTags = TagParams.parse(p, "Tag", 20);
        int offset = offset(p.get("NextToken"));
        List<Map<String, Object>> rows = new ArrayList<>();
        int row = 0;
        boolean more = false;
        for (InstanceRec i : state.instances.values()) {
            if (!wantedIds.isEmpty() && !wantedIds.contains(i.instanceId())) {
                continue;
            }
            if (i.tags().isEmpty() || !TagParams.holdsAll(i.tags(), wantedTags)) {
                continue;
            }
            for (TagRec t : i.tags()) {
                if (row >= offset + ROWS_PER_PAGE) {
                    more = true;
                    break;
                }
                if (row >= offset) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ResourceId", i.instanceId());
                    m.put("ResourceType", "instance");
                    m.put("TagKey", t.key());
                    m.put("TagValue", t.value() == null ? "" : t.value());
                    rows.add(m);
                }
                row++;
            }
            if (more) {
                break;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("NextToken", more ? TOKEN_PREFIX + (offset + ROWS_PER_PAGE) : "");
        body.put("TagResources", rows);
        return body;
    }

    private static int offset(Optional<String> token) {
        if (token.isEmpty()) {
            return 0;
        }
        String t = token.get();
        if (!t.startsWith(TOKEN_PREFIX) || !t.substring(TOKEN_PREFIX.length()).matches("\\d{1,9}")) {
            throw ApiException.invalidParameter("NextToken", "Use the NextToken of the previous page.");
        }
        return Integer.parseInt(t.substring(TOKEN_PREFIX.length()));
    }
}
