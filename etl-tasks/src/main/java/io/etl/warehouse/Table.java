package io.etl.warehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A warehouse table an ETL loads: its columns in load order, the key that identifies a row (Redshift does not
 * enforce it: the merge does), the cursor column that incremental windows continue from, and Redshift's optional
 * distribution and sort keys.
 */
public record Table(String schema, String name, List<Column> columns, String key, String cursor,
                    Optional<String> distKey, List<String> sortKey, List<ChildTable> children) {

    public Table {
        Identifiers.check(schema, "schema");
        Identifiers.check(name, "table");
        columns = List.copyOf(columns);
        sortKey = List.copyOf(sortKey);
        children = List.copyOf(children);
        Set<String> names = Column.requireDistinct(name, columns);
        requireColumn(name, names, key, "key");
        requireColumn(name, names, cursor, "cursor");
        distKey.ifPresent(k -> requireColumn(name, names, k, "distribution key"));
        sortKey.forEach(k -> requireColumn(name, names, k, "sort key"));
        Set<String> elements = new HashSet<>();
        for (ChildTable child : children) {
            if (!elements.add(child.elements())) {
                throw new IllegalArgumentException("table " + name + ": the child table of " + child.elements() + " is declared twice");
            }
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** {@code "schema"."name"} */
    public String qualified() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElseThrow();
    }

    /** The same table built beside this one, under {@link TableSwap#building} names (its child tables too), until swapped in. */
    public Table building() {
        return new Table(schema, TableSwap.building(name), columns, key, cursor, distKey, sortKey,
                children.stream().map(ChildTable::building).toList());
    }

    /** The child table of an unwound array. */
    public Optional<ChildTable> child(String elements) {
        return children.stream().filter(c -> c.elements().equals(elements)).findFirst();
    }

    private static void requireColumn(String name, Set<String> names, String column, String role) {
        if (!names.contains(column)) {
            throw new IllegalArgumentException("table " + name + ": " + role + " '" + column + "' is not one of its columns");
        }
    }

    public static final class Builder {
        private final String name;
        private String schema = "public";
        private final List<Column> columns = new ArrayList<>();
        private String key;
        private String cursor;
        private Optional<String> distKey = Optional.empty();
        private List<String> sortKey = List.of();
        private final List<ChildTable.Builder> children = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder column(String column, SqlType type) {
            columns.add(Column.of(column, type));
            return this;
        }

        public Builder key(String column) {
            this.key = column;
            return this;
        }

        public Builder cursor(String column) {
            this.cursor = column;
            return this;
        }

        public Builder distKey(String column) {
            this.distKey = Optional.of(column);
            return this;
        }

        public Builder sortKey(String... columns) {
            this.sortKey = List.of(columns);
            return this;
        }

        /** The child table an unwound array of the ETL is loaded into. */
        public Builder child(ChildTable.Builder child) {
            children.add(child);
            return this;
        }

        public Table build() {
            Column keyColumn = columns.stream().filter(c -> c.name().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("table " + name + ": key '" + key + "' is not one of its columns"));
            return new Table(schema, name, columns, key, cursor, distKey, sortKey,
                    children.stream().map(child -> child.build(schema, name, keyColumn)).toList());
        }
    }
}
