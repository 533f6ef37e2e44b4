package io.enscope.emulator.scenario;

import java.util.List;

/**
 * A security group of a scenario with its rules (ens-api-ha.md §2.4, §2.5). Its members are the
 * instances and ENIs whose {@code SecurityGroupId} names it.
 */
public record SecurityGroupRec(String securityGroupId, String securityGroupName, String description,
                               String creationTime, List<PermissionRec> permissions) {
    public SecurityGroupRec {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    /**
     * One rule. Port ranges are {@code from/to} text, {@code -1/-1} for protocols without ports.
     * {@code sourceGroupId} is not in the documented response shape (⚠): a rule uses it instead
     * of a source CIDR to admit the members of another group.
     */
    public record PermissionRec(String direction, String policy, Integer priority, String ipProtocol,
                                String portRange, String sourcePortRange, String sourceCidrIp, String destCidrIp,
                                String sourceGroupId, String creationTime, String description) {
    }
}
