package io.etl.tsv;

import java.util.ArrayList;
import java.util.List;

/**
 * The lake's line format: fields joined by tabs, one record per line, in PostgreSQL's COPY text format. Tab,
 * newline, carriage return, backslash and NUL inside a value are written as {@code \t}, {@code \n}, {@code \r},
 * {@code \\} and {@code \0}; a missing value is {@value #NULL}. So a line never breaks inside a value, and the
 * lake's own readers (Hadoop, Pig) split records on newlines safely.
 *
 * <p>What the warehouses load is another form, {@link #warehouseField}: Redshift's {@code COPY … ESCAPE} reads a
 * backslash and any character as that character ({@code \n} would load the letter n), so a tab, newline or carriage
 * return is written as a backslash before the character itself, which PostgreSQL's text format reads alike.
 */
public final class Tsv {

    /** The NULL marker; an empty field is an empty string, not NULL. */
    public static final String NULL = "\\N";
    /** What {@link #warehouseField} writes for a NUL: the Unicode replacement character. */
    public static final char NUL_REPLACEMENT = '\uFFFD';

    private Tsv() {
    }

    /** The value as one field: escaped, or {@value #NULL} if it is null. */
    public static String field(String value) {
        return value == null ? NULL : escape(value);
    }

    public static String escape(String value) {
        return escaped(value, Tsv::lakeEscape);
    }

    /**
     * The value as one field that PostgreSQL's text COPY and Redshift's {@code COPY … DELIMITER '\t' ESCAPE NULL AS
     * '\\N'} both read back as the value: tab, newline, carriage return and backslash preceded by a backslash,
     * {@value #NULL} for null, and NUL, which neither warehouse can store in text, as {@value #NUL_REPLACEMENT}. A
     * record may so span lines: only an unescaped newline ends it.
     */
    public static String warehouseField(String value) {
        return value == null ? NULL : escaped(value, Tsv::warehouseEscape);
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

    /** The text of a character that cannot stand as it is in a field; null for the others. */
    @FunctionalInterface
    private interface Escapes {
        String of(char c);
    }

    private static String escaped(String value, Escapes escapes) {
        int i = 0;
        while (i < value.length() && escapes.of(value.charAt(i)) == null) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = escapes.of(c);
            if (escape == null) {
                escaped.append(c);
            } else {
                escaped.append(escape);
            }
        }
        return escaped.toString();
    }

    private static String lakeEscape(char c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            case '\0' -> "\\0";
            default -> null;
        };
    }

    private static String warehouseEscape(char c) {
        return switch (c) {
            case '\t', '\n', '\r', '\\' -> "\\" + c;
            case '\0' -> String.valueOf(NUL_REPLACEMENT);
            default -> null;
        };
    }

    /**
     * How many rows a stream of TSV holds, in either form: a line feed ends a row unless a backslash escapes it (the
     * warehouse form writes a data newline as a backslash before a real one), and a backslash escapes a backslash.
     */
    public static long countRows(java.io.InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[1 << 16];
        long rows = 0;
        boolean escaped = false;
        boolean partialRow = false;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (escaped) {
                    escaped = false;
                    partialRow = true;
                } else if (b == '\\') {
                    escaped = true;
                    partialRow = true;
                } else if (b == '\n') {
                    rows++;
                    partialRow = false;
                } else {
                    partialRow = true;
                }
            }
        }
        return partialRow ? rows + 1 : rows;
    }
}
