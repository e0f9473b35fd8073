package io.etl.pipeline;

import io.etl.environment.EtlEnvironment;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;
import io.etl.testing.TestSettings;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An ETL whose spec and table disagree on the key or the cursor is refused when it is declared, naming the field. */
class TableAgreementTest {

    @TempDir
    Path home;

    private static final EtlSpec SPEC = EtlSpec.named("orders").collection("orders").cursor("placed")
            .field("_id", "id", FieldType.OBJECT_ID).field("placed", "placed_at", FieldType.TIMESTAMP)
            .field("total", "total", FieldType.DOUBLE).build();

    private static Function<String, Table> table(String key, String cursor, SqlType cursorType) {
        return schema -> Table.named("orders").schema(schema).column("id", SqlType.varchar(24)).column("uid", SqlType.varchar(24))
                .column("placed_at", cursorType).column("total", SqlType.doublePrecision()).column("placed", SqlType.timestamp())
                .key(key).cursor(cursor).build();
    }

    private String refused(Function<String, Table> table) {
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home))) {
            return assertThrows(IllegalArgumentException.class, () -> EtlPipeline.of(SPEC, Map.of(), table, environment)).getMessage();
        }
    }

    @Test
    void a_table_keyed_or_windowed_on_another_column_than_the_spec_is_refused_naming_the_field() {
        assertEquals("ETL orders: the key field '_id' is column 'id' in the spec, but the table's key is 'uid'; they must be"
                + " the same column", refused(table("uid", "placed_at", SqlType.timestamp())));
        assertEquals("ETL orders: the cursor field 'placed' is column 'placed_at' in the spec, but the table's cursor is"
                + " 'placed'; they must be the same column", refused(table("id", "placed", SqlType.timestamp())));
        assertEquals("ETL orders: the cursor field 'placed' is TIMESTAMP in the spec and column 'placed_at' is VARCHAR(32) in"
                + " the table; both must be timestamps", refused(table("id", "placed_at", SqlType.varchar(32))));
    }

    @Test
    void a_table_that_agrees_is_declared() {
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home))) {
            assertDoesNotThrow(() -> EtlPipeline.of(SPEC, Map.of(), table("id", "placed_at", SqlType.timestamp()), environment));
        }
    }
}
