package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One next hop of a route entry ({@code NextHops[]}). The response types are undocumented beyond
 * the request's {@code Instance}, {@code HaVip} and {@code NetworkPeer}, so the type stays text.
 *
 * @param type the next-hop type as received
 * @param id   the next hop's ID ({@code havip-…}, {@code i-…})
 * @param name its name, may be empty
 */
public record RouteNextHop(
        @JsonProperty("NextHopType") String type,
        @JsonProperty("NextHopId") String id,
        @JsonProperty("NextHopName") String name) {

    /** The type of a HaVip next hop. */
    public static final String HAVIP = "HaVip";

    /** @return whether this hop is the given HaVip */
    public boolean isHaVip(String haVipId) {
        return HAVIP.equalsIgnoreCase(type) && haVipId != null && haVipId.equals(id);
    }
}
