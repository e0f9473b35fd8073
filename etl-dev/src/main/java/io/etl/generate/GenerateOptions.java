package io.etl.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How {@code etl generate} samples and shapes the ETL.
 *
 * @param sampleSize   how many documents are read (the newest by {@code _id})
 * @param arrayColumns how many columns an array of scalars becomes; without it, the longest array seen, at most
 *                     {@value #DEFAULT_MAX_ARRAY_COLUMNS}
 * @param cursor       the cursor field's path, when the collection's indexes do not name exactly one date field
 * @param excluded     the paths of fields left out, with the fields inside them
 * @param renamed      the column of a field, by its path, in place of the one derived from its name
 * @param unwound      the paths of the arrays unwound into child tables, one row per element
 */
public record GenerateOptions(int sampleSize, ArraysMode arrays, OptionalInt arrayColumns, Optional<String> cursor,
                              Set<String> excluded, Map<String, String> renamed, Set<String> unwound) {

    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

    public static final int DEFAULT_SAMPLE_SIZE = 1_000;
    public static final int DEFAULT_MAX_ARRAY_COLUMNS = 10;

    public GenerateOptions {
        if (sampleSize < 1) {
            throw new GenerateException("--sample must be at least 1, got " + sampleSize);
        }
        if (arrayColumns.isPresent() && arrayColumns.getAsInt() < 1) {
            throw new GenerateException("--array-columns must be at least 1, got " + arrayColumns.getAsInt());
        }
        Set<String> left = Set.copyOf(excluded);
        excluded = left;
        renamed = Map.copyOf(renamed);
        unwound = Set.copyOf(unwound);
        for (String array : unwound) {
            if (isExcluded(left, array)) {
                throw new GenerateException("--unwind " + array + ": the field is left out by --exclude");
            }
        }
        renamed.forEach((path, column) -> {
            if (!COLUMN.matcher(column).matches() || column.length() > Names.MAX_NAME_BYTES) {
                throw new GenerateException("--rename " + path + "=" + column + ": a column's name is lower-case letters,"
                        + " digits and _, not starting with a digit, at most " + Names.MAX_NAME_BYTES + " characters");
            }
            if (isExcluded(left, path)) {
                throw new GenerateException("--rename " + path + "=" + column + ": the field is left out by --exclude");
            }
        });
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(DEFAULT_SAMPLE_SIZE, ArraysMode.COLUMNS, OptionalInt.empty(), Optional.empty(), Set.of(), Map.of(), Set.of());
    }

    /** The same options, windows selecting on the field at {@code path}. */
    public GenerateOptions withCursor(String path) {
        return new GenerateOptions(sampleSize, arrays, arrayColumns, Optional.of(path), excluded, renamed, unwound);
    }

    /** The same options, these fields' columns named so too (the ones --rename names win). */
    public GenerateOptions withColumns(Map<String, String> columns) {
        Map<String, String> named = new LinkedHashMap<>(columns);
        named.putAll(renamed);
        return new GenerateOptions(sampleSize, arrays, arrayColumns, cursor, excluded, named, unwound);
    }

    /** The same options, these arrays unwound too. */
    public GenerateOptions withUnwound(Set<String> paths) {
        Set<String> all = new TreeSet<>(unwound);
        all.addAll(paths);
        return new GenerateOptions(sampleSize, arrays, arrayColumns, cursor, excluded, renamed, all);
    }

    /** Whether {@code path} is left out: named by --exclude, or inside a field that is. */
    boolean isExcluded(String path) {
        return isExcluded(excluded, path);
    }

    private static boolean isExcluded(Set<String> excluded, String path) {
        return excluded.stream().anyMatch(left -> isWithin(path, left));
    }

    /** Whether the field at {@code path} is the field at {@code field} or inside it. */
    static boolean isWithin(String path, String field) {
        return path.equals(field) || path.startsWith(field + ".");
    }

    int columnsFor(int longestArray) {
        return arrayColumns.orElse(Math.max(1, Math.min(longestArray, DEFAULT_MAX_ARRAY_COLUMNS)));
    }
}
