package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An EIP bound to an HaVip ({@code HaVips[].AssociatedEipAddresses[]}).
 *
 * @param eipId     the EIP ID ({@code eip-…})
 * @param ipAddress the public address ({@code Eip})
 */
public record HaVipEip(
        @JsonProperty("EipId") String eipId,
        @JsonProperty("Eip") String ipAddress) {
}
