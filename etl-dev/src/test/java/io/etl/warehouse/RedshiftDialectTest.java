package io.etl.warehouse;

import io.etl.lake.Lake;
import io.etl.lake.LocalLake;
import io.etl.reject.Reject;
import io.etl.state.Json;
import io.etl.testing.LocalS3;
import io.etl.testing.TestSettings;
import io.etl.task.PermanentFailure;
import io.etl.window.Window;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redshift dialect without a Redshift: its manifest goes to a real S3 API (s3proxy) and its COPY statement is
 * checked as text; every other statement runs through the Redshift JDBC driver itself, against PostgreSQL.
 */
class RedshiftDialectTest {

    @RegisterExtension
    final S3ProxyExtension s3 = LocalS3.server();

    @TempDir
    static Path home;
    private static Warehouse postgres;
    private static RedshiftDriverProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        postgres = Warehouse.open(TestSettings.of(home), Clock.systemUTC());
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(postgres.describe());
        assertTrue(port.find(), postgres.describe());
        proxy = RedshiftDriverProxy.to(Integer.parseInt(port.group(1)));
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        postgres.close();
    }

    private static final Table TABLE = Table.named("page_views").schema("public")
            .column("id", SqlType.varchar(24))
            .column("url", SqlType.varchar(1024))
            .column("viewed_at", SqlType.timestamp())
            .key("id").cursor("viewed_at").build();

    @Test
    void the_redshift_driver_runs_staging_merge_marker_and_max_cursor() throws Exception {
        Warehouse redshift = Warehouse.open(TestSettings.of(home,
                "warehouse.url", "jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres?ssl=false",
                "warehouse.user", "postgres"), Clock.systemUTC());
        Window window = Window.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));
        StagingCopy insertsWhatTheS3CopyWouldLoad = (connection, sql, parts) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + sql.copyTarget()
                    + " VALUES (?, ?, TIMESTAMP '2026-03-01 12:00:00')")) {
                for (String part : parts) {
                    insert.setString(1, part);
                    insert.setString(2, "/" + part);
                    insert.executeUpdate();
                }
            }
            return parts.size();
        };

        LoadResult first = redshift.load(TABLE, new LoadMarker("page_views", window, "run-1", 2, 2, 2, 0),
                insertsWhatTheS3CopyWouldLoad, List.of("a", "b"), LoadMode.MERGE, List.of());
        LoadResult again = redshift.load(TABLE, new LoadMarker("page_views", window, "run-2", 2, 2, 2, 0),
                insertsWhatTheS3CopyWouldLoad, List.of("a", "b"), LoadMode.MERGE, List.of());

        assertEquals(Dialect.REDSHIFT, redshift.dialect());
        assertEquals(new LoadResult(2, 0, 0, TableChanges.NONE, List.of()), first);
        assertEquals(new LoadResult(2, 2, 0, TableChanges.NONE, List.of()), again);
        assertEquals(2, redshift.count(TABLE), "the merge replaced the rows: none duplicated");
        assertEquals(Optional.of(Instant.parse("2026-03-01T12:00:00Z")), redshift.maxCursor(TABLE));
        assertTrue(redshift.loaded(TABLE, "page_views", window));
    }

    @Test
    void a_refused_row_is_named_by_its_file_first_line_column_and_document_id_from_stl_load_errors() throws Exception {
        LocalLake lake = LocalLake.at(Files.createDirectories(home.resolve("redshift-lake")));
        lake.write("page_views/w/transform/part-m-00000", "a\t/home\t2026-03-01 12:00:00\n"
                + "b\t/a path\\\nover two lines\tnot a time\n");
        Warehouse redshift = Warehouse.open(TestSettings.of(home,
                "warehouse.url", "jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres?ssl=false",
                "warehouse.user", "postgres"), Clock.systemUTC());
        String part = lake.objectUri("page_views/w/transform/part-m-00000");
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            // what Redshift records of the refused row: the last line of a record that spans two
            statement.execute("CREATE VIEW stl_load_errors AS SELECT pg_backend_pid() AS session, now() AS starttime, "
                    + "'" + part + "'::text AS filename, 3::bigint AS line_number, 'viewed_at'::text AS colname, "
                    + "'Invalid timestamp format or value [YYYY-MM-DD HH24:MI:SS]'::text AS err_reason, "
                    + "'not a time'::text AS raw_field_value");
        }
        try {
            LoadException refused = assertThrows(LoadException.class, () -> redshift.load(TABLE,
                    new LoadMarker("page_views", Window.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")),
                            "run-1", 2, 2, 2, 0),
                    new RedshiftCopy(lake, "page_views/w/load/manifest.json", "arn:aws:iam::1:role/r", RedshiftCopy.DEFAULT_OPTIONS),
                    List.of("page_views/w/transform/part-m-00000"), LoadMode.MERGE, List.of()));

            assertEquals("the warehouse refused " + part + " line 2, column viewed_at, document id 'b': "
                    + "Invalid timestamp format or value [YYYY-MM-DD HH24:MI:SS] (value: 'not a time')", refused.getMessage());
        } finally {
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP VIEW stl_load_errors");
            }
        }
    }

    @Test
    void the_redshift_driver_writes_a_windows_rejects_replaces_them_on_reload_and_drops_those_loaded_later() throws Exception {
        Warehouse redshift = Warehouse.open(TestSettings.of(home,
                "warehouse.url", "jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres?ssl=false",
                "warehouse.user", "postgres", "warehouse.schema", "rejects_via_redshift"), Clock.systemUTC());
        Table table = Table.named("page_views").schema("rejects_via_redshift")
                .column("id", SqlType.varchar(24)).column("path", SqlType.varchar(256)).column("viewed_at", SqlType.timestamp())
                .key("id").cursor("viewed_at").build();
        Window window = Window.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));
        Window later = Window.of(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"));
        String document = "{\"_id\":\"r1\",\"path\":\"" + "é".repeat(40_000) + "\"}";
        List<Reject> rejects = List.of(new Reject("r1", "path", "longer than VARCHAR(256): 40000 bytes", "éé…", document, null),
                new Reject("r2", "viewed_at", "the key is missing", null, null, null));

        redshift.load(table, new LoadMarker("page_views", window, "run-1", 3, 3, 1, 2), inserting("a"), List.of("a"), LoadMode.MERGE, rejects);
        redshift.load(table, new LoadMarker("page_views", window, "run-2", 3, 3, 1, 2), inserting("a"), List.of("a"), LoadMode.MERGE,
                rejects.subList(0, 1));
        List<String> afterReload = rejects(redshift);
        redshift.load(table, new LoadMarker("page_views", later, "run-3", 1, 1, 1, 0), inserting("r1"), List.of("r1"), LoadMode.MERGE, List.of());

        // 20 bytes of JSON before the two-byte characters: 20 + 2 × 32,757 is the most of them 65,535 bytes hold
        assertEquals(List.of("r1|path|run-2|65534"), afterReload, "the reload replaced the window's rejects; the document is cut to "
                + "the whole characters Redshift's longest VARCHAR holds");
        assertEquals(List.of(), rejects(redshift), "r1 loaded later is no longer a reject");
    }

    @Test
    void through_redshift_a_load_adds_the_columns_declared_and_widens_strings_before_its_transaction() throws Exception {
        Warehouse redshift = throughRedshift("changes_via_redshift");
        Table narrow = pageViews("changes_via_redshift");
        Table wider = Table.named("page_views").schema("changes_via_redshift")
                .column("id", SqlType.varchar(24)).column("path", SqlType.varchar(64)).column("viewed_at", SqlType.timestamp())
                .column("referrer", SqlType.varchar(32)).key("id").cursor("viewed_at").build();
        Window march = Window.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));
        Window april = Window.of(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-02T00:00:00Z"));

        redshift.load(narrow, new LoadMarker("page_views", march, "run-1", 1, 1, 1, 0), inserting("a"), List.of("a"), LoadMode.MERGE, List.of());
        LoadResult changed = redshift.load(wider, new LoadMarker("page_views", april, "run-2", 1, 1, 1, 0), inserting("b"),
                List.of("b"), LoadMode.MERGE, List.of());

        assertEquals(List.of("widened column path from VARCHAR(8) to VARCHAR(64)", "added column referrer VARCHAR(32)"),
                changed.tableChanges().descriptions());
        assertEquals(2, redshift.count(wider));
        try (Connection connection = redshift.connect()) {
            assertEquals(List.of("id VARCHAR(24)", "path VARCHAR(64)", "viewed_at TIMESTAMP", "referrer VARCHAR(32)"),
                    Catalog.columns(connection, "changes_via_redshift", "page_views").stream()
                            .map(column -> column.name() + " " + column.describe()).toList());
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(
                        "ALTER TABLE changes_via_redshift.page_views ALTER COLUMN path TYPE VARCHAR(128)"));
                assertTrue(refused.getMessage().contains(RedshiftTransactionRule.REFUSAL), "as Redshift: " + refused.getMessage());
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void through_redshift_a_table_rebuilt_beside_is_swapped_in_with_its_grants_and_a_bound_view_stops_the_swap() throws Exception {
        Warehouse redshift = throughRedshift("swap_via_redshift");
        Table live = pageViews("swap_via_redshift");
        Window march = Window.of(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));
        redshift.load(live, new LoadMarker("page_views", march, "run-1", 1, 1, 1, 0), inserting("old"), List.of("a"), LoadMode.MERGE, List.of());
        try (Connection connection = redshift.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS swap_reader");
            statement.execute("CREATE ROLE swap_reader");
            statement.execute("GRANT SELECT ON swap_via_redshift.page_views TO swap_reader");
        }
        redshift.load(live.building(), new LoadMarker("page_views__refresh", march, "run-2", 1, 1, 1, 0), inserting("new"), List.of("a"),
                LoadMode.MERGE, List.of());

        Warehouse.Swapped swapped = redshift.swapIn(live, "page_views", "page_views__refresh");

        assertEquals(new Warehouse.Swapped(1, 1), swapped);
        try (Connection connection = redshift.connect(); Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT id FROM swap_via_redshift.page_views")) {
                assertTrue(rows.next());
                assertEquals("new", rows.getString(1));
                assertFalse(rows.next());
            }
            try (var grant = statement.executeQuery("SELECT privilege_type FROM information_schema.table_privileges "
                    + "WHERE table_schema = 'swap_via_redshift' AND table_name = 'page_views' AND grantee = 'swap_reader'")) {
                assertTrue(grant.next(), "the grant is carried over");
                assertEquals("SELECT", grant.getString(1));
            }
            assertFalse(Catalog.tableExists(connection, "swap_via_redshift", "page_views__etl_new"));
            statement.execute("CREATE VIEW swap_via_redshift.recent_views AS SELECT id FROM swap_via_redshift.page_views");
        }
        redshift.load(live.building(), new LoadMarker("page_views__refresh", march, "run-3", 1, 1, 1, 0), inserting("newer"),
                List.of("a"), LoadMode.MERGE, List.of());

        PermanentFailure bound = assertThrows(PermanentFailure.class, () -> redshift.swapIn(live, "page_views", "page_views__refresh"));

        assertTrue(bound.getMessage().contains("recent_views"), bound.getMessage());
        try (Connection connection = redshift.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id FROM swap_via_redshift.page_views")) {
            assertTrue(rows.next());
            assertEquals("new", rows.getString(1), "the old table stays");
        }
    }

    /** The warehouse through the Redshift driver and the proxy, in a schema of the test's own. */
    private static Warehouse throughRedshift(String schema) {
        return Warehouse.open(TestSettings.of(home, "warehouse.url", "jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres?ssl=false",
                "warehouse.user", "postgres", "warehouse.schema", schema), Clock.systemUTC());
    }

    /** {@code page_views (id, path VARCHAR(8), viewed_at)} in the schema. */
    private static Table pageViews(String schema) {
        return Table.named("page_views").schema(schema)
                .column("id", SqlType.varchar(24)).column("path", SqlType.varchar(8)).column("viewed_at", SqlType.timestamp())
                .key("id").cursor("viewed_at").build();
    }

    /** What the S3 COPY would load: one row per part name, keyed by it. */
    private static StagingCopy inserting(String id) {
        return (connection, sql, parts) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + sql.copyTarget()
                    + " VALUES (?, '/', TIMESTAMP '2026-03-01 12:00:00')")) {
                insert.setString(1, id);
                insert.executeUpdate();
            }
            return 1;
        };
    }

    private static List<String> rejects(Warehouse warehouse) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT document_id, field, run_id, OCTET_LENGTH(document) "
                     + "FROM rejects_via_redshift.etl_rejects ORDER BY document_id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|" + result.getString(4));
            }
        }
        return rows;
    }

    @Test
    void the_manifest_lists_exactly_the_parts_and_the_copy_reads_it_with_the_iam_role() throws Exception {
        try (Lake lake = Lake.open(TestSettings.of(home, LocalS3.lake(s3, "s3://lake-bucket/prod")))) {
            RedshiftCopy copy = new RedshiftCopy(lake, "page_views/w/load/manifest.json",
                    "arn:aws:iam::123456789012:role/etl-load", RedshiftCopy.DEFAULT_OPTIONS);
            Statements sql = new Statements(Dialect.REDSHIFT, TABLE);

            lake.write("page_views/w/load/manifest.json", copy.manifest(List.of("page_views/w/transform/part-m-00000",
                    "page_views/w/transform/part-m-00001")));

            var manifest = Json.MAPPER.readTree(lake.read("page_views/w/load/manifest.json"));
            assertEquals(2, manifest.get("entries").size());
            assertEquals("s3://lake-bucket/prod/page_views/w/transform/part-m-00001", manifest.get("entries").get(1).get("url").asText());
            assertTrue(manifest.get("entries").get(0).get("mandatory").asBoolean());
            assertEquals("COPY \"page_views_staging\" (\"id\", \"url\", \"viewed_at\") FROM "
                    + "'s3://lake-bucket/prod/page_views/w/load/manifest.json' IAM_ROLE 'arn:aws:iam::123456789012:role/etl-load' "
                    + "MANIFEST DELIMITER '\\t' ESCAPE NULL AS '\\\\N' TIMEFORMAT 'YYYY-MM-DD HH:MI:SS' COMPUPDATE OFF "
                    + "STATUPDATE OFF MAXERROR 0", copy.copyStatement(sql));
        }
    }
}
