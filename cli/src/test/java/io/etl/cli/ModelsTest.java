package io.etl.cli;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL models ({@code models/<name>.sql}) run by the command line against a real source and warehouse: built after the
 * loads they read, rebuilt only when those brought rows or the SQL changed, swapped in whole, and part of
 * {@code etl run all}. The expected rows are counted by hand from the documents each test inserts.
 */
class ModelsTest {

    private static final String DAILY_ACTIONS = """
            -- reads: actions_taken
            SELECT user_id,
                   CAST("date" AS DATE) AS day,
                   COUNT(*) AS actions
            FROM actions_taken
            GROUP BY user_id, CAST("date" AS DATE)
            """;

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    private Path models() {
        return home.resolve("models");
    }

    private Etl.Result etl(String... args) {
        return new Etl(home).run(Stream.concat(Stream.of(args), Stream.of("--set", "mongo.uri=" + servers.mongoUri(),
                "--set", "warehouse.url=" + servers.warehouseUrl(), "--set", "window.settle=0s",
                "--set", "models.path=" + models())).toArray(String[]::new));
    }

    private Path model(String name, String sql) throws IOException {
        Files.createDirectories(models());
        return Files.writeString(models().resolve(name + ".sql"), sql, StandardCharsets.UTF_8);
    }

    /** One action of a user at an instant, as the application writes it. */
    private void action(long user, String action, String at) {
        servers.actions().insertOne(new Document("_id", new ObjectId()).append("user_id", user).append("action", action)
                .append("date", Date.from(Instant.parse(at))).append("value", List.of("a")));
    }

    private String sql(String query) {
        Etl.Result result = etl("sql", query, "--format", "tsv");
        assertEquals(ExitCodes.OK, result.exitCode(), result::toString);
        return result.out();
    }

    private Etl.Result run(String task, String... options) {
        Etl.Result run = etl(Stream.concat(Stream.of("run", task), Stream.of(options)).toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        return run;
    }

    private void asSuperuser(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(servers.warehouseUrl()); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void a_model_is_built_after_the_loads_it_reads_and_rebuilt_only_when_they_bring_rows_or_its_sql_changes() throws Exception {
        action(1, "click", "2026-11-01T10:00:00Z");
        action(1, "view", "2026-11-01T23:59:59Z");
        action(1, "click", "2026-11-02T00:00:00Z");
        action(2, "click", "2026-11-01T05:00:00Z");
        model("daily_actions", DAILY_ACTIONS);

        Etl.Result first = run("daily_actions");

        assertTrue(first.out().contains("rows_loaded=4"), "the load it reads ran first: " + first);
        assertTrue(first.out().matches("(?s).*\n    daily_actions\\([^\n]*  rows=3\n        built public.daily_actions from actions_taken.*"),
                first::toString);
        assertEquals("user_id\tday\tactions\n1\t2026-11-01\t2\n1\t2026-11-02\t1\n2\t2026-11-01\t1\n",
                sql("SELECT user_id, day, actions FROM daily_actions ORDER BY 1, 2"));
        String built = sql("SELECT built_at, rows, run_id FROM etl_models WHERE model = 'daily_actions'");

        Etl.Result nothingNew = run("daily_actions");

        assertTrue(nothingNew.out().contains("rows_loaded=0"), nothingNew::toString);
        assertTrue(nothingNew.out().contains("\n        not rebuilt: its SQL and its inputs (actions_taken) are as they were when it was built at "),
                nothingNew::toString);
        assertFalse(nothingNew.out().matches("(?s).*daily_actions\\([^\n]*rows=.*"), nothingNew::toString);
        assertEquals(built, sql("SELECT built_at, rows, run_id FROM etl_models WHERE model = 'daily_actions'"), "the record is unchanged");

        // just after the windows loaded (a run with nothing new can take less than 100 ms), before the next run's end
        String loadedUpTo = sql("SELECT TO_CHAR(MAX(window_upper), 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM etl_loads").lines().skip(1)
                .findFirst().orElseThrow();
        Instant now = Instant.parse(loadedUpTo).plusMillis(1);
        action(2, "click", now.toString());
        action(2, "click", now.toString());
        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        Etl.Result newRows = run("daily_actions");

        assertTrue(newRows.out().contains("rows_loaded=2") && newRows.out().matches("(?s).*daily_actions\\([^\n]*  rows=4\n.*"),
                newRows::toString);
        assertEquals("user_id\tday\tactions\n1\t2026-11-01\t2\n1\t2026-11-02\t1\n2\t2026-11-01\t1\n2\t" + today + "\t2\n",
                sql("SELECT user_id, day, actions FROM daily_actions ORDER BY 1, 2"));
        String rebuilt = sql("SELECT built_at, rows, run_id FROM etl_models WHERE model = 'daily_actions'");
        assertNotEquals(built, rebuilt);

        model("daily_actions", DAILY_ACTIONS.replace("FROM actions_taken", "FROM actions_taken WHERE action = 'click'"));
        Etl.Result edited = run("daily_actions");

        assertTrue(edited.out().contains("rows_loaded=0") && edited.out().matches("(?s).*daily_actions\\([^\n]*  rows=4\n.*"),
                "its SQL changed, nothing was loaded: " + edited);
        assertEquals("user_id\tday\tactions\n1\t2026-11-01\t1\n1\t2026-11-02\t1\n2\t2026-11-01\t1\n2\t" + today + "\t2\n",
                sql("SELECT user_id, day, actions FROM daily_actions ORDER BY 1, 2"));
    }

    @Test
    void a_rebuild_is_swapped_in_whole_with_its_grants_and_a_failing_one_names_its_line_and_leaves_the_old_table() throws Exception {
        action(1, "click", "2026-11-01T10:00:00Z");
        action(2, "click", "2026-11-01T11:00:00Z");
        model("daily_actions", DAILY_ACTIONS);
        run("daily_actions");
        asSuperuser("CREATE ROLE analyst");
        asSuperuser("GRANT SELECT ON daily_actions TO analyst");
        asSuperuser("CREATE TABLE daily_actions__etl_new (half_built INT)"); // what a build killed before its swap leaves

        model("daily_actions", DAILY_ACTIONS.replace("COUNT(*) AS actions", "COUNT(*) AS actions, MIN(action) AS first_action"));
        run("daily_actions");

        assertEquals("user_id\tday\tactions\tfirst_action\n1\t2026-11-01\t1\tclick\n2\t2026-11-01\t1\tclick\n",
                sql("SELECT user_id, day, actions, first_action FROM daily_actions ORDER BY 1"));
        assertEquals("granted\nt\n", sql("SELECT has_table_privilege('analyst', 'daily_actions', 'SELECT') AS granted"),
                "the grant on the old table is on the new one");
        String before = sql("SELECT * FROM daily_actions ORDER BY 1");
        String record = sql("SELECT * FROM etl_models");

        Path file = model("daily_actions", DAILY_ACTIONS.replace("SELECT user_id,", "SELECT usr,"));
        Etl.Result failed = etl("run", "daily_actions");

        assertEquals(ExitCodes.TASK_FAILED, failed.exitCode(), failed::toString);
        assertTrue(failed.out().contains("error: " + file + " line 2: column \"usr\" does not exist"), failed::toString);
        assertFalse(failed.out().contains("attempts"), "not retried: " + failed);
        assertEquals(before, sql("SELECT * FROM daily_actions ORDER BY 1"), "readers still see the table as it was");
        assertEquals(record, sql("SELECT * FROM etl_models"));
        assertEquals("count\n0\n", sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE 'daily_actions\\_\\_%'"),
                "nothing is left beside it");
    }

    @Test
    void run_all_builds_every_model_after_the_models_and_loads_it_reads() throws Exception {
        action(1, "click", "2026-11-01T10:00:00Z");
        action(1, "click", "2026-11-02T10:00:00Z");
        action(2, "view", "2026-11-02T11:00:00Z");
        model("daily_actions", DAILY_ACTIONS);
        // its input found from its FROM: no '-- reads:' line
        model("busiest_day", "SELECT day, SUM(actions) AS actions\nFROM daily_actions\nGROUP BY day\nORDER BY 2 DESC, 1\nLIMIT 1;\n");

        Etl.Result graph = etl("graph", "busiest_day");
        assertEquals(ExitCodes.OK, graph.exitCode(), graph::toString);
        assertTrue(graph.out().matches("(?s)busiest_day\\([^\n]*\\[to run]\n└── daily_actions\\([^\n]*\\[to run]\n"
                + "    └── actions_taken\\(.*actions_taken_load\\(.*actions_taken_extract\\(.*"), graph::toString);

        Etl.Result graphOfAll = etl("graph", "all", "--incremental");
        assertTrue(graphOfAll.out().matches("(?s)all\\([^\n]*\\[to run]\n(├|└)── actions_taken\\(.*── busiest_day\\(.*── daily_actions\\(.*"),
                graphOfAll::toString);
        Etl.Result all = run("all", "--incremental");

        assertTrue(all.out().contains("* by ETL:\n    actions_taken  complete\n    busiest_day    complete\n    daily_actions  complete\n"),
                all::toString);
        assertEquals("day\tactions\n2026-11-02\t2\n", sql("SELECT day, actions FROM busiest_day"));
        Matcher runId = Pattern.compile("\\(run ([^)]+)\\)").matcher(all.out());
        assertTrue(runId.find(), all::toString);
        Etl.Result history = etl("history", "busiest_day");
        assertTrue(history.out().matches("(?s).*\n" + runId.group(1) + " +SUCCESS .*"), "each model has its history: " + history);
        Etl.Result ofRun = etl("history", "--run", runId.group(1));
        assertTrue(ofRun.out().matches("(?s)run \\S+ of actions_taken\\(.*\nrun \\S+ of busiest_day\\(.*\nrun \\S+ of daily_actions\\(.*"),
                "the run of all, as the run of each: " + ofRun);
        Etl.Result status = etl("status");
        assertTrue(status.out().matches("(?s).*\nbusiest_day +\\S+ \\S+ +1 .*SUCCESS.*"), "a model's rows are its table's: " + status);
        assertTrue(status.out().matches("(?s).*\ndaily_actions +\\S+ \\S+ +3 .*SUCCESS.*"), "a row per user and day: " + status);
    }
}
