package io.enscope.ui.havip;

import io.enscope.ui.common.Tone;

import java.util.Objects;

/**
 * A status as a table shows it: the API word in a coloured pill ({@code InUse}, {@code Associating}),
 * with its meaning in the user's language as the tooltip. Ordered by the word.
 *
 * @param text    the word shown, usually the API value
 * @param tone    the pill's colour
 * @param tooltip what it means, localized
 */
public record StatusValue(String text, Tone tone, String tooltip) implements Comparable<StatusValue> {

    /** Requires the text and the tone. */
    public StatusValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tone, "tone");
        tooltip = tooltip == null ? "" : tooltip;
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
