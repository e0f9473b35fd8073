package io.etl.warehouse;

import java.util.Objects;

/** One column of a warehouse table. The name is used quoted, exactly as given. */
public record Column(String name, SqlType type) {

    public Column {
        Identifiers.check(name, "column");
        Objects.requireNonNull(type, "type");
    }

    public static Column of(String name, SqlType type) {
        return new Column(name, type);
    }
}
