package io.enscope.emulator.scenario;

/**
 * A system event of a scenario, as DescribeHistoryEvents lists it (ens-api-ha.md §2.6, §3.1).
 *
 * @param eventId           {@code e-…}
 * @param eventType         e.g. {@code Instance:SystemMaintenance.Redeploy}
 * @param eventLevel        {@code CRITICAL}, {@code WARN} or {@code INFO}
 * @param eventStatus       {@code Inquiring}, {@code Scheduled}, {@code Executing}, {@code Executed}, …
 * @param resourceId        the resource, e.g. {@code i-…}
 * @param reason            free text, may be null
 * @param extendedAttribute JSON text, may be null
 * @param notBefore         when the event's action runs, epoch milliseconds
 * @param publishTime       when the event was published, epoch milliseconds
 */
public record EventRec(String eventId, String eventType, String eventLevel, String eventStatus, String resourceId,
                       String reason, String extendedAttribute, Long notBefore, Long publishTime) {
}
