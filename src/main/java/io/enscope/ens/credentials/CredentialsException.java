package io.enscope.ens.credentials;

import java.util.Objects;

/**
 * A credential profile cannot be listed or used: the file is malformed, the mode is unsupported,
 * a field is missing, STS refused the role. The message names the file and the profile; the
 * {@link #problem()} carries the same as an i18n key and arguments. Neither ever contains a secret,
 * and parser exceptions are deliberately not attached as causes because their text may quote the
 * offending input, which can be a secret.
 */
public final class CredentialsException extends Exception {

    private final CredentialsProblem problem;

    /**
     * @param problem what went wrong
     */
    public CredentialsException(CredentialsProblem problem) {
        super(Objects.requireNonNull(problem, "problem").message());
        this.problem = problem;
    }

    /**
     * @param problem what went wrong
     * @param cause   an underlying failure whose own message is known to be free of secrets
     */
    public CredentialsException(CredentialsProblem problem, Throwable cause) {
        super(Objects.requireNonNull(problem, "problem").message(), cause);
        this.problem = problem;
    }

    /** @return the problem as an i18n key and arguments */
    public CredentialsProblem problem() {
        return problem;
    }
}
