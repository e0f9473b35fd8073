package io.etl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.actions.ActionsTaken;
import io.etl.environment.EtlEnvironment;
import io.etl.lake.Lake;
import io.etl.sample.JsonLines;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.testing.CopyText;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LakeLines;
import io.etl.testing.LocalS3;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.TestSettings;
import io.etl.transform.TransformTask;
import io.etl.warehouse.RedshiftDriverProxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile documents ({@code hostile/actions_taken.jsonl}), each saying what must become of it in its
 * {@code expect} field, through the whole pipeline into PostgreSQL: every document loaded value for value, or in
 * {@code etl_rejects} with its reason, or counted as unselectable, and the counts add up: into PostgreSQL, and through
 * the Redshift driver with the lake on S3 (s3proxy; {@link RedshiftDriverProxy} stands in for Redshift's COPY from S3
 * with PostgreSQL's, and the rows are also read as Redshift's COPY reads the transform's files). The expected values
 * are worked out here from the corpus itself.
 */
class HostileCorpusTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    private static final String CORPUS = "hostile/actions_taken.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @RegisterExtension
    final S3ProxyExtension s3 = LocalS3.server();

    @TempDir
    Path home;
    private EtlEnvironment environment;

    @AfterEach
    void close() {
        environment.close();
    }

    @Test
    void into_postgresql_every_hostile_document_is_loaded_value_for_value_rejected_with_its_reason_or_counted() throws Exception {
        MongoDatabase database = MONGO.database();
        String schema = "hostile_" + database.getName();

        assertAccountedFor(database, schema, "expect", "warehouse.url", POSTGRES.jdbcUrl());
    }

    @Test
    void through_the_redshift_driver_and_an_s3_lake_every_hostile_document_is_loaded_rejected_or_counted() throws Exception {
        MongoDatabase database = MONGO.database();
        String schema = "hostile_redshift_" + database.getName();
        String[] lake = LocalS3.lake(s3, "s3://hostile-lake/prod");
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(POSTGRES.jdbcUrl());
        assertTrue(port.find(), POSTGRES.jdbcUrl());
        try (Lake proxied = Lake.open(TestSettings.of(home, lake));
             RedshiftDriverProxy redshift = RedshiftDriverProxy.to(Integer.parseInt(port.group(1)), proxied)) {
            List<String> settings = new ArrayList<>(List.of(lake));
            settings.addAll(List.of("warehouse.url", "jdbc:redshift://127.0.0.1:" + redshift.port() + "/postgres?ssl=false",
                    "warehouse.user", "postgres", "warehouse.iam.role", "arn:aws:iam::123456789012:role/etl-load"));

            assertAccountedFor(database, schema, "expect_redshift", settings.toArray(String[]::new));
        }
    }

    /**
     * Loads the corpus into a fresh collection, runs the pipeline with these settings, and holds the warehouse, the
     * rejects and the counts to what the corpus expects (its field {@code expectation}, else {@code expect}).
     */
    private void assertAccountedFor(MongoDatabase database, String schema, String expectation, String... settings) throws Exception {
        MongoCollection<Document> source = EmbeddedMongo.indexedCollection(database, "actions_taken", "date", corpus());
        List<String> all = new ArrayList<>(List.of("mongo.uri", MONGO.uri(database), "warehouse.schema", schema, "rejects.max", "100%"));
        all.addAll(List.of(settings));
        environment = new EtlEnvironment(TestSettings.of(home, all.toArray(String[]::new)));
        Expectations expected = Expectations.of(corpusLines(), expectation);

        EtlPipelineRun run = EtlPipelineRun.of(environment);
        RunSummary summary = run.summary();

        assertEquals(RunStatus.SUCCESS, summary.status(), summary::toString);
        assertEquals(source.countDocuments(), expected.loaded.size() + expected.rejected.size() + expected.unselected.size());
        assertEquals(expected.loaded, warehouseRows(schema));
        assertEquals(expected.loaded, redshiftReadOf(run.transform()));
        assertEquals(expected.rejected, rejects(schema));
        long matched = metric(summary, "actions_taken_extract", "documents_matched");
        assertEquals(expected.loaded.size() + expected.rejected.size(), matched);
        assertEquals(matched, metric(summary, "actions_taken_load", "rows_loaded") + metric(summary, "actions_taken_load", "rows_rejected"));
        assertEquals(expected.rejected.size(), metric(summary, "actions_taken_load", "rows_rejected"));
        for (String unselected : List.of("documents_cursor_not_date", "documents_without_cursor", "documents_cursor_out_of_range")) {
            assertEquals(expected.unselected.stream().filter(unselected::equals).count(), metric(summary, "actions_taken_extract", unselected),
                    unselected);
        }
        assertEquals(2, metric(summary, "actions_taken_transform", "array_elements_dropped"));
        assertEquals(2, metric(summary, "actions_taken_transform", "nuls_replaced"));
    }

    /** A run of the pipeline, with its transform task kept to read its files. */
    private record EtlPipelineRun(RunSummary summary, TransformTask transform) {
        static EtlPipelineRun of(EtlEnvironment environment) {
            var root = ActionsTaken.pipeline(environment).run().parse(Map.of("incremental", "true"));
            RunSummary summary = Scheduler.builder().build().run(root);
            TransformTask transform = (TransformTask) summary.outcomes().stream()
                    .filter(o -> o.task().family().equals("actions_taken_transform")).findFirst().orElseThrow().task();
            return new EtlPipelineRun(summary, transform);
        }
    }

    /** What the corpus says must happen: rows by id, reject causes by id, and the unselectable kinds. */
    private record Expectations(Map<String, List<String>> loaded, Map<String, String> rejected, List<String> unselected) {

        static Expectations of(List<JsonNode> documents, String expectation) {
            Map<String, List<String>> loaded = new TreeMap<>();
            Map<String, String> rejected = new TreeMap<>();
            List<String> unselected = new ArrayList<>();
            for (JsonNode document : documents) {
                String expect = (document.has(expectation) ? document.get(expectation) : document.get("expect")).asText();
                if (expect.equals("loaded")) {
                    loaded.put(id(document), row(document));
                } else if (expect.startsWith("rejected ")) {
                    rejected.put(id(document), expect.substring("rejected ".length()));
                } else {
                    unselected.add(expect.substring("unselected ".length()));
                }
            }
            return new Expectations(loaded, rejected, unselected);
        }

        /** id, user_id, action, date to the millisecond, value_1 … value_5, as the text the warehouse must hold. */
        private static List<String> row(JsonNode document) {
            List<String> row = new ArrayList<>(List.of(id(document)));
            row.add(wholeNumber(document.get("user_id")));
            row.add(text(document.get("action")));
            row.add(MILLIS.format(Instant.parse(document.get("date").get("$date").asText())));
            JsonNode values = document.get("value");
            for (int i = 0; i < ActionsTaken.VALUE_COLUMNS; i++) {
                row.add(values == null || values.isNull() || i >= values.size() ? null : text(values.get(i)));
            }
            return row;
        }

        private static String id(JsonNode document) {
            JsonNode id = document.get("_id");
            return id.has("$oid") ? id.get("$oid").asText() : id.has("$numberLong") ? id.get("$numberLong").asText() : id.asText();
        }

        private static String wholeNumber(JsonNode number) {
            if (number == null) {
                return null;
            }
            return number.has("$numberLong") ? number.get("$numberLong").asText() : Long.toString((long) number.asDouble());
        }

        /** A value's text: a string as it is (a NUL as U+FFFD), a number as Java writes it, a container as JSON. */
        private static String text(JsonNode value) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isContainerNode()) {
                return value.toString();
            }
            if (value.isDouble()) {
                return Double.toString(value.asDouble());
            }
            return value.asText().replace('\0', '\uFFFD');
        }
    }

    private static List<Document> corpus() throws IOException {
        try (BufferedReader in = corpusReader()) {
            return JsonLines.read(in, CORPUS).toList();
        }
    }

    private static List<JsonNode> corpusLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader in = corpusReader()) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static BufferedReader corpusReader() {
        return new BufferedReader(new InputStreamReader(HostileCorpusTest.class.getClassLoader().getResourceAsStream(CORPUS),
                StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> warehouseRows(String schema) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        query("SELECT id, user_id, action, to_char(date, 'YYYY-MM-DD HH24:MI:SS.MS'), value_1, value_2, value_3, value_4, value_5 "
                + "FROM \"" + schema + "\".actions_taken", row -> rows.put(row.get(0), row));
        return rows;
    }

    private static Map<String, String> rejects(String schema) throws Exception {
        Map<String, String> rejects = new TreeMap<>();
        query("SELECT document_id, field || ': ' || reason FROM \"" + schema + "\".etl_rejects", row -> rejects.put(row.get(0), row.get(1)));
        return rejects;
    }

    /** The transform's files as Redshift's {@code COPY … ESCAPE} reads them, by id. */
    private static Map<String, List<String>> redshiftReadOf(TransformTask transform) throws IOException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (List<String> record : CopyText.REDSHIFT.records(LakeLines.text(transform.output().get(0)))) {
            rows.put(record.get(0), record);
        }
        return rows;
    }

    private interface RowConsumer {
        void accept(List<String> row);
    }

    private static void query(String sql, RowConsumer rows) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getString(i + 1);
                }
                rows.accept(Arrays.asList(row));
            }
        }
    }

    private static long metric(RunSummary summary, String family, String metric) {
        TaskOutcome outcome = summary.outcomes().stream().filter(o -> o.task().family().equals(family)).findFirst().orElseThrow();
        Long value = outcome.metrics().get(metric);
        if (value == null) {
            throw new AssertionError(family + " recorded no " + metric + ": " + outcome.metrics());
        }
        return value;
    }
}
