package io.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.etl.state.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fields the source's documents have and the ETL does not declare, and values too long for their columns, are
 * named where a person looks after a run (the summary, the reports, the history) on the embedded default: a warning
 * that leaves the exit code as it was.
 */
class SchemaDriftReportTest {

    private static final String NEW_FIELDS = "2 new fields in actions_taken: device.os (string, 2 documents), "
            + "score (int, string, 2 documents); not loaded: to load them, declare them in the ETL (etl generate actions_taken"
            + " --update says how); an example _id of each is in ";
    private static final Pattern RUN_ID = Pattern.compile("\\(run (\\S+)\\) =====");

    @TempDir
    Path home;

    @Test
    void new_fields_are_one_line_of_the_summary_and_in_the_reports_history_and_status_and_the_run_still_exits_0() throws Exception {
        Path seed = seed("""
                {"_id": {"$oid": "6565a1b2c3d4e5f601000001"}, "user_id": 1, "action": "click", "date": {"$date": "2026-10-01T01:00:00Z"}, "value": [], "device": {"os": "ios"}, "score": 3}
                {"_id": {"$oid": "6565a1b2c3d4e5f601000002"}, "user_id": 2, "action": "click", "date": {"$date": "2026-10-01T02:00:00Z"}, "value": [], "device": {"os": "android"}, "score": "high"}
                {"_id": {"$oid": "6565a1b2c3d4e5f601000003"}, "user_id": 3, "action": "click", "date": {"$date": "2026-10-01T03:00:00Z"}, "value": []}
                """);
        Path junit = home.resolve("junit.xml");
        Path html = home.resolve("report.html");

        Etl.Result run = new Etl(home).run("run", "actions_taken", "--incremental", "--set", "mongo.seed.dir=" + seed,
                "--junit-report", junit.toString(), "--report", html.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        String line = NEW_FIELDS + home.resolve("lake/actions_taken");
        assertTrue(run.out().contains("fields_unmapped=2"), run::toString);
        assertTrue(run.out().contains("\n        " + line), run::toString);
        assertTrue(Files.readString(junit).contains("<system-out>" + line), "JUnit report");
        assertTrue(Files.readString(html).contains("<div class=\"note\">" + line), "HTML report");
        Matcher runId = RUN_ID.matcher(run.out());
        assertTrue(runId.find(), run::toString);
        Etl.Result history = new Etl(home).run("history", "--run", runId.group(1), "--format", "json");
        JsonNode extract = extractAttempt(Json.MAPPER.readTree(history.out()));
        assertTrue(extract.get("notes").get(0).asText().startsWith(line), extract::toString);
        Etl.Result status = new Etl(home).run("status");
        assertTrue(status.out().contains("actions_taken: 2 new fields in the documents of its last extract, not loaded: "
                + "etl history --run " + runId.group(1) + " --format json names them\n"), status::toString);
    }

    @Test
    void a_value_too_long_for_its_column_is_rejected_and_the_summary_proposes_the_width_that_fits_it() throws Exception {
        Path seed = seed("""
                {"_id": {"$oid": "6565a1b2c3d4e5f601000001"}, "user_id": 1, "action": "click", "date": {"$date": "2026-10-01T01:00:00Z"}, "value": []}
                {"_id": {"$oid": "6565a1b2c3d4e5f601000002"}, "user_id": 2, "action": "%s", "date": {"$date": "2026-10-01T02:00:00Z"}, "value": []}
                """.formatted("é".repeat(300)));

        Etl.Result run = new Etl(home).run("run", "actions_taken", "--incremental", "--set", "mongo.seed.dir=" + seed);

        assertEquals(ExitCodes.REJECTS, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\n        action VARCHAR(256) → VARCHAR(1024) would fit 1 rejected value (widest 300 characters)\n"),
                run::toString);
        assertTrue(!run.out().contains("new field"), "a window with only declared fields names none: " + run);
    }

    private Path seed(String documents) throws Exception {
        Path seed = Files.createDirectories(home.resolve("seed"));
        Files.writeString(seed.resolve("actions_taken.jsonl"), documents);
        return seed;
    }

    private static JsonNode extractAttempt(JsonNode attempts) {
        for (JsonNode attempt : attempts) {
            if (attempt.get("family").asText().equals("actions_taken_extract")) {
                return attempt;
            }
        }
        throw new AssertionError("no extract attempt in " + attempts);
    }
}
