package io.enscope.emulator.gateway;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strict decoder for query strings and {@code application/x-www-form-urlencoded} bodies.
 * Unlike {@link java.net.URLDecoder} it rejects bad escapes and invalid UTF-8 with a typed
 * error instead of an exception the gateway would have to guess about.
 */
final class FormDecoder {
    static final int MAX_PARAMETERS = 1000;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_VALUE_LENGTH = 32 * 1024;

    private FormDecoder() {
    }

    /**
     * Decodes {@code raw} into {@code into}; a name already present is a duplicate.
     *
     * @throws ApiException {@code InvalidParameter…} for bad encoding, duplicates and sizes
     */
    static void decode(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        List<String> pairs = split(raw);
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = unescape(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
            if (name.isEmpty()) {
                throw new ApiException(400, "InvalidParameter", "A parameter has no name.");
            }
            if (name.length() > MAX_NAME_LENGTH) {
                throw new ApiException(400, "InvalidParameter", "A parameter name is longer than "
                        + MAX_NAME_LENGTH + " characters.");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw ApiException.invalidParameter(safeName(name), "The value is longer than "
                        + MAX_VALUE_LENGTH + " characters.");
            }
            if (into.containsKey(name)) {
                throw ApiException.invalidParameter(safeName(name), "The parameter is given more than once.");
            }
            if (into.size() >= MAX_PARAMETERS) {
                throw new ApiException(400, "InvalidParameter", "More than " + MAX_PARAMETERS
                        + " parameters were sent.");
            }
            into.put(name, value);
        }
    }

    private static List<String> split(String raw) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == '&') {
                out.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** A parameter name fit to appear in an error code: letters, digits, dots and underscores only. */
    static String safeName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "");
        if (cleaned.isEmpty()) {
            return "Parameter";
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    private static String unescape(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw badEncoding();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw badEncoding();
                }
                bytes.put((byte) ((hi << 4) | lo));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    encoded = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.put(encoded);
            }
        }
        bytes.flip();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "InvalidParameter", "A parameter is not valid UTF-8 after percent-decoding.");
        }
    }

    private static ApiException badEncoding() {
        return new ApiException(400, "InvalidParameter", "A parameter has a malformed percent-encoding.");
    }
}
