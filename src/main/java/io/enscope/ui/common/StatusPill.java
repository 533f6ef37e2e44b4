package io.enscope.ui.common;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A coloured, rounded status label with an icon: {@code InUse}, {@code Associating}, {@code FAILED}…
 *
 * <p>Table cells call {@link #show} on every update (scrolling, live refreshes of thousands of
 * rows): the pill keeps one icon node and changes its glyph, and its pseudo-class, only when the
 * tone changes, so an update with the same tone costs no new node, no restyling and no layout.
 */
public final class StatusPill extends Label {
    private static final PseudoClass[] TONE_CLASSES = new PseudoClass[Tone.values().length];

    static {
        for (Tone t : Tone.values()) {
            TONE_CLASSES[t.ordinal()] = PseudoClass.getPseudoClass(t.pseudoClass());
        }
    }

    private Tone tone;
    /** Made on the first tone shown, then reused: only its glyph changes with the tone. */
    private FontIcon icon;

    public StatusPill() {
        getStyleClass().add("status-pill");
    }

    public StatusPill(String text, Tone tone) {
        this();
        show(text, tone);
    }

    /** Shows {@code text} in {@code tone}; a null text clears the pill. */
    public void show(String text, Tone newTone) {
        setText(text);
        Tone shown = text == null ? null : newTone;
        if (shown != tone) {
            if (tone != null) {
                pseudoClassStateChanged(TONE_CLASSES[tone.ordinal()], false);
            }
            if (shown != null) {
                pseudoClassStateChanged(TONE_CLASSES[shown.ordinal()], true);
            }
        }
        tone = shown;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        icon = shown.icon().on(icon);
        setGraphic(icon);
    }

    /** @return the CSS pseudo-class of {@code tone} (made once per tone) */
    public static PseudoClass pseudoClass(Tone tone) {
        return TONE_CLASSES[tone.ordinal()];
    }

    public Tone tone() {
        return tone;
    }
}
