package io.etl.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads warehouse-form text ({@link io.etl.tsv.Tsv#warehouseField}) the way each warehouse's COPY does: a record ends
 * at an unescaped newline, a field at an unescaped tab, a field that is exactly {@code \N} is NULL, and a backslash
 * escapes the character after it. They differ in what an escaped character means: PostgreSQL's text format turns
 * {@code \b \f \n \r \t \v}, octal and {@code \x} hex digits into other characters; Redshift's {@code ESCAPE} loads
 * the character as it is. A raw carriage return fails the read: PostgreSQL would end the record there.
 */
public enum CopyText {

    POSTGRESQL {
        @Override
        int unescape(String text, int at, StringBuilder value) {
            char c = text.charAt(at);
            switch (c) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'v' -> value.append('\u000B');
                case 'x' -> {
                    return number(text, at + 1, 2, 16, value);
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        return number(text, at, 3, 8, value);
                    }
                    value.append(c);
                }
            }
            return at;
        }
    },

    REDSHIFT {
        @Override
        int unescape(String text, int at, StringBuilder value) {
            value.append(text.charAt(at));
            return at;
        }
    };

    /** The records of the text, each its fields' values (null for NULL). */
    public List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int fieldStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                throw new IllegalArgumentException("a raw carriage return at " + i + ": PostgreSQL would end the record there");
            }
            if (c == '\\' && i + 1 < text.length()) {
                i = unescape(text, i + 1, value);
            } else if (c == '\t' || c == '\n') {
                fields.add(text.substring(fieldStart, i).equals("\\N") ? null : value.toString());
                value.setLength(0);
                fieldStart = i + 1;
                if (c == '\n') {
                    records.add(fields);
                    fields = new ArrayList<>();
                }
            } else {
                value.append(c);
            }
        }
        if (fieldStart < text.length()) {
            throw new IllegalArgumentException("the last record does not end with a newline");
        }
        return records;
    }

    /** Appends what the escape at {@code at} (the character after the backslash) stands for; returns its last index. */
    abstract int unescape(String text, int at, StringBuilder value);

    /** Up to {@code digits} digits of the radix from {@code from}, as one character; returns the last digit's index. */
    private static int number(String text, int from, int digits, int radix, StringBuilder value) {
        int end = from;
        while (end < text.length() && end - from < digits && Character.digit(text.charAt(end), radix) >= 0) {
            end++;
        }
        value.append((char) Integer.parseInt(text.substring(from, end), radix));
        return end - 1;
    }
}
