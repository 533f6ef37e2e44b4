package io.enscope.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One whole-number input of the Settings dialog: the text as typed (the View writes it) and the
 * inline error the ViewModel sets when it is not a number in range. Kept as text rather than an
 * int so that a half-typed value stays on screen with its error instead of being reset.
 */
public final class NumberField {
    // At most nine digits: always fits an int, and no setting needs more.
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    NumberField(int initial) {
        setValue(initial);
    }

    /** @return the text as typed; the View binds its text field to it */
    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }

    /** @return why the text is not acceptable, in the user's language; empty when it is */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    /** @return whether the text is acceptable */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** @return the number typed, ignoring surrounding blanks; empty when the text is not a whole number */
    public OptionalInt value() {
        String typed = text.get() == null ? "" : text.get().trim();
        return DIGITS.matcher(typed).matches() ? OptionalInt.of(Integer.parseInt(typed)) : OptionalInt.empty();
    }

    void setValue(int value) {
        text.set(Integer.toString(value));
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
        valid.set(error.get().isEmpty());
    }
}
