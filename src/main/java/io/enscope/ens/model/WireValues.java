package io.enscope.ens.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** Lenient conversions shared by the model records: ENS is not consistent in spelling or shape. */
final class WireValues {

    private static final List<DateTimeFormatter> LOCAL_TIME_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT));

    private WireValues() {
    }

    /**
     * Finds the constant whose wire value matches {@code raw}, ignoring case and the separators
     * {@code _ - space}, so that the documented example {@code In_use} reads as {@code InUse}.
     */
    static <E extends Enum<E>> E parseEnum(E[] constants, Function<E, String> wireValue, E unknown, String raw) {
        if (raw == null) {
            return unknown;
        }
        String wanted = normalize(raw);
        if (wanted.isEmpty()) {
            return unknown;
        }
        for (E constant : constants) {
            if (constant != unknown && normalize(wireValue.apply(constant)).equals(wanted)) {
                return constant;
            }
        }
        return unknown;
    }

    private static String normalize(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /**
     * Reads an ENS timestamp. The documented form is {@code yyyy-MM-ddTHH:mm:ssZ}; some ENS
     * operations drop the seconds or the zone, which are then taken as UTC. Anything else gives
     * {@code null} rather than failing the whole page.
     */
    static Instant parseTime(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // fall through to the looser forms
        }
        String local = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        for (DateTimeFormatter format : LOCAL_TIME_FORMATS) {
            try {
                return LocalDateTime.parse(local, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    /** An immutable copy without null elements; a missing list becomes empty. */
    static <T> List<T> list(Collection<? extends T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(values.size());
        for (T value : values) {
            if (value != null) {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    /** Like {@link #list(Collection)} for strings, also dropping blank entries. */
    static List<String> strings(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
    }

    /** The first non-empty list, or an empty one. */
    @SafeVarargs
    static List<String> firstNonEmpty(List<String>... candidates) {
        for (List<String> candidate : candidates) {
            List<String> cleaned = strings(candidate);
            if (!cleaned.isEmpty()) {
                return cleaned;
            }
        }
        return List.of();
    }
}
