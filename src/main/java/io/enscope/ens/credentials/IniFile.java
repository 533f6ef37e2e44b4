package io.enscope.ens.credentials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A small, tolerant INI reader for the SDK credentials file. It accepts what gopkg.in/ini (used by
 * the Go SDK that writes and reads these files) accepts in practice: {@code #} and {@code ;}
 * comments, {@code =} or {@code :} separators, quoted values, inline comments after whitespace,
 * repeated sections (merged). A line it cannot read is reported with its number and spoils only the
 * section it is in; its content is never reported because it may hold a secret.
 */
final class IniFile {

    private IniFile() {
    }

    /**
     * One section. Key names are lower-cased; the values are not printed by {@link #toString()}.
     *
     * @param name              the section name, case kept
     * @param line              the line of its first header
     * @param values            its keys and values; later assignments win
     * @param firstMalformedLine the first line inside it that could not be read
     */
    record Section(String name, int line, Map<String, String> values, OptionalInt firstMalformedLine) {
        Section {
            values = Map.copyOf(values);
        }

        Optional<String> value(String key) {
            return Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
        }

        @Override
        public String toString() {
            return "Section[name=" + name + ", line=" + line + ", keys=" + values.keySet().stream().sorted().toList()
                    + ", firstMalformedLine=" + firstMalformedLine + "]";
        }
    }

    /**
     * @param sections                 the sections in file order
     * @param firstMalformedLineOutside the first unreadable line before any section
     */
    record Parsed(List<Section> sections, OptionalInt firstMalformedLineOutside) {
        Parsed {
            sections = List.copyOf(sections);
        }
    }

    static Parsed parse(String text) {
        Map<String, Builder> sections = new LinkedHashMap<>();
        Builder currentSection = null;
        int firstMalformedOutside = 0;
        String[] lines = text.split("\\r\\n|\\n|\\r", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                Optional<String> name = sectionName(line);
                if (name.isPresent()) {
                    currentSection = sections.computeIfAbsent(name.get(), key -> new Builder(key, lineNumber));
                    continue;
                }
            } else {
                int separator = separatorIndex(line);
                if (separator > 0) {
                    // Keys before the first section belong to gopkg.in/ini's DEFAULT section, which holds no profile.
                    if (currentSection != null) {
                        String key = line.substring(0, separator).strip().toLowerCase(Locale.ROOT);
                        currentSection.values.put(key, value(line.substring(separator + 1)));
                    }
                    continue;
                }
            }
            if (currentSection != null) {
                if (currentSection.firstMalformedLine == 0) {
                    currentSection.firstMalformedLine = lineNumber;
                }
            } else if (firstMalformedOutside == 0) {
                firstMalformedOutside = lineNumber;
            }
        }
        List<Section> result = new ArrayList<>();
        for (Builder builder : sections.values()) {
            result.add(new Section(builder.name, builder.line, builder.values,
                    builder.firstMalformedLine == 0 ? OptionalInt.empty() : OptionalInt.of(builder.firstMalformedLine)));
        }
        return new Parsed(result,
                firstMalformedOutside == 0 ? OptionalInt.empty() : OptionalInt.of(firstMalformedOutside));
    }

    private static Optional<String> sectionName(String line) {
        int close = line.indexOf(']');
        if (close < 0) {
            return Optional.empty();
        }
        String rest = line.substring(close + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#") && !rest.startsWith(";")) {
            return Optional.empty();
        }
        String name = line.substring(1, close).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** @return the index of the first {@code =} or {@code :}, or -1; a key cannot contain either */
    private static int separatorIndex(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static String value(String raw) {
        String value = raw.strip();
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.indexOf(first, 1) > 0) {
                return value.substring(1, value.indexOf(first, 1));
            }
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i).strip();
            }
        }
        return value;
    }

    private static final class Builder {
        private final String name;
        private final int line;
        private final Map<String, String> values = new LinkedHashMap<>();
        private int firstMalformedLine;

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }
}
