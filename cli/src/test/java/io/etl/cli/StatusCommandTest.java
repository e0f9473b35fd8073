package io.etl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.etl.state.Json;
import io.etl.warehouse.EmbeddedWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code etl status} and {@code etl history} say what each run of an ETL loaded, from the history alone. */
class StatusCommandTest {

    @TempDir
    Path home;

    private Etl etl() {
        return new Etl(home);
    }

    private void loadTwoDays() {
        etl().run("run", "events", "--since", "2026-11-01", "--until", "2026-11-02", "--rows", "5");
        etl().run("run", "events", "--since", "2026-11-02", "--until", "2026-11-03", "--rows", "1200");
    }

    @Test
    void status_shows_the_end_of_the_latest_loaded_window_its_rows_the_lag_and_the_last_run() {
        loadTwoDays();
        etl().run("run", "events", "--since", "2026-11-03", "--until", "2026-11-04", "--rows", "-1", "--retries", "0");

        Etl.Result status = etl().run("status");

        assertEquals(ExitCodes.OK, status.exitCode(), status::toString);
        String[] lines = status.out().split("\n");
        assertTrue(lines[0].startsWith("ETL ") && lines[0].contains("LOADED UP TO (UTC)") && lines[0].contains("LAG"), status::toString);
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("actions_taken ")), status::toString);
        assertTrue(status.out().lines().noneMatch(l -> l.startsWith("node ")), status::toString);
        assertTrue(eventsLine(status).matches("events\\s+2026-11-03 00:00:00\\s+1,200\\s+\\S+ \\S+\\s+\\S.*FAILED at .*"), status::toString);
    }

    @Test
    void status_as_json_gives_the_same_figures() throws Exception {
        loadTwoDays();

        JsonNode statuses = Json.MAPPER.readTree(etl().run("status", "--format", "json").out());
        JsonNode events = java.util.stream.StreamSupport.stream(statuses.spliterator(), false)
                .filter(s -> s.get("etl").asText().equals("events")).findFirst().orElseThrow();

        assertEquals("events", events.get("etl").asText());
        assertEquals(1200, events.get("rows").asLong());
        assertEquals("SUCCESS", events.get("lastRunStatus").asText());
        assertTrue(events.has("loadedUpTo") && events.has("lag") && events.has("loadedAt"), events::toString);
    }

    @Test
    void an_etl_never_run_shows_never_loaded() {
        Etl.Result status = etl().run("status");

        assertTrue(eventsLine(status).matches("events\\s+never loaded\\s+-\\s+-\\s+-\\s+none"), status::toString);
    }

    private static String eventsLine(Etl.Result status) {
        return status.out().lines().filter(l -> l.startsWith("events ")).findFirst().orElseThrow(() -> new AssertionError(status));
    }

    @Test
    void history_shows_the_window_and_the_rows_of_each_run() {
        loadTwoDays();

        String[] lines = etl().run("history", "events").out().split("\n");

        assertTrue(lines[0].contains(" WINDOW ") && lines[0].contains(" ROWS "), lines[0]);
        assertTrue(lines[1].contains(" [2026-11-02T00:00:00Z, 2026-11-03T00:00:00Z) ") && lines[1].contains(" 1,200 "), lines[1]);
        assertTrue(lines[2].contains(" [2026-11-01T00:00:00Z, 2026-11-02T00:00:00Z) ") && lines[2].matches(".*\\s5\\s.*"), lines[2]);
    }

    @Test
    void status_shows_the_hole_a_backfill_of_a_later_window_left() throws Exception {
        try (TestSource source = TestSource.start(home.resolve("source.mv")).clicksAt("2026-10-01T12:00:00Z", "2026-10-04T12:00:00Z");
             EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(home.resolve("warehouse-of-the-test"))) {
            String[] settings = {"--set", source.setting(), "--set", "warehouse.url=" + warehouse.jdbcUrl()};
            etl().run(Cli.with(settings, "run", "actions_taken", "--since", "2026-10-01", "--until", "2026-10-02"));
            etl().run(Cli.with(settings, "run", "actions_taken", "--since", "2026-10-04", "--until", "2026-10-05"));

            Etl.Result status = etl().run(Cli.with(settings, "status"));

            assertEquals(ExitCodes.OK, status.exitCode(), status::toString);
            assertTrue(status.out().contains("actions_taken: hole [2026-10-02 00:00:00, 2026-10-04 00:00:00) never loaded;"
                    + " the next --incremental run reads from its start\n"), status::toString);
        }
    }

    @Test
    void status_with_the_warehouse_down_still_answers_and_says_in_one_line_that_holes_were_not_checked() {
        Etl.Result status = etl().run("status", "--set", "warehouse.url=jdbc:postgresql://127.0.0.1:1/dw",
                "--set", "mongo.uri=mongodb://127.0.0.1:1/app");

        assertEquals(ExitCodes.OK, status.exitCode(), status::toString);
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("holes not checked: cannot reach the warehouse "
                + "jdbc:postgresql://127.0.0.1:1/dw: ")), status::toString);
        assertEquals("", status.err());
    }
}
