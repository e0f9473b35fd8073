package io.etl.generate;

import io.etl.spec.FieldType;
import io.etl.warehouse.Column;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.util.List;

/**
 * One field of the generated ETL: its path in the documents, its column in the lake (the spec's), and the warehouse
 * columns it becomes (one, or {@code column_1 … column_N} for an array spread over columns).
 *
 * @param type          what the sample held: {@link ColumnType#JSON} for any array, which the extract writes as JSON
 * @param arrayColumns  whether the Pig script spreads it over {@code columns}
 * @param keepsRest     whether the last of {@code columns} keeps the elements past the others, as a JSON array
 * @param alwaysPresent it had a value in every sampled document: a candidate for NOT NULL
 * @param sampledTypes  what the sample held, for the generated comments: {@code int, long}
 */
public record PlannedField(String path, String column, ColumnType type, boolean arrayColumns, boolean keepsRest,
                    List<Column> columns, boolean alwaysPresent, String sampledTypes) {

    public PlannedField {
        columns = List.copyOf(columns);
    }

    /** The type the spec declares: an array spread over columns must be one, or the extract rejects the document. */
    public FieldType fieldType() {
        return arrayColumns ? FieldType.ARRAY : type.fieldType;
    }

    /** The same field, each string column at least as wide as the table's column of its name: an update never narrows. */
    PlannedField keepingWidths(Table table) {
        List<Column> kept = columns.stream().map(column -> table.columns().stream()
                .filter(held -> held.name().equals(column.name()) && isWiderString(held.type(), column.type()))
                .findFirst().map(held -> Column.of(column.name(), held.type())).orElse(column)).toList();
        return new PlannedField(path, this.column, type, arrayColumns, keepsRest, kept, alwaysPresent, sampledTypes);
    }

    private static boolean isWiderString(SqlType held, SqlType planned) {
        return held.kind() == SqlType.Kind.VARCHAR && planned.kind() == SqlType.Kind.VARCHAR && held.length() > planned.length();
    }
}
