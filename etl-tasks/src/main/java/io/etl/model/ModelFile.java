package io.etl.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file {@code models/<name>.sql} as written: one SELECT (or WITH … SELECT), an optional closing semicolon, comments
 * anywhere. Its inputs are declared by a comment line before the query, {@code -- reads: actions_taken, daily_actions};
 * without one, they are the tables named right after a {@code FROM} or a {@code JOIN} (a table listed after a comma
 * is not found: declare the inputs then).
 *
 * @param select     the file's text up to its closing semicolon
 * @param reads      the names of the {@code -- reads:} line, if there is one
 * @param references the tables named after {@code FROM} and {@code JOIN}, in order (unquoted names in lower case)
 */
public record ModelFile(String name, Path file, String select, Optional<List<String>> reads, List<String> references) {

    /** Room in PostgreSQL's 63-byte names for what a rebuild appends ({@code __etl_new}). */
    static final int LONGEST_NAME = 54;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern READS = Pattern.compile("\\s*--\\s*reads\\s*:(.*)", Pattern.CASE_INSENSITIVE);
    private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+(?:" + IDENTIFIER + "\\s*\\.\\s*)?(" + IDENTIFIER + ")");

    /** @throws IllegalArgumentException naming the file and what to fix: a bad name, not one SELECT, unreadable */
    public static ModelFile read(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".sql".length());
        if (!NAME.matcher(name).matches() || name.length() > LONGEST_NAME) {
            throw new IllegalArgumentException(file + ": a model's name, its file's, names its table and its task: lower-case"
                    + " letters, digits and '_', starting with a letter, at most " + LONGEST_NAME + " characters; rename the file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String code = code(text);
        String query = code.stripTrailing();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).stripTrailing();
        }
        if (query.isBlank()) {
            throw new IllegalArgumentException(file + " holds no query: write the one SELECT that builds the table " + name);
        }
        if (query.contains(";")) {
            throw new IllegalArgumentException(file + " holds more than one statement: a model is one SELECT, without ';' inside");
        }
        String first = query.strip().split("\\s+", 2)[0];
        if (!first.equalsIgnoreCase("SELECT") && !first.equalsIgnoreCase("WITH")) {
            throw new IllegalArgumentException(file + " is not a SELECT (it starts with " + first + "): a model is one SELECT,"
                    + " its table is built from what it returns");
        }
        return new ModelFile(name, file, text.substring(0, query.length()), reads(text), references(query));
    }

    /** The names of the first {@code -- reads:} line among the comment lines before the query. */
    private static Optional<List<String>> reads(String text) {
        for (String line : text.split("\n", -1)) {
            Matcher reads = READS.matcher(line);
            if (reads.matches()) {
                return Optional.of(Arrays.stream(reads.group(1).split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList());
            }
            if (!line.isBlank() && !line.strip().startsWith("--")) {
                break;
            }
        }
        return Optional.empty();
    }

    private static List<String> references(String code) {
        List<String> tables = new ArrayList<>();
        Matcher table = TABLE.matcher(code);
        while (table.find()) {
            String found = table.group(1);
            String name = found.startsWith("\"") ? found.substring(1, found.length() - 1).replace("\"\"", "\"")
                    : found.toLowerCase(Locale.ROOT);
            if (!tables.contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }

    /**
     * The text with its comments and the inside of its string literals blanked, each character by a space (line ends
     * kept): what is left is the statement's code, at the same positions.
     */
    private static String code(String text) {
        char[] code = text.toCharArray();
        int i = 0;
        while (i < code.length) {
            if (text.startsWith("--", i)) {
                while (i < code.length && code[i] != '\n') {
                    code[i++] = ' ';
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? code.length : end + 2;
                for (; i < end; i++) {
                    code[i] = code[i] == '\n' ? '\n' : ' ';
                }
            } else if (code[i] == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? code.length : end;
                for (i++; i < end; i++) {
                    code[i] = code[i] == '\n' ? '\n' : ' ';
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(code);
    }
}
