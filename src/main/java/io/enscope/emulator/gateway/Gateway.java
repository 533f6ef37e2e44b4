package io.enscope.emulator.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.emulator.Account;
import io.enscope.emulator.RateLimits;
import io.enscope.emulator.fault.FaultKind;
import io.enscope.emulator.fault.FaultPlan;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.ops.EnsOperations;
import io.enscope.emulator.ops.StsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The POP gateway of the emulator: reads a request from the query string and a form body,
 * checks the common parameters and the v1 or v3 signature, draws from the fault plan, runs the
 * operation and answers JSON. Every failure is answered as a well-formed error body; nothing
 * that a client sends can produce a stack trace.
 */
public final class Gateway {
    public static final String VERSION = "2017-11-10";
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    /** The cloud's nonces are UUID-like; a longer one only costs memory in the nonce cache. */
    static final int MAX_NONCE_LENGTH = 128;
    private static final Set<String> V1_COMMON = Set.of("Action", "Version", "Format", "AccessKeyId",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "Signature",
            "SecurityToken", "RegionId");

    private final EnsOperations operations;
    private final Function<String, Account> accounts;
    private final FaultPlan faults;
    private final Clock clock;
    private final int maxBodyBytes;
    private final NonceCache nonces = new NonceCache();
    private final StsService sts;
    private final RequestCounter counter;
    private final FlowControl flowControl;
    private volatile NonceLog nonceLog;

    /**
     * @param accounts     looks up an account by AccessKeyId; {@code null} when unknown
     * @param maxBodyBytes a larger body is refused with HTTP 413
     */
    public Gateway(EnsOperations operations, Function<String, Account> accounts, FaultPlan faults, Clock clock,
                   int maxBodyBytes) {
        this(operations, accounts, faults, clock, maxBodyBytes, new RequestCounter());
    }

    /**
     * @param accounts     looks up an account by AccessKeyId; {@code null} when unknown
     * @param maxBodyBytes a larger body is refused with HTTP 413
     * @param counter      counts the requests answered, the faults injected and the binding writes
     */
    public Gateway(EnsOperations operations, Function<String, Account> accounts, FaultPlan faults, Clock clock,
                   int maxBodyBytes, RequestCounter counter) {
        this(operations, accounts, faults, clock, maxBodyBytes, counter, new FlowControl(RateLimits.OFF, clock));
    }

    /**
     * @param accounts     looks up an account by AccessKeyId; {@code null} when unknown
     * @param maxBodyBytes a larger body is refused with HTTP 413
     * @param counter      counts the requests answered, the faults injected and the binding writes
     * @param flowControl  the per-operation rate limits, checked before the fault plan
     */
    public Gateway(EnsOperations operations, Function<String, Account> accounts, FaultPlan faults, Clock clock,
                   int maxBodyBytes, RequestCounter counter, FlowControl flowControl) {
        this.flowControl = Objects.requireNonNull(flowControl, "flowControl");
        this.counter = counter;
        this.operations = operations;
        this.accounts = accounts;
        this.faults = faults;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.sts = new StsService(clock);
    }

    /** @param nonceTicket the {@link NonceLog} ticket of a write's nonce; -1 if none was logged */
    private record Call(String action, Account account, Map<String, String> params, long nonceTicket) {
    }

    /** Logs the nonces of write requests, which are answered only once the log holds them. */
    public void setNonceLog(NonceLog log) {
        this.nonceLog = log;
    }

    /** The nonces used within their validity, for the state file. */
    public List<UsedNonce> usedNonces() {
        return nonces.snapshot(clock.millis());
    }

    /** Remembers the nonces of a state file again, so that their requests cannot be replayed. */
    public void restoreNonces(Collection<UsedNonce> used) {
        nonces.restore(used, clock.millis());
    }

    /** Answers one call; never throws. */
    public void handle(HttpCall exchange) {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        String action = "?";
        Params reached = null;
        long nonceTicket = -1;
        try {
            Call call = authenticate(exchange);
            action = call.action();
            nonceTicket = call.nonceTicket();
            if (!StsService.ACTION.equals(action)) {
                flowControl.admit(action, call.account().accessKeyId());
            }
            Optional<FaultRule> fault = faults.draw(action);
            if (fault.isPresent()) {
                counter.faultInjected(fault.get().kind());
                applyFaultBefore(fault.get());
            }
            reached = new Params(call.params());
            Map<String, Object> body = StsService.ACTION.equals(action)
                    ? sts.assumeRole(reached, call.account())
                    : operations.execute(action, reached, call.account());
            if (fault.isPresent() && fault.get().kind() == FaultKind.DROP_AFTER_WRITE) {
                LOG.debug("{} applied, connection dropped by the fault plan", action);
                counter.reachedOperation(action, reached, RequestCounter.DROPPED);
                counter.answered(action, RequestCounter.DROPPED);
                exchange.drop();
                return;
            }
            counter.reachedOperation(action, reached, RequestCounter.OK);
            counter.answered(action, RequestCounter.OK);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("RequestId", requestId);
            response.putAll(body);
            awaitNonce(nonceTicket);
            send(exchange, 200, requestId, response, Map.of());
            LOG.debug("{} 200", action);
        } catch (ApiException e) {
            LOG.debug("{} {} {}", action, e.httpStatus(), e.code());
            if (reached != null) {
                counter.reachedOperation(action, reached, e.code());
            }
            counter.answered(action, e.code());
            ApiException answer = e;
            try {
                awaitNonce(nonceTicket);
            } catch (RuntimeException notDurable) {
                LOG.error("{} failed: its nonce could not be made durable (request {})", action, requestId,
                        notDurable);
                answer = new ApiException(500, "InternalError",
                        "The request processing has failed due to some unknown error.");
            }
            sendError(exchange, requestId, answer);
        } catch (IOException | RuntimeException e) {
            counter.answered(action, "InternalError");
            LOG.error("{} failed unexpectedly (request {})", action, requestId, e);
            sendError(exchange, requestId, new ApiException(500, "InternalError",
                    "The request processing has failed due to some unknown error."));
        }
    }

    private void applyFaultBefore(FaultRule fault) {
        switch (fault.kind()) {
            case THROTTLING -> throw new ApiException(400, "Throttling.User",
                    "Request was denied due to user flow control.",
                    Map.of("x-acs-retry-after", String.valueOf(fault.delay().toMillis())));
            case SYSTEM_ERROR -> throw ApiException.badRequest("SystemError",
                    "Interface call error, please re-match, or contact the product.");
            case SERVICE_UNAVAILABLE -> throw new ApiException(503, "ServiceUnavailable",
                    "The request has failed due to a temporary failure of the server.");
            case SLOW -> pause(fault.delay());
            case DROP_AFTER_WRITE -> {
                // applied after the operation
            }
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "ServiceUnavailable", "The emulator is shutting down.");
        }
    }

    // ---- reading and authenticating a request ----------------------------------------------

    private Call authenticate(HttpCall exchange) throws IOException {
        String method = exchange.method();
        if (!"/".equals(exchange.rawPath())) {
            throw new ApiException(404, "InvalidApi.NotFound",
                    "Specified api is not found, please check your url and method. The path must be /.");
        }
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw new ApiException(405, "UnsupportedHTTPMethod",
                    "Specified HTTP method is not supported. Use GET or POST.");
        }
        byte[] body = readBody(exchange);
        Map<String, String> query = new LinkedHashMap<>();
        FormDecoder.decode(exchange.rawQuery(), query);
        Map<String, String> all = new LinkedHashMap<>(query);
        String contentType = Optional.ofNullable(exchange.header("Content-Type")).orElse("");
        if (body.length > 0 && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new ApiException(400, "InvalidParameter", "The form body is not valid UTF-8.");
            }
            FormDecoder.decode(text, all);
        }
        String authorization = exchange.header("Authorization");
        if (authorization != null && authorization.startsWith(Signatures.V3_ALGORITHM)) {
            return verifyV3(exchange, method, authorization, query, all, body);
        }
        return verifyV1(method, all);
    }

    private byte[] readBody(HttpCall exchange) throws IOException {
        String length = exchange.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ApiException(400, "InvalidParameter", "Content-Length is not a number.");
            }
        }
        byte[] data;
        try (InputStream in = exchange.body()) {
            data = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException | RuntimeException unreadable) {
            // A bad chunk size, a body cut short, a refused transfer coding: the server reports these
            // while the body is read, and they are the client's malformed request, not a server failure.
            LOG.debug("the request body could not be read: {}", unreadable.toString());
            throw new ApiException(400, "InvalidParameter", "The request body is malformed or incomplete.");
        }
        if (data.length > maxBodyBytes) {
            throw tooLarge();
        }
        return data;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "RequestEntityTooLarge",
                "The request body is larger than " + maxBodyBytes + " bytes.");
    }

    private Call verifyV1(String method, Map<String, String> params) {
        for (String name : List.of("Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion",
                "SignatureNonce", "Timestamp", "Signature")) {
            String value = params.get(name);
            if (value == null || value.isEmpty()) {
                throw ApiException.missing(name);
            }
        }
        String action = checkVersionAndAction(params.get("Version"), params.get("Action"));
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod"))) {
            throw new ApiException(400, "InvalidSignatureMethod",
                    "Specified signature method is not supported. Use HMAC-SHA1.");
        }
        if (!"1.0".equals(params.get("SignatureVersion"))) {
            throw new ApiException(400, "InvalidSignatureVersion",
                    "Specified signature version is not supported. Use 1.0.");
        }
        String format = params.get("Format");
        if (format != null && !format.isEmpty() && !format.equalsIgnoreCase("JSON")
                && !format.equalsIgnoreCase("XML")) {
            throw ApiException.invalidParameter("Format", "Use JSON.");
        }
        checkTimestamp(params.get("Timestamp"));
        Account account = account(params.get("AccessKeyId"));
        String stringToSign = Signatures.v1StringToSign(method, params);
        String expected = Signatures.v1Sign(account.accessKeySecret(), stringToSign);
        if (!Signatures.equalsConstantTime(expected, params.get("Signature"))) {
            throw new ApiException(400, "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:"
                            + stringToSign);
        }
        sts.checkToken(account.accessKeyId(), params.get("SecurityToken"));
        long nonceTicket = checkNonce(account, action, params.get("SignatureNonce"));
        Map<String, String> operationParams = new HashMap<>(params);
        operationParams.keySet().removeAll(V1_COMMON);
        return new Call(action, account, operationParams, nonceTicket);
    }

    private Call verifyV3(HttpCall headers, String method, String authorization, Map<String, String> query,
                          Map<String, String> all, byte[] body) {
        for (String name : List.of("x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce")) {
            String value = headers.header(name);
            if (value == null || value.isEmpty()) {
                throw new ApiException(400, "MissingParameter", "You must specify the header " + name + ".");
            }
        }
        String action = checkVersionAndAction(headers.header("x-acs-version"), headers.header("x-acs-action"));
        Map<String, String> auth = parseAuthorization(authorization);
        checkTimestamp(headers.header("x-acs-date"));
        Account account = account(auth.get("Credential"));
        List<String> signed = Arrays.asList(auth.get("SignedHeaders").split(";"));
        for (String required : List.of("host", "x-acs-action", "x-acs-version", "x-acs-date",
                "x-acs-signature-nonce")) {
            if (!signed.contains(required)) {
                throw new ApiException(400, "IncompleteSignature",
                        "The header " + required + " must be signed (SignedHeaders).");
            }
        }
        String payloadHash = Signatures.sha256Hex(body);
        String declared = headers.header("x-acs-content-sha256");
        if (declared != null && !declared.equalsIgnoreCase(payloadHash)) {
            throw new ApiException(400, "SignatureDoesNotMatch",
                    "The x-acs-content-sha256 header does not match the request body.");
        }
        Map<String, String> canonicalHeaders = new HashMap<>();
        for (String name : signed) {
            List<String> values = headers.headers(name);
            if (values == null) {
                throw new ApiException(400, "IncompleteSignature", "The signed header " + name + " is missing.");
            }
            canonicalHeaders.put(name, String.join(",", values).trim());
        }
        String canonicalRequest = Signatures.v3CanonicalRequest(method, "/", query, canonicalHeaders, signed,
                declared == null ? payloadHash : declared.toLowerCase(Locale.ROOT));
        String stringToSign = Signatures.v3StringToSign(canonicalRequest);
        String expected = Signatures.v3Sign(account.accessKeySecret(), stringToSign);
        if (!Signatures.equalsConstantTime(expected, auth.get("Signature").toLowerCase(Locale.ROOT))) {
            throw new ApiException(400, "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:"
                            + stringToSign);
        }
        sts.checkToken(account.accessKeyId(), headers.header("x-acs-security-token"));
        long nonceTicket = checkNonce(account, action, headers.header("x-acs-signature-nonce"));
        return new Call(action, account, all, nonceTicket);
    }

    private static Map<String, String> parseAuthorization(String header) {
        String rest = header.substring(Signatures.V3_ALGORITHM.length()).trim();
        Map<String, String> parts = new HashMap<>();
        for (String part : rest.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        for (String key : List.of("Credential", "SignedHeaders", "Signature")) {
            if (parts.getOrDefault(key, "").isEmpty()) {
                throw new ApiException(400, "IncompleteSignature",
                        "The Authorization header lacks " + key + ".");
            }
        }
        return parts;
    }

    private static String checkVersionAndAction(String version, String action) {
        if (StsService.VERSION.equals(version) && StsService.ACTION.equals(action)) {
            return action;
        }
        if (!VERSION.equals(version)) {
            throw new ApiException(400, "InvalidVersion",
                    "Specified parameter Version is not valid. This endpoint serves ENS " + VERSION + ".");
        }
        if (!EnsOperations.ACTIONS.contains(action)) {
            throw new ApiException(404, "InvalidApi.NotFound",
                    "Specified api is not found, please check your url and method.");
        }
        return action;
    }

    private void checkTimestamp(String text) {
        Instant timestamp;
        try {
            timestamp = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "InvalidTimeStamp.Format",
                    "Specified time stamp or date value is not well formatted. Use yyyy-MM-ddTHH:mm:ssZ (UTC).");
        }
        Duration skew = Duration.between(timestamp, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw new ApiException(400, "InvalidTimeStamp.Expired",
                    "Specified time stamp or date value is expired.");
        }
    }

    private Account account(String accessKeyId) {
        Account account = sts.temporary(accessKeyId).map(StsService.Temporary::account)
                .orElseGet(() -> accounts.apply(accessKeyId));
        if (account == null) {
            throw new ApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        return account;
    }

    /** Returns the nonce log's ticket for a write's nonce (a replayed write must stay refused after a restart). */
    private long checkNonce(Account account, String action, String nonce) {
        if (nonce.length() > MAX_NONCE_LENGTH) {
            throw ApiException.invalidParameter("SignatureNonce",
                    "It must be at most " + MAX_NONCE_LENGTH + " characters long.");
        }
        long now = clock.millis();
        if (!nonces.firstUse(account.accessKeyId(), nonce, now)) {
            throw new ApiException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        NonceLog log = nonceLog;
        return log != null && EnsOperations.isWrite(action) ? log.used(new UsedNonce(account.accessKeyId(), nonce, now))
                : -1;
    }

    private void awaitNonce(long ticket) {
        NonceLog log = nonceLog;
        if (ticket >= 0 && log != null) {
            log.awaitDurable(ticket);
        }
    }

    // ---- responses ---------------------------------------------------------------------

    private static void sendError(HttpCall exchange, String requestId, ApiException e) {
        send(exchange, e.httpStatus(), requestId, errorMap(exchange.header("Host"), e.code(), e.getMessage(),
                requestId), e.headers());
    }

    /** The API's error body {@code {RequestId, HostId, Code, Message, Recommend}}. */
    private static Map<String, Object> errorMap(String host, String code, String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", host == null || host.isBlank() ? "ens.aliyuncs.com"
                : host.replaceAll("[^A-Za-z0-9.:\\[\\]-]", ""));
        body.put("Code", code);
        body.put("Message", message);
        body.put("Recommend", "https://api.alibabacloud.com/troubleshoot?q=" + code + "&product=Ens&requestId="
                + requestId);
        return body;
    }

    static void send(HttpCall exchange, int status, String requestId, Map<String, Object> body,
                     Map<String, String> extraHeaders) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response map always serializes", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=utf-8");
        headers.put("x-acs-request-id", requestId);
        headers.putAll(extraHeaders);
        exchange.respond(status, headers, bytes);
    }

    /** An error body for failures found before the gateway (malformed HTTP), in the same shape. */
    public static byte[] errorBody(String host, String code, String message) {
        try {
            return JSON.writeValueAsBytes(errorMap(host, code, message,
                    UUID.randomUUID().toString().toUpperCase(Locale.ROOT)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response map always serializes", e);
        }
    }
}
