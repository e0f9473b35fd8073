package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.pipeline.PipelineCatalog;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Real ETLs beside {@code actions_taken}, for the runs of several ETLs, offered only to the tests that name them in
 * setting {@code test.etls} (every other test sees {@code actions_taken} alone): {@code clicks} loads the clicks of
 * {@code actions_taken} into a table of its own; {@code updates} reads a collection whose cursor has no index, which
 * its extract refuses.
 */
public final class TestEtls implements PipelineCatalog {

    static final SettingKey<Optional<List<String>>> ETLS = SettingKey.optional("test.etls", SettingType.names(),
            "The ETLs of the tests of runs of several ETLs to offer: clicks, updates");

    @Override
    public List<EtlPipeline> pipelines(EtlEnvironment environment) {
        List<String> offered = environment.settings().get(ETLS).orElse(List.of());
        return Stream.of(pipeline("clicks", "actions_taken", environment), pipeline("updates", "updates", environment))
                .filter(pipeline -> offered.contains(pipeline.run().family()))
                .toList();
    }

    @Override
    public List<SettingKey<?>> settingKeys() {
        return List.of(ETLS);
    }

    private static EtlPipeline pipeline(String name, String collection, EtlEnvironment environment) {
        EtlSpec spec = EtlSpec.named(name).collection(collection)
                .cursor("date")
                .field("_id", "id", FieldType.OBJECT_ID)
                .field("user_id", "user_id", FieldType.LONG)
                .field("action", "action", FieldType.STRING)
                .field("date", "date", FieldType.TIMESTAMP)
                .build();
        Function<String, Table> table = schema -> Table.named(name).schema(schema)
                .column("id", SqlType.varchar(24))
                .column("user_id", SqlType.bigint())
                .column("action", SqlType.varchar(256))
                .column("date", SqlType.timestamp())
                .key("id").cursor("date").build();
        return EtlPipeline.of(spec, Map.of(), table, environment);
    }
}
