package io.etl.warehouse;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One column of a warehouse table. The name is used quoted, exactly as given. */
public record Column(String name, SqlType type) {

    public Column {
        Identifiers.check(name, "column");
        Objects.requireNonNull(type, "type");
    }

    public static Column of(String name, SqlType type) {
        return new Column(name, type);
    }

    /** @throws IllegalArgumentException naming the first column of {@code table} declared twice */
    static Set<String> requireDistinct(String table, List<Column> columns) {
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("table " + table + ": column " + column.name() + " is declared twice");
            }
        }
        return names;
    }
}
