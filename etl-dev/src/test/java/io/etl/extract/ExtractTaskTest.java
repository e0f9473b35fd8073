package io.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.actions.ActionsTaken;
import io.etl.environment.EtlEnvironment;
import io.etl.lake.LakeDirectory;
import io.etl.spec.EtlSpec;
import io.etl.spec.FieldType;
import io.etl.task.Failures;
import io.etl.task.PermanentFailure;
import io.etl.task.TaskType;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LakeLines;
import io.etl.testing.RecordingContext;
import io.etl.testing.TestSettings;
import io.etl.tsv.Tsv;
import io.etl.window.WindowParameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExtractTaskTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    /** Every kind of value the extract converts, nested paths and an array index included. */
    private static final EtlSpec EVENTS = EtlSpec.named("events")
            .cursor("at")
            .field("_id", "id", FieldType.OBJECT_ID)
            .field("user.name", "user_name", FieldType.STRING)
            .field("note", "note", FieldType.STRING)
            .field("at", "at", FieldType.TIMESTAMP)
            .field("score", "score", FieldType.DOUBLE)
            .field("done", "done", FieldType.BOOLEAN)
            .field("tags", "tags", FieldType.JSON)
            .field("tags.0", "first_tag", FieldType.STRING)
            .field("meta", "meta", FieldType.JSON)
            .build();

    @TempDir
    Path home;
    private MongoDatabase database;
    private EtlEnvironment environment;

    @BeforeEach
    void freshDatabase() {
        database = MONGO.database();
    }

    @AfterEach
    void closeEnvironment() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void writes_each_document_as_one_escaped_tsv_line_in_column_order() throws Exception {
        EmbeddedMongo.indexedCollection(database, "events", "at", List.of(
                new Document("_id", new ObjectId("6565a1b2c3d4e5f601234567"))
                        .append("user", new Document("name", "Zoë\tO'Brien").append("id", 7))
                        .append("note", "line 1\nline 2\r\nC:\\temp \"quoted\" nul\0 日本語 🎉")
                        .append("at", date("2026-11-01T10:00:00.123Z"))
                        .append("score", 4.5)
                        .append("done", true)
                        .append("tags", Arrays.asList("a\tb", 2, null, new Document("k", "v\\w")))
                        .append("meta", new Document("os", "linux").append("at", date("2026-01-02T03:04:05Z"))),
                new Document("_id", new ObjectId("6565a1b2c3d4e5f601234568"))
                        .append("note", null)
                        .append("at", date("2026-11-01T11:00:00Z"))
                        .append("tags", List.of())));

        ExtractTask extract = extractType(EVENTS).with(WindowParameters.LOWER, instant("2026-11-01T00:00:00Z"))
                .with(WindowParameters.UPPER, instant("2026-11-02T00:00:00Z")).create();
        extract.run(new RecordingContext());

        assertEquals(List.of(
                "6565a1b2c3d4e5f601234567\tZoë\\tO'Brien\tline 1\\nline 2\\r\\nC:\\\\temp \"quoted\" nul\\0 日本語 🎉"
                        + "\t2026-11-01T10:00:00.123Z\t4.5\ttrue\t[\"a\\\\tb\",2,null,{\"k\":\"v\\\\\\\\w\"}]\ta\\tb"
                        + "\t{\"os\":\"linux\",\"at\":\"2026-01-02T03:04:05.000Z\"}\t\\N\t\\N\t\\N",
                "6565a1b2c3d4e5f601234568\t\\N\t\\N\t2026-11-01T11:00:00.000Z\t\\N\t\\N\t[]\t\\N\t\\N\t\\N\t\\N\t\\N"),
                LakeLines.of(extract.output().get(0)));
    }

    @Test
    void the_lines_read_back_exactly_the_text_mongo_held() throws Exception {
        List<String> awkward = List.of("tab\there", "two\nlines", "cr\r\nlf", "back\\slash\\", "\\N", "nul\0", "\"quoted\"",
                "naïve café", "日本語", "🎉", "", " padded ");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < awkward.size(); i++) {
            documents.add(Documents.action(awkward.get(i)).at(instant("2026-11-01T00:00:00Z").plusSeconds(i)).build());
        }
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", documents);

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        extract.run(new RecordingContext());

        List<String> actions = LakeLines.of(extract.output().get(0)).stream().map(line -> Tsv.values(line).get(2)).toList();
        assertEquals(awkward, actions);
    }

    @Test
    void a_document_exactly_at_lower_is_extracted_and_one_at_upper_is_not() throws Exception {
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", List.of(
                Documents.action("before").at("2026-11-01T09:59:59.999Z").build(),
                Documents.action("at-lower").at("2026-11-01T10:00:00Z").build(),
                Documents.action("inside").at("2026-11-01T10:30:00Z").build(),
                Documents.action("last-inside").at("2026-11-01T10:59:59.999Z").build(),
                Documents.action("at-upper").at("2026-11-01T11:00:00Z").build()));

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z");
        extract.run(new RecordingContext());

        assertEquals(List.of("at-lower", "inside", "last-inside"), column(extract.output().get(0), 2));
    }

    @Test
    void a_window_larger_than_the_split_size_is_read_in_equal_splits_without_losing_or_repeating_a_document() throws Exception {
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", Documents.hourly("2026-11-01T00:00:00Z", 60));

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T05:00:00Z", "2026-11-03T00:00:00Z", "extract.split.size", "15");
        extract.run(new RecordingContext());

        LakeDirectory output = extract.output().get(0);
        assertEquals(3, ExtractCounts.read(output).splits(), "43 documents, at most 15 a split");
        assertEquals(3, output.parts().size());
        List<String> expected = Stream.iterate(5, i -> i < 48, i -> i + 1).map(i -> "[" + i + "]").toList();
        assertEquals(expected, column(output, 4).stream().sorted((a, b) -> Integer.compare(number(a), number(b))).toList());
    }

    @Test
    void a_map_task_converting_on_several_threads_writes_every_document_once_and_profiles_them_all() throws Exception {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            Document action = Documents.action("action " + i).at(instant("2026-11-01T00:00:00Z").plusSeconds(i)).build();
            documents.add(i % 10 == 0 ? action.append("undeclared_" + i % 3, i) : action);
        }
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", documents);

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "hadoop.local.maps", "3");
        extract.run(new RecordingContext());

        LakeDirectory output = extract.output().get(0);
        assertEquals(1, output.parts().size(), "one split, one query: the threads share it");
        List<String> actions = column(output, 2);
        assertEquals(2_500, actions.size());
        assertEquals(Stream.iterate(0, i -> i < 2_500, i -> i + 1).map(i -> "action " + i).sorted().toList(), actions.stream().sorted().toList());
        UnmappedFields unmapped = UnmappedFields.parse(output.read(UnmappedFields.FILE));
        assertEquals(Map.of("undeclared_0", 84L, "undeclared_1", 83L, "undeclared_2", 83L),
                unmapped.fields().stream().collect(java.util.stream.Collectors.toMap(UnmappedField::path, UnmappedField::documents)));
    }

    @Test
    void records_the_window_counts_in_the_run_and_next_to_the_parts_for_the_load() throws Exception {
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", Documents.hourly("2026-11-01T00:00:00Z", 10));

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T02:00:00Z", "2026-11-01T06:00:00Z");
        RecordingContext context = new RecordingContext();
        extract.run(context);

        assertEquals(4, context.metric("documents_matched"));
        assertEquals(4, context.metric("rows_extracted"));
        assertEquals(new ExtractCounts("actions_taken", "actions_taken", instant("2026-11-01T02:00:00Z"),
                instant("2026-11-01T06:00:00Z"), 4, 4, 1, Map.of()), ExtractCounts.read(extract.output().get(0)));
        assertTrue(extract.complete());
    }

    @Test
    void refuses_a_collection_without_an_index_on_the_cursor_and_names_the_command_that_creates_it() {
        EmbeddedMongo.insert(database.getCollection("actions_taken"), Documents.hourly("2026-11-01T00:00:00Z", 3));

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        PermanentFailure refused = assertThrows(PermanentFailure.class, () -> extract.run(new RecordingContext()));

        assertEquals("collection " + database.getName() + ".actions_taken on 127.0.0.1:" + port() + " has no index on 'date',"
                + " so every window query would scan all of it: create one with db.actions_taken.createIndex({\"date\": 1})"
                + " or run with --allow-unindexed to accept the scan", refused.getMessage());
        assertFalse(extract.complete());
    }

    @Test
    void a_database_that_does_not_exist_is_refused_as_such_naming_host_database_and_collection() {
        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");

        PermanentFailure refused = assertThrows(PermanentFailure.class, () -> extract.run(new RecordingContext()));

        assertEquals("MongoDB database " + database.getName() + " on 127.0.0.1:" + port() + " does not exist (it holds no "
                + "collection), so collection 'actions_taken' cannot be read: check the database in setting mongo.uri",
                refused.getMessage());
    }

    @Test
    void a_collection_that_does_not_exist_is_refused_as_such_naming_the_collections_there_are() {
        EmbeddedMongo.indexedCollection(database, "actions_tekan", "date", Documents.hourly("2026-11-01T00:00:00Z", 1));

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        PermanentFailure refused = assertThrows(PermanentFailure.class, () -> extract.run(new RecordingContext()));

        assertEquals("MongoDB database " + database.getName() + " on 127.0.0.1:" + port() + " has no collection "
                + "'actions_taken': check the ETL's collection name (the database holds actions_tekan)", refused.getMessage());
    }

    @Test
    void extracts_a_collection_without_an_index_when_allowed() throws Exception {
        EmbeddedMongo.insert(database.getCollection("actions_taken"), Documents.hourly("2026-11-01T00:00:00Z", 3));

        ExtractTask extract = extractType(ActionsTaken.SPEC)
                .with(WindowParameters.LOWER, instant("2026-11-01T00:00:00Z"))
                .with(WindowParameters.UPPER, instant("2026-11-02T00:00:00Z"))
                .with(ExtractTask.ALLOW_UNINDEXED, true).create();
        extract.run(new RecordingContext());

        assertEquals(3, LakeLines.of(extract.output().get(0)).size());
    }

    @Test
    void a_compound_index_that_starts_with_the_cursor_counts_and_one_that_ends_with_it_does_not() {
        MongoCollection<Document> starts = database.getCollection("starts");
        starts.createIndex(Indexes.ascending("date", "user_id"));
        MongoCollection<Document> ends = database.getCollection("ends");
        ends.createIndex(Indexes.ascending("user_id", "date"));

        assertTrue(CursorIndex.exists(starts, "date"));
        assertFalse(CursorIndex.exists(ends, "date"));
    }

    @Test
    void a_document_written_into_the_window_during_the_extract_fails_the_attempt_to_be_retried_leaving_nothing_complete() throws Exception {
        MongoCollection<Document> actions = EmbeddedMongo.indexedCollection(database, "actions_taken", "date",
                Documents.hourly("2026-11-01T00:00:00Z", 5));
        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        RecordingContext context = new RecordingContext().onFirstProgress("extract",
                () -> actions.insertOne(Documents.action("late").at("2026-11-01T00:30:00Z").build()));

        Exception mismatch = assertThrows(Exception.class, () -> extract.run(context));

        assertTrue(mismatch.getMessage().contains("wrote 6 rows but the window matched 5 documents"), mismatch.getMessage());
        assertFalse(Failures.isPermanent(mismatch), "the scheduler retries it: " + mismatch);
        assertEquals(6, context.metric("rows_extracted"));
        assertFalse(extract.complete(), "no _SUCCESS after a mismatch");

        extract.run(new RecordingContext());
        assertTrue(extract.complete(), "the next attempt clears the parts left behind and completes");
        assertEquals(6, ExtractCounts.read(extract.output().get(0)).rowsExtracted());
    }

    @Test
    void counts_the_documents_no_window_selects_because_their_cursor_is_missing_or_null() throws Exception {
        EmbeddedMongo.indexedCollection(database, "actions_taken", "date", List.of(
                Documents.action("dated").at("2026-11-01T10:00:00Z").build(),
                Documents.action("undated").build(),
                Documents.action("null date").set("date", null).build()));

        ExtractTask extract = extract(ActionsTaken.SPEC, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        RecordingContext context = new RecordingContext();
        extract.run(context);

        assertEquals(1, context.metric("documents_matched"));
        assertEquals(2, context.metric("documents_without_cursor"));
    }

    /** The extract alone: without the plan of the transform's script a pipeline has it make first ({@code ScriptBeforeExtractTest}). */
    private TaskType<ExtractTask> extractType(EtlSpec spec, String... settings) {
        List<String> all = new ArrayList<>(List.of("mongo.uri", MONGO.uri(database)));
        all.addAll(List.of(settings));
        environment = new EtlEnvironment(TestSettings.of(home, all.toArray(String[]::new)));
        return ExtractTask.type(spec, environment);
    }

    private ExtractTask extract(EtlSpec spec, String lower, String upper, String... settings) {
        return extractType(spec, settings)
                .with(WindowParameters.LOWER, instant(lower))
                .with(WindowParameters.UPPER, instant(upper))
                .create();
    }

    private static List<String> column(LakeDirectory directory, int index) throws Exception {
        return LakeLines.of(directory).stream().map(line -> Tsv.values(line).get(index)).toList();
    }

    private static int number(String jsonArray) {
        return Integer.parseInt(jsonArray.substring(1, jsonArray.length() - 1));
    }

    private int port() {
        String uri = MONGO.uri(database);
        return Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1, uri.lastIndexOf('/')));
    }

    private static Instant instant(String text) {
        return Instant.parse(text);
    }

    private static Date date(String text) {
        return Date.from(Instant.parse(text));
    }
}
