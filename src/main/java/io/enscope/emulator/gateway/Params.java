package io.enscope.emulator.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operation parameters of one request (query string merged with a form body), with the
 * typed accessors the operations need. Every accessor that can fail throws an
 * {@link ApiException} with the code ENS would use, never a runtime exception.
 */
public final class Params {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT_KEY = Pattern.compile("(.+)\\.(\\d{1,4})");
    private static final int MAX_LIST = 100;

    private final Map<String, String> values;

    public Params(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** A parameter; an empty value counts as absent, as the SDKs never send empty optional values. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> ApiException.missing(name));
    }

    /** An optional integer within bounds; anything else is {@code InvalidParameter.<name>}. */
    public int intValue(String name, int defaultValue, int min, int max) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String text = raw.get().trim();
        if (!text.matches("-?\\d{1,9}")) {
            throw ApiException.invalidParameter(name, "It must be an integer.");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw ApiException.invalidParameter(name, "It must be between " + min + " and " + max + ".");
        }
        return value;
    }

    /**
     * A list parameter in either documented encoding: the repeat list {@code Name.1, Name.2, …}
     * or a JSON-array string {@code Name=["a","b"]}. ENS documents one encoding per operation;
     * the emulator accepts both so that every SDK generation works.
     */
    public List<String> list(String name) {
        List<String> result = new ArrayList<>();
        Optional<String> json = get(name);
        if (json.isPresent()) {
            result.addAll(jsonArray(name, json.get()));
        }
        TreeMap<Integer, String> repeated = new TreeMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Matcher matcher = REPEAT_KEY.matcher(entry.getKey());
            if (matcher.matches() && matcher.group(1).equals(name)) {
                int index = Integer.parseInt(matcher.group(2));
                if (index < 1) {
                    throw ApiException.invalidParameter(name, "List indexes start at 1.");
                }
                if (!entry.getValue().isEmpty()) {
                    repeated.put(index, entry.getValue());
                }
            }
        }
        result.addAll(repeated.values());
        if (result.size() > MAX_LIST) {
            throw ApiException.invalidParameter(name, "At most " + MAX_LIST + " values are allowed.");
        }
        return List.copyOf(result);
    }

    /** True when the parameter was sent in either list encoding, even as an empty JSON array. */
    public boolean hasList(String name) {
        if (values.containsKey(name)) {
            return true;
        }
        String prefix = name + ".";
        return values.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    private static List<String> jsonArray(String name, String text) {
        List<Object> parsed;
        try {
            parsed = JSON.readValue(text, new TypeReference<List<Object>>() { });
        } catch (JsonProcessingException e) {
            throw ApiException.invalidParameter(name, "It must be a JSON array of strings.");
        }
        if (parsed == null) {
            throw ApiException.invalidParameter(name, "It must be a JSON array of strings.");
        }
        List<String> out = new ArrayList<>(parsed.size());
        for (Object item : parsed) {
            if (!(item instanceof String s) || s.isEmpty()) {
                throw ApiException.invalidParameter(name, "It must be a JSON array of strings.");
            }
            out.add(s);
        }
        return out;
    }
}
