package io.enscope.ui.explorer;

import java.util.List;

/** Comma-separated values as RFC 4180 writes them: CRLF line ends, fields quoted only when needed. */
final class Csv {
    private static final String CRLF = "\r\n";

    private Csv() {
    }

    /**
     * @param header the header row
     * @param rows   the data rows
     * @return the whole text, each record ended by CRLF
     */
    static String of(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        append(out, header);
        rows.forEach(row -> append(out, row));
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * @param value a value, may be null (written empty)
     * @return the value, in double quotes (inner quotes doubled) when it holds a comma, quote, CR or LF
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
