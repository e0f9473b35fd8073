package io.etl.actions;

import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.util.Map;

/**
 * The {@code actions_taken} ETL: what users did and when, one document per action, with a {@code value} array
 * whose first elements become the columns {@code value_1 … value_N} ({@code pig/actions_taken.pig}).
 */
public final class ActionsTaken {

    public static final EtlSpec SPEC = EtlSpec.named("actions_taken")
            .cursor("date")
            .field("_id", "id", FieldType.OBJECT_ID)
            .field("user_id", "user_id", FieldType.LONG)
            .field("action", "action", FieldType.STRING)
            .field("date", "date", FieldType.TIMESTAMP)
            .field("value", "value", FieldType.ARRAY)
            .build();

    /** How many {@code value_N} columns the transform makes. */
    public static final int VALUE_COLUMNS = 5;

    private ActionsTaken() {
    }

    /** The warehouse table: the transform's columns, in its order. */
    public static Table table(String schema) {
        Table.Builder table = Table.named("actions_taken").schema(schema)
                .column("id", SqlType.varchar(24))
                .column("user_id", SqlType.bigint())
                .column("action", SqlType.varchar(256))
                .column("date", SqlType.timestamp());
        for (int i = 1; i <= VALUE_COLUMNS; i++) {
            table.column("value_" + i, SqlType.varchar(4096));
        }
        return table.key("id").cursor("date").distKey("user_id").sortKey("date").build();
    }

    public static EtlPipeline pipeline(EtlEnvironment environment) {
        return EtlPipeline.of(SPEC, Map.of("value_columns", String.valueOf(VALUE_COLUMNS)), ActionsTaken::table, environment);
    }
}
