package io.enscope.ens;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Normalisation shared by the query records. */
final class QueryValues {

    private QueryValues() {
    }

    /** Blank means "no filter", so it is stored as null and never sent. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Trimmed, without blanks and duplicates, in the given order; null becomes empty. */
    static List<String> ids(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        values.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }

    /** Rejects filtering on a status this version does not know: it has no wire spelling. */
    static <E extends Enum<E>> E known(E value, E unknown, String what) {
        if (value != null && value == unknown) {
            throw new IllegalArgumentException(what + " filter cannot be UNKNOWN");
        }
        return value;
    }
}
