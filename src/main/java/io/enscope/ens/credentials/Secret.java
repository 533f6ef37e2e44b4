package io.enscope.ens.credentials;

import java.util.Objects;

/**
 * A secret value (AccessKeySecret, STS security token) that never shows itself in
 * {@link #toString()}, so that string concatenation, logging and debuggers' summaries cannot leak it.
 * Callers that really need the value (the request signer) ask for it with {@link #reveal()}.
 */
public final class Secret {

    private static final String REDACTED = "******";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret, not null
     * @return the wrapper
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /**
     * Returns the secret itself; only for code that signs requests or hands it to the SDK.
     *
     * @return the secret value
     */
    public String reveal() {
        return value;
    }

    /** @return whether the secret is the empty string */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
