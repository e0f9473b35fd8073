package io.etl.cli;

import io.etl.lock.LockOwner;
import io.etl.lock.RunLock;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code etl audit} against a MongoDB-protocol server of the test's own and a real PostgreSQL: a table loaded by
 * incremental runs audits clean; each way it can diverge is found in its bucket, with its ids; a repair fixes it.
 */
class AuditCommandTest {

    private static final String DAY_14 = "2026-10-14";
    private static final String DAY_15 = "2026-10-15";
    private static final String DAY_16 = "2026-10-16";

    @TempDir
    Path home;
    @RegisterExtension
    final Webhook webhook = new Webhook("/hook");

    @RegisterExtension
    final TestServers servers = new TestServers();

    /** The command line against the test's servers, unless the arguments set them otherwise. */
    private Etl.Result etl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (String setting : List.of("mongo.uri=" + servers.mongoUri(),
                "warehouse.url=" + servers.warehouseUrl(), "retries=0")) {
            if (all.stream().noneMatch(arg -> arg.startsWith(setting.substring(0, setting.indexOf('=') + 1)))) {
                all.addAll(List.of("--set", setting));
            }
        }
        return new Etl(home).run(all.toArray(String[]::new));
    }

    /** {@code count} clicks at noon of a day ({@code 2026-10-15}), a second apart; returns their ids. */
    private List<String> clicks(String day, int count) {
        return servers.clicks(Instant.parse(day + "T12:00:00Z"), count);
    }

    private long sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(servers.warehouseUrl()); Statement s = c.createStatement()) {
            if (!query.startsWith("SELECT")) {
                return s.executeUpdate(query);
            }
            try (ResultSet r = s.executeQuery(query)) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Loaded, then: two documents inserted later with an old date (15th), a row deleted in the warehouse (14th), a
     * document deleted in the source (16th), and a rejected document (16th) that is accounted for.
     */
    private Diverged diverge() throws Exception {
        List<String> fourteenth = clicks(DAY_14, 3);
        clicks(DAY_15, 3);
        List<String> sixteenth = clicks(DAY_16, 3);
        servers.actions().insertOne(new Document("_id", "rejected-1").append("user_id", "u-17").append("action", "click")
                .append("date", Date.from(Instant.parse(DAY_16 + "T06:00:00Z"))).append("value", List.of("a")));
        Etl.Result first = etl("run", "actions_taken", "--incremental");
        assertEquals(ExitCodes.REJECTS, first.exitCode(), first::toString);
        List<String> late = clicks(DAY_15, 2);
        Etl.Result second = etl("run", "actions_taken", "--incremental");
        assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
        assertEquals(1, sql("DELETE FROM actions_taken WHERE id = '" + fourteenth.get(0) + "'"));
        servers.actions().deleteOne(Filters.eq("_id", new ObjectId(sixteenth.get(1))));
        return new Diverged(late, fourteenth.get(0), sixteenth.get(1));
    }

    private record Diverged(List<String> late, String deletedInWarehouse, String deletedInSource) {
    }

    @Test
    void a_table_loaded_by_incremental_runs_audits_clean_and_status_shows_it() {
        clicks(DAY_14, 2);
        clicks(DAY_15, 2);
        clicks(DAY_16, 2);
        assertEquals(ExitCodes.OK, etl("run", "actions_taken", "--incremental").exitCode());
        assertEquals(ExitCodes.OK, etl("run", "actions_taken", "--incremental").exitCode(), "a run with nothing new");

        Etl.Result audit = etl("audit", "actions_taken", "--by", "day");
        Etl.Result status = etl("status");

        assertEquals(ExitCodes.OK, audit.exitCode(), audit::toString);
        assertTrue(audit.out().contains("match: 6 document(s) in the source, 6 row(s) and 0 reject(s) in the warehouse"), audit::toString);
        assertTrue(audit.out().startsWith("etl audit actions_taken by day, [" + DAY_14 + " 00:00:00, "), audit::toString);
        assertTrue(status.out().contains("actions_taken: last audit clean at "), status::toString);
    }

    @Test
    void each_divergence_is_found_in_its_bucket_with_its_ids_and_alerted() throws Exception {
        Diverged diverged = diverge();

        Etl.Result audit = etl("audit", "actions_taken", "--by", "day", "--ids", "--set", "alert.webhook=" + webhook.url());

        assertEquals(ExitCodes.DIFFERENCES, audit.exitCode(), audit::toString);
        String out = audit.out();
        assertTrue(out.contains(String.format("%-18s %12s %12s %12s %12s%n", DAY_14, "3", "2", "0", "+1")), out);
        assertTrue(out.contains(String.format("%-18s %12s %12s %12s %12s%n", DAY_15, "5", "3", "0", "+2")), out);
        assertTrue(out.contains(String.format("%-18s %12s %12s %12s %12s%n", DAY_16, "3", "3", "1", "-1")), out);
        assertTrue(out.contains("3 of "), out);
        assertTrue(out.contains("bucket(s) differ: 3 document(s) missing from the warehouse, 1 row(s) more than the source."), out);
        List<String> idLines = out.lines().filter(l -> l.contains("missing from warehouse") || l.contains("not in source")).toList();
        assertEquals(List.of(
                String.format("%-18s %-24s %s", DAY_14, "missing from warehouse", diverged.deletedInWarehouse()),
                String.format("%-18s %-24s %s", DAY_15, "missing from warehouse", diverged.late().get(0)),
                String.format("%-18s %-24s %s", DAY_15, "missing from warehouse", diverged.late().get(1)),
                String.format("%-18s %-24s %s", DAY_16, "not in source", diverged.deletedInSource())), idLines,
                "the rejected document is accounted for, not missing");
        assertEquals(1, webhook.received().size());
        String alert = webhook.received().get(0).toString();
        assertTrue(alert.contains("etl audit actions_taken: 3 of "), alert);
        assertTrue(alert.contains(DAY_15 + ": source 5, warehouse 3, rejected 0, difference +2"), alert);
    }

    @Test
    void repair_reloads_the_differing_buckets_without_duplicates_and_delete_missing_removes_exactly_the_rows_gone() throws Exception {
        Diverged diverged = diverge();

        Etl.Result repaired = etl("audit", "actions_taken", "--repair");
        Etl.Result deleting = etl("audit", "actions_taken", "--repair", "--delete-missing");
        Etl.Result again = etl("audit", "actions_taken");
        Etl.Result history = etl("history");

        assertEquals(ExitCodes.DIFFERENCES, repaired.exitCode(), repaired::toString);
        assertTrue(repaired.out().contains("1 row(s) whose documents are gone from the source remain: remove them with --repair"
                + " --delete-missing"), repaired::toString);
        assertEquals(ExitCodes.OK, deleting.exitCode(), deleting::toString);
        assertTrue(deleting.out().contains("rows_deleted=1"), deleting::toString);
        assertEquals(ExitCodes.OK, again.exitCode(), again::toString);
        assertEquals(10, sql("SELECT COUNT(*) FROM actions_taken"), "9 clicks and 2 late ones, less the one deleted in the source");
        assertEquals(10, sql("SELECT COUNT(DISTINCT id) FROM actions_taken"), "no duplicate");
        assertEquals(0, sql("SELECT COUNT(*) FROM actions_taken WHERE id = '" + diverged.deletedInSource() + "'"));
        assertEquals(1, sql("SELECT COUNT(*) FROM actions_taken WHERE id = '" + diverged.deletedInWarehouse() + "'"));
        assertEquals(1, sql("SELECT COUNT(*) FROM etl_rejects WHERE document_id = 'rejected-1'"), "its reject replaced, not doubled");
        assertTrue(history.out().lines().filter(l -> l.contains("actions_taken_repair(")).count() >= 2, history::toString);
    }

    @Test
    void a_repair_waits_for_no_one_it_stops_when_a_run_of_the_etl_holds_the_lock() throws Exception {
        diverge();

        try (RunLock hourly = RunLock.acquire(home.resolve("locks"), "actions_taken", LockOwner.currentProcess(Clock.systemUTC(), "etl run actions_taken"))) {
            Etl.Result repair = etl("audit", "actions_taken", "--repair");

            assertEquals(ExitCodes.ALREADY_RUNNING, repair.exitCode(), repair::toString);
        }
    }

    @Test
    void the_report_has_one_mark_per_bucket_and_the_differing_ones_in_red() throws Exception {
        diverge();
        Path report = home.resolve("audit.html");

        Etl.Result audit = etl("audit", "actions_taken", "--since", DAY_14 + "T00:00:00Z", "--until", "2026-10-20T00:00:00Z",
                "--report", report.toString());

        assertEquals(ExitCodes.DIFFERENCES, audit.exitCode(), audit::toString);
        Xml page = Xml.read(report);
        List<Element> buckets = page.all("//*[local-name()='g'][starts-with(@class, 'bucket')]");
        assertEquals(6, buckets.size(), "the 14th to the 19th");
        List<String> differing = page.all("//*[local-name()='g'][@class='bucket differs']").stream()
                .map(e -> e.getAttribute("data-bucket")).toList();
        assertEquals(List.of(DAY_14, DAY_15, DAY_16), differing);
        assertEquals(0, page.all("//*[local-name()='script']").size(), "works offline");
        assertRendersWithRedMarks(report);
    }

    /** Opens the page in headless Chromium and looks for the red marks. */
    private void assertRendersWithRedMarks(Path report) throws Exception {
        BufferedImage image = Chromium.in(home).screenshot(report, home.resolve("audit.png"), 1100, 700);
        int red = Chromium.pixels(image, 0xe53935);
        int grey = Chromium.pixels(image, 0x90a4ae);
        assertTrue(red > 100, "the differing buckets are drawn in red: " + red + " pixels");
        assertTrue(grey > 100, "the matching ones in grey: " + grey + " pixels");
    }

    @Test
    void an_unindexed_cursor_is_refused_as_in_the_extract_unless_allowed() {
        clicks(DAY_14, 2);
        assertEquals(ExitCodes.OK, etl("run", "actions_taken", "--incremental").exitCode());
        servers.actions().dropIndex(Indexes.ascending("date"));

        Etl.Result refused = etl("audit", "actions_taken");
        Etl.Result allowed = etl("audit", "actions_taken", "--allow-unindexed");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, refused.exitCode(), refused::toString);
        assertEquals(1, refused.err().lines().count(), refused::toString);
        assertTrue(refused.err().contains("has no index on 'date'") && refused.err().contains("--allow-unindexed"), refused::toString);
        assertEquals(ExitCodes.OK, allowed.exitCode(), allowed::toString);
    }

    @Test
    void an_unreachable_source_or_warehouse_exits_5_with_one_line() {
        clicks(DAY_14, 2);
        assertEquals(ExitCodes.OK, etl("run", "actions_taken", "--incremental").exitCode());

        Etl.Result noSource = etl("audit", "actions_taken", "--set", "mongo.uri=mongodb://127.0.0.1:9/app", "--set", "mongo.timeout=1s");
        Etl.Result noWarehouse = etl("audit", "actions_taken", "--set", "warehouse.url=jdbc:postgresql://127.0.0.1:9/postgres",
                "--set", "warehouse.connect.timeout=1s");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, noSource.exitCode(), noSource::toString);
        assertEquals(1, noSource.err().lines().count(), noSource::toString);
        assertTrue(noSource.err().contains("127.0.0.1:9"), noSource::toString);
        assertEquals(ExitCodes.CONFIGURATION_ERROR, noWarehouse.exitCode(), noWarehouse::toString);
        assertEquals(1, noWarehouse.err().lines().count(), noWarehouse::toString);
        assertTrue(noWarehouse.err().contains("cannot reach the warehouse"), noWarehouse::toString);
    }

    @Test
    void bad_usage_exits_2_and_says_what_to_change() {
        Etl.Result week = etl("audit", "actions_taken", "--by", "week");
        Etl.Result unknown = etl("audit", "action_taken");
        Etl.Result deleteAlone = etl("audit", "actions_taken", "--delete-missing");

        assertEquals(ExitCodes.USAGE, week.exitCode(), week::toString);
        assertEquals("etl: --by: expected hour, day or month, got 'week'\n", week.err());
        assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("no ETL named 'action_taken'; the ETLs are: actions_taken"), unknown::toString);
        assertEquals(ExitCodes.USAGE, deleteAlone.exitCode(), deleteAlone::toString);
        assertFalse(deleteAlone.err().contains("Exception"), deleteAlone::toString);
    }
}
