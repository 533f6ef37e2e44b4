package io.enscope.ui.common;

import io.enscope.ens.model.RouteEntry;
import java.util.List;
import java.util.Objects;

/**
 * The route entries whose next hop is a HaVip of the loaded inventory, as the workspace last read
 * them. They are read after the inventory, so the explorer never waits for them, and a failure
 * leaves the inventory untouched.
 *
 * @param state   where the read is
 * @param entries the entries, empty unless {@link State#LOADED}
 * @param problem why the read failed, in the user's language; empty unless {@link State#FAILED}
 */
public record RouteTable(State state, List<RouteEntry> entries, String problem) {

    /** Where the read of the route entries is. */
    public enum State { NOT_LOADED, LOADING, LOADED, FAILED }

    public static final RouteTable NOT_LOADED = new RouteTable(State.NOT_LOADED, List.of(), "");
    public static final RouteTable LOADING = new RouteTable(State.LOADING, List.of(), "");

    public RouteTable {
        Objects.requireNonNull(state, "state");
        entries = List.copyOf(entries);
        problem = problem == null ? "" : problem;
    }

    public static RouteTable loaded(List<RouteEntry> entries) {
        return new RouteTable(State.LOADED, entries, "");
    }

    public static RouteTable failed(String problem) {
        return new RouteTable(State.FAILED, List.of(), problem);
    }

    /** @return the entries with this HaVip as a next hop, in the order ENS listed them */
    public List<RouteEntry> to(String haVipId) {
        return entries.stream().filter(e -> e.leadsTo(haVipId)).toList();
    }
}
