package io.enscope.emulator.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enscope.emulator.gateway.ApiException;
import io.enscope.emulator.gateway.Params;
import io.enscope.emulator.scenario.Scenario.TagRec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of {@code {Key, Value}} tag parameters in either encoding: the repeat list
 * ({@code Tag.1.Key}, {@code Tag.1.Value}, as ListTagResources documents it) or a JSON-array
 * string ({@code Tags=[{"Key":"k","Value":"v"}]}, as the SDK shrinks DescribeInstances' list).
 */
final class TagParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TagParams() {
    }

    /**
     * @param max the most tags allowed
     * @return the tags in request order; a tag without a value matches on its key alone
     */
    static List<TagRec> parse(Params p, String name, int max) {
        List<TagRec> tags = new ArrayList<>();
        Optional<String> json = p.get(name);
        if (json.isPresent()) {
            tags.addAll(fromJson(name, json.get()));
        }
        Pattern repeat = Pattern.compile(Pattern.quote(name) + "\\.(\\d{1,4})\\.(Key|Value)");
        TreeMap<Integer, String[]> byIndex = new TreeMap<>();
        for (Map.Entry<String, String> e : p.asMap().entrySet()) {
            Matcher m = repeat.matcher(e.getKey());
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                if (index < 1) {
                    throw ApiException.invalidParameter(name, "List indexes start at 1.");
                }
                byIndex.computeIfAbsent(index, k -> new String[2])[m.group(2).equals("Key") ? 0 : 1] = e.getValue();
            }
        }
        for (Map.Entry<Integer, String[]> e : byIndex.entrySet()) {
            tags.add(tag(name + "." + e.getKey() + ".Key", e.getValue()[0], e.getValue()[1]));
        }
        if (tags.size() > max) {
            throw ApiException.invalidParameter(name, "At most " + max + " tags are allowed.");
        }
        return List.copyOf(tags);
    }

    private static List<TagRec> fromJson(String name, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidParameter(name, "It must be a JSON array of {\"Key\",\"Value\"} objects.");
        }
        if (node == null || !node.isArray()) {
            throw ApiException.invalidParameter(name, "It must be a JSON array of {\"Key\",\"Value\"} objects.");
        }
        List<TagRec> tags = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject() || !item.path("Key").isTextual()
                    || !(item.path("Value").isMissingNode() || item.path("Value").isTextual())) {
                throw ApiException.invalidParameter(name, "It must be a JSON array of {\"Key\",\"Value\"} objects.");
            }
            tags.add(tag(name, item.path("Key").asText(), item.path("Value").isTextual()
                    ? item.path("Value").asText() : null));
        }
        return tags;
    }

    private static TagRec tag(String param, String key, String value) {
        if (key == null || key.isEmpty()) {
            throw ApiException.missing(param);
        }
        if (key.length() > 64 || key.startsWith("aliyun") || key.startsWith("acs:") || key.startsWith("http://")
                || key.startsWith("https://")) {
            throw ApiException.invalidParameter(param, "A tag key has 1 to 64 characters and must not start with "
                    + "aliyun, acs:, http:// or https://.");
        }
        if (value != null && value.length() > 128) {
            throw ApiException.invalidParameter(param, "A tag value has at most 128 characters.");
        }
        return new TagRec(key, value == null || value.isEmpty() ? null : value);
    }

    /** Whether {@code has} holds every tag of {@code wanted} (a wanted tag without value matches its key). */
    static boolean holdsAll(List<TagRec> has, List<TagRec> wanted) {
        for (TagRec w : wanted) {
            boolean found = false;
            for (TagRec t : has) {
                if (t.key().equals(w.key()) && (w.value() == null || w.value().equals(t.value()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
