package io.etl.load;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.etl.actions.ActionsTaken;
import io.etl.environment.EtlEnvironment;
import io.etl.event.RunEvent;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.task.Task;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.TestSettings;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hourly job end to end on real components: MongoDB wire protocol, Hadoop and Pig in local mode, a local lake and
 * PostgreSQL. After every run, and after runs cut short between any two stages, the warehouse must hold exactly the
 * source: every document once, as it is now.
 */
class IncrementalRunTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final DateTimeFormatter WAREHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    @TempDir
    Path home;
    private MongoDatabase database;
    private MongoCollection<Document> events;
    private EtlEnvironment environment;
    private String schema;


    @BeforeEach
    void createSource() {
        database = MONGO.database();
        events = EmbeddedMongo.indexedCollection(database, "actions_taken", "date", Documents.hourly("2026-10-01T00:00:00Z", 48));
        schema = "run_" + database.getName();
        environment = new EtlEnvironment(TestSettings.of(home, "mongo.uri", MONGO.uri(database),
                "warehouse.url", POSTGRES.jdbcUrl(), "warehouse.schema", schema));
    }

    @AfterEach
    void closeEnvironment() {
        environment.close();
    }

    private RunSummary run(Map<String, String> parameters, Scheduler.Builder scheduler) {
        Task root = ActionsTaken.pipeline(environment).run().parse(parameters);
        return scheduler.build().run(root);
    }

    private RunSummary run(String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return run(map, Scheduler.builder());
    }

    private static long metric(RunSummary summary, String family, String metric) {
        return summary.outcomes().stream().filter(o -> o.task().family().equals(family)).map(TaskOutcome::metrics)
                .findFirst().orElseThrow(() -> new AssertionError(family + " did not run: " + summary)).get(metric);
    }

    /** What the source holds, as the warehouse should: id → user, action, date to the second. */
    private Map<String, String> source() {
        Map<String, String> rows = new TreeMap<>();
        for (Document d : events.find()) {
            rows.put(d.getObjectId("_id").toHexString(), d.get("user_id") + "|" + d.getString("action") + "|"
                    + WAREHOUSE_TIME.format(d.getDate("date").toInstant()));
        }
        return rows;
    }

    private Map<String, String> warehouse() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, user_id, action, to_char(date, 'YYYY-MM-DD HH24:MI:SS') FROM \""
                     + schema + "\".actions_taken")) {
            while (r.next()) {
                if (rows.put(r.getString(1), r.getLong(2) + "|" + r.getString(3) + "|" + r.getString(4)) != null) {
                    throw new AssertionError("duplicated row " + r.getString(1));
                }
            }
        }
        return rows;
    }

    @Test
    void the_first_run_loads_every_document_and_a_second_run_loads_no_new_row() throws Exception {
        RunSummary first = run("incremental", "true");
        RunSummary second = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, first.status());
        assertEquals(48, metric(first, "actions_taken_load", "rows_new"));
        assertEquals(source(), warehouse());
        assertEquals(RunStatus.SUCCESS, second.status());
        assertEquals(0, metric(second, "actions_taken_load", "rows_new"));
        assertEquals(source(), warehouse());
    }

    @Test
    void new_documents_are_loaded_by_the_next_incremental_run_and_only_they_are_new() throws Exception {
        run("incremental", "true");
        EmbeddedMongo.insert(events, Documents.hourly("2026-10-05T00:00:00Z", 5));

        RunSummary next = run("incremental", "true");

        assertEquals(5, metric(next, "actions_taken_load", "rows_new"));
        assertEquals(source(), warehouse());
    }

    @Test
    void a_backfill_loads_exactly_its_window_and_running_it_again_changes_nothing() throws Exception {
        RunSummary backfill = run("since", "2026-10-01T10:00:00Z", "until", "2026-10-01T20:00:00Z");
        RunSummary again = run("since", "2026-10-01T10:00:00Z", "until", "2026-10-01T20:00:00Z");

        assertEquals(10, metric(backfill, "actions_taken_load", "rows_loaded"));
        assertEquals(10, warehouse().size());
        assertEquals(RunStatus.SUCCESS, again.status());
        assertEquals(0, again.count(io.etl.scheduler.TaskState.DONE), "the window's marker says it is loaded");
        assertEquals(10, warehouse().size());
    }

    @Test
    void a_full_refresh_rebuilds_the_table_from_what_the_source_holds_now() throws Exception {
        run("incremental", "true");
        events.deleteMany(new Document("user_id", 3));

        run("full-refresh", "true");

        assertEquals(source(), warehouse());
    }

    @Test
    void lookback_catches_a_document_that_arrived_late() throws Exception {
        run("incremental", "true");
        Document late = Documents.action("late").at("2026-10-02T22:30:00Z").build();
        events.insertOne(late);

        run("incremental", "true");
        assertEquals(source().size() - 1, warehouse().size(), "without lookback the late document is behind the cursor");

        run("incremental", "true", "lookback", "2h");
        assertEquals(source(), warehouse());
    }

    @Test
    void a_run_cut_short_after_any_stage_is_finished_exactly_by_the_next_run() throws Exception {
        for (String stage : List.of("actions_taken_extract", "actions_taken_transform")) {
            events.insertOne(Documents.action("new").at(Instant.now().minusSeconds(60)).build());
            Scheduler.Builder cutting = Scheduler.builder();
            Scheduler[] scheduler = new Scheduler[1];
            cutting.listener(event -> {
                if (event instanceof RunEvent.TaskSucceeded done && done.task().family().equals(stage)) {
                    scheduler[0].cancel();
                }
            });
            scheduler[0] = cutting.build();
            RunSummary cut = scheduler[0].run(ActionsTaken.pipeline(environment).run().parse(Map.of("incremental", "true")));
            assertEquals(RunStatus.INTERRUPTED, cut.status(), stage);

            RunSummary next = run("incremental", "true");

            assertEquals(RunStatus.SUCCESS, next.status(), stage);
            assertEquals(source(), warehouse(), "after a run cut short after " + stage);
        }
    }
}
