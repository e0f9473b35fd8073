package io.etl.pipeline;

import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.spec.Field;
import io.etl.spec.FieldType;
import io.etl.warehouse.ChildTable;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

/**
 * What an ETL's spec and its table must agree on, checked when the ETL is declared, before anything runs: the key
 * the load merges by and the cursor that windows, audits and incremental runs read are the spec's fields, each
 * passed through to a column of the same name, and the cursor is a timestamp on both sides; and each array the
 * spec unwinds has its child table, and the table no other.
 */
final class TableAgreement {

    private TableAgreement() {
    }

    /** @throws IllegalArgumentException naming the field and what disagrees */
    static void require(EtlSpec spec, Table table) {
        requireSameColumn(spec, spec.key(), "key", table.key());
        requireSameColumn(spec, spec.cursor(), "cursor", table.cursor());
        SqlType cursorColumn = table.column(table.cursor()).type();
        if (spec.cursor().type() != FieldType.TIMESTAMP || cursorColumn.kind() != SqlType.Kind.TIMESTAMP) {
            throw new IllegalArgumentException("ETL " + spec.name() + ": the cursor field '" + spec.cursor().path() + "' is "
                    + spec.cursor().type() + " in the spec and column '" + table.cursor() + "' is " + cursorColumn.sql()
                    + " in the table; both must be timestamps");
        }
    }

    private static void requireSameColumn(EtlSpec spec, Field field, String role, String tableColumn) {
        if (!field.column().equals(tableColumn)) {
            throw new IllegalArgumentException("ETL " + spec.name() + ": the " + role + " field '" + field.path()
                    + "' is column '" + field.column() + "' in the spec, but the table's " + role + " is '" + tableColumn
                    + "'; they must be the same column");
        }
    }
}
