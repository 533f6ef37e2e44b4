package io.enscope.ens;

import java.util.Objects;

/**
 * Thrown by {@link EnsApi} when a call fails; {@link #error()} says how. The message and the
 * cause chain are redacted: the SDK exception, whose text can contain the signed URL, is never
 * kept, only a {@link Redactor.RedactedThrowable} copy of it.
 */
public class EnsException extends RuntimeException {

    private final EnsError error;

    /**
     * @param error what went wrong
     */
    public EnsException(EnsError error) {
        this(error, null);
    }

    /**
     * @param error an error
     * @param cause an already redacted cause (see {@link Redactor#sanitize}), may be null
     */
    public EnsException(EnsError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").summary(), cause);
        this.error = error;
    }

    /** @return what went wrong */
    public EnsError error() {
        return error;
    }
}
