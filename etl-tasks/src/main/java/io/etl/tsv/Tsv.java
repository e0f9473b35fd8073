package io.etl.tsv;

import java.util.ArrayList;
import java.util.List;

/**
 * The lake's line format: fields joined by tabs, one record per line, in PostgreSQL's COPY text format. Tab,
 * newline, carriage return, backslash and NUL inside a value are written as {@code \t}, {@code \n}, {@code \r},
 * {@code \\} and {@code \0}; a missing value is {@value #NULL}. So a line never breaks inside a value, and a
 * warehouse COPY reads back exactly the text that was written.
 */
public final class Tsv {

    /** The NULL marker; an empty field is an empty string, not NULL. */
    public static final String NULL = "\\N";

    private Tsv() {
    }

    /** The value as one field: escaped, or {@value #NULL} if it is null. */
    public static String field(String value) {
        return value == null ? NULL : escape(value);
    }

    public static String escape(String value) {
        int i = 0;
        while (i < value.length() && !needsEscape(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\\' -> escaped.append("\\\\");
                case '\0' -> escaped.append("\\0");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The value a field holds: null for {@value #NULL}, otherwise the text with its escapes undone. */
    public static String value(String field) {
        if (NULL.equals(field)) {
            return null;
        }
        int backslash = field.indexOf('\\');
        if (backslash < 0) {
            return field;
        }
        StringBuilder value = new StringBuilder(field.length()).append(field, 0, backslash);
        for (int i = backslash; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                value.append(c);
                continue;
            }
            char next = field.charAt(++i);
            value.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '0' -> '\0';
                default -> next;
            });
        }
        return value.toString();
    }

    /** The values of one line (without its line break), nulls included. */
    public static List<String> values(String line) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            values.add(value(line.substring(start, tab)));
            start = tab + 1;
        }
        values.add(value(line.substring(start)));
        return values;
    }

    private static boolean needsEscape(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c == '\\' || c == '\0';
    }
}
