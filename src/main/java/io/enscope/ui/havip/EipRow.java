package io.enscope.ui.havip;

/**
 * One EIP of a HaVip in its detail (read-only: ENS documents no call that binds an EIP to a HaVip).
 *
 * @param eipId     the EIP ID
 * @param address   the public address
 * @param status    the EIP's status, localized; empty while unknown
 * @param bandwidth bandwidth and ISP, e.g. {@code 50 Mbit/s · telecom}; empty while unknown
 */
public record EipRow(String eipId, String address, String status, String bandwidth) {
}
