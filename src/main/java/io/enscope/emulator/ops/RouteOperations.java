package io.enscope.emulator.ops;

import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.Scenario.NextHopRec;
import io.enscope.emulator.scenario.Scenario.RouteEntryRec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * DescribeEnsRouteEntryList (ens-api-ha.md §2.7): the route entries of the scenario, filtered
 * by every documented parameter, with integer paging (PageSize 10–100, default 10) and the flat
 * {@code RouteEntrys[]} / {@code NextHops[]} arrays. Caller holds the state lock.
 */
final class RouteOperations {
    private final EmulatorState state;

    RouteOperations(EmulatorState state) {
        this.state = state;
    }

    Map<String, Object> describeRouteEntryList(Params p) {
        Optional<String> nextHopType = p.get("NextHopType");
        Optional<String> nextHopId = p.get("NextHopId");
        Predicate<RouteEntryRec> filter = eq(p, "RouteTableId", RouteEntryRec::routeTableId)
                .and(eq(p, "RouteEntryId", RouteEntryRec::routeEntryId))
                .and(eq(p, "RouteEntryName", RouteEntryRec::routeEntryName))
                .and(eq(p, "RouteEntryType", RouteEntryRec::type))
                .and(eq(p, "DestinationCidrBlock", RouteEntryRec::destinationCidrBlock))
                // Type and id must hold for one and the same next hop of the entry.
                .and(r -> (nextHopType.isEmpty() && nextHopId.isEmpty()) || r.nextHops().stream().anyMatch(h ->
                        nextHopType.map(t -> t.equals(h.nextHopType())).orElse(true)
                                && nextHopId.map(i -> i.equals(h.nextHopId())).orElse(true)));
        int pageNumber = p.intValue("PageNumber", 1, 1, 1_000_000);
        int pageSize = p.intValue("PageSize", 10, 10, 100);
        List<RouteEntryRec> matching = new ArrayList<>();
        for (RouteEntryRec r : state.routeEntries.values()) {
            if (filter.test(r)) {
                matching.add(r);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        long from = (long) (pageNumber - 1) * pageSize;
        for (long k = from; k < Math.min(matching.size(), from + pageSize); k++) {
            items.add(shape(matching.get((int) k)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PageNumber", pageNumber);
        body.put("PageSize", pageSize);
        body.put("TotalCount", matching.size());
        body.put("RouteEntrys", items);
        return body;
    }

    private static Map<String, Object> shape(RouteEntryRec r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RouteEntryId", r.routeEntryId());
        m.put("RouteEntryName", orEmpty(r.routeEntryName()));
        m.put("RouteTableId", r.routeTableId());
        m.put("DestinationCidrBlock", orEmpty(r.destinationCidrBlock()));
        m.put("SourceCidrBlock", orEmpty(r.sourceCidrBlock()));
        m.put("Type", r.type() == null ? "Custom" : r.type());
        m.put("Status", r.status() == null ? "Available" : r.status());
        m.put("Description", orEmpty(r.description()));
        m.put("CreationTime", orEmpty(r.creationTime()));
        List<Map<String, Object>> hops = new ArrayList<>();
        for (NextHopRec h : r.nextHops()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("NextHopType", h.nextHopType());
            hm.put("NextHopId", h.nextHopId());
            hm.put("NextHopName", orEmpty(h.nextHopName()));
            hops.add(hm);
        }
        m.put("NextHops", hops);
        return m;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> Predicate<T> eq(Params p, String name, Function<T, String> field) {
        Optional<String> wanted = p.get(name);
        return wanted.<Predicate<T>>map(w -> t -> w.equals(field.apply(t))).orElse(t -> true);
    }
}
