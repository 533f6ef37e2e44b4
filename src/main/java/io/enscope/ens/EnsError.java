package io.enscope.ens;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A failed ENS call, typed: what went wrong ({@link Kind}), whether repeating the same call may
 * help, and whether a write may have taken effect although it failed.
 *
 * <p>Every code of the AssociateHaVip error table, the UnassociateHaVip codes, the gateway
 * (authentication, signature, API) codes, throttling, server and network failures has its own
 * message key {@code ens.error.<Code>} in the {@code i18n/messages} bundle; the codes with a
 * parameter name in them ({@code Invalid%s}, {@code Missing%s}, {@code InvalidParameter.%s}) share
 * one key each and pass the name as argument {@code {0}}; any other code gets the key of its
 * kind with the code as argument {@code {0}}.
 *
 * @param code       the ENS error code, e.g. {@code HaVipNotFound}, or an {@code SDK.*} code for
 *                   failures without an answer (network, unreadable response)
 * @param message    the server's or SDK's message, already redacted
 * @param requestId  the RequestId of the answer, null when there was none
 * @param httpStatus the HTTP status, 0 when no answer was received
 * @param kind       the category, which decides how the UI presents it
 * @param retryable  whether the same call may succeed if repeated later
 * @param ambiguous  for a write: it may or may not have taken effect, so the caller must read the
 *                   resource to learn the outcome before doing anything else
 * @param retryAfter the wait the server asked for ({@code x-acs-retry-after}), null when none
 */
public record EnsError(
        String code,
        String message,
        String requestId,
        int httpStatus,
        Kind kind,
        boolean retryable,
        boolean ambiguous,
        Duration retryAfter) {

    /** Prefix of every message key of this class. */
    public static final String KEY_PREFIX = "ens.error.";

    /** What went wrong, as the user should understand it. */
    public enum Kind {
        /** The credentials are wrong, expired or disabled, or the request signature is refused. */
        AUTH,
        /** The credentials are valid but not allowed to do this. */
        PERMISSION,
        /** A parameter is missing or malformed, or the API or version is unknown. */
        VALIDATION,
        /** A resource is missing or in a state that does not allow the operation. */
        STATE,
        /** A count limit is reached. */
        LIMIT,
        /** Too many requests; wait and try again. */
        THROTTLING,
        /** The service failed or is unavailable. */
        SERVER,
        /** No usable answer arrived: timeout, refused or reset connection, unknown host. */
        NETWORK,
        /** Anything else. */
        UNKNOWN
    }

    /** Requires code and kind, redacts the message and rejects an ambiguous retryable error. */
    public EnsError {
        code = code == null || code.isBlank() ? ErrorCatalog.UNKNOWN_CODE : code;
        message = Redactor.redact(message);
        Objects.requireNonNull(kind, "kind");
        if (ambiguous && retryable) {
            throw new IllegalArgumentException("an ambiguous write must be reconciled, not retried");
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            retryAfter = null;
        }
    }

    /**
     * Classifies an error answer by its code, falling back on the HTTP status for codes this
     * version does not know.
     *
     * @param code       the {@code Code} of the answer, or an {@code SDK.*} code
     * @param message    the message; it is redacted here
     * @param requestId  the RequestId, may be null
     * @param httpStatus the HTTP status, 0 when there was no answer
     * @return the classified error; not ambiguous, without a retry-after
     */
    public static EnsError of(String code, String message, String requestId, int httpStatus) {
        ErrorCatalog.Entry entry = ErrorCatalog.classify(code, httpStatus);
        return new EnsError(code, message, requestId, httpStatus, entry.kind(), entry.retryable(), false, null);
    }

    /**
     * @param wait the wait the server asked for
     * @return a copy carrying it
     */
    public EnsError withRetryAfter(Duration wait) {
        return new EnsError(code, message, requestId, httpStatus, kind, retryable, ambiguous, wait);
    }

    /**
     * Marks the error of a write whose outcome is unknown (timeout or dropped connection after
     * the request may have been sent, or a server failure): it is then never retryable.
     *
     * @return a copy with {@code ambiguous() == true}
     */
    public EnsError asAmbiguous() {
        return new EnsError(code, message, requestId, httpStatus, kind, false, true, retryAfter);
    }

    /** @return the key of the user message in the {@code i18n/messages} bundle */
    public String messageKey() {
        return ErrorCatalog.messageKey(code, kind);
    }

    /** @return the {@link MessageFormat} arguments of {@link #messageKey()}, possibly empty */
    public List<String> messageArgs() {
        return ErrorCatalog.messageArgs(code, kind);
    }

    /**
     * The parameter a {@code Invalid%s}, {@code Missing%s} or {@code InvalidParameter.%s} code
     * names, e.g. {@code HaVipId} for {@code InvalidParameter.HaVipId}.
     *
     * @return the parameter name, or null for other codes
     */
    public String parameterName() {
        return ErrorCatalog.parameterName(code);
    }

    /** @return whether the error is a throttling answer */
    public boolean isThrottling() {
        return kind == Kind.THROTTLING;
    }

    /**
     * Formats the user message from a bundle; the UI usually does this itself, this is a
     * convenience for logs and tests.
     *
     * @param bundle the {@code i18n/messages} bundle of the wanted locale
     * @return the formatted message, or the code and message when the key is missing
     */
    public String localizedMessage(ResourceBundle bundle) {
        try {
            String pattern = bundle.getString(messageKey());
            Locale locale = bundle.getLocale() == null ? Locale.ROOT : bundle.getLocale();
            return new MessageFormat(pattern, locale).format(messageArgs().toArray());
        } catch (MissingResourceException missing) {
            return code + ": " + message;
        }
    }

    /** @return a one-line summary for logs: code, kind, status, RequestId and the redacted message */
    public String summary() {
        StringBuilder out = new StringBuilder(code).append(" (").append(kind);
        if (httpStatus > 0) {
            out.append(", HTTP ").append(httpStatus);
        }
        if (requestId != null) {
            out.append(", RequestId ").append(requestId);
        }
        if (ambiguous) {
            out.append(", outcome unknown");
        }
        out.append(')');
        if (message != null && !message.isBlank()) {
            out.append(": ").append(message);
        }
        return out.toString();
    }
}
