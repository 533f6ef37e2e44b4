package io.enscope.emulator.ops;

import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parameter readings shared by the EIP, security-group and event operations. */
final class NeighbourParams {
    private static final Pattern REPEAT = Pattern.compile("(.+)\\.(\\d{1,4})");
    private static final int MAX_VALUES = 100;

    private NeighbourParams() {
    }

    /**
     * A list sent comma-joined ({@code a,b}, what the SDK sends), as a repeat list ({@code Name.1=a},
     * what the CLI metadata declares) or as a JSON array string; ens-api-ha.md §1 says to accept each.
     */
    static List<String> commaOrRepeatList(Params p, String name) {
        List<String> values = new ArrayList<>();
        String joined = p.asMap().get(name);
        if (joined != null && !joined.isBlank()) {
            if (joined.trim().startsWith("[")) {
                return p.list(name);
            }
            for (String v : joined.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        TreeMap<Integer, String> repeated = new TreeMap<>();
        for (Map.Entry<String, String> e : p.asMap().entrySet()) {
            Matcher m = REPEAT.matcher(e.getKey());
            if (m.matches() && m.group(1).equals(name) && !e.getValue().isBlank()) {
                int index = Integer.parseInt(m.group(2));
                if (index < 1) {
                    throw ApiException.invalidParameter(name, "List indexes start at 1.");
                }
                repeated.put(index, e.getValue().trim());
            }
        }
        values.addAll(repeated.values());
        if (values.size() > MAX_VALUES) {
            throw ApiException.invalidParameter(name, "At most " + MAX_VALUES + " values are allowed.");
        }
        return values;
    }

    /** A plain string holding up to {@code max} comma-separated values (DescribeEnsEipAddresses' AllocationId). */
    static List<String> commaSeparated(Params p, String name, int max) {
        List<String> values = new ArrayList<>();
        for (String v : p.get(name).orElse("").split(",")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        if (values.size() > max) {
            throw ApiException.invalidParameter(name, "At most " + max + " comma-separated values are allowed.");
        }
        return values;
    }

    /** An optional {@code true}/{@code false}; anything else is {@code InvalidParameter.<name>}. */
    static Boolean bool(Params p, String name) {
        String v = p.get(name).orElse(null);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.invalidParameter(name, "Use true or false.");
    }

    static <T> List<T> slice(List<T> list, int pageNumber, int pageSize) {
        long from = (long) (pageNumber - 1) * pageSize;
        if (from >= list.size()) {
            return List.of();
        }
        return list.subList((int) from, (int) Math.min(list.size(), from + pageSize));
    }
}
