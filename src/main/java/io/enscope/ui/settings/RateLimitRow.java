package io.enscope.ui.settings;

/**
 * One operation of the Settings dialog's "API rate limits" table: its ENS {@code Action} name,
 * the documented (or assumed) limit, and the calls per second as typed.
 *
 * @param action     the ENS {@code Action} name, also the key in {@link Settings#rateLimits()}
 * @param documented the limit Enscope assumes when none is set
 * @param field      the calls per second as typed, with its inline error
 */
public record RateLimitRow(String action, int documented, NumberField field) {
}
