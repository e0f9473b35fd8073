package io.etl.warehouse;

import io.etl.lake.Lake;
import io.etl.state.Json;
import io.etl.testing.LocalS3;
import io.etl.testing.TestSettings;
import io.etl.window.Window;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + Identifiers.quote(sql.staging())
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
                insertsWhatTheS3CopyWouldLoad, List.of("a", "b"), false);
        LoadResult again = redshift.load(TABLE, new LoadMarker("page_views", window, "run-2", 2, 2, 2, 0),
                insertsWhatTheS3CopyWouldLoad, List.of("a", "b"), false);

        assertEquals(Dialect.REDSHIFT, redshift.dialect());
        assertEquals(new LoadResult(2, 0), first);
        assertEquals(new LoadResult(2, 2), again);
        assertEquals(2, redshift.count(TABLE), "the merge replaced the rows: none duplicated");
        assertEquals(Optional.of(Instant.parse("2026-03-01T12:00:00Z")), redshift.maxCursor(TABLE));
        assertTrue(redshift.loaded(TABLE, "page_views", window));
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
