package io.etl.load;

import static io.etl.testing.RunResults.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.RunResults;
import io.etl.testing.TestSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Pig script that does not fit its ETL's declaration stops the run at its extract, before the source is read, with
 * the script and the field named; a script that fits is planned once, not on every run.
 */
class ScriptBeforeExtractTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    @TempDir
    Path home;

    @Test
    void a_script_whose_rows_are_not_the_tables_columns_stops_the_extract_before_it_reads_a_document() throws Exception {
        MongoDatabase database = MONGO.database();
        EmbeddedMongo.indexedCollection(database, "updates", "updated_at", List.of(
                new Document("_id", "u1").append("status", "draft").append("updated_at", Date.from(Instant.parse("2026-10-01T01:00:00Z")))));
        Files.createDirectories(home.resolve("pig"));
        Files.writeString(home.resolve("pig/updates.pig"), ChildTableTest.SCRIPT.replace("id, status,", "status, id,"));

        RunSummary wrong = run(database);
        Files.writeString(home.resolve("pig/updates.pig"), ChildTableTest.SCRIPT);
        RunSummary fixed = run(database);
        RunSummary again = run(database);

        TaskOutcome extract = outcome(wrong, "updates_extract");
        assertEquals(RunStatus.FAILED, wrong.status());
        assertEquals("updates.pig: rows must have the table's columns in order (id, status, updated_at), but field 1 is status"
                + " where the table has id", extract.error().orElseThrow());
        assertEquals(1, extract.attempts(), "a script that does not fit fails every attempt alike");
        assertFalse(extract.metrics().containsKey("documents_matched"), "the source was not read");
        assertEquals(List.of(RunStatus.SUCCESS, RunStatus.SUCCESS), List.of(fixed.status(), again.status()));
        assertEquals(List.of("u1|draft"), RunResults.rows(POSTGRES.jdbcUrl(), "SELECT id, status FROM \"" + database.getName() + "\".updates"));
        try (Stream<Path> planned = Files.list(home.resolve("scripts-planned"))) {
            assertEquals(1, planned.count(), "the script that fits was planned once");
        }
    }

    private RunSummary run(MongoDatabase database) {
        try (EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home, "mongo.uri", MONGO.uri(database),
                "warehouse.url", POSTGRES.jdbcUrl(), "warehouse.schema", database.getName(), "pig.dir", home.resolve("pig").toString()))) {
            EtlPipeline pipeline = EtlPipeline.of(ChildTableTest.SPEC, Map.of(), ChildTableTest::table, environment);
            return Scheduler.builder().build().run(pipeline.run().parse(Map.of("incremental", "true")));
        }
    }
}
