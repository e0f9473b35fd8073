package io.etl.load;

import static io.etl.testing.RunResults.metric;
import static io.etl.testing.RunResults.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.environment.EtlEnvironment;
import io.etl.pipeline.EtlPipeline;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.RunResults;
import io.etl.testing.TestSettings;
import io.etl.warehouse.ChildTable;
import io.etl.warehouse.SqlType;
import io.etl.warehouse.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays unwound into child tables, through the real pipeline (MongoDB wire protocol, Hadoop and Pig in local mode,
 * PostgreSQL): every element of a document loaded is a row of its child table, with its parent's key and position;
 * a document whose element cannot load is rejected whole; a document loaded again has exactly its children now.
 */
class ChildTableTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    static final EtlSpec SPEC = EtlSpec.named("updates")
            .cursor("updated_at")
            .field("_id", "id", FieldType.STRING)
            .field("status", "status", FieldType.STRING)
            .field("updated_at", "updated_at", FieldType.TIMESTAMP)
            .unwind(Child.of("media", "media").field("url", "url", FieldType.STRING).field("size", "size", FieldType.LONG).build())
            .unwind(Child.values("tags", "tags", "tag", FieldType.STRING))
            .build();

    static final String SCRIPT = """
            rows = FOREACH documents GENERATE id, status,
                CONCAT(SUBSTRING(updated_at, 0, 10), ' ', SUBSTRING(updated_at, 11, 23)) AS updated_at;
            media_rows = FOREACH media GENERATE update_id, position, url, size;
            tags_rows = FOREACH tags GENERATE update_id, position, tag;
            """;

    @TempDir
    Path home;
    private MongoDatabase database;
    private MongoCollection<Document> updates;
    private String schema;
    private final List<EtlEnvironment> environments = new ArrayList<>();

    static Table table(String schema) {
        return Table.named("updates").schema(schema)
                .column("id", SqlType.varchar(24))
                .column("status", SqlType.varchar(16))
                .column("updated_at", SqlType.timestamp())
                .key("id").cursor("updated_at")
                .child(ChildTable.of("media").parentKey("update_id").column("url", SqlType.varchar(32)).column("size", SqlType.bigint()))
                .child(ChildTable.of("tags").parentKey("update_id").column("tag", SqlType.varchar(16)))
                .build();
    }

    @BeforeEach
    void source() throws Exception {
        database = MONGO.database();
        updates = EmbeddedMongo.indexedCollection(database, "updates", "updated_at", List.of());
        schema = "children_" + database.getName();
        Files.createDirectories(home.resolve("pig"));
        Files.writeString(home.resolve("pig/updates.pig"), SCRIPT);
    }

    @AfterEach
    void close() {
        environments.forEach(EtlEnvironment::close);
    }

    @Test
    void every_element_is_a_row_of_its_child_table_with_its_parents_key_and_position() throws Exception {
        updates.insertMany(List.of(
                update("u1").at("2026-10-01T01:00:00Z").media(medium("a.png", 10), medium("b.png", 20)).tags("x", "y", "z").build(),
                update("u2").at("2026-10-01T02:00:00Z").media().build(),
                update("u3").at("2026-10-01T03:00:00Z").tags("solo").build()));

        RunSummary run = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, run.status(), run::toString);
        assertEquals(List.of("u1|draft", "u2|draft", "u3|draft"), query("SELECT id, status FROM %s.updates ORDER BY id"));
        assertEquals(List.of("u1|0|a.png|10", "u1|1|b.png|20"), query("SELECT * FROM %s.updates_media ORDER BY update_id, position"));
        assertEquals(List.of("u1|0|x", "u1|1|y", "u1|2|z", "u3|0|solo"),
                query("SELECT * FROM %s.updates_tags ORDER BY update_id, position"));
        assertEquals(2, metric(run, "updates_extract", "media_elements_extracted"));
        assertEquals(4, metric(run, "updates_load", "tags_rows_loaded"));
        assertTrue(outcome(run, "updates_load").notes().contains("media: 2 elements, 2 rows loaded into \"" + schema + "\".\"updates_media\""),
                outcome(run, "updates_load").notes()::toString);
    }

    @Test
    void a_document_with_an_element_that_cannot_load_is_rejected_whole_and_none_of_its_elements_loads() throws Exception {
        updates.insertMany(List.of(
                update("typed").at("2026-10-01T01:00:00Z").media(medium("ok.png", 1), medium("big.png", "huge")).tags("t").build(),
                update("long").at("2026-10-01T02:00:00Z").media(medium("x".repeat(40), 1)).tags("kept?").build(),
                update("scalar").at("2026-10-01T03:00:00Z").set("media", "not an array").build(),
                update("good").at("2026-10-01T04:00:00Z").media(medium("g.png", 5)).tags("fine").build()));

        RunSummary run = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, run.status(), run::toString);
        assertEquals(List.of("good"), query("SELECT id FROM %s.updates"));
        assertEquals(List.of("good|0|g.png|5"), query("SELECT * FROM %s.updates_media"));
        assertEquals(List.of("good|0|fine"), query("SELECT * FROM %s.updates_tags"));
        assertEquals(List.of(
                        "long|media.0.url|longer than VARCHAR(32): 40 characters",
                        "scalar|media|expected an array, got a string",
                        "typed|media.1.size|expected a whole number, got a string"),
                query("SELECT document_id, field, reason FROM %s.etl_rejects ORDER BY document_id"));
        assertEquals(3, metric(run, "updates_load", "rows_rejected"));
        assertTrue(outcome(run, "updates_load").notes().contains(
                        "media: 2 elements, 1 rows loaded into \"" + schema + "\".\"updates_media\", 1 not loaded with their rejected documents"),
                outcome(run, "updates_load").notes()::toString);
    }

    @Test
    void a_document_loaded_again_has_exactly_its_children_now() throws Exception {
        updates.insertMany(List.of(
                update("u1").at("2026-10-01T01:00:00Z").media(medium("a.png", 1), medium("b.png", 2), medium("c.png", 3)).tags("x").build(),
                update("u2").at("2026-10-01T02:00:00Z").media(medium("keep.png", 9)).build()));
        run("incremental", "true");

        // dated as a writer dates it, after the first run's window: a settle time (5 minutes) back from now
        updates.replaceOne(Filters.eq("_id", "u1"),
                update("u1").status("published").at(Instant.now().minus(Duration.ofMinutes(5))).media(medium("c.png", 30)).build());
        RunSummary again = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, again.status(), again::toString);
        assertEquals(List.of("u1|published", "u2|draft"), query("SELECT id, status FROM %s.updates ORDER BY id"));
        assertEquals(List.of("u1|0|c.png|30", "u2|0|keep.png|9"), query("SELECT * FROM %s.updates_media ORDER BY update_id, position"));
        assertEquals(List.of(), query("SELECT * FROM %s.updates_tags"), "u1 has no tags now, and u2 never had");
        assertEquals(3, metric(again, "updates_load", "media_rows_replaced"));
    }

    @Test
    void a_full_refresh_leaves_the_children_of_the_documents_loaded_and_no_others() throws Exception {
        updates.insertMany(List.of(
                update("u1").at("2026-10-01T01:00:00Z").media(medium("a.png", 1)).build(),
                update("u2").at("2026-10-01T02:00:00Z").media(medium("b.png", 2)).build()));
        run("incremental", "true");
        updates.deleteOne(Filters.eq("_id", "u1"));

        RunSummary refresh = run("full-refresh", "true");

        assertEquals(RunStatus.SUCCESS, refresh.status(), refresh::toString);
        assertEquals(List.of("u2"), query("SELECT id FROM %s.updates"));
        assertEquals(List.of("u2|0|b.png|2"), query("SELECT * FROM %s.updates_media"));
    }

    private static Update update(String id) {
        return new Update(id);
    }

    private static Document medium(String url, Object size) {
        return new Document("url", url).append("size", size);
    }

    /** A document of {@code updates}: a draft with no arrays unless given. */
    private static final class Update {
        private final Document document;

        private Update(String id) {
            document = new Document("_id", id).append("status", "draft");
        }

        Update status(String status) {
            return set("status", status);
        }

        Update at(String instant) {
            return at(Instant.parse(instant));
        }

        Update at(Instant instant) {
            return set("updated_at", Date.from(instant));
        }

        Update media(Document... media) {
            return set("media", Arrays.asList(media));
        }

        Update tags(String... tags) {
            return set("tags", Arrays.asList(tags));
        }

        Update set(String field, Object value) {
            document.append(field, value);
            return this;
        }

        Document build() {
            return document;
        }
    }

    private RunSummary run(String... parameters) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home, "mongo.uri", MONGO.uri(database),
                "warehouse.url", POSTGRES.jdbcUrl(), "warehouse.schema", schema, "pig.dir", home.resolve("pig").toString()));
        environments.add(environment);
        EtlPipeline pipeline = EtlPipeline.of(SPEC, Map.of(), ChildTableTest::table, environment);
        return Scheduler.builder().build().run(pipeline.run().parse(map));
    }

    /** The rows of a query, columns joined by '|'; {@code %s} is the test's schema. */
    private List<String> query(String sql) throws Exception {
        return RunResults.rows(POSTGRES.jdbcUrl(), sql.formatted("\"" + schema + "\""));
    }
}
