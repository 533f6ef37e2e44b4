package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The flow control of the emulator: per operation, the calls per second allowed in three scopes.
 * The emulator serves one Alibaba Cloud account, so the account scope counts the calls of all its
 * keys together, the user scope those of one AccessKey, and the API scope those of everyone.
 *
 * @param operations the limits of named operations
 * @param fallback   the limits of every other operation
 */
public record RateLimits(Map<String, Rate> operations, Rate fallback) {

    /**
     * Calls per second in each scope; 0 means no limit in that scope. A scope's bucket holds one
     * second of calls, so a burst of that many passes at once.
     */
    public record Rate(double api, double account, double user) {
        public static final Rate NONE = new Rate(0, 0, 0);

        public Rate {
            if (!(api >= 0 && account >= 0 && user >= 0) || Double.isInfinite(api + account + user)) {
                throw new IllegalArgumentException("a rate limit must be a finite number >= 0 (0 = no limit)");
            }
        }

        Map<String, Object> toJsonMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (api > 0) {
                out.put("api", api);
            }
            if (account > 0) {
                out.put("account", account);
            }
            if (user > 0) {
                out.put("user", user);
            }
            return out;
        }

        public boolean unlimited() {
            return api == 0 && account == 0 && user == 0;
        }
    }

    /** No flow control at all. */
    public static final RateLimits OFF = new RateLimits(Map.of(), Rate.NONE);

    /**
     * The limits ENS documents (DescribeInstances; DescribeNetworks and DescribeNetworkAttribute)
     * and, for every other operation, our own conservative assumption: ENS publishes none. The EIP,
     * security-group and event operations have no documented limit (ens-api-ha.md), so they are
     * listed with that assumption, to show they were looked up rather than forgotten.
     */
    public static final RateLimits DOCUMENTED = new RateLimits(Map.ofEntries(
            Map.entry("DescribeInstances", new Rate(0, 800, 100)),
            Map.entry("DescribeNetworks", new Rate(100, 10, 0)),
            Map.entry("DescribeNetworkAttribute", new Rate(100, 10, 0)),
            // Undocumented: listed with the conservative default, so the table names every HA read.
            Map.entry("DescribeEnsEipAddresses", new Rate(0, 100, 20)),
            Map.entry("AssociateEnsEipAddress", new Rate(0, 100, 20)),
            Map.entry("UnAssociateEnsEipAddress", new Rate(0, 100, 20)),
            Map.entry("DescribeSecurityGroups", new Rate(0, 100, 20)),
            Map.entry("DescribeSecurityGroupAttribute", new Rate(0, 100, 20)),
            Map.entry("DescribeHistoryEvents", new Rate(0, 100, 20)),
            Map.entry("DescribeEnsRouteEntryList", new Rate(0, 100, 20)),
            Map.entry("DescribeVSwitchAttributes", new Rate(0, 100, 20)),
            Map.entry("ListTagResources", new Rate(0, 100, 20))),
            new Rate(0, 100, 20));

    private static final Set<String> FIELDS = Set.of("api", "account", "user");

    public RateLimits {
        operations = Map.copyOf(operations);
        Objects.requireNonNull(fallback, "fallback");
    }

    /** The limits of one operation. */
    public Rate of(String action) {
        return operations.getOrDefault(action, fallback);
    }

    public boolean off() {
        return fallback.unlimited() && operations.values().stream().allMatch(Rate::unlimited);
    }

    /** The JSON form {@link #parseJson(String)} reads, scopes without a limit left out. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        new java.util.TreeMap<>(operations).forEach((action, rate) -> out.put(action, rate.toJsonMap()));
        out.put("*", fallback.toJsonMap());
        return out;
    }

    /** {@code documented}, {@code off} or the path of a JSON file (see {@link #parseJson(String)}). */
    public static RateLimits resolve(String spec) {
        String s = spec.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "documented" -> {
                return DOCUMENTED;
            }
            case "off" -> {
                return OFF;
            }
            default -> {
                Path file = Path.of(s);
                String text;
                try {
                    text = Files.readString(file);
                } catch (IOException e) {
                    throw new IllegalArgumentException("--rate-limits: use documented, off or a JSON FILE; "
                            + file + " could not be read (" + e.getMessage() + ")", e);
                }
                try {
                    return parseJson(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--rate-limits " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Parses {@code {"DescribeInstances": {"account": 800, "user": 100}, "*": {"user": 20}}}: an
     * operation → its calls per second for {@code api}, {@code account} and {@code user} (a missing
     * scope has no limit); {@code *} names the limits of the operations not listed (none if absent).
     */
    public static RateLimits parseJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of operation -> {api, account, user}");
        }
        Map<String, Rate> ops = new LinkedHashMap<>();
        Rate fallback = Rate.NONE;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Rate rate = rate(e.getKey(), e.getValue());
            if (e.getKey().equals("*")) {
                fallback = rate;
            } else {
                ops.put(e.getKey(), rate);
            }
        }
        return new RateLimits(ops, fallback);
    }

    private static Rate rate(String action, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(action + ": expected an object such as {\"account\": 10, \"user\": 5}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(action + ": unknown scope '" + name + "': use api, account or user");
            }
        }
        try {
            return new Rate(number(action, node, "api"), number(action, node, "account"), number(action, node, "user"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(action + ": " + e.getMessage(), e);
        }
    }

    private static double number(String action, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(action + "." + field + " must be a number of calls per second");
        }
        return value.asDouble();
    }
}
