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
        List<EventRec> events,
        List<RouteEntryRec> routeEntries) {

    /** A topology without its neighbourhood (as the first scenario files hold). */
    public Scenario(List<RegionRec> regions, List<NetworkRec> networks, List<VSwitchRec> vSwitches,
                    List<InstanceRec> instances, List<EniRec> networkInterfaces, List<HaVipRec> haVips) {
        this(regions, networks, vSwitches, instances, networkInterfaces, haVips, null, null, null, null);
    }

    /** A topology with EIPs, security groups and events, without route entries. */
    public Scenario(List<RegionRec> regions, List<NetworkRec> networks, List<VSwitchRec> vSwitches,
                    List<InstanceRec> instances, List<EniRec> networkInterfaces, List<HaVipRec> haVips,
                    List<EipRec> eips, List<SecurityGroupRec> securityGroups, List<EventRec> events) {
        this(regions, networks, vSwitches, instances, networkInterfaces, haVips, eips, securityGroups, events,
                null);
    }

    /** A topology with route entries, without EIPs, security groups and events. */
    public Scenario(List<RegionRec> regions, List<NetworkRec> networks, List<VSwitchRec> vSwitches,
                    List<InstanceRec> instances, List<EniRec> networkInterfaces, List<HaVipRec> haVips,
                    List<RouteEntryRec> routeEntries) {
        this(regions, networks, vSwitches, instances, networkInterfaces, haVips, null, null, null, routeEntries);
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
        routeEntries = List.copyOf(orEmpty(routeEntries));
    }

    /** This topology with other EIPs, security groups and events. */
    public Scenario withNeighbourhood(List<EipRec> newEips, List<SecurityGroupRec> newGroups,
                                      List<EventRec> newEvents) {
        return new Scenario(regions, networks, vSwitches, instances, networkInterfaces, haVips, newEips, newGroups,
                newEvents, routeEntries);
    }

    /**
     * The route table of a network. Networks of the scenario format carry none, so it is derived
     * from the network's id: network {@code n-abc} has route table {@code vtb-abc}.
     */
    public static String routeTableIdOf(String networkId) {
        return "vtb-" + (networkId.startsWith("n-") ? networkId.substring(2) : networkId);
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

    /**
     * An ENS instance; its primary private IP is in its VSwitch. The fields after {@code expiredTime}
     * came later and may be absent from a file: DescribeInstances then answers plausible defaults.
     *
     * @param instanceResourceType {@code EnsInstance}, {@code EnsService}, {@code BuildMachine} or
     *                             {@code EnsPostPaidInstance}; null means {@code EnsService}
     * @param systemDisk           null: derived from {@code disk}
     * @param dataDisks            null or empty: none
     * @param tags                 null or empty: none
     */
    public record InstanceRec(String instanceId, String instanceName, String hostName, String ensRegionId,
                              String networkId, String vSwitchId, String status, String privateIpAddress,
                              String publicIpAddress, String specName, String imageId, String osName,
                              String cpu, Integer memory, Integer disk, String securityGroupId,
                              String creationTime, String expiredTime,
                              String instanceResourceType, String ensServiceId, Integer internetMaxBandwidthIn,
                              Integer internetMaxBandwidthOut, String keyPairName, String autoReleaseTime,
                              String serviceStatus, DiskRec systemDisk, List<DiskRec> dataDisks, List<TagRec> tags) {
        public InstanceRec {
            dataDisks = dataDisks == null ? List.of() : List.copyOf(dataDisks);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** An instance with only the fields of the first scenario format. */
        public InstanceRec(String instanceId, String instanceName, String hostName, String ensRegionId,
                           String networkId, String vSwitchId, String status, String privateIpAddress,
                           String publicIpAddress, String specName, String imageId, String osName,
                           String cpu, Integer memory, Integer disk, String securityGroupId,
                           String creationTime, String expiredTime) {
            this(instanceId, instanceName, hostName, ensRegionId, networkId, vSwitchId, status, privateIpAddress,
                    publicIpAddress, specName, imageId, osName, cpu, memory, disk, securityGroupId, creationTime,
                    expiredTime, null, null, null, null, null, null, null, null, null, null);
        }

        /** A copy with other tags. */
        public InstanceRec withTags(List<TagRec> newTags) {
            return new InstanceRec(instanceId, instanceName, hostName, ensRegionId, networkId, vSwitchId, status,
                    privateIpAddress, publicIpAddress, specName, imageId, osName, cpu, memory, disk, securityGroupId,
                    creationTime, expiredTime, instanceResourceType, ensServiceId, internetMaxBandwidthIn,
                    internetMaxBandwidthOut, keyPairName, autoReleaseTime, serviceStatus, systemDisk, dataDisks,
                    newTags);
        }
    }

    /** A disk of an instance; {@code size} in MiB, as DescribeInstances' {@code Size}. */
    public record DiskRec(String diskId, String diskName, String category, Integer size) {
    }

    /** A tag of an instance. */
    public record TagRec(String key, String value) {
    }

    /**
     * A route entry of a network's route table; its next hops may be HaVips ({@code NextHopType}
     * {@code HaVip}), instances or network peers.
     */
    public record RouteEntryRec(String routeEntryId, String routeEntryName, String routeTableId,
                                String destinationCidrBlock, String sourceCidrBlock, String type, String status,
                                String description, String creationTime, List<NextHopRec> nextHops) {
        public RouteEntryRec {
            nextHops = nextHops == null ? List.of() : List.copyOf(nextHops);
        }
    }

    /** One next hop of a route entry. */
    public record NextHopRec(String nextHopType, String nextHopId, String nextHopName) {
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
