package io.enscope.ui.common;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/** A coloured, rounded status label with an icon: {@code InUse}, {@code Associating}, {@code FAILED}… */
public final class StatusPill extends Label {
    private Tone tone;

    public StatusPill() {
        getStyleClass().add("status-pill");
    }

    public StatusPill(String text, Tone tone) {
        this();
        show(text, tone);
    }

    /** Shows {@code text} in {@code tone}; a null text clears the pill. */
    public void show(String text, Tone newTone) {
        if (tone != null) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(tone.pseudoClass()), false);
        }
        tone = newTone;
        setText(text);
        if (text == null || newTone == null) {
            setGraphic(null);
            return;
        }
        pseudoClassStateChanged(PseudoClass.getPseudoClass(newTone.pseudoClass()), true);
        setGraphic(newTone.icon().graphic());
    }

    public Tone tone() {
        return tone;
    }
}
