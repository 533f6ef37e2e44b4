package io.enscope.emulator.ops;

import io.enscope.emulator.Account;
import io.enscope.emulator.Limits;
import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.Scenario.EniRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.NetworkRec;
import io.enscope.emulator.scenario.Scenario.RegionRec;
import io.enscope.emulator.scenario.Scenario.VSwitchRec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The ENS operations of the emulator: the binding rules of design.md (checked in the table's
 * order), the state model, paging and filters, and the exact response shapes of ens-api.md.
 */
public final class EnsOperations {
    /** The operations this emulator serves, for {@code InvalidApi.NotFound}. */
    public static final Set<String> ACTIONS = Set.of(
            "DescribeEnsRegions", "DescribeNetworks", "DescribeVSwitches", "DescribeInstances",
            "DescribeNetworkInterfaces", "DescribeHaVips", "CreateHaVip", "DeleteHaVips",
            "ModifyHaVipAttribute", "AssociateHaVip", "UnassociateHaVip",
            "DescribeEnsEipAddresses", "AssociateEnsEipAddress", "UnAssociateEnsEipAddress",
            "DescribeSecurityGroups", "DescribeSecurityGroupAttribute", "DescribeHistoryEvents",
            "DescribeEnsRouteEntryList", "DescribeVSwitchAttributes", "DescribeNetworkAttribute",
            "ListTagResources");
    private static final Set<String> WRITES = Set.of(
            "CreateHaVip", "DeleteHaVips", "ModifyHaVipAttribute", "AssociateHaVip", "UnassociateHaVip",
            "AssociateEnsEipAddress", "UnAssociateEnsEipAddress");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.*-]{0,127}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final String ENS_INSTANCE = "EnsInstance";
    private static final String NETWORK_INTERFACE = "NetworkInterface";

    private static final int MAX_CACHED_LISTINGS = 256;
    /**
     * A listing whose filters make a longer key is computed but not kept: with bodies of up to
     * 1 MiB, keys alone could otherwise hold hundreds of MiB.
     */
    static final int MAX_CACHE_KEY_CHARS = 4096;

    private final EmulatorState state;
    private final RouteOperations routes;
    private final NetworkAttributeOperations attributes;
    private final TagOperations tags;
    /**
     * Filtered listings of the topology (networks, VSwitches, instances, ENIs never change but by
     * a reset), keyed by action and filters: a client paging through 20,000 ENIs costs one scan,
     * not one per page. Accessed under the state lock.
     */
    private final Map<String, List<?>> listingCache = new LinkedHashMap<>();

    private final EipOperations eips;
    private final SecurityGroupOperations securityGroups;
    private final EventOperations events;

    public EnsOperations(EmulatorState state) {
        this.state = state;
        this.eips = new EipOperations(state);
        this.securityGroups = new SecurityGroupOperations(state);
        this.events = new EventOperations(state);
        this.routes = new RouteOperations(state);
        this.attributes = new NetworkAttributeOperations(state);
        this.tags = new TagOperations(state);
    }

    public static boolean isWrite(String action) {
        return WRITES.contains(action);
    }

    /**
     * Runs one operation and returns its response body (without {@code RequestId}).
     *
     * @throws ApiException for every error the API answers
     */
    public Map<String, Object> execute(String action, Params params, Account caller) {
        long ticket = -1;
        Map<String, Object> body;
        state.lock.lock();
        try {
            state.settle(state.clock.millis());
            Outcome outcome = switch (action) {
                case "DescribeEnsRegions" -> Outcome.read(describeRegions(params));
                case "DescribeNetworks" -> Outcome.read(describeNetworks(params));
                case "DescribeVSwitches" -> Outcome.read(describeVSwitches(params));
                case "DescribeInstances" -> Outcome.read(describeInstances(params));
                case "DescribeNetworkInterfaces" -> Outcome.read(describeNetworkInterfaces(params));
                case "DescribeHaVips" -> describeHaVips(params);
                case "CreateHaVip" -> Outcome.write(createHaVip(params, caller));
                case "DeleteHaVips" -> Outcome.write(deleteHaVips(params, caller));
                case "ModifyHaVipAttribute" -> Outcome.write(modifyHaVipAttribute(params, caller));
                case "AssociateHaVip" -> Outcome.write(associateHaVip(params, caller));
                case "UnassociateHaVip" -> Outcome.write(unassociateHaVip(params, caller));
                case "DescribeEnsEipAddresses" -> Outcome.read(eips.describe(params));
                case "AssociateEnsEipAddress" -> Outcome.write(eips.associate(params, caller));
                case "UnAssociateEnsEipAddress" -> Outcome.write(eips.unassociate(params, caller));
                case "DescribeSecurityGroups" -> Outcome.read(securityGroups.describe(params));
                case "DescribeSecurityGroupAttribute" -> Outcome.read(securityGroups.attribute(params));
                case "DescribeHistoryEvents" -> Outcome.read(events.describe(params));
                case "DescribeEnsRouteEntryList" -> Outcome.read(routes.describeRouteEntryList(params));
                case "DescribeVSwitchAttributes" -> Outcome.read(attributes.describeVSwitchAttributes(params));
                case "DescribeNetworkAttribute" -> Outcome.read(attributes.describeNetworkAttribute(params));
                case "ListTagResources" -> Outcome.read(tags.listTagResources(params));
                default -> throw new ApiException(404, "InvalidApi.NotFound",
                        "Specified api is not found, please check your url and method.");
            };
            body = outcome.body;
        } finally {
            ticket = state.logChanges();
            state.lock.unlock();
            // Answered only once durable, errors too: a client never sees a change that a crash could take back.
            state.awaitLogged(ticket);
        }
        return body;
    }

    private record Outcome(Map<String, Object> body, boolean changed) {
        static Outcome read(Map<String, Object> body) {
            return new Outcome(body, false);
        }

        static Outcome write(Map<String, Object> body) {
            return new Outcome(body, true);
        }
    }

    // ---- AssociateHaVip / UnassociateHaVip -------------------------------------------------

    private Map<String, Object> associateHaVip(Params p, Account caller) {
        String haVipId = requireId(p, "HaVipId");
        String targetId = requireId(p, "InstanceId");
        String type = p.get("InstanceType").orElse(ENS_INSTANCE);
        if (!type.equals(ENS_INSTANCE) && !type.equals(NETWORK_INTERFACE)) {
            throw ApiException.invalidParameter("InstanceType", "Use EnsInstance or NetworkInterface.");
        }
        HaVipState h = state.haVips.get(haVipId);
        if (h == null) {
            throw ApiException.badRequest("HaVipNotFound", "The input parameter haVipId that is not found.");
        }
        InstanceRec instance = null;
        EniRec eni = null;
        if (type.equals(ENS_INSTANCE)) {
            instance = state.instances.get(targetId);
            if (instance == null) {
                throw ApiException.badRequest("InstanceNotFound", "The input parameter instancdId that is not found.");
            }
        } else {
            eni = state.enis.get(targetId);
            if (eni == null) {
                throw ApiException.badRequest("NetworkInterfaceNotFound",
                        "The specified network interface does not exist.");
            }
        }
        if (h.lifecycle != HaVipState.Lifecycle.READY || h.hasTransitionalAssociation()) {
            throw ApiException.badRequest("IncorrectHaVipStatus", "The status of the haVip is invalid.");
        }
        if (eni != null && !"Secondary".equals(eni.type())) {
            throw ApiException.badRequest("NetworkInterfaceTypeNotSupported",
                    "This network interface type cannot be used with the current operation.");
        }
        if (instance != null && !"Running".equals(instance.status()) && !"Stopped".equals(instance.status())) {
            throw ApiException.badRequest("IncorrectInstanceStatus",
                    "The current status of the instance does not support this operation.");
        }
        if (eni != null && !"Available".equals(eni.status()) && !"InUse".equals(eni.status())) {
            throw ApiException.badRequest("IncorrectNetworkInterfaceStatus",
                    "The operation could not be completed because the status of the specified network interface "
                            + "is invalid for this action.");
        }
        String targetVSwitch = instance != null ? instance.vSwitchId() : eni.vSwitchId();
        if (!h.vSwitchId.equals(targetVSwitch)) {
            throw ApiException.badRequest("IncorrectInstanceVSwitch",
                    "The binding instance must be under the same VSwitch.");
        }
        if (h.association(targetId) != null) {
            throw ApiException.badRequest("InstanceAlreadyAssociated", "The instance is already bound.");
        }
        Limits limits = state.limits();
        if (h.associations.size() >= limits.maxTargetsPerHaVip()) {
            throw ApiException.badRequest("CountLimitExceed.InstanceOnHaVip",
                    "The number of instances bound to HaVip has reached the limit.");
        }
        if (state.haVipCountOf(targetId) >= limits.maxHaVipsPerTarget()) {
            throw ApiException.badRequest("CountLimitExceed.HaVipOnInstance",
                    "The amount of HaVip associated with the specified Instance reach its limits.");
        }
        requireWritePermission(caller);

        String ip = instance != null ? instance.privateIpAddress() : eni.primaryIp();
        AssociationState a = new AssociationState(targetId, type, ip, state.nowText(),
                AssociationState.Status.ASSOCIATING);
        a.pending = state.schedule(state.timings().associate(), state.clock.millis());
        if (a.pending == null) {
            a.status = AssociationState.Status.IN_USE;
        }
        h.associations.add(a);
        state.trackPending(h);
        return new LinkedHashMap<>();
    }

    private Map<String, Object> unassociateHaVip(Params p, Account caller) {
        String haVipId = requireId(p, "HaVipId");
        String targetId = requireId(p, "InstanceId");
        HaVipState h = state.haVips.get(haVipId);
        if (h == null) {
            throw ApiException.badRequest("HaVipNotFound", "The input parameter haVipId that is not found.");
        }
        if (!state.instances.containsKey(targetId) && !state.enis.containsKey(targetId)) {
            throw ApiException.badRequest("InstanceNotFound", "The input parameter instancdId that is not found.");
        }
        AssociationState a = h.association(targetId);
        if (a == null) {
            throw ApiException.badRequest("InstanceNotAssociated",
                    "The instance is not associated with the HaVip.");
        }
        if (a.status != AssociationState.Status.IN_USE || h.lifecycle != HaVipState.Lifecycle.READY) {
            throw ApiException.badRequest("IncorrectInstanceAssociationStatus",
                    "The association status of the instance does not support this operation.");
        }
        requireWritePermission(caller);

        a.status = AssociationState.Status.UNASSOCIATING;
        a.pending = state.schedule(state.timings().unassociate(), state.clock.millis());
        if (a.pending == null) {
            h.associations.remove(a);
        }
        state.trackPending(h);
        return new LinkedHashMap<>();
    }

    // ---- HaVip lifecycle ----------------------------------------------------------------

    private Map<String, Object> createHaVip(Params p, Account caller) {
        String vSwitchId = requireId(p, "VSwitchId");
        VSwitchRec vsw = state.vSwitches.get(vSwitchId);
        if (vsw == null) {
            throw ApiException.invalidParameter("VSwitchId", "The VSwitch does not exist.");
        }
        int amount = p.intValue("Amount", 1, 1, 10);
        Optional<String> fixedIp = p.get("IpAddress");
        String name = validName(p, "Name");
        String description = p.get("Description").orElse(null);
        if (description != null && description.length() > 256) {
            throw ApiException.invalidParameter("Description", "At most 256 characters.");
        }
        Cidr cidr = Cidr.parse(vsw.cidrBlock());
        Set<String> used = state.usedIpsByVSwitch.computeIfAbsent(vSwitchId, k -> new HashSet<>());
        List<String> ips = new ArrayList<>();
        if (fixedIp.isPresent()) {
            if (amount != 1) {
                throw ApiException.invalidParameter("Amount", "Amount must be 1 when IpAddress is given.");
            }
            String ip = fixedIp.get();
            if (!IPV4.matcher(ip).matches() || cidr == null || !cidr.containsHost(ip)) {
                throw ApiException.invalidParameter("IpAddress", "The IP address is not a host address of the VSwitch "
                        + vsw.cidrBlock() + ".");
            }
            if (used.contains(ip)) {
                throw ApiException.invalidParameter("IpAddress", "The IP address is already in use.");
            }
            ips.add(ip);
        } else {
            if (cidr != null) {
                for (String ip : cidr.hosts()) {
                    if (!used.contains(ip)) {
                        ips.add(ip);
                        if (ips.size() == amount) {
                            break;
                        }
                    }
                }
            }
            if (ips.size() < amount) {
                throw ApiException.invalidParameter("VSwitchId", "The VSwitch has not enough free IP addresses.");
            }
        }
        requireWritePermission(caller);

        List<String> ids = new ArrayList<>();
        long now = state.clock.millis();
        for (String ip : ips) {
            String id = state.newId("havip-", state.haVips.keySet());
            HaVipState h = new HaVipState(id, name, description, ip, vSwitchId, vsw.networkId(), vsw.ensRegionId(),
                    state.nowText(), HaVipState.Lifecycle.CREATING);
            h.pending = state.schedule(state.timings().create(), now);
            if (h.pending == null) {
                h.lifecycle = HaVipState.Lifecycle.READY;
            }
            state.haVips.put(id, h);
            state.markUsed(vSwitchId, ip);
            state.trackPending(h);
            ids.add(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("HaVipIds", ids);
        return body;
    }

    private Map<String, Object> deleteHaVips(Params p, Account caller) {
        List<String> ids = p.list("HaVipIds");
        if (ids.isEmpty()) {
            throw ApiException.missing("HaVipIds");
        }
        List<HaVipState> targets = new ArrayList<>();
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                throw ApiException.invalidParameter("HaVipIds", "Bad HaVip id.");
            }
            HaVipState h = state.haVips.get(id);
            if (h == null) {
                throw ApiException.badRequest("HaVipNotFound", "The input parameter haVipId that is not found.");
            }
            if (h.lifecycle != HaVipState.Lifecycle.READY || !h.associations.isEmpty()) {
                throw ApiException.badRequest("IncorrectHaVipStatus",
                        "The status of the haVip is invalid. A HaVip must be Available, with no associations, "
                                + "to be deleted.");
            }
            // An EIP left bound to a deleted HaVip would name a resource that no longer exists.
            if (!eips.ofHaVip(id).isEmpty()) {
                throw ApiException.badRequest("IncorrectHaVipStatus",
                        "The status of the haVip is invalid. Unbind its EIP before deleting it.");
            }
            targets.add(h);
        }
        requireWritePermission(caller);

        long now = state.clock.millis();
        for (HaVipState h : targets) {
            h.lifecycle = HaVipState.Lifecycle.DELETING;
            h.pending = state.schedule(state.timings().delete(), now);
            if (h.pending == null) {
                state.complete(h);
            } else {
                state.trackPending(h);
            }
        }
        return new LinkedHashMap<>();
    }

    private Map<String, Object> modifyHaVipAttribute(Params p, Account caller) {
        String haVipId = requireId(p, "HaVipId");
        // Name is optional in the request model: without it the call changes nothing.
        String name = validName(p, "Name");
        HaVipState h = state.haVips.get(haVipId);
        if (h == null) {
            throw ApiException.badRequest("HaVipNotFound", "The input parameter haVipId that is not found.");
        }
        requireWritePermission(caller);
        if (name != null) {
            h.name = name;
            state.touch(h.id);
        }
        return new LinkedHashMap<>();
    }

    private static String validName(Params p, String param) {
        String name = p.get(param).orElse(null);
        if (name != null && (name.length() > 128 || name.startsWith("http://") || name.startsWith("https://"))) {
            throw ApiException.invalidParameter(param,
                    "It must be 1 to 128 characters and must not start with http:// or https://.");
        }
        return name;
    }

    static void requireWritePermission(Account caller) {
        if (caller.readOnly()) {
            throw ApiException.badRequest("NoPermission", "Permission denied.");
        }
    }

    static String requireId(Params p, String name) {
        String id = p.require(name);
        if (!ID.matcher(id).matches()) {
            throw ApiException.invalid(name);
        }
        return id;
    }

    // ---- Describe* ---------------------------------------------------------------------

    private Map<String, Object> describeRegions(Params p) {
        Optional<String> region = p.get("EnsRegionId");
        List<Map<String, Object>> items = new ArrayList<>();
        for (RegionRec r : state.regions.values()) {
            if (region.isEmpty() || region.get().equals(r.ensRegionId())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("EnsRegionId", r.ensRegionId());
                m.put("Name", r.name());
                m.put("EnName", r.enName());
                m.put("Area", r.area());
                m.put("Province", r.province());
                items.add(m);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", 0);
        body.put("EnsRegions", Map.of("EnsRegions", items));
        return body;
    }

    private Map<String, Object> describeNetworks(Params p) {
        Predicate<NetworkRec> filter = regionFilter(p, NetworkRec::ensRegionId)
                .and(eq(p, "NetworkId", NetworkRec::networkId))
                .and(inList(p, "NetworkIds", NetworkRec::networkId))
                .and(eq(p, "NetworkName", NetworkRec::networkName));
        return page(state.networks.values(), filter, p, 10, 50, "Networks", "Network", n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("NetworkId", n.networkId());
            m.put("NetworkName", n.networkName());
            m.put("Description", n.description());
            m.put("EnsRegionId", n.ensRegionId());
            m.put("CidrBlock", n.cidrBlock());
            m.put("Status", n.status());
            m.put("CreatedTime", n.createdTime());
            List<String> vsw = new ArrayList<>();
            for (VSwitchRec v : state.vSwitches.values()) {
                if (v.networkId().equals(n.networkId())) {
                    vsw.add(v.vSwitchId());
                }
            }
            m.put("VSwitchIds", Map.of("VSwitchId", vsw));
            m.put("Tags", Map.of("Tag", List.of()));
            return m;
        });
    }

    private Map<String, Object> describeVSwitches(Params p) {
        Predicate<VSwitchRec> filter = regionFilter(p, VSwitchRec::ensRegionId)
                .and(eq(p, "NetworkId", VSwitchRec::networkId))
                .and(eq(p, "VSwitchId", VSwitchRec::vSwitchId))
                .and(inList(p, "VSwitchIds", VSwitchRec::vSwitchId))
                .and(eq(p, "VSwitchName", VSwitchRec::vSwitchName));
        return page(state.vSwitches.values(), filter, p, 10, 50, "VSwitches", "VSwitch", v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("VSwitchId", v.vSwitchId());
            m.put("VSwitchName", v.vSwitchName());
            m.put("Description", v.description());
            m.put("EnsRegionId", v.ensRegionId());
            m.put("NetworkId", v.networkId());
            m.put("CidrBlock", v.cidrBlock());
            Cidr cidr = Cidr.parse(v.cidrBlock());
            long total = cidr == null ? 0 : cidr.hostCount();
            Set<String> used = state.usedIpsByVSwitch.getOrDefault(v.vSwitchId(), Set.of());
            m.put("FreeIpCount", Math.max(0, total - used.size()));
            m.put("Status", v.status());
            m.put("CreatedTime", v.createdTime());
            m.put("Tags", Map.of("Tag", List.of()));
            return m;
        });
    }

    private Map<String, Object> describeInstances(Params p) {
        Predicate<InstanceRec> filter = regionFilter(p, InstanceRec::ensRegionId)
                .and(eq(p, "InstanceId", InstanceRec::instanceId))
                .and(inList(p, "InstanceIds", InstanceRec::instanceId))
                .and(eq(p, "InstanceName", InstanceRec::instanceName))
                .and(eq(p, "Status", InstanceRec::status))
                .and(eq(p, "NetworkId", InstanceRec::networkId))
                .and(eq(p, "VSwitchId", InstanceRec::vSwitchId))
                .and(eq(p, "IntranetIp", InstanceRec::privateIpAddress))
                .and(searchKey(p))
                .and(InstanceFields.filter(p));
        Map<String, Object> body = page(state.instances.values(), filter, InstanceFields.order(p), p, 10, 100,
                "Instances", "Instance", this::instanceShape);
        Map<String, Object> withCode = new LinkedHashMap<>();
        withCode.put("Code", 0);
        withCode.putAll(body);
        return withCode;
    }

    private static Predicate<InstanceRec> searchKey(Params p) {
        Optional<String> key = p.get("SearchKey");
        return key.<Predicate<InstanceRec>>map(k -> i -> i.instanceId().contains(k)
                        || (i.instanceName() != null && i.instanceName().contains(k))
                        || (i.privateIpAddress() != null && i.privateIpAddress().contains(k)))
                .orElse(i -> true);
    }

    private Map<String, Object> instanceShape(InstanceRec i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("InstanceId", i.instanceId());
        m.put("InstanceName", i.instanceName());
        m.put("HostName", i.hostName());
        m.put("Status", i.status());
        m.put("EnsRegionId", i.ensRegionId());
        m.put("SpecName", i.specName());
        m.put("InstanceTypeFamily", "x86_vm");
        m.put("InstanceResourceType", InstanceFields.resourceType(i));
        m.put("ImageId", i.imageId());
        m.put("OSName", i.osName());
        m.put("Cpu", i.cpu());
        m.put("Memory", i.memory());
        m.put("Disk", i.disk());
        m.put("CreationTime", i.creationTime());
        m.put("ExpiredTime", i.expiredTime());
        InstanceFields.putDetails(m, i);
        m.put("SpotStrategy", "NoSpot");
        m.put("DeletionProtection", false);
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("NetworkId", i.networkId());
        net.put("VSwitchId", i.vSwitchId());
        net.put("PrivateIpAddress", Map.of("IpAddress", ipList(i.privateIpAddress())));
        m.put("NetworkAttributes", net);
        List<Map<String, Object>> enis = new ArrayList<>();
        for (EniRec e : state.enisByInstance.getOrDefault(i.instanceId(), List.of())) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("NetworkInterfaceId", e.networkInterfaceId());
            em.put("Type", e.type());
            em.put("MacAddress", e.macAddress());
            em.put("PrimaryIpAddress", e.primaryIp());
            em.put("PrivateIpSets", Map.of("PrivateIpSet",
                    List.of(Map.of("PrivateIpAddress", e.primaryIp(), "Primary", true))));
            em.put("Ipv6Sets", Map.of("Ipv6Set", List.of()));
            enis.add(em);
        }
        m.put("NetworkInterfaces", Map.of("NetworkInterfaces", enis));
        m.put("InnerIpAddress", Map.of("IpAddress", ipList(i.privateIpAddress())));
        m.put("PublicIpAddress", Map.of("IpAddress", ipList(i.publicIpAddress())));
        m.put("PrivateIpAddresses", Map.of("PrivateIpAddress", i.privateIpAddress() == null ? List.of()
                : List.of(Map.of("Ip", i.privateIpAddress(), "GateWay", gateway(i.privateIpAddress()), "Isp", ""))));
        m.put("PublicIpAddresses", Map.of("PublicIpAddress", i.publicIpAddress() == null ? List.of()
                : List.of(Map.of("Ip", i.publicIpAddress(), "GateWay", gateway(i.publicIpAddress()), "Isp",
                "telecom"))));
        m.put("SecurityGroupIds", Map.of("SecurityGroupId", ipList(i.securityGroupId())));
        InstanceFields.putDisksAndTags(m, i);
        return m;
    }

    private static List<String> ipList(String ip) {
        return ip == null || ip.isEmpty() ? List.of() : List.of(ip);
    }

    private static String gateway(String ip) {
        int dot = ip.lastIndexOf('.');
        return dot < 0 ? "" : ip.substring(0, dot) + ".1";
    }

    private Map<String, Object> describeNetworkInterfaces(Params p) {
        Predicate<EniRec> filter = regionFilter(p, EniRec::ensRegionId)
                .and(eq(p, "NetworkInterfaceId", EniRec::networkInterfaceId))
                .and(inList(p, "NetworkInterfaceIds", EniRec::networkInterfaceId))
                .and(eq(p, "InstanceId", EniRec::instanceId))
                .and(eq(p, "NetworkId", EniRec::networkId))
                .and(eq(p, "VSwitchId", EniRec::vSwitchId))
                .and(eq(p, "Type", EniRec::type))
                .and(eq(p, "Status", EniRec::status))
                .and(eq(p, "PrimaryIpAddress", EniRec::primaryIp))
                .and(eq(p, "NetworkInterfaceName", EniRec::networkInterfaceName))
                .and(eq(p, "SecurityGroupId", EniRec::securityGroupId));
        return page(state.enis.values(), filter, p, 50, 100, "NetworkInterfaceSets", "NetworkInterfaceSet",
                e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("NetworkInterfaceId", e.networkInterfaceId());
                    m.put("NetworkInterfaceName", e.networkInterfaceName());
                    m.put("Description", e.description());
                    m.put("Type", e.type());
                    m.put("Status", e.status());
                    m.put("InstanceId", e.instanceId() == null ? "" : e.instanceId());
                    m.put("EnsRegionId", e.ensRegionId());
                    m.put("NetworkId", e.networkId());
                    m.put("VSwitchId", e.vSwitchId());
                    m.put("MacAddress", e.macAddress());
                    m.put("PrimaryIp", e.primaryIp());
                    m.put("PrimaryIpType", "Private");
                    m.put("CreationTime", e.creationTime());
                    m.put("VmncLearn", false);
                    m.put("PrivateIpSets", Map.of("PrivateIpSet", List.of(Map.of(
                            "PrivateIpAddress", e.primaryIp(), "Primary", true, "PrivateIpStatus", "Available"))));
                    m.put("Ipv6Sets", Map.of("Ipv6Set", List.of()));
                    m.put("SecurityGroupIds", Map.of("SecurityGroup", ipList(e.securityGroupId())));
                    return m;
                });
    }

    private Outcome describeHaVips(Params p) {
        Predicate<HaVipState> filter = regionFilter(p, (HaVipState h) -> h.ensRegionId)
                .and(eq(p, "HaVipId", (HaVipState h) -> h.id))
                .and(eq(p, "HaVipAddress", (HaVipState h) -> h.ipAddress))
                .and(eq(p, "Name", (HaVipState h) -> h.name))
                .and(eq(p, "NetworkId", (HaVipState h) -> h.networkId))
                .and(eq(p, "VSwitchId", (HaVipState h) -> h.vSwitchId))
                .and(eq(p, "Status", state::statusOf));
        int pageNumber = p.intValue("PageNumber", 1, 1, 1_000_000);
        int pageSize = p.intValue("PageSize", 10, 1, 100);
        List<HaVipState> matching = new ArrayList<>();
        for (HaVipState h : state.haVips.values()) {
            if (filter.test(h)) {
                matching.add(h);
            }
        }
        List<HaVipState> onPage = slice(matching, pageNumber, pageSize);
        boolean changed = false;
        for (HaVipState h : onPage) {
            changed |= state.observePoll(h);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (HaVipState h : onPage) {
            if (state.haVips.containsKey(h.id)) {
                items.add(haVipShape(h, state.statusOf(h)));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TotalCount", String.valueOf(matching.size()));
        body.put("PageNumber", String.valueOf(pageNumber));
        body.put("PageSize", String.valueOf(pageSize));
        body.put("HaVips", items);
        return new Outcome(body, changed);
    }

    private Map<String, Object> haVipShape(HaVipState h, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("HaVipId", h.id);
        m.put("Name", h.name == null ? "" : h.name);
        m.put("Description", h.description == null ? "" : h.description);
        m.put("IpAddress", h.ipAddress);
        m.put("Status", status);
        m.put("VSwitchId", h.vSwitchId);
        m.put("NetworkId", h.networkId);
        m.put("EnsRegionId", h.ensRegionId);
        m.put("CreationTime", h.creationTime);
        List<Map<String, Object>> assocs = new ArrayList<>();
        for (AssociationState a : h.associations) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("InstanceId", a.instanceId);
            am.put("InstanceType", a.instanceType);
            am.put("IpAddress", a.ipAddress);
            am.put("Status", a.status.wire);
            am.put("CreationTime", a.creationTime);
            assocs.add(am);
        }
        m.put("AssociatedInstances", assocs);
        m.put("AssociatedEipAddresses", eips.ofHaVip(h.id));
        return m;
    }

    // ---- paging and filters --------------------------------------------------------------

    private <T> Map<String, Object> page(Collection<T> all, Predicate<T> filter, Params p, int defaultSize,
                                         int maxSize, String wrapper, String item,
                                         Function<T, Map<String, Object>> shape) {
        return page(all, filter, UnaryOperator.identity(), p, defaultSize, maxSize, wrapper, item, shape);
    }

    /** @param order puts the filtered listing in the order the request asks for */
    private <T> Map<String, Object> page(Collection<T> all, Predicate<T> filter, UnaryOperator<List<T>> order,
                                         Params p, int defaultSize, int maxSize, String wrapper, String item,
                                         Function<T, Map<String, Object>> shape) {
        int pageNumber = p.intValue("PageNumber", 1, 1, 1_000_000);
        int pageSize = p.intValue("PageSize", defaultSize, 1, maxSize);
        List<T> matching = cachedListing(wrapper, p, all, filter, order);
        List<Map<String, Object>> items = new ArrayList<>();
        for (T t : slice(matching, pageNumber, pageSize)) {
            items.add(shape.apply(t));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PageNumber", pageNumber);
        body.put("PageSize", pageSize);
        body.put("TotalCount", matching.size());
        body.put(wrapper, Map.of(item, items));
        return body;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> cachedListing(String listing, Params p, Collection<T> all, Predicate<T> filter,
                                      UnaryOperator<List<T>> order) {
        StringBuilder key = new StringBuilder().append(state.generation()).append('|').append(listing);
        p.asMap().forEach((k, v) -> {
            if (!k.equals("PageNumber") && !k.equals("PageSize")) {
                key.append('|').append(k).append('=').append(v);
            }
        });
        String cacheKey = key.toString();
        List<?> cached = listingCache.get(cacheKey);
        if (cached != null) {
            return (List<T>) cached;
        }
        List<T> filtered = new ArrayList<>();
        for (T t : all) {
            if (filter.test(t)) {
                filtered.add(t);
            }
        }
        List<T> matching = order.apply(filtered);
        if (cacheKey.length() > MAX_CACHE_KEY_CHARS) {
            return matching;
        }
        if (listingCache.size() >= MAX_CACHED_LISTINGS) {
            listingCache.clear();
        }
        listingCache.put(cacheKey, List.copyOf(matching));
        return matching;
    }

    /** The characters held by the listing cache's keys (for tests of its bound). */
    int listingCacheKeyChars() {
        state.lock.lock();
        try {
            return listingCache.keySet().stream().mapToInt(String::length).sum();
        } finally {
            state.lock.unlock();
        }
    }

    private static <T> List<T> slice(List<T> list, int pageNumber, int pageSize) {
        long from = (long) (pageNumber - 1) * pageSize;
        if (from >= list.size()) {
            return List.of();
        }
        return list.subList((int) from, (int) Math.min(list.size(), from + pageSize));
    }

    private static <T> Predicate<T> eq(Params p, String name, Function<T, String> field) {
        Optional<String> wanted = p.get(name);
        return wanted.<Predicate<T>>map(w -> t -> w.equals(field.apply(t))).orElse(t -> true);
    }

    private static <T> Predicate<T> inList(Params p, String name, Function<T, String> field) {
        if (!p.hasList(name)) {
            return t -> true;
        }
        Set<String> wanted = new HashSet<>(p.list(name));
        return t -> wanted.contains(field.apply(t));
    }

    private static <T> Predicate<T> regionFilter(Params p, Function<T, String> region) {
        return EnsOperations.<T>eq(p, "EnsRegionId", region).and(inList(p, "EnsRegionIds", region));
    }
}
