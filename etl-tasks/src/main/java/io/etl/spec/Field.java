package io.etl.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of an ETL: where it comes from in a document and what it is called downstream.
 *
 * @param path   a dot path into nested documents ({@code device.os}); a numeric segment indexes an array. A name may
 *               hold spaces ({@code Order Date}) but no comma (the extract's job configuration joins paths with
 *               commas) and no control character
 * @param column the column name in the lake's header and the warehouse
 */
public record Field(String path, String column, FieldType type) {

    private static final Pattern PATH = Pattern.compile("[^.$,\\p{Cntrl}][^.,\\p{Cntrl}]*(\\.[^.$,\\p{Cntrl}][^.,\\p{Cntrl}]*)*");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

    public Field {
        Objects.requireNonNull(type, "type");
        requirePath(path);
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("column '" + column + "' must be lower-case letters, digits or '_'");
        }
    }

    /** @throws IllegalArgumentException unless {@code path} is a path as {@link Field} takes it */
    static void requirePath(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("field path '" + path
                    + "' must be names joined by dots (no commas or control characters), such as device.os");
        }
    }

    public static Field of(String path, String column, FieldType type) {
        return new Field(path, column, type);
    }
}
