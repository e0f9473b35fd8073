package io.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that rejects documents is not silently green: it exits {@value ExitCodes#REJECTS}, says how many under the
 * summary with the first ones named, and the reports and the alert say so too, on the embedded default.
 */
class RejectsReportTest {

    private static final String BOOLEAN_USER = "rejected 6565a1b2c3d4e5f601000002: user_id: expected a whole number, got a boolean (value: true)";

    @TempDir
    Path home;
    @RegisterExtension
    final Webhook webhook = new Webhook("/hook");

    @Test
    void a_run_with_rejected_documents_exits_6_and_names_them_in_the_summary_reports_and_alert() throws Exception {
        Path seed = Files.createDirectories(home.resolve("seed"));
        Files.writeString(seed.resolve("actions_taken.jsonl"), """
                {"_id": {"$oid": "6565a1b2c3d4e5f601000001"}, "user_id": 1, "action": "click", "date": {"$date": "2026-10-01T01:00:00Z"}, "value": []}
                {"_id": {"$oid": "6565a1b2c3d4e5f601000002"}, "user_id": true, "action": "click", "date": {"$date": "2026-10-01T02:00:00Z"}, "value": []}
                {"_id": {"$oid": "6565a1b2c3d4e5f601000003"}, "user_id": 3, "action": "click", "date": {"$date": "2026-10-01T03:00:00Z"}, "value": "abc"}
                """);
        Path junit = home.resolve("junit.xml");
        Path html = home.resolve("report.html");
        Etl.Result run = new Etl(home).env("ETL_ALERT_WEBHOOK", webhook.url())
                .run("run", "actions_taken", "--incremental", "--set", "mongo.seed.dir=" + seed,
                        "--junit-report", junit.toString(), "--report", html.toString());

        assertEquals(ExitCodes.REJECTS, run.exitCode(), run::toString);
        assertTrue(run.out().contains("rows_loaded=1 rows_new=1 rows_rejected=2"), run::toString);
        assertTrue(run.out().contains("        " + BOOLEAN_USER + "\n"), run::toString);
        assertTrue(run.out().contains("rejected 6565a1b2c3d4e5f601000003: value: expected an array, got a string (value: abc)"),
                run::toString);
        assertTrue(run.out().contains("Rejected: 2 document(s), each in the warehouse table etl_rejects with its id and reason "
                + "(exit code 6)"), run::toString);
        assertTrue(Files.readString(junit).contains("<system-out>" + BOOLEAN_USER), "JUnit report");
        assertTrue(Files.readString(html).contains("<div class=\"note\">" + BOOLEAN_USER + "</div>"), "HTML report");
        assertEquals(1, webhook.received().size(), "a run with rejects alerts without alert.on.success");
        JsonNode alert = webhook.received().get(0);
        assertTrue(alert.get("text").asText().startsWith("etl actions_taken SUCCESS with 2 document(s) rejected"), alert::toString);
        assertEquals("warning", alert.get("attachments").get(0).get("color").asText());
        assertTrue(alert.toString().contains(BOOLEAN_USER), alert::toString);
    }

    @Test
    void a_malformed_rejects_max_stops_the_run_before_anything_is_read() {
        Etl.Result run = new Etl(home).run("run", "actions_taken", "--incremental", "--set", "rejects.max=lots");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, run.exitCode(), run::toString);
        assertEquals("etl: setting rejects.max is 'lots' (--set): expected a count (100), a share of the window's documents (2%),"
                + " or both (100, 2%)\n", run.err());
    }
}
