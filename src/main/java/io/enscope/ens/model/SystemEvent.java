package io.enscope.ens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Set;

/**
 * A system event, from {@code DescribeHistoryEvents} {@code Events[]} (ens-api-ha.md §2.6, §3.1).
 *
 * @param id          {@code e-…}
 * @param type        e.g. {@code Instance:SystemMaintenance.Redeploy}
 * @param level       {@code CRITICAL}, {@code WARN}, {@code INFO}
 * @param status      {@code Inquiring}, {@code Scheduled}, {@code Executing}, {@code Executed}, …
 * @param resourceId  the resource, e.g. {@code i-…}
 * @param reason      free text
 * @param notBefore   when its action runs (sent as epoch milliseconds), null when absent
 * @param publishTime when it was published, null when absent
 */
public record SystemEvent(
        String id,
        String type,
        String level,
        String status,
        String resourceId,
        String reason,
        Instant notBefore,
        Instant publishTime) {

    /** The event types a HaVip pair cares about (ens-api-ha.md §3.1). */
    public static final Set<String> HA_TYPES = Set.of("Instance:SystemMaintenance.Redeploy",
            "Instance:SystemUpgrade.Migrate", "Instance:SystemFailure.Redeploy", "Instance:SystemFailure.Reboot",
            "Instance:RegionNetworkDown");
    /** The statuses of an event that has not run yet. */
    public static final Set<String> UPCOMING_STATUSES = Set.of("Inquiring", "Scheduled", "Executing");

    /** @return whether the event has still to run (or is running) */
    public boolean isUpcoming() {
        return status != null && UPCOMING_STATUSES.contains(status);
    }

    @JsonCreator
    static SystemEvent fromJson(
            @JsonProperty("EventId") String id,
            @JsonProperty("EventType") String type,
            @JsonProperty("EventLevel") String level,
            @JsonProperty("EventStatus") String status,
            @JsonProperty("ResourceId") String resourceId,
            @JsonProperty("Reason") String reason,
            @JsonProperty("NotBefore") Long notBefore,
            @JsonProperty("PublishTime") Long publishTime) {
        return new SystemEvent(id, type, level, status, resourceId, reason,
                notBefore == null ? null : Instant.ofEpochMilli(notBefore),
                publishTime == null ? null : Instant.ofEpochMilli(publishTime));
    }
}
