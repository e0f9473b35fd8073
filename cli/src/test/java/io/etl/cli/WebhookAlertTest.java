package io.etl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.etl.state.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts posted to a real HTTP server on loopback, as a Slack webhook would receive them. */
class WebhookAlertTest {

    @TempDir
    Path home;

    private HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startWebhook() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/secret-path", exchange -> {
            received.add(Json.MAPPER.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopWebhook() {
        server.stop(0);
    }

    private Etl etl() {
        return new Etl(home).env("ETL_ALERT_WEBHOOK", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/secret-path");
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
        assertEquals(1, received.size());
        JsonNode message = received.get(0);
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
        assertEquals(0, received.size());

        etl().run("run", "events", "--since", "2026-11-02", "--until", "2026-11-03", "--set", "alert.on.success=true");

        assertEquals(1, received.size());
        assertEquals("[2026-11-02T00:00:00Z, 2026-11-03T00:00:00Z)", fields(received.get(0)).get("Window"));
    }

    @Test
    void secrets_never_appear_in_an_alert() {
        etl().run("run", "node", "--name", "fails", "--retries", "0", "--set", "test.password=attempt 1");

        String body = received.get(0).toString();
        assertFalse(body.contains("attempt 1") || body.contains("secret-path"), body);
        assertTrue(body.contains("fails failed on ****"), body);
    }

    @Test
    void a_webhook_that_cannot_be_reached_is_a_warning_and_the_run_still_succeeds() {
        server.stop(0);

        Etl.Result run = etl().run("run", "node", "--name", "ok", "--set", "alert.on.success=true");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.err().contains("etl: warning: cannot write the alert to the webhook of setting alert.webhook: "), run::toString);
        assertFalse(run.err().contains("secret-path"), run::toString);
    }
}
