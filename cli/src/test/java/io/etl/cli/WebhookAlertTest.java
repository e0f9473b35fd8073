package io.etl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts posted to a real HTTP server on loopback, as a Slack webhook would receive them. */
class WebhookAlertTest {

    @TempDir
    Path home;

    @RegisterExtension
    final Webhook webhook = new Webhook("/hooks/secret-path");

    private Etl etl() {
        return new Etl(home).env("ETL_ALERT_WEBHOOK", webhook.url());
    }

    private static Map<String, String> fields(JsonNode message) {
        Map<String, String> fields = new HashMap<>();
        message.get("attachments").get(0).get("fields").forEach(f -> fields.put(f.get("title").asText(), f.get("value").asText()));
        return fields;
    }

    @Test
    void a_failed_run_posts_the_etl_the_window_the_failed_task_and_its_first_error_line() {
        Etl.Result run = etl().run("run", "node", "--name", "fails-in-branch", "--retries", "0");

        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run::toString);
        assertEquals(1, webhook.received().size());
        JsonNode message = webhook.received().get(0);
        assertTrue(message.get("text").asText().startsWith("etl node FAILED: node(name=fails): fails failed on attempt 1 ("), message::toString);
        Map<String, String> fields = fields(message);
        assertEquals("node", fields.get("ETL"));
        assertEquals("--name=fails-in-branch", fields.get("Parameters"));
        assertEquals("node(name=fails)", fields.get("Failed task"));
        assertEquals("fails failed on attempt 1", fields.get("Error"));
        assertTrue(fields.get("Run").matches("\\S+") && !fields.get("Host").isEmpty(), fields::toString);
        assertEquals("danger", message.get("attachments").get(0).get("color").asText());
    }

    @Test
    void a_successful_run_is_posted_only_when_alert_on_success_is_set() {
        etl().run("run", "events", "--since", "2026-11-01", "--until", "2026-11-02");
        assertEquals(0, webhook.received().size());

        etl().run("run", "events", "--since", "2026-11-02", "--until", "2026-11-03", "--set", "alert.on.success=true");

        assertEquals(1, webhook.received().size());
        assertEquals("[2026-11-02T00:00:00Z, 2026-11-03T00:00:00Z)", fields(webhook.received().get(0)).get("Window"));
    }

    @Test
    void a_success_alert_gives_the_rows_loaded_and_the_link_to_the_jenkins_build_s_report() {
        Etl.Result run = etl().env("BUILD_URL", "https://jenkins.example.com/job/etl/7/")
                .run("run", "events", "--since", "2026-11-01", "--until", "2026-11-02", "--rows", "42",
                        "--set", "alert.on.success=true", "--report", "target/alert-test/etl-report.html");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        Map<String, String> fields = fields(webhook.received().get(0));
        assertEquals("42", fields.get("Rows loaded"), fields::toString);
        assertEquals("https://jenkins.example.com/job/etl/7/artifact/target/alert-test/etl-report.html", fields.get("Report"));
    }

    @Test
    void secrets_never_appear_in_an_alert() {
        etl().run("run", "node", "--name", "fails", "--retries", "0", "--set", "test.password=attempt 1");

        String body = webhook.received().get(0).toString();
        assertFalse(body.contains("attempt 1") || body.contains("secret-path"), body);
        assertTrue(body.contains("fails failed on ****"), body);
    }

    @Test
    void a_webhook_that_cannot_be_reached_is_a_warning_and_the_run_still_succeeds() {
        String unreachable = webhook.url();
        webhook.stop();

        Etl.Result run = new Etl(home).env("ETL_ALERT_WEBHOOK", unreachable).run("run", "node", "--name", "ok", "--set", "alert.on.success=true");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.err().contains("etl: warning: cannot write the alert to the webhook of setting alert.webhook: "), run::toString);
        assertFalse(run.err().contains("secret-path"), run::toString);
    }
}
