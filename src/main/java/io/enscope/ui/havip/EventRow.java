package io.enscope.ui.havip;

/**
 * One upcoming system event of a HaVip's member in its detail.
 *
 * @param eventId       the event ID
 * @param instanceId    the member instance
 * @param instanceName  its name, empty when unknown
 * @param type          the event type, localized
 * @param status        the event status, localized
 * @param notBefore     when its action runs, in local time; empty when unknown
 * @param critical      whether ENS rates it {@code CRITICAL}
 */
public record EventRow(String eventId, String instanceId, String instanceName, String type, String status,
                       String notBefore, boolean critical) {
}
