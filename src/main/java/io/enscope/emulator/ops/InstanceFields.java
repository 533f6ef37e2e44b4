package io.enscope.emulator.ops;

import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.Scenario.DiskRec;
import io.enscope.emulator.scenario.Scenario.InstanceRec;
import io.enscope.emulator.scenario.Scenario.TagRec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * DescribeInstances beyond the topology: the documented filters that are not about the network
 * ({@code ImageId}, {@code InstanceType}, {@code Tags} …), {@code OrderByParams}, and the
 * instance fields a scenario may leave out ({@code SystemDisk}, {@code Tags} …) with plausible
 * defaults. A documented filter the scenarios hold no data for is refused, never ignored.
 */
final class InstanceFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The documented InstanceResourceType values; a scenario's default is {@code EnsService}. */
    static final Set<String> RESOURCE_TYPES = Set.of("EnsInstance", "EnsService", "BuildMachine",
            "EnsPostPaidInstance");
    /** Documented filters the scenarios hold no data for: refused with a clear message. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "EipAddresses", "the emulator's instances have no EIPs",
            "VpdId", "the emulator's instances are in no VPD",
            "VpdVSwitchId", "the emulator's instances are in no VPD",
            "Ipv6Address", "the emulator's instances have no IPv6 addresses");
    /** OrderByParams keys; {@code EnsRegionIdSort} stands for the doc's "sort by node ID" (its key is not given). */
    private static final Map<String, Function<InstanceRec, String>> SORT_KEYS = new LinkedHashMap<>();

    static {
        SORT_KEYS.put("InstanceNameSort", InstanceRec::instanceName);
        SORT_KEYS.put("ExpireTimeSort", InstanceRec::expiredTime);
        SORT_KEYS.put("CreationTimeSort", InstanceRec::creationTime);
        SORT_KEYS.put("EnsRegionIdSort", InstanceRec::ensRegionId);
    }

    private InstanceFields() {
    }

    /** The filters of this class, ANDed; throws for a filter it refuses or a bad value. */
    static Predicate<InstanceRec> filter(Params p) {
        for (Map.Entry<String, String> e : UNSUPPORTED.entrySet()) {
            if (sent(p, e.getKey())) {
                throw ApiException.invalidParameter(e.getKey(), "The emulator does not support this filter: "
                        + e.getValue() + ".");
            }
        }
        Predicate<InstanceRec> filter = eq(p, "ImageId", InstanceRec::imageId)
                .and(eq(p, "InstanceType", InstanceRec::specName))
                .and(eq(p, "SecurityGroupId", InstanceRec::securityGroupId))
                .and(eq(p, "EnsServiceId", InstanceRec::ensServiceId));
        Optional<String> type = p.get("InstanceResourceType");
        if (type.isPresent()) {
            if (!RESOURCE_TYPES.contains(type.get())) {
                throw ApiException.invalidParameter("InstanceResourceType",
                        "Use EnsInstance, EnsService, BuildMachine or EnsPostPaidInstance.");
            }
            filter = filter.and(i -> type.get().equals(resourceType(i)));
        }
        if (p.hasList("ServiceStatus")) {
            Set<String> wanted = new HashSet<>(p.list("ServiceStatus"));
            filter = filter.and(i -> wanted.contains(serviceStatus(i)));
        }
        List<TagRec> tags = TagParams.parse(p, "Tags", 20);
        if (!tags.isEmpty()) {
            filter = filter.and(i -> TagParams.holdsAll(i.tags(), tags));
        }
        return filter;
    }

    /** What OrderByParams asks for, applied to a filtered listing; identity without it. */
    static UnaryOperator<List<InstanceRec>> order(Params p) {
        Optional<String> raw = p.get("OrderByParams");
        if (raw.isEmpty()) {
            return UnaryOperator.identity();
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw.get());
        } catch (JsonProcessingException e) {
            throw badOrder();
        }
        if (node == null || !node.isObject()) {
            throw badOrder();
        }
        Comparator<InstanceRec> comparator = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Function<InstanceRec, String> key = SORT_KEYS.get(e.getKey());
            String direction = e.getValue().isTextual() ? e.getValue().asText().toLowerCase(Locale.ROOT) : "";
            if (key == null || !(direction.equals("asc") || direction.equals("desc"))) {
                throw badOrder();
            }
            Comparator<InstanceRec> c = Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
            if (direction.equals("desc")) {
                c = c.reversed();
            }
            comparator = comparator == null ? c : comparator.thenComparing(c);
        }
        if (comparator == null) {
            return UnaryOperator.identity();
        }
        Comparator<InstanceRec> chosen = comparator;
        return list -> {
            List<InstanceRec> sorted = new ArrayList<>(list);
            sorted.sort(chosen);
            return sorted;
        };
    }

    private static ApiException badOrder() {
        return ApiException.invalidParameter("OrderByParams", "It must be a JSON object such as "
                + "{\"InstanceNameSort\":\"asc\"}; keys: " + String.join(", ", SORT_KEYS.keySet())
                + "; values: asc or desc.");
    }

    /** Adds the fields of this class to an instance of the response, in the model's order. */
    static void putDetails(Map<String, Object> m, InstanceRec i) {
        m.put("AutoReleaseTime", orEmpty(i.autoReleaseTime()));
        m.put("InternetMaxBandwidthIn", i.internetMaxBandwidthIn() == null ? 100 : i.internetMaxBandwidthIn());
        m.put("InternetMaxBandwidthOut", i.internetMaxBandwidthOut() == null ? 100 : i.internetMaxBandwidthOut());
        m.put("KeyPairName", orEmpty(i.keyPairName()));
        m.put("ServiceStatus", serviceStatus(i));
    }

    /** {@code SystemDisk}, {@code DataDisk} and {@code Tags}, in the model's shapes. */
    static void putDisksAndTags(Map<String, Object> m, InstanceRec i) {
        DiskRec system = i.systemDisk() != null ? i.systemDisk()
                : new DiskRec("d-" + bare(i.instanceId()) + "-sys", i.instanceName() + "-system", "cloud_efficiency",
                i.disk() == null ? 40960 : i.disk());
        Map<String, Object> sys = new LinkedHashMap<>();
        sys.put("DiskId", system.diskId());
        sys.put("DiskName", orEmpty(system.diskName()));
        sys.put("Category", orEmpty(system.category()));
        sys.put("Size", system.size() == null ? 0 : system.size());
        sys.put("device_type", "vda");
        sys.put("disk_type", "system");
        sys.put("name", orEmpty(system.diskName()));
        sys.put("storage", system.size() == null ? 0 : system.size());
        sys.put("uuid", uuid(system.diskId()));
        m.put("SystemDisk", sys);
        List<Map<String, Object>> data = new ArrayList<>();
        char device = 'b';
        for (DiskRec d : i.dataDisks()) {
            int size = d.size() == null ? 0 : d.size();
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("DiskId", d.diskId());
            dm.put("DiskSize", size / 1024);
            dm.put("Size", size);
            dm.put("Category", orEmpty(d.category()));
            dm.put("Encrypted", false);
            dm.put("EncryptKeyId", "");
            dm.put("DiskName", orEmpty(d.diskName()));
            dm.put("device_type", "vd" + device++);
            dm.put("disk_type", "data");
            dm.put("name", orEmpty(d.diskName()));
            dm.put("storage", size);
            dm.put("uuid", uuid(d.diskId()));
            data.add(dm);
        }
        m.put("DataDisk", Map.of("DataDisk", data));
        List<Map<String, Object>> tags = new ArrayList<>();
        for (TagRec t : i.tags()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("TagKey", t.key());
            tm.put("TagValue", orEmpty(t.value()));
            tags.add(tm);
        }
        m.put("Tags", Map.of("Tags", tags));
    }

    static String resourceType(InstanceRec i) {
        return i.instanceResourceType() == null ? "EnsService" : i.instanceResourceType();
    }

    private static String serviceStatus(InstanceRec i) {
        return i.serviceStatus() == null ? "Normal" : i.serviceStatus();
    }

    private static String bare(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(dash + 1);
    }

    private static String uuid(String id) {
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether a parameter came with a value, as a scalar or as a repeat list. */
    private static boolean sent(Params p, String name) {
        String prefix = name + ".";
        return p.get(name).isPresent()
                || p.asMap().entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().isEmpty());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> Predicate<T> eq(Params p, String name, Function<T, String> field) {
        Optional<String> wanted = p.get(name);
        return wanted.<Predicate<T>>map(w -> t -> w.equals(field.apply(t))).orElse(t -> true);
    }
}
