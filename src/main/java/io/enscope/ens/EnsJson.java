package io.enscope.ens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;

/** The Jackson set-up for ENS answers, and the few places where the JSON is read by hand. */
final class EnsJson {

    /**
     * Unknown fields are ignored (ENS adds fields over time), a single value where a list is
     * expected is read as a one-element list, and numbers may arrive as strings (DescribeHaVips
     * sends its paging numbers quoted) with an empty string read as absent.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT, true)
            .build();

    static {
        MAPPER.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        MAPPER.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    private EnsJson() {
    }

    /**
     * @param body a JSON document
     * @param type the envelope record to read
     * @param <T>  the envelope type
     * @return the envelope
     * @throws IOException when the body is not JSON of that shape
     */
    static <T> T read(byte[] body, Class<T> type) throws IOException {
        return MAPPER.readValue(body, type);
    }

    /**
     * @param values strings
     * @return them as a JSON array, e.g. {@code ["a","b"]}, the form DeleteHaVips and
     *         DescribeInstances expect for their list parameters
     */
    static String jsonArray(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a list of strings is always serialisable", impossible);
        }
    }

    /**
     * Reads an error document leniently: the fields are {@code Code}, {@code Message} and
     * {@code RequestId}, or their lower-case forms, at the top or under {@code Error}.
     *
     * @param body the answer body
     * @return the error fields; all null when the body is not a JSON object
     */
    static ErrorBody readError(byte[] body) {
        if (body == null || body.length == 0) {
            return new ErrorBody(null, null, null);
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                return new ErrorBody(null, null, null);
            }
            JsonNode node = root.has("Error") && root.get("Error").isObject() ? root.get("Error") : root;
            return new ErrorBody(text(node, "Code", "code"), text(node, "Message", "message"),
                    text(node, "RequestId", "requestId"));
        } catch (IOException notJson) {
            return new ErrorBody(null, null, null);
        }
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull() && !value.isContainerNode()) {
                String text = value.asText();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The fields of an error answer; any may be null. */
    record ErrorBody(String code, String message, String requestId) {
    }
}
