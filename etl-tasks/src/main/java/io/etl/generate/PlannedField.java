package io.etl.generate;

import io.etl.warehouse.Column;

import java.util.List;

/**
 * One field of the generated ETL: its path in the documents, its column in the lake (the spec's), its name in the
 * Pig script, and the warehouse columns it becomes (one, or {@code column_1 … column_N} for an array spread over
 * columns).
 *
 * @param type          the spec's type: {@link ColumnType#JSON} for any array, which the extract writes as JSON
 * @param arrayColumns  whether the Pig script spreads it over {@code columns}
 * @param alwaysPresent it had a value in every sampled document: a candidate for NOT NULL
 * @param sampledTypes  what the sample held, for the generated comments: {@code int, long}
 */
public record PlannedField(String path, String column, String pig, ColumnType type, boolean arrayColumns,
                    List<Column> columns, boolean alwaysPresent, String sampledTypes) {

    public PlannedField {
        columns = List.copyOf(columns);
    }
}
