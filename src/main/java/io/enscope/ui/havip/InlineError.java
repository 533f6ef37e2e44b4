package io.enscope.ui.havip;

import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ui.common.I18n;

import java.util.Optional;

/**
 * An expected ENS failure as the user reads it next to the action that caused it: the localized
 * message, then the code and RequestId for a support ticket.
 *
 * @param message   the localized explanation
 * @param code      the ENS error code
 * @param requestId the RequestId of the answer, empty when there was none
 * @param detail    code and RequestId as one line
 */
record InlineError(String message, String code, String requestId, String detail) {

    static InlineError of(EnsError error, I18n i18n) {
        String requestId = error.requestId() == null ? "" : error.requestId();
        String detail = requestId.isEmpty() ? i18n.get("havip.error.code", error.code())
                : i18n.get("havip.error.codeAndRequestId", error.code(), requestId);
        return new InlineError(error.localizedMessage(i18n.bundle()), error.code(), requestId, detail);
    }

    /** @return the text to copy: message, code and RequestId on separate lines */
    String report() {
        return message + System.lineSeparator() + detail;
    }

    /** Finds the ENS error in a failure's cause chain (bounded, in case of a cycle). */
    static Optional<EnsError> ensError(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++, current = current.getCause()) {
            if (current instanceof EnsException ens) {
                return Optional.of(ens.error());
            }
        }
        return Optional.empty();
    }
}
