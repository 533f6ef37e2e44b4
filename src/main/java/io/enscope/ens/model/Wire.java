package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.List;

/**
 * The wrapper objects of the ENS JSON ({@code {"IpAddress": [...]}} and the like), only used while
 * reading; the public records flatten them. Every wrapper also accepts the bare array, because
 * some ENS pages document a list as flat where the SDK shows it wrapped.
 */
final class Wire {

    private Wire() {
    }

    /** {@code {"IpAddress": ["10.0.0.1"]}}. */
    record IpAddressList(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static IpAddressList wrapped(@JsonProperty("IpAddress") List<String> values) {
            return new IpAddressList(WireValues.strings(values));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static IpAddressList flat(List<String> values) {
            return wrapped(values);
        }

        static List<String> of(IpAddressList list) {
            return list == null ? List.of() : list.values();
        }
    }

    /** One {@code {"Ip": "…", "GateWay": "…", "Isp": "…"}} entry of an instance. */
    record IpEntry(@JsonProperty("Ip") String ip) {
    }

    /** {@code {"PrivateIpAddress": [{"Ip": …}]}} of an instance. */
    record PrivateIpEntries(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static PrivateIpEntries wrapped(@JsonProperty("PrivateIpAddress") List<IpEntry> entries) {
            return new PrivateIpEntries(ips(entries));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PrivateIpEntries flat(List<IpEntry> entries) {
            return wrapped(entries);
        }

        static List<String> of(PrivateIpEntries list) {
            return list == null ? List.of() : list.values();
        }
    }

    /** {@code {"PublicIpAddress": [{"Ip": …}]}} of an instance. */
    record PublicIpEntries(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static PublicIpEntries wrapped(@JsonProperty("PublicIpAddress") List<IpEntry> entries) {
            return new PublicIpEntries(ips(entries));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PublicIpEntries flat(List<IpEntry> entries) {
            return wrapped(entries);
        }

        static List<String> of(PublicIpEntries list) {
            return list == null ? List.of() : list.values();
        }
    }

    private static List<String> ips(List<IpEntry> entries) {
        return WireValues.strings(WireValues.list(entries).stream().map(IpEntry::ip).toList());
    }

    /** {@code NetworkAttributes} of an instance. */
    record NetworkAttributes(
            @JsonProperty("NetworkId") String networkId,
            @JsonProperty("VSwitchId") String vSwitchId,
            @JsonProperty("PrivateIpAddress") IpAddressList privateIpAddress) {
    }

    /** {@code {"NetworkInterfaces": [...]}} under an instance: the same name twice. */
    record InstanceInterfaces(List<InstanceNetworkInterface> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static InstanceInterfaces wrapped(
                @JsonProperty("NetworkInterfaces") List<InstanceNetworkInterface> values) {
            return new InstanceInterfaces(WireValues.list(values));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static InstanceInterfaces flat(List<InstanceNetworkInterface> values) {
            return wrapped(values);
        }

        static List<InstanceNetworkInterface> of(InstanceInterfaces list) {
            return list == null ? List.of() : list.values();
        }
    }

    /** One {@code PrivateIpSet} entry of an ENI. */
    record PrivateIpSet(
            @JsonProperty("PrivateIpAddress") String privateIpAddress,
            @JsonProperty("Primary") Boolean primary) {
    }

    /** {@code {"PrivateIpSet": [...]}} of an ENI. */
    record PrivateIpSets(List<PrivateIpSet> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static PrivateIpSets wrapped(@JsonProperty("PrivateIpSet") List<PrivateIpSet> values) {
            return new PrivateIpSets(WireValues.list(values));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PrivateIpSets flat(List<PrivateIpSet> values) {
            return wrapped(values);
        }

        /** The addresses, the primary one first. */
        static List<String> addresses(PrivateIpSets sets) {
            if (sets == null) {
                return List.of();
            }
            return WireValues.strings(sets.values().stream()
                    .sorted(Comparator.comparing((PrivateIpSet set) -> !Boolean.TRUE.equals(set.primary())))
                    .map(PrivateIpSet::privateIpAddress)
                    .toList());
        }
    }

    /**
     * {@code SecurityGroupIds} of an ENI. The ENI model names the inner array {@code SecurityGroup};
     * the instance model names it {@code SecurityGroupId}; both are read.
     */
    record SecurityGroupIds(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static SecurityGroupIds wrapped(
                @JsonProperty("SecurityGroup") List<String> securityGroup,
                @JsonProperty("SecurityGroupId") List<String> securityGroupId) {
            return new SecurityGroupIds(WireValues.firstNonEmpty(securityGroup, securityGroupId));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static SecurityGroupIds flat(List<String> values) {
            return new SecurityGroupIds(WireValues.strings(values));
        }

        static List<String> of(SecurityGroupIds list) {
            return list == null ? List.of() : list.values();
        }
    }

    /** {@code {"VSwitchId": [...]}} of a network. */
    record VSwitchIds(List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static VSwitchIds wrapped(@JsonProperty("VSwitchId") List<String> values) {
            return new VSwitchIds(WireValues.strings(values));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static VSwitchIds flat(List<String> values) {
            return wrapped(values);
        }

        static List<String> of(VSwitchIds list) {
            return list == null ? List.of() : list.values();
        }
    }
}
