package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * One rule of a security group, from {@code DescribeSecurityGroupAttribute}
 * {@code Permissions.Permission[]} (ens-api-ha.md §2.5). No vocabulary is documented for direction,
 * policy or protocol, so they are kept as sent and compared without case.
 *
 * @param direction     {@code ingress} or {@code egress}
 * @param policy        {@code Accept} or {@code Drop}
 * @param priority      the priority, 0 when absent
 * @param ipProtocol    {@code TCP}, {@code UDP}, {@code ICMP}, {@code ALL}, …
 * @param portRange     {@code from/to}
 * @param sourceCidrIp  the source CIDR of an ingress rule
 * @param sourceGroupId the source group of an ingress rule (not in the documented shape)
 * @param destCidrIp    the destination CIDR of an egress rule
 * @param description   the description
 */
public record SecurityGroupRule(
        String direction,
        String policy,
        int priority,
        String ipProtocol,
        String portRange,
        String sourceCidrIp,
        String sourceGroupId,
        String destCidrIp,
        String description) {

    /** @return whether the rule lets traffic in */
    public boolean isIngress() {
        return direction != null && direction.toLowerCase(Locale.ROOT).equals("ingress");
    }

    /** @return whether the rule accepts what it matches */
    public boolean accepts() {
        return policy != null && policy.toLowerCase(Locale.ROOT).equals("accept");
    }

    @JsonCreator
    static SecurityGroupRule fromJson(
            @JsonProperty("Direction") String direction,
            @JsonProperty("Policy") String policy,
            @JsonProperty("Priority") Integer priority,
            @JsonProperty("IpProtocol") String ipProtocol,
            @JsonProperty("PortRange") String portRange,
            @JsonProperty("SourceCidrIp") String sourceCidrIp,
            @JsonProperty("SourceGroupId") String sourceGroupId,
            @JsonProperty("DestCidrIp") String destCidrIp,
            @JsonProperty("Description") String description) {
        return new SecurityGroupRule(direction, policy, priority == null ? 0 : priority, ipProtocol, portRange,
                sourceCidrIp, sourceGroupId, destCidrIp, description);
    }
}
