package io.enscope.ui.explorer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The search box's text as the tables apply it: words separated by blanks, each of which must
 * occur (case-insensitively) in a row's ids, names, IPs or status words.
 *
 * @param terms the lower-case words; empty matches everything
 */
public record SearchQuery(List<String> terms) {

    /** Matches every row. */
    public static final SearchQuery ALL = new SearchQuery(List.of());

    /** Copies the terms. */
    public SearchQuery {
        terms = List.copyOf(terms);
    }

    /**
     * @param text what the user typed, may be null
     * @return the query
     */
    public static SearchQuery parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new SearchQuery(Arrays.stream(text.trim().toLowerCase(Locale.ROOT).split("\\s+")).toList());
    }

    /**
     * @param haystack a row's searchable text, already lower-case
     * @return whether every term occurs in it
     */
    public boolean matches(String haystack) {
        for (String term : terms) {
            if (!haystack.contains(term)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the query filters nothing out */
    public boolean isEmpty() {
        return terms.isEmpty();
    }
}
