package io.enscope.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.gateway.Gateway;
import io.enscope.emulator.gateway.HttpCall;
import io.enscope.emulator.ops.EventOperations;
import io.enscope.emulator.scenario.EventRec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Run-time control of a standalone emulator, guarded by a token sent in
 * {@code X-Emulator-Token}: {@code GET|POST|DELETE /_emulator/faults} (POST takes one fault spec
 * per line), {@code POST /_emulator/reset}, {@code GET /_emulator/counts} and
 * {@code POST /_emulator/events} (one JSON object: {@code EventType}, {@code ResourceId}, optional
 * {@code NotBefore} in epoch milliseconds, {@code EventLevel}, {@code EventStatus}, {@code Reason}).
 */
final class ControlHandler {
    static final String PREFIX = "/_emulator/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final EnsEmulator emulator;
    private final String token;

    ControlHandler(EnsEmulator emulator, String token) {
        this.emulator = emulator;
        this.token = token;
    }

    void handle(HttpCall call) {
        String given = call.header("X-Emulator-Token");
        if (token == null || given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            error(call, 403, "Forbidden", "A valid X-Emulator-Token is required.");
            return;
        }
        switch (call.method() + " " + call.rawPath()) {
            case "GET /_emulator/faults" -> reply(call, 200, faults());
            case "DELETE /_emulator/faults" -> {
                emulator.faults().clear();
                reply(call, 200, faults());
            }
            case "POST /_emulator/faults" -> addFaults(call);
            case "POST /_emulator/reset" -> {
                emulator.reset();
                reply(call, 200, Map.of("Counts", emulator.state().counts().toString()));
            }
            case "GET /_emulator/counts" -> reply(call, 200, Map.of("Counts", emulator.state().counts().toString()));
            case "GET /_emulator/rate-limits" -> reply(call, 200, rateLimits());
            case "PUT /_emulator/rate-limits", "POST /_emulator/rate-limits" -> setRateLimits(call);
            case "POST /_emulator/events" -> addEvent(call);
            default -> error(call, 404, "NotFound", "Use /_emulator/faults, /_emulator/rate-limits, "
                    + "/_emulator/events, /_emulator/reset or /_emulator/counts.");
        }
    }

    /** The request body of at most 64 KiB of {@code what}; null once an error has been answered. */
    private byte[] body(HttpCall call, String what) {
        byte[] body;
        try (InputStream in = call.body()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException | RuntimeException unreadable) {
            error(call, 400, "InvalidParameter", "The request body is malformed or incomplete.");
            return null;
        }
        if (body.length > MAX_BODY) {
            error(call, 413, "RequestEntityTooLarge", "At most 64 KiB of " + what + ".");
            return null;
        }
        return body;
    }

    private void addFaults(HttpCall call) {
        byte[] body = body(call, "fault specs");
        if (body == null) {
            return;
        }
        List<FaultRule> parsed = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                parsed.add(FaultRule.parse(line));
            } catch (IllegalArgumentException e) {
                error(call, 400, "InvalidFault", e.getMessage());
                return;
            }
        }
        parsed.forEach(emulator.faults()::add);
        reply(call, 200, faults());
    }

    /** The body is {@code documented}, {@code off} or the JSON of {@link RateLimits#parseJson(String)}. */
    private void setRateLimits(HttpCall call) {
        byte[] body = body(call, "rate limits");
        if (body == null) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8).trim();
        RateLimits limits;
        try {
            limits = switch (text.toLowerCase(Locale.ROOT)) {
                case "documented" -> RateLimits.DOCUMENTED;
                case "off" -> RateLimits.OFF;
                default -> RateLimits.parseJson(text);
            };
        } catch (IllegalArgumentException e) {
            error(call, 400, "InvalidRateLimits", "Send documented, off or a JSON object of operation -> "
                    + "{api, account, user}: " + e.getMessage());
            return;
        }
        emulator.setRateLimits(limits);
        reply(call, 200, rateLimits());
    }

    private static final Set<String> EVENT_FIELDS = Set.of("EventType", "ResourceId",
            "NotBefore", "EventLevel", "EventStatus", "Reason");

    /** Schedules one event; the body is a JSON object (see the class comment). */
    private void addEvent(HttpCall call) {
        byte[] body = body(call, "event");
        if (body == null) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            error(call, 400, "InvalidEvent", "The body must be a JSON object such as {\"EventType\": "
                    + "\"Instance:SystemMaintenance.Redeploy\", \"ResourceId\": \"i-…\", \"NotBefore\": 1767225600000}.");
            return;
        }
        if (node == null || !node.isObject()) {
            error(call, 400, "InvalidEvent", "The body must be one JSON object.");
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!EVENT_FIELDS.contains(name)) {
                error(call, 400, "InvalidEvent", "Unknown field " + name + ": use " + new TreeSet<>(EVENT_FIELDS)
                        + ".");
                return;
            }
        }
        JsonNode notBefore = node.get("NotBefore");
        if (notBefore != null && !notBefore.isNull() && !notBefore.canConvertToExactIntegral()) {
            error(call, 400, "InvalidEvent", "NotBefore must be a whole number of epoch milliseconds.");
            return;
        }
        for (String name : List.of("EventType", "ResourceId", "EventLevel", "EventStatus", "Reason")) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull() && !v.isTextual()) {
                error(call, 400, "InvalidEvent", name + " must be a string.");
                return;
            }
        }
        try {
            EventRec event = new EventOperations(emulator.state()).schedule(text(node, "EventType"),
                    text(node, "ResourceId"), text(node, "EventLevel"), text(node, "EventStatus"),
                    notBefore == null || notBefore.isNull() ? null : notBefore.asLong(), text(node, "Reason"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("EventId", event.eventId());
            out.put("NotBefore", event.notBefore());
            reply(call, 200, out);
        } catch (IllegalArgumentException e) {
            error(call, 400, "InvalidEvent", e.getMessage() + ".");
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private Map<String, Object> rateLimits() {
        return Map.of("RateLimits", emulator.rateLimits().toJsonMap());
    }

    private Map<String, Object> faults() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Faults", emulator.faults().rules().stream().map(FaultRule::toString).toList());
        return body;
    }

    private static void reply(HttpCall call, int status, Map<String, ?> body) {
        Map<String, Object> withId = new LinkedHashMap<>();
        withId.put("RequestId", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        withId.putAll(body);
        try {
            call.respond(status, Map.of("Content-Type", "application/json;charset=utf-8"),
                    JSON.writeValueAsBytes(withId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response map always serializes", e);
        }
    }

    /** An error in the API's shape ({@code RequestId, HostId, Code, Message, Recommend}). */
    private static void error(HttpCall call, int status, String code, String message) {
        call.respond(status, Map.of("Content-Type", "application/json;charset=utf-8"),
                Gateway.errorBody(call.header("Host"), code, message));
    }
}
