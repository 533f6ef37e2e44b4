package io.enscope.ui.havip;

import io.enscope.ens.model.RouteEntry;

/**
 * One route entry of the HaVip detail: a route whose next hop is the HaVip.
 *
 * @param id          the route entry ID
 * @param name        its name, may be empty
 * @param destination the destination CIDR block
 * @param tableId     its route table
 * @param status      its status as ENS lists it
 * @param created     when it was created, as the detail shows times
 */
public record RouteRow(String id, String name, String destination, String tableId, String status, String created) {

    static RouteRow of(RouteEntry e, Times times) {
        return new RouteRow(text(e.id()), text(e.name()), text(e.destinationCidrBlock()), text(e.routeTableId()),
                text(e.status()), times.minutes(e.creationTime()));
    }

    /** @return the name and the ID, or the ID alone */
    public String label() {
        return name.isEmpty() ? id : name + " (" + id + ")";
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
