package io.enscope.emulator.ops;

import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.SecurityGroupRec;
import io.enscope.emulator.scenario.SecurityGroupRec.PermissionRec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DescribeSecurityGroups and DescribeSecurityGroupAttribute (ens-api-ha.md §2.4, §2.5). Callers hold the state lock. */
final class SecurityGroupOperations {
    private final EmulatorState state;

    SecurityGroupOperations(EmulatorState state) {
        this.state = state;
    }

    Map<String, Object> describe(Params p) {
        Optional<String> id = p.get("SecurityGroupId");
        Optional<String> name = p.get("SecurityGroupName");
        int pageNumber = p.intValue("PageNumber", 1, 1, 1_000_000);
        int pageSize = p.intValue("PageSize", 10, 1, 50);
        List<SecurityGroupRec> matching = new ArrayList<>();
        for (SecurityGroupRec g : state.securityGroups.values()) {
            if (id.map(i -> i.equals(g.securityGroupId())).orElse(true)
                    && name.map(n -> n.equals(g.securityGroupName())).orElse(true)) {
                matching.add(g);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (SecurityGroupRec g : NeighbourParams.slice(matching, pageNumber, pageSize)) {
            List<String> instances = state.instancesBySecurityGroup.getOrDefault(g.securityGroupId(), List.of());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("SecurityGroupId", g.securityGroupId());
            m.put("SecurityGroupName", text(g.securityGroupName()));
            m.put("Description", text(g.description()));
            m.put("CreationTime", text(g.creationTime()));
            m.put("InstanceCount", instances.size());
            m.put("InstanceIds", Map.of("InstanceId", instances));
            m.put("NetworkInterfaceIds", Map.of("NetworkInterfaceId",
                    state.enisBySecurityGroup.getOrDefault(g.securityGroupId(), List.of())));
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PageNumber", pageNumber);
        body.put("PageSize", pageSize);
        body.put("TotalCount", matching.size());
        body.put("SecurityGroups", Map.of("SecurityGroup", items));
        return body;
    }

    Map<String, Object> attribute(Params p) {
        String id = EnsOperations.requireId(p, "SecurityGroupId");
        SecurityGroupRec g = state.securityGroups.get(id);
        if (g == null) {
            throw ApiException.badRequest("InvalidSecurityGroupId.NotFound",
                    "The specified security group does not exist.");
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (PermissionRec r : g.permissions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Direction", text(r.direction()));
            m.put("Policy", text(r.policy()));
            m.put("Priority", r.priority() == null ? 1 : r.priority());
            m.put("IpProtocol", text(r.ipProtocol()));
            m.put("PortRange", r.portRange() == null ? "-1/-1" : r.portRange());
            m.put("SourcePortRange", r.sourcePortRange() == null ? "-1/-1" : r.sourcePortRange());
            m.put("SourceCidrIp", text(r.sourceCidrIp()));
            m.put("DestCidrIp", text(r.destCidrIp()));
            if (r.sourceGroupId() != null) {
                m.put("SourceGroupId", r.sourceGroupId());
            }
            m.put("Ipv6SourceCidrIp", "");
            m.put("Ipv6DestCidrIp", "");
            m.put("CreationTime", text(r.creationTime()));
            m.put("Description", text(r.description()));
            rules.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("SecurityGroupId", g.securityGroupId());
        body.put("SecurityGroupName", text(g.securityGroupName()));
        body.put("Description", text(g.description()));
        body.put("Permissions", Map.of("Permission", rules));
        return body;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
