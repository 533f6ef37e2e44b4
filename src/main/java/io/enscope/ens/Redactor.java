package io.enscope.ens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is logged, shown or kept. The SDK puts the full request
 * URL, with {@code AccessKeyId=…&Signature=…&SecurityToken=…}, into its timeout and
 * unreachable-server messages, and a signature mismatch answer quotes the string to sign with the
 * AccessKeyId percent-encoded in it; both forms are covered, as are JSON fields, the v3
 * {@code Authorization} header and the {@code x-acs-security-token} header. The values of the
 * credentials in use are also {@linkplain #remember remembered} and removed wherever they appear,
 * whatever the text around them: a server may echo them in a form no pattern knows.
 */
public final class Redactor {

    /** What a removed value is replaced with. */
    public static final String MASK = "***";

    /** A key starts a name: after a separator or an encoded {@code &}, not inside a longer word. */
    private static final String KEY_START = "(?:(?<=%26)|(?<=%2526)|(?<![A-Za-z0-9_-]))";

    private static final String KEYS =
            "AccessKeyId|AccessKeySecret|Signature|SecurityToken|Credential|access_key_id|access_key_secret"
                    + "|sts_token|security_token|accessKeyId|accessKeySecret|securityToken";

    /** {@code Key=value} in a URL, form body, log line or v3 Authorization header; {@code Key: value} in text. */
    private static final Pattern PLAIN = Pattern.compile(
            "(?i)" + KEY_START + "(" + KEYS + ")(\\s*[=:]\\s*)([^&\\s\"',;<>)\\]}]*)");

    /** {@code Key%3Dvalue%26} inside a percent-encoded string to sign, possibly encoded twice. */
    private static final Pattern ENCODED = Pattern.compile(
            "(?i)" + KEY_START + "(" + KEYS + ")(%3D|%253D)(.*?)(?=%26|%2526|&|\\s|$)");

    /** {@code "Key": "value"} in JSON. */
    private static final Pattern JSON = Pattern.compile(
            "(?i)(\"(?:" + KEYS + ")\"\\s*:\\s*\")([^\"]*)(\")");

    /** Header lines that carry a credential as a whole. */
    private static final Pattern HEADER = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_-])(Authorization|x-acs-security-token|x-acs-accesskey-id)(\\s*[:=]\\s*)([^\\r\\n]*)");

    private static final int MAX_CAUSES = 16;
    /** Very short values would also match harmless text, and no real key is that short. */
    private static final int MIN_SECRET_LENGTH = 6;
    /** Enough for the keys and tokens of several profiles and refreshed STS tokens. */
    private static final int MAX_REMEMBERED = 128;
    /** The remembered values and their encoded forms, oldest first; guarded by itself. */
    private static final Set<String> REMEMBERED = new LinkedHashSet<>();
    private static volatile List<String> rememberedLongestFirst = List.of();

    private Redactor() {
    }

    /**
     * @param text any text, may be null
     * @return the text with every credential value replaced by {@value #MASK}; null stays null
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String known : rememberedLongestFirst) {
            out = out.replace(known, MASK);
        }
        out = replace(HEADER, out, 3);
        out = replace(JSON, out, 2);
        out = replace(ENCODED, out, 3);
        return replace(PLAIN, out, 3);
    }

    /**
     * Makes {@link #redact(String)} remove these values, and their URL-encoded and JSON-escaped
     * forms, from every text from now on: the AccessKeyId, secret and token of credentials in use.
     *
     * @param values credential values; null and very short entries are ignored
     */
    public static void remember(Collection<String> values) {
        synchronized (REMEMBERED) {
            boolean changed = false;
            for (String value : values) {
                if (value == null || value.length() < MIN_SECRET_LENGTH) {
                    continue;
                }
                for (String form : forms(value)) {
                    changed |= REMEMBERED.add(form);
                }
            }
            if (!changed) {
                return;
            }
            while (REMEMBERED.size() > MAX_REMEMBERED) {
                REMEMBERED.remove(REMEMBERED.iterator().next());
            }
            List<String> sorted = new ArrayList<>(REMEMBERED);
            // A longer form first, so that an encoded form is not cut by its raw part being masked.
            sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
            rememberedLongestFirst = List.copyOf(sorted);
        }
    }

    private static Set<String> forms(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(form.replace("+", "%20"));
        forms.add(URLEncoder.encode(form, StandardCharsets.UTF_8));
        forms.add(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        return forms;
    }

    /**
     * Like {@link #redact(String)}, and also removes the given literal values wherever they
     * appear: a second line of defence for the secret and token of the credentials in use.
     *
     * @param text    any text, may be null
     * @param secrets values that must never appear; null and very short entries are ignored
     * @return the redacted text
     */
    public static String redact(String text, Collection<String> secrets) {
        String out = redact(text);
        if (out == null || secrets == null) {
            return out;
        }
        for (String secret : secrets) {
            // very short values would also match harmless text, and no real key is that short
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                for (String form : forms(secret)) {
                    out = out.replace(form, MASK);
                }
            }
        }
        return out;
    }

    /**
     * @param accessKeyId an AccessKeyId, may be null
     * @return its first four characters followed by {@value #MASK}, enough to tell keys apart
     */
    public static String maskAccessKeyId(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() <= 8) {
            return MASK;
        }
        return accessKeyId.substring(0, 4) + MASK;
    }

    /**
     * Copies an exception chain with redacted messages, keeping each stack trace and the
     * original class name, so that the copy can be logged or chained as a cause while the
     * original (whose message may hold the signed URL) is dropped.
     *
     * @param throwable an exception, may be null
     * @param secrets   literal values to remove as well, may be empty
     * @return the redacted copy, or null for null
     */
    public static Throwable sanitize(Throwable throwable, Collection<String> secrets) {
        if (throwable == null) {
            return null;
        }
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = throwable; t != null && seen.add(t) && chain.size() < MAX_CAUSES; t = t.getCause()) {
            chain.add(t);
        }
        RedactedThrowable next = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable original = chain.get(i);
            RedactedThrowable copy = new RedactedThrowable(original.getClass().getName(),
                    redact(original.getMessage(), secrets), next);
            copy.setStackTrace(original.getStackTrace());
            next = copy;
        }
        return next;
    }

    private static String replace(Pattern pattern, String text, int valueGroup) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start(valueGroup));
            if (matcher.end(valueGroup) > matcher.start(valueGroup)) {
                out.append(MASK);
            }
            last = matcher.end(valueGroup);
        } while (matcher.find());
        out.append(text, last, text.length());
        return out.toString();
    }

    /**
     * Stands in for an exception whose message was redacted. Its message starts with the class
     * name of the exception it replaces, so a logged stack trace still says what happened.
     */
    public static final class RedactedThrowable extends Exception {

        private final String originalClassName;

        RedactedThrowable(String originalClassName, String redactedMessage, Throwable cause) {
            super(redactedMessage == null ? originalClassName : originalClassName + ": " + redactedMessage, cause);
            this.originalClassName = originalClassName;
        }

        /** @return the class name of the exception this one replaces */
        public String originalClassName() {
            return originalClassName;
        }
    }
}
