package io.etl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that stops before its first task still tells the Jenkins build what went wrong: both reports name the
 * error, and the alert says what failed.
 */
class FailureBeforeFirstTaskTest {

    @TempDir
    Path home;
    @RegisterExtension
    final Webhook webhook = new Webhook("/hook");

    private Etl.Result runWithReports(String... args) {
        return new Etl(home).env("ETL_ALERT_WEBHOOK", webhook.url()).run(Cli.with(args,
                "--junit-report", junit().toString(), "--report", html().toString()));
    }

    @Test
    void a_value_the_task_refuses_writes_both_reports_and_an_alert_naming_it() throws Exception {
        Etl.Result run = runWithReports("run", "actions_taken", "--reload");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        String error = "--reload reads a window again: give it with --since (and --until), or with --full-refresh --chunk";
        assertEquals(error, Xml.read(junit()).one("//testcase[@classname='actions_taken']/failure").getAttribute("message"));
        assertTrue(Xml.read(html()).document().getDocumentElement().getTextContent().contains(error), "HTML report");
        Map<String, String> alert = fields(webhook.received().get(0));
        assertEquals(error, alert.get("Error"), alert::toString);
        assertFalse(alert.get("Window").contains("nothing new"), alert::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"extract.split.size=0", "mongo.uri=mongo://nowhere", "warehouse.url=jdbc:mysql://db/dw",
            "retries=abc", "window.settle=-5m", "mongo.url=mongodb://db/app"})
    void a_malformed_or_unknown_setting_writes_both_reports_and_an_alert_naming_the_setting(String setting) throws Exception {
        Etl.Result run = runWithReports("run", "actions_taken", "--incremental", "--set", setting);

        assertEquals(ExitCodes.CONFIGURATION_ERROR, run.exitCode(), run::toString);
        String failure = Xml.read(junit()).one("//testcase[@classname='actions_taken']/failure").getAttribute("message");
        assertTrue(failure.contains(setting.substring(0, setting.indexOf('='))) && failure.contains("--set"), failure);
        assertTrue(run.err().contains(failure), run::toString);
        assertTrue(Xml.read(html()).document().getDocumentElement().getTextContent().contains(failure), "HTML report");
        Map<String, String> alert = fields(webhook.received().get(0));
        assertEquals(failure, alert.get("Error"), alert::toString);
        assertFalse(Files.exists(home.resolve("lake")), "nothing extracted");
    }

    @Test
    void help_needs_no_well_formed_settings() {
        Etl.Result run = new Etl(home).run("run", "actions_taken", "--help", "--set", "extract.split.size=0");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("--incremental"), run::toString);
    }

    @Test
    void an_unreachable_warehouse_is_planned_again_then_reported_and_alerted_without_java_names() throws Exception {
        Etl.Result run = runWithReports("run", "actions_taken", "--incremental", "--retries", "1", "--retry-delay", "10ms",
                "--set", "warehouse.url=jdbc:postgresql://127.0.0.1:1/dw", "--set", "warehouse.connect.timeout=1s",
                "--set", "mongo.uri=mongodb://127.0.0.1:1/app");

        assertEquals(ExitCodes.SCHEDULING_ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("cannot plan actions_taken(incremental=true, lookback=PT0S, reload=false, full-refresh=false)"
                + " (attempt 1): cannot tell what it needs: cannot read the newest date"), run::toString);
        assertTrue(run.err().contains("; planning again in 10 ms"), run::toString);
        String failure = Xml.read(junit()).one("//testcase[@classname='actions_taken']/failure").getAttribute("message");
        assertTrue(failure.contains("cannot reach the warehouse jdbc:postgresql://127.0.0.1:1/dw"), failure);
        Map<String, String> alert = fields(webhook.received().get(0));
        assertTrue(alert.get("Error").contains("cannot reach the warehouse"), alert::toString);
        assertEquals("none: the run stopped before it chose one", alert.get("Window"), alert::toString);
        String everything = run.out() + run.err() + webhook.received() + Files.readString(junit()) + Files.readString(html());
        assertFalse(everything.matches("(?s).*\\b(java|javax|org)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*"), everything);
    }

    private Path junit() {
        return home.resolve("build/etl-junit.xml");
    }

    private Path html() {
        return home.resolve("build/etl-report.html");
    }

    static Map<String, String> fields(JsonNode alert) {
        Map<String, String> fields = new LinkedHashMap<>();
        alert.get("attachments").get(0).get("fields").forEach(f -> fields.put(f.get("title").asText(), f.get("value").asText()));
        return fields;
    }
}
