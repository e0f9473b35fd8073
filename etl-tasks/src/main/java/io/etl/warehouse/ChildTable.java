package io.etl.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table an unwound array of a parent table is loaded into: one row per element, identified by the parent's key
 * and the element's position ({@link #POSITION}), then the element's columns. A load replaces all the children of
 * every parent it loads, in the parent's transaction.
 *
 * @param elements  the name of the unwound array in the ETL's declaration ({@code io.etl.spec.Child#name})
 * @param columns   the parent key's column, the position, then the element's columns, in load order
 * @param parentKey the column holding the parent's key
 */
public record ChildTable(String schema, String name, String elements, List<Column> columns, String parentKey) {

    /** The column of an element's position in its array, from 0. */
    public static final String POSITION = "position";

    public ChildTable {
        Identifiers.check(schema, "schema");
        Identifiers.check(name, "table");
        columns = List.copyOf(columns);
        Column.requireDistinct(name, columns);
        if (columns.size() < 3 || !columns.get(0).name().equals(parentKey) || !columns.get(1).name().equals(POSITION)) {
            throw new IllegalArgumentException("table " + name + ": the columns start with the parent's key, " + parentKey
                    + ", and " + POSITION + ", then the element's");
        }
    }

    /** Declares the child table of the array {@code elements}; the parent table gives its schema and key. */
    public static Builder of(String elements) {
        return new Builder(elements);
    }

    ChildTable building() {
        return new ChildTable(schema, TableSwap.building(name), elements, columns, parentKey);
    }

    public String qualified() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The shape the load's staging, copy and insert take: keyed by the parent's key, which is no cursor (a child table
     * has none) but stands in for it, so that nothing here windows a child by it. Distributed as its parent is when
     * the parent is distributed by its key, so that joining them stays on each slice.
     */
    Table asLoaded(Table parent) {
        boolean parentByKey = parent.distKey().filter(parent.key()::equals).isPresent();
        return new Table(schema, name, columns, parentKey, parentKey,
                parentByKey ? Optional.of(parentKey) : Optional.empty(), List.of(parentKey, POSITION), List.of());
    }

    public static final class Builder {
        private final String elements;
        private String name;
        private String parentKey;
        private final List<Column> columns = new ArrayList<>();

        private Builder(String elements) {
            this.elements = elements;
        }

        /** The table's name, when it is not the parent's followed by {@code _<elements>}. */
        public Builder table(String name) {
            this.name = name;
            return this;
        }

        /** The column of the parent's key, when it is not {@code parent_<key column>}. */
        public Builder parentKey(String column) {
            this.parentKey = column;
            return this;
        }

        public Builder column(String column, SqlType type) {
            columns.add(Column.of(column, type));
            return this;
        }

        ChildTable build(String schema, String parentName, Column parentKeyColumn) {
            String keyColumn = parentKey != null ? parentKey : "parent_" + parentKeyColumn.name();
            List<Column> all = new ArrayList<>();
            all.add(Column.of(keyColumn, parentKeyColumn.type()));
            all.add(Column.of(POSITION, SqlType.bigint()));
            all.addAll(columns);
            return new ChildTable(schema, name != null ? name : parentName + "_" + elements, elements, all, keyColumn);
        }
    }
}
