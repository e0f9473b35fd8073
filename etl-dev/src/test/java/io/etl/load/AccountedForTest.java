package io.etl.load;

import static io.etl.testing.RunResults.metric;
import static io.etl.testing.RunResults.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.actions.ActionsTaken;
import io.etl.environment.EtlEnvironment;
import io.etl.extract.UnmappedField;
import io.etl.extract.UnmappedFields;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.state.Json;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.RunResults;
import io.etl.testing.TestSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every document of a window is in the warehouse, value for value, or in {@code etl_rejects} with its id and
 * reason, and the run counts both; every field a document has that no column holds is named, and every value too
 * long for its column comes with the width that would hold it: real MongoDB wire protocol, Hadoop and Pig in local
 * mode, PostgreSQL.
 */
class AccountedForTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    @TempDir
    Path home;
    private MongoDatabase database;
    private MongoCollection<Document> events;
    private String schema;
    private final List<EtlEnvironment> environments = new ArrayList<>();

    @BeforeEach
    void emptySource() {
        database = MONGO.database();
        events = EmbeddedMongo.indexedCollection(database, "actions_taken", "date", List.of());
        schema = "accounted_" + database.getName();
    }

    @AfterEach
    void close() {
        environments.forEach(EtlEnvironment::close);
    }

    @Test
    void documents_of_the_wrong_type_are_rejected_with_id_field_and_reason_and_the_rest_of_the_window_loads() throws Exception {
        events.insertMany(List.of(
                action("good-1").user(1).at("2026-10-01T01:00:00Z").values("a").id("6565a1b2c3d4e5f601000001").build(),
                action("bool user").user(true).at("2026-10-01T02:00:00Z").id("6565a1b2c3d4e5f601000002").build(),
                action("text user").user("u-17").at("2026-10-01T03:00:00Z").id("6565a1b2c3d4e5f601000003").build(),
                action("x".repeat(300)).at("2026-10-01T04:00:00Z").id("6565a1b2c3d4e5f601000004").build(),
                action("scalar value").set("value", "abc").at("2026-10-01T05:00:00Z").id("6565a1b2c3d4e5f601000005").build(),
                action("document value").set("value", new Document("x", 1)).at("2026-10-01T06:00:00Z")
                        .id("6565a1b2c3d4e5f601000006").build(),
                action("good-2").user(2.0).at("2026-10-01T07:00:00Z").id("6565a1b2c3d4e5f601000007").build()));

        RunSummary first = run("incremental", "true");
        // dated as a writer dates it, after the first run's window: a settle time (5 minutes) back from now
        events.insertOne(action("next hour").at(Instant.now().minus(Duration.ofMinutes(5))).id("6565a1b2c3d4e5f601000008").build());
        RunSummary next = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, first.status(), first::toString);
        assertEquals(7, metric(first, "actions_taken_extract", "documents_matched"));
        assertEquals(2, metric(first, "actions_taken_load", "rows_loaded"));
        assertEquals(5, metric(first, "actions_taken_load", "rows_rejected"));
        assertEquals(List.of("6565a1b2c3d4e5f601000001|1|good-1", "6565a1b2c3d4e5f601000007|2|good-2",
                "6565a1b2c3d4e5f601000008|1|next hour"), query("SELECT id, user_id, action FROM %s.actions_taken ORDER BY id"));
        assertEquals(List.of(
                "6565a1b2c3d4e5f601000002|user_id|expected a whole number, got a boolean|true",
                "6565a1b2c3d4e5f601000003|user_id|expected a whole number, got a string|u-17",
                "6565a1b2c3d4e5f601000004|action|longer than VARCHAR(256): 300 characters|" + "x".repeat(120) + "…",
                "6565a1b2c3d4e5f601000005|value|expected an array, got a string|abc",
                "6565a1b2c3d4e5f601000006|value|expected an array, got a document|{\"x\":1}"),
                query("SELECT document_id, field, reason, value FROM %s.etl_rejects ORDER BY document_id"));
        assertEquals(List.of("{\"_id\":\"6565a1b2c3d4e5f601000003\",\"user_id\":\"u-17\",\"action\":\"text user\","
                        + "\"date\":\"2026-10-01T03:00:00.000Z\",\"value\":null}"),
                query("SELECT document FROM %s.etl_rejects WHERE document_id = '6565a1b2c3d4e5f601000003'"));
        assertTrue(outcome(first, "actions_taken_load").notes()
                        .contains("rejected 6565a1b2c3d4e5f601000002: user_id: expected a whole number, got a boolean (value: true)"),
                outcome(first, "actions_taken_load").notes()::toString);
        assertEquals(RunStatus.SUCCESS, next.status(), "the bad documents block no later run");
        assertEquals(1, metric(next, "actions_taken_load", "rows_new"));
    }

    @Test
    void fields_the_etl_does_not_declare_are_named_most_frequent_first_with_their_types_and_counts() throws Exception {
        events.insertMany(List.of(
                action("phone").set("device", new Document("os", "ios").append("model", "X")).set("score", 3)
                        .at("2026-10-01T01:00:00Z").id("6565a1b2c3d4e5f601000001").build(),
                action("tablet").set("device", new Document("os", "android")).set("score", "high")
                        .at("2026-10-01T02:00:00Z").id("6565a1b2c3d4e5f601000002").build(),
                action("watch").set("device", new Document("os", "watchos")).at("2026-10-01T03:00:00Z")
                        .id("6565a1b2c3d4e5f601000003").build(),
                action("plain").at("2026-10-01T04:00:00Z").id("6565a1b2c3d4e5f601000004").build()));

        RunSummary run = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, run.status(), run::toString);
        assertEquals(4, metric(run, "actions_taken_load", "rows_loaded"), "a new field is a warning, never a reject");
        assertEquals(3, metric(run, "actions_taken_extract", "fields_unmapped"));
        String note = outcome(run, "actions_taken_extract").notes().get(0);
        assertTrue(note.startsWith("3 new fields in actions_taken: device.os (string, 3 documents), score (int, string, 2 documents), "
                + "device.model (string, 1 document); not loaded: to load them, declare them in the ETL (etl generate actions_taken"
                + " --update says how); an example _id of each is in " + home.resolve("lake/actions_taken")), note);
        assertTrue(note.endsWith("/extract/_UNMAPPED_FIELDS.json"), note);
        Path file = Path.of(note.substring(note.lastIndexOf(" ") + 1));
        assertEquals(new UnmappedFields(List.of(
                        new UnmappedField("device.os", List.of("string"), 3, "6565a1b2c3d4e5f601000001"),
                        new UnmappedField("score", List.of("int", "string"), 2, "6565a1b2c3d4e5f601000001"),
                        new UnmappedField("device.model", List.of("string"), 1, "6565a1b2c3d4e5f601000001")), false),
                Json.MAPPER.readValue(Files.readString(file), UnmappedFields.class));
    }

    @Test
    void a_window_whose_documents_have_only_declared_fields_names_none() {
        events.insertOne(action("plain").values("a").at("2026-10-01T01:00:00Z").build());

        RunSummary run = run("incremental", "true");

        assertEquals(0, metric(run, "actions_taken_extract", "fields_unmapped"));
        assertEquals(List.of(), outcome(run, "actions_taken_extract").notes());
    }

    @Test
    void values_too_long_for_their_column_are_rejected_with_the_width_that_would_hold_them() throws Exception {
        events.insertMany(List.of(
                action("x".repeat(300)).at("2026-10-01T01:00:00Z").id("6565a1b2c3d4e5f601000001").build(),
                action("y".repeat(700)).at("2026-10-01T02:00:00Z").id("6565a1b2c3d4e5f601000002").build(),
                action("fits").at("2026-10-01T03:00:00Z").id("6565a1b2c3d4e5f601000003").build()));

        RunSummary run = run("incremental", "true");

        assertEquals(2, metric(run, "actions_taken_load", "rows_rejected"));
        assertEquals(List.of("6565a1b2c3d4e5f601000001|longer than VARCHAR(256): 300 characters",
                        "6565a1b2c3d4e5f601000002|longer than VARCHAR(256): 700 characters"),
                query("SELECT document_id, reason FROM %s.etl_rejects ORDER BY document_id"));
        assertEquals("action VARCHAR(256) → VARCHAR(2048) would fit 2 rejected values (widest 700 characters)",
                outcome(run, "actions_taken_load").notes().get(0));
    }

    @Test
    void an_empty_string_stays_an_empty_string_and_null_stays_null() throws Exception {
        events.insertMany(List.of(
                action("").values("", "b").at("2026-10-01T01:00:00Z").id("6565a1b2c3d4e5f601000001").build(),
                action("no action").without("action").values((Object) null).at("2026-10-01T02:00:00Z").id("6565a1b2c3d4e5f601000002").build()));

        run("incremental", "true");

        assertEquals(List.of("6565a1b2c3d4e5f601000001|<>|<>|b|NULL", "6565a1b2c3d4e5f601000002|NULL|NULL|NULL|NULL"),
                query("SELECT id, COALESCE('<' || action || '>', 'NULL'), COALESCE('<' || value_1 || '>', 'NULL'), "
                        + "COALESCE(value_2, 'NULL'), COALESCE(value_3, 'NULL') FROM %s.actions_taken ORDER BY id"));
    }

    @Test
    void array_elements_past_the_spread_columns_are_counted() {
        events.insertOne(action("many").values(1, 2, 3, 4, 5, 6, 7).at("2026-10-01T01:00:00Z").build());

        RunSummary run = run("incremental", "true");

        assertEquals(2, metric(run, "actions_taken_transform", "array_elements_dropped"));
    }

    @Test
    void documents_whose_cursor_is_not_a_date_are_counted_and_named_on_every_run_even_a_full_refresh() {
        events.insertMany(List.of(
                action("dated").at("2026-10-01T01:00:00Z").build(),
                action("text date").set("date", "2025-11-01T00:00:00Z").id("6565a1b2c3d4e5f601000002").build(),
                action("number date").set("date", 17).id("6565a1b2c3d4e5f601000003").build(),
                action("no date").without("date").id("6565a1b2c3d4e5f601000004").build()));

        RunSummary incremental = run("incremental", "true");
        RunSummary refresh = run("full-refresh", "true");

        for (RunSummary run : List.of(incremental, refresh)) {
            assertEquals(2, metric(run, "actions_taken_extract", "documents_cursor_not_date"));
            assertEquals(1, metric(run, "actions_taken_extract", "documents_without_cursor"));
            assertEquals(1, metric(run, "actions_taken_extract", "documents_matched"));
            List<String> notes = outcome(run, "actions_taken_extract").notes();
            assertTrue(notes.stream().anyMatch(note -> note.contains("no window selects the 2 document(s) whose 'date' is not a date")
                    && note.contains("6565a1b2c3d4e5f601000002 (date: \"2025-11-01T00:00:00Z\")")
                    && note.contains("6565a1b2c3d4e5f601000003 (date: 17)")), notes::toString);
        }
    }

    @Test
    void more_rejects_than_rejects_max_fail_the_window_with_nothing_loaded_until_it_is_raised() throws Exception {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            documents.add(action("changed").user("u-" + i).at("2026-10-01T01:00:00Z").build());
        }
        documents.add(action("fine").at("2026-10-01T02:00:00Z").build());
        events.insertMany(documents);

        RunSummary blocked = run("incremental", "true");
        RunSummary raised = run(Map.of("incremental", "true"), "rejects.max", "100%");

        TaskOutcome load = outcome(blocked, "actions_taken_load");
        assertEquals(RunStatus.FAILED, blocked.status());
        assertEquals(1, load.attempts(), "a window with too many rejects fails alike on every attempt");
        assertTrue(load.error().orElseThrow().contains("12 of 13 documents rejected, more than rejects.max (10, 1.0%) allows, so "
                + "none was loaded; most for user_id: expected a whole number, got a string (12)"), load.error()::toString);
        assertEquals(RunStatus.SUCCESS, raised.status());
        assertEquals(List.of("1"), query("SELECT COUNT(*) FROM %s.actions_taken"));
        assertEquals(List.of("12"), query("SELECT COUNT(*) FROM %s.etl_rejects"));
    }

    @Test
    void a_document_rejected_once_and_loaded_later_is_no_longer_a_reject() throws Exception {
        events.insertOne(action("bad then fixed").user("u-1").at("2026-10-01T01:00:00Z").id("6565a1b2c3d4e5f601000001").build());
        run("incremental", "true");
        assertEquals(List.of("6565a1b2c3d4e5f601000001"), query("SELECT document_id FROM %s.etl_rejects"));

        events.updateOne(Filters.eq("action", "bad then fixed"), Updates.combine(Updates.set("user_id", 1),
                Updates.set("date", java.util.Date.from(java.time.Instant.parse("2026-10-02T01:00:00Z")))));
        run("incremental", "true");

        assertEquals(List.of("6565a1b2c3d4e5f601000001|1"), query("SELECT id, user_id FROM %s.actions_taken"));
        assertEquals(List.of(), query("SELECT document_id FROM %s.etl_rejects"));
    }

    private static Documents action(String action) {
        return Documents.action(action);
    }

    private RunSummary run(String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return run(map);
    }

    private RunSummary run(Map<String, String> parameters, String... settings) {
        List<String> all = new ArrayList<>(List.of("mongo.uri", MONGO.uri(database), "warehouse.url", POSTGRES.jdbcUrl(),
                "warehouse.schema", schema));
        all.addAll(List.of(settings));
        EtlEnvironment environment = new EtlEnvironment(TestSettings.of(home, all.toArray(String[]::new)));
        environments.add(environment);
        return Scheduler.builder().build().run(ActionsTaken.pipeline(environment).run().parse(parameters));
    }

    /** The rows of a query, columns joined by '|'; {@code %s} is the test's schema. */
    private List<String> query(String sql) throws Exception {
        return RunResults.rows(POSTGRES.jdbcUrl(), sql.formatted("\"" + schema + "\""));
    }
}
