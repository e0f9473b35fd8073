package com.example.etls;

import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.util.Map;

/** The clicks of {@code actions_taken}, without their values, in a table of their own. */
public final class Clicks {

    public static final EtlSpec SPEC = EtlSpec.named("team_clicks").collection("actions_taken")
            .cursor("date")
            .field("_id", "id", FieldType.OBJECT_ID)
            .field("user_id", "user_id", FieldType.LONG)
            .field("action", "action", FieldType.STRING)
            .field("date", "date", FieldType.TIMESTAMP)
            .build();

    private Clicks() {
    }

    public static Table table(String schema) {
        return Table.named("team_clicks").schema(schema)
                .column("id", SqlType.varchar(24))
                .column("user_id", SqlType.bigint())
                .column("action", SqlType.varchar(256))
                .column("date", SqlType.timestamp())
                .key("id").cursor("date").build();
    }

    public static EtlPipeline pipeline(EtlEnvironment environment) {
        return EtlPipeline.of(SPEC, Map.of(), Clicks::table, environment);
    }
}
