package io.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed run says why without {@code --verbose}: the root cause is in the summary, the reports, the alert and the
 * history, and the libraries' log of the run is kept under the state directory, named by the failure.
 */
class FailureReportTest {

    /** Pig's own words for the sample's first action read as a date, behind the script and lines. */
    private static final String ROOT_CAUSE = "actions_taken.pig: the Pig job of dated (line 1), rows (line 2) failed: "
            + "IllegalArgumentException: Invalid format: \"";

    @TempDir
    Path home;
    @RegisterExtension
    final Webhook webhook = new Webhook("/hook");

    @Test
    void a_pig_job_failing_on_the_data_tells_its_root_cause_everywhere_and_keeps_the_hadoop_log() throws Exception {
        Path scripts = Files.createDirectories(home.resolve("pig"));
        Files.writeString(scripts.resolve("actions_taken.pig"), """
                dated = FOREACH documents GENERATE id, user_id, action, ToString(ToDate(action, 'yyyy-MM-dd')) AS date;
                rows = FOREACH dated GENERATE id, user_id, action, date, id AS value_1, id AS value_2, id AS value_3,
                    id AS value_4, id AS value_5;
                """);
        Path junit = home.resolve("junit.xml");
        Path html = home.resolve("report.html");
        Etl.Result run = new Etl(home).env("ETL_ALERT_WEBHOOK", webhook.url())
                .run("run", "actions_taken_transform", "--lower", "2026-10-01", "--upper", "2026-10-02",
                        "--set", "pig.dir=" + scripts, "--retry-delay", "10ms",
                        "--junit-report", junit.toString(), "--report", html.toString());

        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run::toString);
        assertTrue(run.err().contains("(attempt 1): " + ROOT_CAUSE), run::toString);
        assertFalse(run.err().contains("(attempt 2)"), "bad data is not retried: " + run);
        assertFalse((run.out() + run.err()).contains("\tat "), "no stack trace without --verbose: " + run);
        Path log = onlyRunLog(home.resolve("logs/actions_taken_transform"));
        assertTrue(run.out().contains("error: " + ROOT_CAUSE), run::toString);
        assertTrue(run.out().contains("(log: " + log + ")"), "the failure names the run's log: " + run);
        String logged = Files.readString(log);
        assertTrue(logged.lines().anyMatch(line -> line.contains(" INFO ") && line.contains("LocalJobRunner")),
                "Hadoop's INFO lines are kept");
        assertTrue(logged.contains("java.lang.IllegalArgumentException: Invalid format"), "with the task's stack trace");

        assertTrue(Files.readString(junit).contains("message=\"" + ROOT_CAUSE.replace("\"", "&quot;")), "JUnit report");
        assertTrue(Files.readString(html).contains(ROOT_CAUSE.replace("\"", "&quot;")), "HTML report");
        String alertError = webhook.received().get(0).get("attachments").get(0).get("fields").findValues("value").stream()
                .map(JsonNode::asText).filter(value -> value.startsWith("actions_taken.pig")).findFirst().orElse("");
        assertTrue(alertError.startsWith(ROOT_CAUSE), webhook.received()::toString);
        String history = Files.readString(home.resolve("history/actions_taken_transform/runs.jsonl"));
        assertTrue(history.contains(ROOT_CAUSE.replace("\"", "\\\"")), history);
    }

    @Test
    void the_logs_of_runs_beyond_logs_keep_are_deleted() throws Exception {
        for (int i = 0; i < 3; i++) {
            Etl.Result run = new Etl(home).run("run", "node", "--name", "ok" + i, "--set", "logs.keep=2");
            assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        }

        try (Stream<Path> runs = Files.list(home.resolve("logs/node"))) {
            assertEquals(2, runs.count());
        }
    }

    @Test
    void a_malformed_logs_keep_is_a_configuration_error_in_one_line() {
        Etl.Result run = new Etl(home).run("run", "node", "--name", "ok", "--set", "logs.keep=forever");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, run.exitCode(), run::toString);
        assertEquals("etl: setting logs.keep is 'forever' (--set): expected a number of runs (20) or a duration (14d)\n", run.err());
    }

    @Test
    void commands_that_run_no_task_keep_no_log() {
        new Etl(home).run("--help");
        new Etl(home).run("run", "node", "--name", "ok", "--dry-run");

        assertFalse(Files.exists(home.resolve("logs")));
    }

    private static Path onlyRunLog(Path family) throws Exception {
        try (Stream<Path> runs = Files.list(family)) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all::toString);
            return all.get(0).resolve(RunLog.FILE_NAME);
        }
    }
}
