package io.enscope.ens;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SDK exceptions and error answers into {@link EnsError}s. A write gets
 * {@link EnsError#ambiguous()} when it may have reached the server: a read timeout, a dropped
 * connection or a 5xx answer; it does not when the connection was never made.
 */
final class SdkErrors {

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
    private static final Pattern XML_REQUEST_ID = Pattern.compile("<RequestId>([^<]*)</RequestId>");
    private static final int MAX_RAW_MESSAGE = 300;
    /** SDK codes that mean no answer arrived, even when the SDK kept no cause. */
    private static final Set<String> NO_ANSWER_CODES = Set.of(ErrorCatalog.READ_TIMEOUT,
            ErrorCatalog.SERVER_UNREACHABLE, ErrorCatalog.INTERRUPTED);

    private SdkErrors() {
    }

    /**
     * An error answer (status not 2xx). The body is the usual
     * {@code {RequestId, HostId, Code, Message, Recommend}}; an XML or empty body is read as far
     * as possible, and a body without a code gets one from the status.
     */
    static EnsError fromResponse(Transport.RawResponse response, EnsOperation operation) {
        EnsJson.ErrorBody body = EnsJson.readError(response.body());
        String code = body.code();
        String message = body.message();
        String requestId = body.requestId();
        if (code == null) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            code = group(XML_CODE, text);
            message = message != null ? message : group(XML_MESSAGE, text);
            requestId = requestId != null ? requestId : group(XML_REQUEST_ID, text);
            if (code == null) {
                code = codeForStatus(response.status());
                message = message != null ? message : abbreviate(text);
            }
        }
        EnsError error = EnsError.of(code, message, requestId, response.status());
        Duration retryAfter = retryAfter(response);
        if (retryAfter != null) {
            error = error.withRetryAfter(retryAfter);
        }
        return operation.isWrite() && response.status() >= 500 ? error.asAmbiguous() : error;
    }

    /**
     * An SDK exception. {@link ServerException} (5xx) is handled before its parent
     * {@link ClientException}; network failures are told apart by their cause, because the SDK
     * reports most of them as {@code SDK.ServerUnreachable}.
     */
    static EnsError fromSdkException(ClientException exception, EnsOperation operation, Collection<String> secrets) {
        String message = Redactor.redact(exception.getErrMsg(), secrets);
        if (exception instanceof ServerException) {
            EnsError error = EnsError.of(exception.getErrCode(), message, exception.getRequestId(), 500);
            return operation.isWrite() ? error.asAmbiguous() : error;
        }
        Throwable cause = exception.getCause();
        String sdkCode = exception.getErrCode();
        boolean noAnswer = cause != null ? isIoFailure(cause) : NO_ANSWER_CODES.contains(sdkCode);
        if (noAnswer) {
            return network(cause, sdkCode, message, operation);
        }
        return EnsError.of(sdkCode, message, exception.getRequestId(), 0);
    }

    /** A failure without an answer, classified by the most telling exception of the cause chain. */
    static EnsError network(Throwable cause, String sdkCode, String message, EnsOperation operation) {
        Failure failure = classify(cause, sdkCode);
        EnsError error = EnsError.of(failure.code(), message, null, 0);
        return operation.isWrite() && failure.maybeSent() ? error.asAmbiguous() : error;
    }

    /** What a network failure means for a write: could the request have reached the server? */
    record Failure(String code, boolean maybeSent) {
    }

    static Failure classify(Throwable cause, String sdkCode) {
        // The most specific reason wins wherever it sits in the chain: the JDK wraps an unknown
        // host in a ConnectException, for example.
        if (inChain(cause, t -> t instanceof UnknownHostException || t instanceof UnresolvedAddressException)) {
            return new Failure(ErrorCatalog.UNKNOWN_HOST, false);
        }
        if (inChain(cause, t -> t instanceof HttpConnectTimeoutException || isApacheConnectTimeout(t)
                || t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect timed out"))) {
            return new Failure(ErrorCatalog.CONNECT_TIMEOUT, false);
        }
        if (inChain(cause, t -> t instanceof ConnectException || t instanceof NoRouteToHostException)) {
            return new Failure(ErrorCatalog.SERVER_UNREACHABLE, false);
        }
        if (inChain(cause, t -> t instanceof SocketTimeoutException || t instanceof HttpTimeoutException)
                || ErrorCatalog.READ_TIMEOUT.equals(sdkCode)) {
            return new Failure(ErrorCatalog.READ_TIMEOUT, true);
        }
        if (inChain(cause, t -> t instanceof InterruptedIOException || t instanceof InterruptedException)
                || ErrorCatalog.INTERRUPTED.equals(sdkCode)) {
            return new Failure(ErrorCatalog.INTERRUPTED, true);
        }
        if (inChain(cause, t -> t instanceof EOFException || t instanceof SocketException
                || mentionsDroppedConnection(t))) {
            return new Failure(ErrorCatalog.CONNECTION_RESET, true);
        }
        return new Failure(ErrorCatalog.SERVER_UNREACHABLE, true);
    }

    private static boolean inChain(Throwable cause, Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable t = cause; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIoFailure(Throwable cause) {
        return inChain(cause, t -> t instanceof IOException || t instanceof InterruptedException
                || t instanceof UnresolvedAddressException);
    }

    /** Apache HttpClient's ConnectTimeoutException, named so as not to depend on that library. */
    private static boolean isApacheConnectTimeout(Throwable t) {
        return t.getClass().getName().endsWith(".ConnectTimeoutException");
    }

    private static boolean mentionsDroppedConnection(Throwable t) {
        String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return text.contains("connection reset") || text.contains("broken pipe") || text.contains("closed")
                || text.contains("received no bytes") || text.contains("no response") || text.contains("eof");
    }

    /** The {@code x-acs-retry-after} header (milliseconds), else {@code Retry-After} (seconds). */
    static Duration retryAfter(Transport.RawResponse response) {
        Duration acs = parseLong(response.header("x-acs-retry-after"), false);
        return acs != null ? acs : parseLong(response.header("Retry-After"), true);
    }

    private static Duration parseLong(String value, boolean seconds) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long amount = Long.parseLong(value.trim());
            if (amount < 0) {
                return null;
            }
            return seconds ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String codeForStatus(int status) {
        if (status == 407) {
            return ErrorCatalog.PROXY_AUTHENTICATION_REQUIRED;
        }
        if (status == 429) {
            return "Throttling";
        }
        if (status == 503 || status == 502 || status == 504) {
            return "ServiceUnavailable";
        }
        if (status >= 500) {
            return "InternalError";
        }
        return ErrorCatalog.UNKNOWN_CODE;
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() && !matcher.group(1).isBlank() ? matcher.group(1).trim() : null;
    }

    private static String abbreviate(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return trimmed.length() <= MAX_RAW_MESSAGE ? trimmed : trimmed.substring(0, MAX_RAW_MESSAGE) + "…";
    }
}
