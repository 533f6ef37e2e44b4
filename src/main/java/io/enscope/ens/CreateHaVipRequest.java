package io.enscope.ens;

import java.util.Objects;

/**
 * The parameters of CreateHaVip.
 *
 * @param vSwitchId   {@code VSwitchId}: where the HaVip is placed; required in practice
 * @param ipAddress   {@code IpAddress}: a fixed address, or null to let ENS pick one
 * @param name        {@code Name}, may be null
 * @param description {@code Description}, may be null
 * @param amount      {@code Amount}: how many HaVips, 1–10; must be 1 when an address is given
 */
public record CreateHaVipRequest(String vSwitchId, String ipAddress, String name, String description, int amount) {

    /** Checks the rules ENS documents, so that a mistake fails before a write is sent. */
    public CreateHaVipRequest {
        vSwitchId = Objects.requireNonNull(QueryValues.text(vSwitchId), "vSwitchId");
        ipAddress = QueryValues.text(ipAddress);
        name = QueryValues.text(name);
        description = QueryValues.text(description);
        if (amount < 1 || amount > 10) {
            throw new IllegalArgumentException("amount must be 1..10: " + amount);
        }
        if (ipAddress != null && amount != 1) {
            throw new IllegalArgumentException("amount must be 1 when an IP address is given");
        }
    }

    /**
     * @param vSwitchId   the vSwitch
     * @param ipAddress   a fixed address, or null
     * @param name        the name, or null
     * @param description the description, or null
     * @return a request for one HaVip
     */
    public static CreateHaVipRequest of(String vSwitchId, String ipAddress, String name, String description) {
        return new CreateHaVipRequest(vSwitchId, ipAddress, name, description, 1);
    }
}
