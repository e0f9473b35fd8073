package io.etl.warehouse;

import io.etl.lake.LocalLake;
import io.etl.reject.Reject;
import io.etl.task.PermanentFailure;
import io.etl.testing.TestSettings;
import io.etl.window.Bucketing;
import io.etl.window.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads into a real PostgreSQL (the embedded one), and through the Redshift driver where it can run here. */
class WarehouseTest {

    private static final Window JANUARY = Window.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    private static final Window FEBRUARY = Window.of(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));

    @TempDir
    static Path home;
    private static Warehouse warehouse;

    @TempDir
    Path lakeRoot;
    private LocalLake lake;
    private Table table;

    @BeforeAll
    static void startWarehouse() {
        warehouse = Warehouse.open(TestSettings.of(home), Clock.systemUTC());
    }

    @AfterAll
    static void stopWarehouse() {
        warehouse.close();
    }

    @BeforeEach
    void freshTable() throws Exception {
        lake = LocalLake.at(lakeRoot);
        table = Table.named("events_" + Long.toHexString(System.nanoTime())).schema("it")
                .column("id", SqlType.varchar(24))
                .column("select", SqlType.varchar(256))
                .column("Happened At", SqlType.timestamp())
                .key("id").cursor("Happened At").build();
    }

    private List<String> parts(String... contents) throws Exception {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            String path = "t/part-" + i;
            Files.createDirectories(lakeRoot.resolve("t"));
            Files.writeString(lakeRoot.resolve(path), contents[i]);
            parts.add(path);
        }
        return parts;
    }

    /** Named after the table: markers of all tests share one marker table. */
    private LoadMarker marker(Window window, long rows) {
        return new LoadMarker(table.name(), window, "run-1", rows, rows, rows, 0);
    }

    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + table.qualified() + " ORDER BY \"id\"")) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3));
            }
        }
        return rows;
    }

    @Test
    void a_load_creates_the_table_and_reads_back_exactly_the_text_of_the_lake() throws Exception {
        List<String> parts = parts("a\tline\\\nbreak, tab\\\there, back\\\\slash\t2026-01-05 10:00:00\n",
                "b\t\\N\t2026-01-06 11:30:00\n");

        LoadResult result = warehouse.load(table, marker(JANUARY, 2), new PostgresCopy(lake), parts, LoadMode.MERGE, List.of());

        assertEquals(new LoadResult(2, 0, 0, TableChanges.NONE, List.of()), result);
        assertEquals(List.of("a|line\nbreak, tab\there, back\\slash|2026-01-05 10:00:00", "b|null|2026-01-06 11:30:00"), rows());
        assertEquals(Optional.of(Instant.parse("2026-01-06T11:30:00Z")), warehouse.maxCursor(table));
        assertTrue(warehouse.loaded(table, table.name(), JANUARY));
        assertFalse(warehouse.loaded(table, table.name(), FEBRUARY));
    }

    @Test
    void a_second_load_with_overlapping_keys_replaces_the_rows_instead_of_duplicating_them() throws Exception {
        warehouse.load(table, marker(JANUARY, 2), new PostgresCopy(lake),
                parts("a\tfirst\t2026-01-05 10:00:00\nb\tfirst\t2026-01-31 23:59:59\n"), LoadMode.MERGE, List.of());

        LoadResult second = warehouse.load(table, marker(FEBRUARY, 2), new PostgresCopy(lake),
                parts("b\tsecond\t2026-01-31 23:59:59\nc\tsecond\t2026-02-02 00:00:00\n"), LoadMode.MERGE, List.of());

        assertEquals(1, second.rowsNew());
        assertEquals(List.of("a|first|2026-01-05 10:00:00", "b|second|2026-01-31 23:59:59", "c|second|2026-02-02 00:00:00"), rows());
    }

    @Test
    void a_column_added_and_a_string_widened_in_the_declaration_are_applied_by_the_next_load_and_rows_keep_their_values() throws Exception {
        warehouse.load(table, marker(JANUARY, 1), new PostgresCopy(lake), parts("a\told\t2026-01-05 10:00:00\n"), LoadMode.MERGE, List.of());
        String wide = "w".repeat(300);
        table = Table.named(table.name()).schema("it")
                .column("id", SqlType.varchar(24))
                .column("select", SqlType.varchar(512))
                .column("Happened At", SqlType.timestamp())
                .column("device", SqlType.varchar(16))
                .key("id").cursor("Happened At").build();

        LoadResult second = warehouse.load(table, marker(FEBRUARY, 1), new PostgresCopy(lake),
                parts("b\t" + wide + "\t2026-02-05 10:00:00\tphone\n"), LoadMode.MERGE, List.of());

        assertEquals(List.of("widened column select from VARCHAR(256) to VARCHAR(512)", "added column device VARCHAR(16)"),
                second.tableChanges().descriptions());
        assertEquals(List.of("a|old|2026-01-05 10:00:00|null", "b|" + wide + "|2026-02-05 10:00:00|phone"), rowsWithDevice());
        LoadResult third = warehouse.load(table, marker(Window.of(FEBRUARY.upper(), FEBRUARY.upper().plusSeconds(60)), 0),
                new PostgresCopy(lake), List.of(), LoadMode.MERGE, List.of());
        assertEquals(List.of(), third.tableChanges().descriptions(), "a table that holds its declaration is left as it is");
    }

    @Test
    void a_column_declared_with_another_type_than_the_table_has_stops_the_load_naming_it_and_changes_nothing() throws Exception {
        warehouse.load(table, marker(JANUARY, 1), new PostgresCopy(lake), parts("a\told\t2026-01-05 10:00:00\n"), LoadMode.MERGE, List.of());
        Table retyped = Table.named(table.name()).schema("it")
                .column("id", SqlType.varchar(24))
                .column("select", SqlType.bigint())
                .column("Happened At", SqlType.timestamp())
                .column("device", SqlType.varchar(16))
                .key("id").cursor("Happened At").build();

        PermanentFailure refused = assertThrows(PermanentFailure.class, () -> warehouse.load(retyped, marker(FEBRUARY, 1),
                new PostgresCopy(lake), parts("b\t7\t2026-02-05 10:00:00\tphone\n"), LoadMode.MERGE, List.of()));

        assertEquals("column select of \"it\".\"" + table.name() + "\" is VARCHAR(256) in the warehouse but the ETL declares it"
                + " BIGINT: declare it as the table has it, or change the table yourself (only new columns and wider strings are"
                + " applied)", refused.getMessage());
        assertEquals(List.of("a|old|2026-01-05 10:00:00"), rows());
        assertFalse(warehouse.loaded(table, table.name(), FEBRUARY));
    }

    private List<String> rowsWithDevice() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT \"id\", \"select\", \"Happened At\", \"device\" FROM " + table.qualified() + " ORDER BY \"id\"")) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4));
            }
        }
        return rows;
    }

    @Test
    void a_full_refresh_replaces_every_row() throws Exception {
        warehouse.load(table, marker(JANUARY, 1), new PostgresCopy(lake), parts("a\told\t2026-01-05 10:00:00\n"), LoadMode.MERGE, List.of());

        warehouse.load(table, marker(FEBRUARY, 1), new PostgresCopy(lake), parts("z\tnew\t2026-02-05 10:00:00\n"), LoadMode.REPLACE_ALL, List.of());

        assertEquals(List.of("z|new|2026-02-05 10:00:00"), rows());
        assertFalse(warehouse.loaded(table, table.name(), JANUARY), "a full refresh forgets the windows it replaced");
    }

    @Test
    void a_malformed_file_fails_naming_file_line_and_column_and_leaves_the_table_unchanged() throws Exception {
        warehouse.load(table, marker(JANUARY, 1), new PostgresCopy(lake), parts("a\tkept\t2026-01-05 10:00:00\n"), LoadMode.MERGE, List.of());
        List<String> bad = parts("b\tfine\t2026-02-05 10:00:00\n", "c\tfine\t2026-02-06 10:00:00\nd\tbroken\tnot a time\n");

        LoadException e = assertThrows(LoadException.class,
                () -> warehouse.load(table, marker(FEBRUARY, 3), new PostgresCopy(lake), bad, LoadMode.MERGE, List.of()));

        assertEquals("the warehouse refused " + lakeRoot.resolve("t/part-1") + " line 2, column Happened At, document id 'd': "
                + "invalid input syntax for type timestamp: \"not a time\"", e.getMessage());
        assertEquals(List.of("a|kept|2026-01-05 10:00:00"), rows());
        assertFalse(warehouse.loaded(table, table.name(), FEBRUARY));
    }

    @Test
    void a_refused_row_after_values_holding_newlines_is_named_by_the_line_an_editor_shows_and_its_document_id() throws Exception {
        List<String> part = parts("a\tthree\\\nline\\\nnote\t2026-02-05 10:00:00\n"
                + "b\tfine\t2026-02-06 10:00:00\n"
                + "c\tbroken\tnot a time\n");

        LoadException e = assertThrows(LoadException.class,
                () -> warehouse.load(table, marker(FEBRUARY, 3), new PostgresCopy(lake), part, LoadMode.MERGE, List.of()));

        assertEquals("the warehouse refused " + lakeRoot.resolve("t/part-0") + " line 5, column Happened At, document id 'c': "
                + "invalid input syntax for type timestamp: \"not a time\"", e.getMessage(), "the third record, on line 5");
    }

    @Test
    void a_crash_inside_the_load_transaction_leaves_neither_rows_nor_marker() throws Exception {
        StagingCopy copiesThenCrashes = (connection, sql, parts) -> {
            new PostgresCopy(lake).copy(connection, sql, parts);
            throw new SQLException("connection reset while loading");
        };

        assertThrows(SQLException.class, () -> warehouse.load(table, marker(JANUARY, 1), copiesThenCrashes,
                parts("a\tlost\t2026-01-05 10:00:00\n"), LoadMode.MERGE, List.of()));

        assertEquals(Optional.empty(), warehouse.maxCursor(table), "not even the table remains");
        assertFalse(warehouse.loaded(table, table.name(), JANUARY));
    }

    @Test
    void fewer_rows_than_the_transform_wrote_fails_the_load_before_it_commits() throws Exception {
        PermanentFailure e = assertThrows(PermanentFailure.class, () -> warehouse.load(table, marker(JANUARY, 3),
                new PostgresCopy(lake), parts("a\tonly\t2026-01-05 10:00:00\n"), LoadMode.MERGE, List.of()));

        assertTrue(e.getMessage().endsWith("read 1 rows but the transform wrote 3"), e.getMessage());
        assertFalse(warehouse.loaded(table, table.name(), JANUARY));
    }

    @Test
    void wrong_credentials_are_a_permanent_failure_naming_the_user() {
        Warehouse wrong = Warehouse.open(TestSettings.of(home, "warehouse.url", "jdbc:postgresql://127.0.0.1:1/postgres",
                "warehouse.user", "loader", "warehouse.password", "nope"), Clock.systemUTC());

        SQLException unreachable = assertThrows(SQLException.class, wrong::connect);

        assertTrue(unreachable.getMessage().startsWith("cannot reach the warehouse jdbc:postgresql://127.0.0.1:1/postgres: "),
                unreachable.getMessage());
        assertFalse(unreachable.getMessage().contains("nope"));
    }

    @Test
    void deleting_missing_rows_removes_only_the_rows_of_the_window_that_staging_does_not_hold() throws Exception {
        warehouse.load(table, marker(JANUARY, 3), new PostgresCopy(lake), parts("a\tx\t2026-01-05 10:00:00\n"
                + "b\tx\t2026-01-06 10:00:00\nc\tx\t2026-01-07 10:00:00\n"), LoadMode.MERGE, List.of());
        warehouse.load(table, marker(FEBRUARY, 1), new PostgresCopy(lake), parts("d\tx\t2026-02-05 10:00:00\n"), LoadMode.MERGE, List.of());

        LoadResult repair = warehouse.load(table, marker(JANUARY, 2), new PostgresCopy(lake),
                parts("a\ty\t2026-01-05 10:00:00\nc\ty\t2026-01-07 10:00:00\n"), LoadMode.MERGE_DELETING_MISSING, List.of());

        assertEquals(new LoadResult(2, 2, 1, TableChanges.NONE, List.of()), repair);
        assertEquals(List.of("a|y|2026-01-05 10:00:00", "c|y|2026-01-07 10:00:00", "d|x|2026-02-05 10:00:00"), rows(),
                "b, gone from the window, is deleted; d, of another window, stays");
    }

    @Test
    void counts_by_bucket_give_rows_and_rejects_not_loaded_in_the_bucket_of_their_cursor() throws Exception {
        Instant day5 = Instant.parse("2026-01-05T00:00:00Z");
        Instant day6 = Instant.parse("2026-01-06T00:00:00Z");
        List<Reject> rejects = List.of(
                new Reject("r1", "user_id", "not a whole number", "u-17", "{}", Instant.parse("2026-01-06T08:00:00Z")),
                new Reject("r1", "action", "too long", "x", "{}", Instant.parse("2026-01-06T08:00:00Z")),
                new Reject("a", "action", "too long", "x", "{}", Instant.parse("2026-01-05T09:00:00Z")));
        warehouse.load(table, new LoadMarker(table.name(), JANUARY, "run-1", 5, 5, 3, 2), new PostgresCopy(lake),
                parts("a\tx\t2026-01-05 10:00:00\nb\tx\t2026-01-05 23:59:59\nc\tx\t2026-01-06 00:00:00\n"), LoadMode.MERGE, rejects);

        BucketedCounts counts = warehouse.countsByBucket(table, table.name(), Bucketing.DAY, JANUARY);

        assertEquals(Map.of(day5, 2L, day6, 1L), counts.rows());
        assertEquals(Map.of(day6, 1L), counts.rejected(), "r1 once for its two problems; a is loaded, so not counted again");
        assertEquals(0, counts.rejectedWithoutCursor());
    }

    @Test
    void a_rejects_table_made_before_rejects_kept_the_cursor_gains_the_column_at_the_next_load() throws Exception {
        Table other = Table.named(table.name()).schema("old_" + table.name()).column("id", SqlType.varchar(24))
                .column("select", SqlType.varchar(256)).column("Happened At", SqlType.timestamp()).key("id").cursor("Happened At").build();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + Identifiers.quote(other.schema()));
            s.execute("CREATE TABLE " + Identifiers.quote(other.schema()) + ".etl_rejects (\"etl\" VARCHAR(127) NOT NULL,"
                    + " \"window_lower\" TIMESTAMP NOT NULL, \"window_upper\" TIMESTAMP NOT NULL, \"document_id\" VARCHAR(1024),"
                    + " \"field\" VARCHAR(1024), \"reason\" VARCHAR(1024), \"value\" VARCHAR(1024), \"document\" VARCHAR(65535),"
                    + " \"run_id\" VARCHAR(64) NOT NULL, \"rejected_at\" TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO " + Identifiers.quote(other.schema()) + ".etl_rejects VALUES ('" + other.name() + "',"
                    + " '2025-01-01', '2025-02-01', 'old', 'f', 'r', 'v', '{}', 'run-0', '2025-02-01')");
        }

        warehouse.load(other, new LoadMarker(other.name(), JANUARY, "run-1", 2, 2, 1, 1), new PostgresCopy(lake),
                parts("a\tx\t2026-01-05 10:00:00\n"), LoadMode.MERGE,
                List.of(new Reject("r", "f", "bad", "v", "{}", Instant.parse("2026-01-07T00:00:00Z"))));

        BucketedCounts counts = warehouse.countsByBucket(other, other.name(), Bucketing.MONTH, JANUARY);
        assertEquals(Map.of(JANUARY.lower(), 1L), counts.rows());
        assertEquals(Map.of(JANUARY.lower(), 1L), counts.rejected());
        assertEquals(1, counts.rejectedWithoutCursor(), "the reject written before the column has no bucket");
    }

    @Test
    void keys_of_a_window_come_in_byte_order() throws Exception {
        warehouse.load(table, marker(JANUARY, 4), new PostgresCopy(lake), parts("b\tx\t2026-01-05 10:00:00\n"
                + "B\tx\t2026-01-05 11:00:00\né\tx\t2026-01-06 10:00:00\na\tx\t2026-02-06 10:00:00\n"), LoadMode.MERGE, List.of());
        List<String> keys = new ArrayList<>();

        warehouse.forEachKey(table, Window.of(JANUARY.lower(), Instant.parse("2026-01-07T00:00:00Z")), keys::add);

        assertEquals(List.of("B", "b", "é"), keys, "upper case before lower, accents after, as MongoDB sorts; a is outside");
    }
}
