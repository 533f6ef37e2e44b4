package io.enscope.emulator.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A complete emulator topology: what a scenario file holds and what the state file persists.
 *
 * <p>Field names follow the API's PascalCase when written as JSON (see {@link ScenarioFiles}),
 * so a scenario file reads like the Describe* responses it produces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(
        List<RegionRec> regions,
        List<NetworkRec> networks,
        List<VSwitchRec> vSwitches,
        List<InstanceRec> instances,
        List<EniRec> networkInterfaces,
        List<HaVipRec> haVips,
        List<EipRec> eips,
        List<SecurityGroupRec> securityGroups,
        List<EventRec> events) {

    /** A topology without EIPs, security groups and events (as files written before them hold). */
    public Scenario(List<RegionRec> regions, List<NetworkRec> networks, List<VSwitchRec> vSwitches,
                    List<InstanceRec> instances, List<EniRec> networkInterfaces, List<HaVipRec> haVips) {
        this(regions, networks, vSwitches, instances, networkInterfaces, haVips, null, null, null);
    }

    public Scenario {
        regions = List.copyOf(orEmpty(regions));
        networks = List.copyOf(orEmpty(networks));
        vSwitches = List.copyOf(orEmpty(vSwitches));
        instances = List.copyOf(orEmpty(instances));
        networkInterfaces = List.copyOf(orEmpty(networkInterfaces));
        haVips = List.copyOf(orEmpty(haVips));
        eips = List.copyOf(orEmpty(eips));
        securityGroups = List.copyOf(orEmpty(securityGroups));
        events = List.copyOf(orEmpty(events));
    }

    /** This topology with other EIPs, security groups and events. */
    public Scenario withNeighbourhood(List<EipRec> newEips, List<SecurityGroupRec> newGroups,
                                      List<EventRec> newEvents) {
        return new Scenario(regions, networks, vSwitches, instances, networkInterfaces, haVips, newEips, newGroups,
                newEvents);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** An ENS edge region (node), e.g. {@code cn-hangzhou-telecom}. */
    public record RegionRec(String ensRegionId, String name, String enName, String area, String province) {
    }

    /** An ENS network (the VPC of an edge region). */
    public record NetworkRec(String networkId, String networkName, String description, String ensRegionId,
                             String cidrBlock, String status, String createdTime) {
    }

    /** A VSwitch inside a network. */
    public record VSwitchRec(String vSwitchId, String vSwitchName, String description, String ensRegionId,
                             String networkId, String cidrBlock, String status, String createdTime) {
    }

    /** An ENS instance; its primary private IP is in its VSwitch. */
    public record InstanceRec(String instanceId, String instanceName, String hostName, String ensRegionId,
                              String networkId, String vSwitchId, String status, String privateIpAddress,
                              String publicIpAddress, String specName, String imageId, String osName,
                              String cpu, Integer memory, Integer disk, String securityGroupId,
                              String creationTime, String expiredTime) {
    }

    /** An elastic network interface: {@code Primary} ones belong to an instance for life. */
    public record EniRec(String networkInterfaceId, String networkInterfaceName, String description,
                         String ensRegionId, String networkId, String vSwitchId, String instanceId,
                         String type, String status, String primaryIp, String macAddress,
                         String securityGroupId, String creationTime) {
    }

    /** A HaVip with its associations; transitional statuses are allowed in scenarios. */
    public record HaVipRec(String haVipId, String name, String description, String ipAddress, String status,
                           String vSwitchId, String networkId, String ensRegionId, String creationTime,
                           List<AssociationRec> associatedInstances) {
        public HaVipRec {
            associatedInstances = associatedInstances == null ? List.of() : List.copyOf(associatedInstances);
        }
    }

    /** One binding of a HaVip to an instance ({@code EnsInstance}) or an ENI ({@code NetworkInterface}). */
    public record AssociationRec(String instanceId, String instanceType, String ipAddress, String status,
                                 String creationTime) {
    }
}
