package io.enscope.ui.havip;

import io.enscope.ui.common.Tone;

import java.util.Objects;

/**
 * A status as every view shows it ({@link Statuses} makes them): the word in the user's language
 * in a coloured pill, with its meaning as the tooltip, and the status as ENS spells it for
 * exports and searches. Ordered by the word.
 *
 * @param text    the word shown, localized (what ENS sent, for a status Enscope does not know)
 * @param tone    the pill's colour
 * @param tooltip what it means, localized
 * @param code    the status as ENS (or the job engine) spells it: {@code InUse}, {@code TIMED_OUT}
 */
public record StatusValue(String text, Tone tone, String tooltip, String code) implements Comparable<StatusValue> {

    /** Requires the text and the tone. */
    public StatusValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tone, "tone");
        tooltip = tooltip == null ? "" : tooltip;
        code = code == null ? text : code;
    }

    @Override
    public int compareTo(StatusValue other) {
        return String.CASE_INSENSITIVE_ORDER.compare(text, other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
