package io.etl.load;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.etl.actions.ActionsTaken;
import io.etl.actions.ActionsTakenSample;
import io.etl.environment.EtlEnvironment;
import io.etl.event.RunEvent;
import io.etl.extract.ExtractTask;
import io.etl.parameter.ParameterException;
import io.etl.sample.SampleCollection;
import io.etl.sample.SampleSpan;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.TaskOutcome;
import io.etl.scheduler.TaskState;
import io.etl.task.Task;
import io.etl.testing.Documents;
import io.etl.testing.EmbeddedMongo;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.MovingClock;
import io.etl.testing.RecordingContext;
import io.etl.testing.RunResults;
import io.etl.testing.TestSettings;
import io.etl.window.Window;
import io.etl.window.WindowParameters;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly job end to end on real components: MongoDB wire protocol, Hadoop and Pig in local mode, a local lake and
 * PostgreSQL. After every run, and after runs cut short between any two stages, the warehouse must hold exactly the
 * source: every document once, as it is now. Runs take their time from a clock the tests move (the default settle
 * time of 5 minutes applies): the source's documents are dated in October 2026, the clock starts on November 1st.
 */
class IncrementalRunTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final DateTimeFormatter WAREHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    @TempDir
    Path home;
    private MongoDatabase database;
    private MongoCollection<Document> events;
    private static final Duration SETTLE = Duration.ofMinutes(5);

    private final MovingClock clock = new MovingClock("2026-11-01T00:00:00Z");
    private EtlEnvironment environment;
    private String schema;


    @BeforeEach
    void createSource() {
        database = MONGO.database();
        events = EmbeddedMongo.indexedCollection(database, "actions_taken", "date", Documents.hourly("2026-10-01T00:00:00Z", 48));
        schema = "run_" + database.getName();
        environment = new EtlEnvironment(TestSettings.of(home, "mongo.uri", MONGO.uri(database),
                "warehouse.url", POSTGRES.jdbcUrl(), "warehouse.schema", schema), clock);
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

    /** What the source holds, as the warehouse should: id → user, action, date to the millisecond. */
    private Map<String, String> source() {
        Map<String, String> rows = new TreeMap<>();
        for (Document d : events.find()) {
            rows.put(d.getObjectId("_id").toHexString(), d.get("user_id") + "|" + d.getString("action") + "|"
                    + WAREHOUSE_TIME.format(d.getDate("date").toInstant()));
        }
        return rows;
    }

    /** The ids of the source's documents dated before {@code upper}. */
    private Set<String> sourceIdsBefore(Instant upper) {
        Set<String> ids = new TreeSet<>();
        for (Document d : events.find(Filters.lt("date", Date.from(upper)))) {
            ids.add(d.getObjectId("_id").toHexString());
        }
        return ids;
    }

    private Map<String, String> warehouse() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, user_id, action, to_char(date, 'YYYY-MM-DD HH24:MI:SS.MS') FROM \""
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
    void the_first_run_loads_every_document_and_a_second_run_reads_an_empty_window_from_where_the_first_ended() throws Exception {
        RunSummary first = run("incremental", "true");
        clock.advance(Duration.ofHours(1));
        RunSummary second = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, first.status());
        assertEquals(48, metric(first, "actions_taken_load", "rows_new"));
        assertEquals(source(), warehouse());
        assertEquals(RunStatus.SUCCESS, second.status());
        assertEquals(0, metric(second, "actions_taken_extract", "documents_matched"));
        assertEquals(0, metric(second, "actions_taken_load", "rows_loaded"));
        assertEquals(List.of(Window.of(Window.BEGINNING, Instant.parse("2026-10-31T23:55:00Z")),
                Window.of(Instant.parse("2026-10-31T23:55:00Z"), Instant.parse("2026-11-01T00:55:00Z"))),
                environment.warehouse().loadedWindows("actions_taken"), "both windows are recorded as loaded");
        assertEquals(source(), warehouse());
    }

    @Test
    void new_documents_are_loaded_by_the_next_incremental_run_and_only_they_are_new() throws Exception {
        run("incremental", "true");
        EmbeddedMongo.insert(events, Documents.hourly("2026-10-31T23:55:00Z", 5));
        clock.advance(Duration.ofHours(5));

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
        assertEquals(0, again.count(TaskState.DONE), "the window's marker says it is loaded");
        assertEquals(10, warehouse().size());
    }

    @Test
    void a_chunked_backfill_cut_short_is_finished_by_running_it_again_without_loading_a_chunk_twice() throws Exception {
        Map<String, String> backfill = Map.of("since", "2026-10-01T00:00:00Z", "until", "2026-10-03T00:00:00Z", "chunk", "12h");
        Scheduler[] scheduler = new Scheduler[1];
        int[] loaded = new int[1];
        scheduler[0] = Scheduler.builder().listener(event -> {
            if (event instanceof RunEvent.TaskSucceeded done && done.task().family().equals("actions_taken_load") && ++loaded[0] == 2) {
                scheduler[0].cancel();
            }
        }).build();

        RunSummary cut = scheduler[0].run(ActionsTaken.pipeline(environment).run().parse(backfill));
        Map<String, String> afterCut = warehouse();
        RunSummary again = run(backfill, Scheduler.builder());

        long loadedBeforeCut = loadStates(cut).stream().filter(TaskState.DONE::equals).count();
        assertEquals(RunStatus.INTERRUPTED, cut.status());
        assertTrue(loadedBeforeCut >= 2 && loadedBeforeCut < 4, cut::toString);
        assertEquals(12 * loadedBeforeCut, afterCut.size(), "each chunk loaded before the run was cut short, 12 hours each");
        assertEquals(RunStatus.SUCCESS, again.status(), again::toString);
        assertEquals(loadedBeforeCut, loadStates(again).stream().filter(TaskState.ALREADY_COMPLETE::equals).count(),
                "the chunks loaded stay loaded");
        assertEquals(4 - loadedBeforeCut, loadStates(again).stream().filter(TaskState.DONE::equals).count(), "the others load");
        assertEquals(source(), warehouse());
        assertEquals(4, environment.warehouse().loadedWindows("actions_taken").size(), "one window a chunk");
    }

    /** The states of the run's loads, in the order of their windows. */
    private static List<TaskState> loadStates(RunSummary summary) {
        return summary.outcomes().stream().filter(o -> o.task().family().equals("actions_taken_load"))
                .sorted(Comparator.comparing(o -> o.task().parameters().get(WindowParameters.LOWER)))
                .map(TaskOutcome::state).toList();
    }

    @Test
    void a_full_refresh_rebuilds_the_table_from_what_the_source_holds_now() throws Exception {
        run("incremental", "true");
        events.deleteMany(new Document("user_id", 3));
        clock.advance(Duration.ofMinutes(1));

        run("full-refresh", "true");

        assertEquals(source(), warehouse());
    }

    /** Documents in three chunks of two weeks from 2026-10-01: 48 the first two days, 5 on the 20th, 5 on the 30th. */
    private static final Map<String, String> REFRESH = Map.of("full-refresh", "true", "chunk", "2w");

    private void spreadOverThreeChunks() {
        EmbeddedMongo.insert(events, Documents.hourly("2026-10-20T00:00:00Z", 5));
        EmbeddedMongo.insert(events, Documents.hourly("2026-10-30T00:00:00Z", 5));
    }

    @Test
    void a_full_refresh_in_chunks_swaps_in_exactly_what_the_source_holds_now_one_window_a_chunk() throws Exception {
        spreadOverThreeChunks();
        run("incremental", "true");
        events.deleteMany(new Document("user_id", 3));
        events.updateOne(new Document("user_id", 2), new Document("$set", new Document("action", "refreshed")));
        clock.advance(Duration.ofMinutes(1));

        RunSummary refresh = run(REFRESH, Scheduler.builder());

        assertEquals(RunStatus.SUCCESS, refresh.status(), refresh::toString);
        assertEquals(List.of(TaskState.DONE, TaskState.DONE, TaskState.DONE), loadStates(refresh));
        assertEquals(source(), warehouse());
        assertEquals(List.of(Window.of(Window.BEGINNING, Instant.parse("2026-10-15T00:00:00Z")),
                        Window.of(Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-10-29T00:00:00Z")),
                        Window.of(Instant.parse("2026-10-29T00:00:00Z"), Instant.parse("2026-10-31T23:56:00Z"))),
                environment.warehouse().loadedWindows("actions_taken"), "the chunks are the table's windows now, and only they");
        assertEquals(List.of(), tablesBeside(), "nothing is left beside the table");
        assertEquals(source().size(), metric(refresh, "actions_taken_swap", "rows"));
        clock.advance(Duration.ofHours(1));
        assertEquals(0, metric(run("incremental", "true"), "actions_taken_extract", "documents_matched"),
                "the next incremental run goes on from the refresh");
    }

    @Test
    void a_full_refresh_in_chunks_cut_short_leaves_the_table_as_it_was_and_run_again_goes_on_from_its_chunks() throws Exception {
        spreadOverThreeChunks();
        run("incremental", "true");
        Map<String, String> before = warehouse();
        events.deleteMany(new Document("user_id", 3));
        Scheduler[] scheduler = new Scheduler[1];
        scheduler[0] = Scheduler.builder().listener(event -> {
            if (event instanceof RunEvent.TaskSucceeded done && done.task().family().equals("actions_taken_load")) {
                scheduler[0].cancel();
            }
        }).build();

        RunSummary cut = scheduler[0].run(ActionsTaken.pipeline(environment).run().parse(REFRESH));
        Map<String, String> afterCut = warehouse();
        RunSummary again = run(REFRESH, Scheduler.builder());

        assertEquals(RunStatus.INTERRUPTED, cut.status(), cut::toString);
        assertEquals(before, afterCut, "readers see the table as it was, deleted documents and all");
        assertEquals(TaskState.DONE, loadStates(cut).get(0), cut::toString);
        assertEquals(RunStatus.SUCCESS, again.status(), again::toString);
        assertEquals(TaskState.ALREADY_COMPLETE, loadStates(again).get(0), "the chunk loaded before is not read again");
        assertEquals(source(), warehouse());
    }

    @Test
    void a_full_refresh_in_chunks_read_again_with_reload_drops_what_its_chunks_held_of_documents_deleted_since() throws Exception {
        Scheduler[] scheduler = new Scheduler[1];
        scheduler[0] = Scheduler.builder().listener(event -> {
            if (event instanceof RunEvent.TaskSucceeded done && done.task().family().equals("actions_taken_load")) {
                scheduler[0].cancel();
            }
        }).build();
        spreadOverThreeChunks();
        scheduler[0].run(ActionsTaken.pipeline(environment).run().parse(REFRESH));
        events.deleteMany(new Document("user_id", 3));
        clock.advance(Duration.ofMinutes(1));
        Map<String, String> reload = new LinkedHashMap<>(REFRESH);
        reload.put("reload", "true");

        RunSummary again = run(reload, Scheduler.builder());

        assertEquals(List.of(TaskState.DONE, TaskState.DONE, TaskState.DONE), loadStates(again));
        assertEquals(source(), warehouse());
    }

    @Test
    void a_full_refresh_in_chunks_keeps_the_grants_of_the_table_and_stops_at_a_view_bound_to_it_naming_it() throws Exception {
        run("incremental", "true");
        String reader = "reader_" + schema;
        String view = "\"" + schema + "\".daily";
        sql("CREATE ROLE " + reader, "GRANT SELECT ON \"" + schema + "\".actions_taken TO " + reader,
                "CREATE VIEW " + view + " AS SELECT date_trunc('day', date) AS day, COUNT(*) AS actions FROM \"" + schema
                        + "\".actions_taken GROUP BY 1");
        events.deleteMany(new Document("user_id", 3));
        Map<String, String> before = warehouse();

        RunSummary stopped = run(REFRESH, Scheduler.builder());
        Map<String, String> afterStop = warehouse();
        sql("DROP VIEW " + view);
        RunSummary swapped = run(REFRESH, Scheduler.builder());

        assertEquals(RunStatus.FAILED, stopped.status());
        String error = RunResults.outcome(stopped, "actions_taken_swap").error().orElseThrow();
        assertTrue(error.contains("view " + schema + ".daily depends on " + schema + ".actions_taken") && error.contains("WITH NO SCHEMA BINDING"), error);
        assertTrue(!error.contains("CASCADE"), "no advice to drop the view with the table: " + error);
        assertEquals(before, afterStop, "the old table stays");
        assertEquals(RunStatus.SUCCESS, swapped.status(), swapped::toString);
        assertEquals(source(), warehouse());
        assertEquals(List.of("t"), RunResults.rows(POSTGRES.jdbcUrl(), "SELECT has_table_privilege('" + reader + "', '\""
                + schema + "\".actions_taken', 'SELECT')"), "the reader may still read the table");
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The tables of the schema built beside the ETL's, to be swapped in. */
    private List<String> tablesBeside() throws Exception {
        return RunResults.rows(POSTGRES.jdbcUrl(), "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + schema + "'").stream().filter(name -> name.contains("__etl_")).toList();
    }

    @Test
    void lookback_catches_a_document_that_arrived_late() throws Exception {
        run("incremental", "true");
        Document late = Documents.action("late").at("2026-10-31T22:30:00Z").build();
        events.insertOne(late);
        clock.advance(Duration.ofMinutes(1));

        run("incremental", "true");
        assertEquals(source().size() - 1, warehouse().size(), "without lookback the late document is behind the windows loaded");

        run("incremental", "true", "lookback", "2h");
        assertEquals(source(), warehouse());
    }

    @Test
    void a_run_cut_short_after_any_stage_is_finished_exactly_by_the_next_run() throws Exception {
        for (String stage : List.of("actions_taken_extract", "actions_taken_transform")) {
            clock.advance(Duration.ofMinutes(1));
            events.insertOne(Documents.action("new").at(clock.instant().minus(SETTLE).minusSeconds(1)).build());
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

    @Test
    void an_incremental_run_after_a_backfill_of_a_later_window_loads_the_hole_before_it() throws Exception {
        clock.set("2026-10-01T12:05:00Z");
        run("incremental", "true", "until", "2026-10-01T12:00:00Z");
        clock.set("2026-10-03T00:05:00Z");
        run("since", "2026-10-02T00:00:00Z", "until", "2026-10-02T12:00:00Z");
        assertEquals(24, warehouse().size(), "the first 12 hours from the incremental run, 12 more from the backfill");

        RunSummary next = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, next.status());
        assertEquals(24, metric(next, "actions_taken_load", "rows_new"), "the hole's 12 hours and the 12 after the backfill");
        assertEquals(source(), warehouse());
    }

    @Test
    void a_reload_of_a_loaded_window_picks_up_a_late_document_and_a_second_reload_duplicates_nothing() throws Exception {
        String[] window = {"since", "2026-10-01T00:00:00Z", "until", "2026-10-03T00:00:00Z"};
        run(window);
        events.insertOne(Documents.action("late").at("2026-10-01T10:30:00Z").build());
        clock.advance(Duration.ofMinutes(1));
        RunSummary backfill = run(window);
        assertEquals(0, backfill.count(TaskState.DONE), "a plain backfill of a loaded window is complete already");

        RunSummary reload = run(with(window, "reload", "true"));
        clock.advance(Duration.ofMinutes(1));
        RunSummary again = run(with(window, "reload", "true"));

        assertEquals(RunStatus.SUCCESS, reload.status());
        assertEquals(1, metric(reload, "actions_taken_load", "rows_new"));
        assertEquals(RunStatus.SUCCESS, again.status());
        assertEquals(49, metric(again, "actions_taken_load", "rows_loaded"), "the second reload read the window again");
        assertEquals(0, metric(again, "actions_taken_load", "rows_new"));
        assertEquals(source(), warehouse());
    }

    @Test
    void a_document_written_during_the_extract_dated_just_before_leaves_the_window_alone_and_the_next_run_loads_it() throws Exception {
        Task root = ActionsTaken.pipeline(environment).run().parse(Map.of("incremental", "true"));
        ExtractTask extract = ((LoadTask) ((EtlRun) root).requires().get(0)).requires().get(0).requires().get(0);
        Document written = Documents.action("fresh").at(clock.instant().minusSeconds(30)).build();
        extract.run(new RecordingContext().onFirstProgress("extract", () -> events.insertOne(written)));

        RunSummary first = Scheduler.builder().build().run(root);
        assertEquals(RunStatus.SUCCESS, first.status());
        assertEquals(48, warehouse().size(), "the fresh document, dated within the settle time, waits for the next run");

        clock.advance(SETTLE);
        RunSummary next = run("incremental", "true");

        assertEquals(RunStatus.SUCCESS, next.status());
        assertEquals(source(), warehouse());
    }

    /**
     * The README's flow, add-sample then a run, 20 times at random gaps: add-sample dates its documents a settle time back
     * (what the next run reads up to) or, as a live writer does, less far back. After each run, exactly the documents
     * dated before its upper end (its start less the settle time) are loaded; at the end, all of them.
     */
    @Test
    void add_sample_and_an_incremental_run_repeated_at_random_gaps_leave_no_document_unloaded() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        SampleCollection sample = new ActionsTakenSample();
        for (int round = 1; round <= 20; round++) {
            clock.advance(Duration.ofMillis(1_000 + random.nextInt(600_000)));
            Duration behind = random.nextBoolean() ? SETTLE : Duration.ofMillis(random.nextInt((int) SETTLE.toMillis() - 1_000));
            int count = 1 + random.nextInt(50);
            SampleSpan span = SampleSpan.before(clock.instant().minus(behind), count);
            sample.documents(random.nextLong(), count, span.from(), span.until()).forEachRemaining(events::insertOne);
            clock.advance(Duration.ofMillis(random.nextInt(5_000)));

            run("incremental", "true");

            Set<String> loaded = warehouse().keySet();
            Set<String> settled = sourceIdsBefore(clock.instant().minus(SETTLE));
            Set<String> lost = new TreeSet<>(settled);
            lost.removeAll(loaded);
            assertEquals(Set.of(), lost, "round " + round + " (seed " + seed + "): documents dated before the run's window end");
            assertEquals(settled, loaded, "round " + round + " (seed " + seed + "): nothing newer, the window ends a settle time back");
        }
        clock.advance(SETTLE);
        run("incremental", "true");
        assertEquals(source().keySet(), warehouse().keySet(), "seed " + seed);
    }

    @Test
    void a_backfill_up_to_a_time_not_yet_settled_is_refused_naming_the_setting() {
        ParameterException refused = assertThrows(ParameterException.class,
                () -> run("since", "2026-10-31T00:00:00Z", "until", "2026-10-31T23:58:00Z"));

        assertEquals("--until 2026-10-31T23:58:00Z is later than 2026-10-31T23:55:00Z, the run's start less setting window.settle"
                + " (PT5M): documents dated before it may still arrive, so its window cannot be loaded yet", refused.getMessage());
    }

    @Test
    void a_backfill_from_a_time_not_yet_settled_is_refused_naming_the_setting() {
        ParameterException refused = assertThrows(ParameterException.class, () -> run("since", "2026-10-31T23:56:00Z"));

        assertEquals("--since 2026-10-31T23:56:00Z is not before 2026-10-31T23:55:00Z, the run's start less setting window.settle"
                + " (PT5M): the window would be empty", refused.getMessage());
    }

    private static String[] with(String[] parameters, String... more) {
        return Stream.concat(Arrays.stream(parameters), Arrays.stream(more)).toArray(String[]::new);
    }
}
