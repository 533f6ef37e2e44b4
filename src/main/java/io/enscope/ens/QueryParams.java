package io.enscope.ens;

import io.enscope.ens.model.PageRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the parameter map of one request, in the encodings ens-api.md §1 gives per operation. */
final class QueryParams {

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Adds a parameter unless the value is null: an absent filter is not sent. */
    QueryParams put(String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    /** Adds a repeat list {@code Name.1}, {@code Name.2}, … (1-based). */
    QueryParams repeatList(String name, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            values.put(name + "." + (i + 1), items.get(i));
        }
        return this;
    }

    /** Adds a comma-joined list, as the SDK's ShrinkRequest sends it; an empty list is not sent. */
    QueryParams commaList(String name, List<String> items) {
        return put(name, items.isEmpty() ? null : String.join(",", items));
    }

    /**
     * Adds a list as one JSON array string, {@code ["a","b"]}. An empty list is left out because
     * DescribeInstances reads an empty {@code InstanceIds} array as "match nothing".
     */
    QueryParams jsonList(String name, List<String> items) {
        if (!items.isEmpty()) {
            values.put(name, EnsJson.jsonArray(items));
        }
        return this;
    }

    /** Adds {@code PageNumber} and {@code PageSize}. */
    QueryParams page(PageRequest page) {
        values.put("PageNumber", Integer.toString(page.pageNumber()));
        values.put("PageSize", Integer.toString(page.pageSize()));
        return this;
    }

    /** @return the parameters in the order they were added, which keeps log lines readable */
    Map<String, String> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
