package io.enscope.ens;

import io.enscope.ens.model.SystemEvent;
import java.util.List;
import java.util.TreeSet;

/**
 * Filters of DescribeHistoryEvents (ens-api-ha.md §2.6). The lists are sent comma-joined, as the
 * SDK does.
 *
 * @param eventTypes  {@code EventTypes}, at least one
 * @param statuses    {@code EventStatus}, empty for all
 * @param resourceIds {@code ResourceIds}, empty for all
 */
public record EventQuery(List<String> eventTypes, List<String> statuses, List<String> resourceIds) {
    /** Normalises the lists; at least one event type is required by the API. */
    public EventQuery {
        eventTypes = QueryValues.ids(eventTypes);
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("DescribeHistoryEvents needs at least one event type");
        }
        statuses = QueryValues.ids(statuses);
        resourceIds = QueryValues.ids(resourceIds);
    }

    /**
     * @param resourceIds the instances behind HaVips
     * @return their upcoming events of the types a HaVip pair cares about
     */
    public static EventQuery upcomingHaEvents(List<String> resourceIds) {
        return new EventQuery(List.copyOf(new TreeSet<>(SystemEvent.HA_TYPES)),
                List.copyOf(new TreeSet<>(SystemEvent.UPCOMING_STATUSES)), resourceIds);
    }
}
