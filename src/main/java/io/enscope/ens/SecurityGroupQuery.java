package io.enscope.ens;

/**
 * Filters of DescribeSecurityGroups (ens-api-ha.md §2.4), which has no region filter.
 *
 * @param securityGroupId {@code SecurityGroupId}, null for all
 * @param name            {@code SecurityGroupName}, null for all
 */
public record SecurityGroupQuery(String securityGroupId, String name) {
    /** Normalises blanks to null. */
    public SecurityGroupQuery {
        securityGroupId = QueryValues.text(securityGroupId);
        name = QueryValues.text(name);
    }

    /** @return every security group */
    public static SecurityGroupQuery all() {
        return new SecurityGroupQuery(null, null);
    }
}
