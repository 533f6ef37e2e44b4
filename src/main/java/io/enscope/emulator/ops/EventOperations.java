package io.enscope.emulator.ops;

import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.EventRec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** DescribeHistoryEvents (ens-api-ha.md §2.6, §3.1), and the events the control endpoint schedules. */
public final class EventOperations {
    /** The event types of ens-api-ha.md §3.1. */
    public static final Set<String> TYPES = Set.of("Instance:SystemMaintenance.Redeploy",
            "Instance:SystemUpgrade.Migrate", "Instance:SystemFailure.Redeploy", "Instance:SystemFailure.Reboot",
            "Instance:RegionNetworkDown", "EnsRegion:NetworkMigration", "Disk:Stalled", "IP:SafeRisk", "IP:SafeBan");
    public static final Set<String> LEVELS = Set.of("CRITICAL", "WARN", "INFO");
    public static final Set<String> STATUSES = Set.of("Inquiring", "Scheduled", "Executing", "Executed", "Failed",
            "Canceled", "Avoided");

    private final EmulatorState state;

    public EventOperations(EmulatorState state) {
        this.state = state;
    }

    Map<String, Object> describe(Params p) {
        List<String> types = NeighbourParams.commaOrRepeatList(p, "EventTypes");
        if (types.isEmpty()) {
            throw ApiException.missing("EventTypes");
        }
        Set<String> wantedTypes = checked(types, TYPES, "EventTypes");
        Set<String> levels = optional(p, "EventLevels", LEVELS);
        Set<String> statuses = optional(p, "EventStatus", STATUSES);
        List<String> resources = NeighbourParams.commaOrRepeatList(p, "ResourceIds");
        Set<String> wantedResources = resources.isEmpty() ? null : new HashSet<>(resources);
        int pageNumber = p.intValue("PageNumber", 1, 1, 1_000_000);
        int pageSize = p.intValue("PageSize", 10, 1, 100);
        List<EventRec> matching = new ArrayList<>();
        for (EventRec e : state.events.values()) {
            if (wantedTypes.contains(e.eventType())
                    && (levels == null || levels.contains(e.eventLevel()))
                    && (statuses == null || statuses.contains(e.eventStatus()))
                    && (wantedResources == null || wantedResources.contains(e.resourceId()))) {
                matching.add(e);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (EventRec e : NeighbourParams.slice(matching, pageNumber, pageSize)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("EventId", e.eventId());
            m.put("EventType", e.eventType());
            m.put("EventLevel", e.eventLevel() == null ? "INFO" : e.eventLevel());
            m.put("EventStatus", e.eventStatus() == null ? "Scheduled" : e.eventStatus());
            m.put("ResourceId", e.resourceId());
            m.put("Reason", e.reason() == null ? "" : e.reason());
            m.put("ExtendedAttribute", e.extendedAttribute() == null ? "{}" : e.extendedAttribute());
            long notBefore = e.notBefore() == null ? 0 : e.notBefore();
            long published = e.publishTime() == null ? notBefore : e.publishTime();
            m.put("NotBefore", notBefore);
            m.put("NotBeforeUtcTime", Instant.ofEpochMilli(notBefore).toString());
            m.put("PublishTime", published);
            m.put("PublishUtcTime", Instant.ofEpochMilli(published).toString());
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("PageNumber", pageNumber);
        body.put("PageSize", pageSize);
        body.put("TotalCount", matching.size());
        body.put("Events", items);
        return body;
    }

    private static Set<String> optional(Params p, String name, Set<String> allowed) {
        List<String> values = NeighbourParams.commaOrRepeatList(p, name);
        return values.isEmpty() ? null : checked(values, allowed, name);
    }

    private static Set<String> checked(List<String> values, Set<String> allowed, String name) {
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw ApiException.invalidParameter(name, "'" + v + "' is not one of " + new TreeSet<>(allowed)
                        + ".");
            }
        }
        return new HashSet<>(values);
    }

    /**
     * Schedules an event from the control endpoint.
     *
     * @param notBefore epoch milliseconds; null means one day from now
     * @return the event as stored
     * @throws IllegalArgumentException with a message for the caller when a value is not valid
     */
    public EventRec schedule(String type, String resourceId, String level, String status, Long notBefore,
                             String reason) {
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("EventType must be one of " + new TreeSet<>(TYPES));
        }
        if (level != null && !LEVELS.contains(level)) {
            throw new IllegalArgumentException("EventLevel must be one of " + new TreeSet<>(LEVELS));
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("EventStatus must be one of " + new TreeSet<>(STATUSES));
        }
        if (notBefore != null && notBefore < 0) {
            throw new IllegalArgumentException("NotBefore must be epoch milliseconds, 0 or more");
        }
        if (reason != null && reason.length() > 256) {
            throw new IllegalArgumentException("Reason must be at most 256 characters");
        }
        return state.read(() -> {
            if (resourceId == null || !(state.instances.containsKey(resourceId) || state.enis.containsKey(resourceId)
                    || state.eips.containsKey(resourceId) || state.haVips.containsKey(resourceId))) {
                throw new IllegalArgumentException("ResourceId must name an instance, ENI, EIP or HaVip of the "
                        + "emulator");
            }
            long now = state.clock.millis();
            long at = notBefore == null ? now + 24L * 3600 * 1000 : notBefore;
            EventRec e = new EventRec(state.newId("e-", state.events.keySet()), type,
                    level == null ? "WARN" : level, status == null ? "Scheduled" : status, resourceId,
                    reason == null ? "" : reason, "{}", at, now);
            state.addEvent(e);
            return e;
        });
    }
}
