package io.enscope.ens.credentials;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a credential source or profile cannot be used, as an i18n key with its arguments so the UI
 * can show it in the user's language, and as an English {@link #message()} for exceptions and logs.
 *
 * @param error     what went wrong
 * @param arguments the {@link java.text.MessageFormat} arguments (file, profile, field …), never a secret
 */
public record CredentialsProblem(CredentialsError error, List<String> arguments) {

    /** Checks and copies the components. */
    public CredentialsProblem {
        Objects.requireNonNull(error, "error");
        arguments = List.copyOf(arguments);
    }

    /**
     * @param error     what went wrong
     * @param arguments the message arguments, in the order of the error's pattern
     * @return the problem
     */
    public static CredentialsProblem of(CredentialsError error, Object... arguments) {
        return new CredentialsProblem(error, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** @return the key in the {@code i18n/messages} bundle */
    public String key() {
        return error.key();
    }

    /** @return the arguments as an array, ready for {@link MessageFormat#format(Object)} */
    public Object[] argumentArray() {
        return arguments.toArray();
    }

    /** @return the problem in English */
    public String message() {
        return new MessageFormat(error.englishPattern(), Locale.ROOT).format(argumentArray());
    }
}
