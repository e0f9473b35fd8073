package io.etl.warehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One record of a part file the warehouse loads, found again after it was refused. A record ends at a newline
 * that no backslash escapes, so a value holding newlines spans several physical lines ({@code Tsv.warehouseField}):
 * the warehouse's "line" and the line an editor shows differ.
 *
 * @param number the record's number in the file, from 1
 * @param line   the physical line it starts on, from 1: the line a person opens
 * @param fields its fields as written (a backslash and the character it escapes stand for that character)
 */
record PartRecord(long number, long line, List<String> fields) {

    /** Which record a scan stops at: given its number and its first and last physical lines. */
    @FunctionalInterface
    private interface Wanted {
        boolean test(long number, long firstLine, long lastLine);
    }

    /** The record numbered {@code number}: what PostgreSQL's COPY counts. */
    static Optional<PartRecord> numbered(InputStream part, long number) throws IOException {
        return find(part, (n, first, last) -> n == number);
    }

    /** The record the physical line {@code line} belongs to. */
    static Optional<PartRecord> atLine(InputStream part, long line) throws IOException {
        return find(part, (n, first, last) -> first <= line && line <= last);
    }

    private static Optional<PartRecord> find(InputStream part, Wanted wanted) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(part, StandardCharsets.UTF_8), 1 << 16);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long number = 1;
        long firstLine = 1;
        long line = 1;
        boolean escaped = false;
        for (int c = in.read(); ; c = in.read()) {
            boolean end = c < 0 || c == '\n' && !escaped;
            if (end) {
                fields.add(field.toString());
                if (wanted.test(number, firstLine, line)) {
                    return Optional.of(new PartRecord(number, firstLine, fields));
                }
                if (c < 0) {
                    return Optional.empty();
                }
                fields = new ArrayList<>();
                field.setLength(0);
                number++;
                firstLine = ++line;
            } else if (escaped) {
                field.append((char) c);
                escaped = false;
                line += c == '\n' ? 1 : 0;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append((char) c);
            }
        }
    }
}
