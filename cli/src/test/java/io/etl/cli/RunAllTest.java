package io.etl.cli;

import io.etl.lock.LockHolder;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code etl run all} and {@code etl run <group>}: every ETL (or the group's) planned in one graph and run as one,
 * one failing without stopping the others, one summary and one set of reports for all, the exit code the worst
 * outcome; an ETL whose lock another run holds is skipped; a group of the settings naming what is no ETL stops
 * everything. The ETLs: {@code actions_taken}, {@code clicks} (the same collection into a table of its own) and
 * {@code updates}, whose collection has no index on its cursor ({@link TestEtls}).
 */
class RunAllTest {

    private static final int CLICKS = 3;

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    @BeforeEach
    void sources() {
        servers.clicks(Instant.now().minus(Duration.ofHours(1)), CLICKS);
        servers.collection("updates").insertOne(new Document("user_id", 1L).append("action", "edit").append("date", new Date()));
    }

    @RegisterExtension
    final Webhook webhook = new Webhook("/hooks/alerts");

    /** The command against the test's servers, with the ETLs given and a window that ends when the run starts. */
    private Etl.Result etl(String etls, String... args) {
        return etl(new Etl(home), etls, args);
    }

    private Etl.Result etl(Etl etl, String etls, String... args) {
        return etl.run(Stream.concat(Stream.of(args), Stream.of("--set", "mongo.uri=" + servers.mongoUri(),
                "--set", "warehouse.url=" + servers.warehouseUrl(), "--set", "test.etls=" + etls,
                "--set", "window.settle=0s")).toArray(String[]::new));
    }

    /** The rows of a table, or -1 if it does not exist. */
    private long rows(String table) {
        Etl.Result exists = etl("clicks", "sql", "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "'",
                "--format", "tsv");
        if (exists.out().equals("count\n0\n")) {
            return -1;
        }
        Etl.Result count = etl("clicks", "sql", "SELECT COUNT(*) FROM " + table, "--format", "tsv");
        assertEquals(ExitCodes.OK, count.exitCode(), count::toString);
        return Long.parseLong(count.out().split("\n")[1]);
    }

    private String history(String etl) {
        Etl.Result history = etl("clicks, updates", "history", etl);
        assertEquals(ExitCodes.OK, history.exitCode(), history::toString);
        return history.out();
    }

    @Test
    void all_runs_every_etl_in_one_graph_one_failing_leaves_the_others_loaded_and_exits_with_the_worst() throws Exception {
        Path html = home.resolve("report.html");
        Path junit = home.resolve("junit.xml");

        Etl.Result run = etl("clicks, updates", "run", "all", "--incremental", "--workers", "2", "--retries", "0",
                "--report", html.toString(), "--junit-report", junit.toString());

        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run::toString);
        assertEquals(CLICKS, rows("actions_taken"), run::toString);
        assertEquals(CLICKS, rows("clicks"), run::toString);
        assertEquals(-1, rows("updates"), "nothing of updates is loaded");
        assertTrue(run.out().contains("===== etl summary: all(incremental=true"), run::toString);
        assertTrue(run.out().matches("(?s).*\\* by ETL:\n"
                + "    actions_taken  complete\n"
                + "    clicks         complete\n"
                + "    updates        failed in updates_extract: collection app.updates [^\n]* has no index on 'date'[^\n]*\n"
                + "Result: FAILED: 1 task\\(s\\) failed, 4 could not run\n"), run::toString);
        Matcher runId = Pattern.compile("\\(run ([^)]+)\\)").matcher(run.out());
        assertTrue(runId.find(), run::toString);
        assertTrue(history("actions_taken").matches("(?s).*\n" + runId.group(1) + " +SUCCESS .* 3  actions_taken\\(.*"),
                "each ETL's history holds its part of the run");
        assertTrue(history("updates").matches("(?s).*\n" + runId.group(1) + " +FAILED .*  updates_extract\\(.*no index.*"),
                "each ETL's history holds its part of the run");
        String report = Files.readString(html);
        for (String task : List.of("actions_taken_load", "clicks_load", "updates_extract", "updates_load")) {
            assertTrue(report.contains(task), task + " in the HTML report");
        }
        Xml tests = Xml.read(junit);
        assertEquals(List.of("actions_taken", "actions_taken_extract", "actions_taken_load", "actions_taken_transform", "all",
                        "clicks", "clicks_extract", "clicks_load", "clicks_transform", "updates", "updates_extract", "updates_load",
                        "updates_transform"),
                tests.all("//testcase").stream().map(test -> test.getAttribute("classname")).sorted().toList());
        assertEquals(1, tests.all("//testcase[@classname='updates_extract']/failure").size());
    }

    @Test
    void a_group_of_the_settings_runs_its_etls_alone() {
        Etl.Result run = etl("clicks, updates", "run", "hourly", "--incremental", "--set", "group.hourly=clicks");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertEquals(CLICKS, rows("clicks"));
        assertEquals(-1, rows("actions_taken"), "not in the group");
        assertEquals(-1, rows("updates"), "not in the group");
    }

    @Test
    void a_group_naming_no_etl_stops_before_anything_is_read_in_one_line_naming_the_closest() {
        Etl.Result run = etl("clicks, updates", "run", "hourly", "--incremental", "--set", "group.hourly=actions_taken, clikcs");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, run.exitCode(), run::toString);
        assertEquals("etl: group hourly (--set) names clikcs, which is not an ETL: did you mean clicks?\n", run.err());
        assertEquals("", run.out());
        assertEquals(-1, rows("actions_taken"));
    }

    @Test
    void a_group_named_like_an_etl_is_refused() {
        Etl.Result run = etl("clicks", "run", "all", "--incremental", "--set", "group.clicks=actions_taken");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, run.exitCode(), run::toString);
        assertEquals("etl: group clicks (--set) is named like an ETL: give it another name\n", run.err());
    }

    @Test
    void list_shows_every_group_with_its_etls() {
        Etl.Result list = etl("clicks, updates", "list", "--set", "group.hourly=clicks, actions_taken");

        assertEquals(ExitCodes.OK, list.exitCode(), list::toString);
        assertTrue(list.out().matches("(?s).*\n  all +actions_taken, clicks, updates\n  hourly +clicks, actions_taken\n.*"), list::toString);
    }

    @Test
    void an_etl_whose_lock_another_process_holds_is_skipped_named_in_the_summary_report_and_alert_while_the_others_load_exit_4() throws Exception {
        Path junit = home.resolve("junit.xml");
        Process hourly = LockHolder.start(home.resolve("locks"), "actions_taken");
        Etl.Result run;
        try {
            run = etl(new Etl(home).env("ETL_ALERT_WEBHOOK", webhook.url()), "clicks", "run", "all", "--incremental",
                    "--junit-report", junit.toString());
        } finally {
            hourly.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertEquals(ExitCodes.ALREADY_RUNNING, run.exitCode(), run::toString);
        assertEquals(CLICKS, rows("clicks"));
        assertEquals(-1, rows("actions_taken"));
        assertTrue(run.out().contains("    actions_taken  skipped, its lock held by pid " + hourly.pid()), run::toString);
        assertTrue(run.out().contains("    clicks         complete\n"), run::toString);
        assertTrue(run.out().endsWith("Result: SKIPPED: another run holds the lock of 1 of them; everything else is complete\n"),
                run::toString);
        assertTrue(Xml.read(junit).one("//testcase[@classname='actions_taken']/skipped").getAttribute("message")
                .startsWith("skipped, another run holds its lock: held by pid " + hourly.pid()));
        assertEquals(1, webhook.received().size());
        String alert = webhook.received().get(0).toString();
        assertTrue(alert.contains("etl all LOCKED_OUT") && alert.contains("actions_taken: held by pid " + hourly.pid()), alert);
    }

    @Test
    void a_run_whose_every_etl_is_locked_by_another_process_runs_nothing_and_exits_4() throws Exception {
        Process backfill = LockHolder.start(home.resolve("locks"), "actions_taken");
        Etl.Result run;
        try {
            run = etl("none", "run", "all", "--incremental");
        } finally {
            backfill.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertEquals(ExitCodes.ALREADY_RUNNING, run.exitCode(), run::toString);
        assertTrue(run.out().endsWith("Result: SKIPPED: another run holds the lock of 1 of them; nothing ran\n"), run::toString);
        assertEquals(-1, rows("actions_taken"));
    }

    @Test
    void a_dry_run_of_all_lists_every_etls_tasks_and_runs_nothing() {
        Etl.Result plan = etl("clicks, updates", "run", "all", "--incremental", "--dry-run");

        assertEquals(ExitCodes.OK, plan.exitCode(), plan::toString);
        for (String etl : List.of("actions_taken", "clicks", "updates")) {
            for (String stage : List.of("_extract(", "_transform(", "_load(", "(incremental=true")) {
                assertTrue(plan.out().contains(". " + etl + stage), etl + stage + " in " + plan);
            }
        }
        assertEquals(-1, rows("clicks"));
    }
}
