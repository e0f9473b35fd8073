package io.etl.warehouse;

import io.etl.lake.LocalLake;
import io.etl.task.PermanentFailure;
import io.etl.testing.LocalWarehouse;
import io.etl.testing.TestSettings;
import io.etl.window.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Loads and reads as warehouse users with the least rights, in a real PostgreSQL: USAGE and CREATE on its schema and
 * nothing on the database load, USAGE and SELECT read; each right that is missing stops with one line naming its GRANT.
 */
class GrantsTest {

    private static final Window JANUARY = Window.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));

    @RegisterExtension
    static final LocalWarehouse POSTGRES = new LocalWarehouse();

    @TempDir
    Path home;

    /** As the superuser: a role that may log in, and nothing more. */
    private static String role(String... statements) throws Exception {
        String name = "loader_" + Long.toHexString(System.nanoTime());
        asSuperuser("CREATE ROLE " + name + " LOGIN PASSWORD 'pw'");
        for (String statement : statements) {
            asSuperuser(statement.replace("{role}", name));
        }
        return name;
    }

    private static void asSuperuser(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Warehouse warehouseAs(String role, String schema) {
        String url = POSTGRES.jdbcUrl().replaceFirst("\\?.*", "");
        return Warehouse.open(TestSettings.of(home, "warehouse.url", url, "warehouse.user", role, "warehouse.password", "pw",
                "warehouse.schema", schema), Clock.systemUTC());
    }

    private LoadResult load(Warehouse warehouse, String schema) throws Exception {
        Table table = Table.named("events").schema(schema)
                .column("id", SqlType.varchar(24)).column("at", SqlType.timestamp())
                .key("id").cursor("at").build();
        Files.writeString(home.resolve("part-0"), "a\t2026-01-05 10:00:00\nb\t2026-01-06 10:00:00\n");
        return warehouse.load(table, new LoadMarker("events", JANUARY, "run-1", 2, 2, 2, 0), new PostgresCopy(LocalLake.at(home)),
                List.of("part-0"), LoadMode.MERGE, List.of());
    }

    @Test
    void a_user_with_usage_and_create_on_its_schema_and_no_right_on_the_database_loads() throws Exception {
        String schema = "analytics_" + Long.toHexString(System.nanoTime());
        String role = role("CREATE SCHEMA " + schema, "GRANT USAGE, CREATE ON SCHEMA " + schema + " TO {role}");

        try (Warehouse warehouse = warehouseAs(role, schema)) {
            assertEquals(2, load(warehouse, schema).rowsLoaded());
            assertEquals(0, load(warehouse, schema).rowsNew(), "loaded again, merged by key");
        }
    }

    @Test
    void a_user_without_create_on_its_schema_is_told_the_grant() throws Exception {
        String schema = "analytics_" + Long.toHexString(System.nanoTime());
        String role = role("CREATE SCHEMA " + schema, "GRANT USAGE ON SCHEMA " + schema + " TO {role}");

        try (Warehouse warehouse = warehouseAs(role, schema)) {
            PermanentFailure refused = assertThrows(PermanentFailure.class, () -> load(warehouse, schema));

            assertEquals("user " + role + " may not create tables in schema " + schema + ": GRANT CREATE ON SCHEMA " + schema
                    + " TO " + role, refused.getMessage());
        }
    }

    @Test
    void a_user_without_usage_on_its_schema_is_told_the_grant() throws Exception {
        String schema = "analytics_" + Long.toHexString(System.nanoTime());
        String role = role("CREATE SCHEMA " + schema);

        try (Warehouse warehouse = warehouseAs(role, schema)) {
            PermanentFailure refused = assertThrows(PermanentFailure.class, () -> load(warehouse, schema));

            assertEquals("user " + role + " may not use schema " + schema + ": GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                    refused.getMessage());
        }
    }

    @Test
    void a_missing_schema_that_the_user_may_not_create_is_named_with_what_its_owner_must_do() throws Exception {
        String schema = "analytics_" + Long.toHexString(System.nanoTime());
        String role = role();

        try (Warehouse warehouse = warehouseAs(role, schema)) {
            PermanentFailure refused = assertThrows(PermanentFailure.class, () -> load(warehouse, schema));

            assertEquals("user " + role + " may not create schema " + schema + " in database postgres: create it as its owner"
                    + " and GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + role, refused.getMessage());
        }
    }

    @Test
    void an_existing_table_the_user_may_read_but_not_write_is_named_with_its_grant() throws Exception {
        String schema = "analytics_" + Long.toHexString(System.nanoTime());
        String role = role("CREATE SCHEMA " + schema, "GRANT USAGE, CREATE ON SCHEMA " + schema + " TO {role}",
                "CREATE TABLE " + schema + ".etl_loads (etl VARCHAR(127))", "GRANT SELECT, INSERT ON " + schema + ".etl_loads TO {role}");

        try (Warehouse warehouse = warehouseAs(role, schema)) {
            PermanentFailure refused = assertThrows(PermanentFailure.class, () -> load(warehouse, schema));

            assertEquals("user " + role + " may not DELETE on " + schema + ".etl_loads: GRANT SELECT, INSERT, DELETE ON " + schema
                    + ".etl_loads TO " + role, refused.getMessage());
        }
    }

    @Test
    void a_reader_reads_with_usage_and_select_and_is_told_the_grant_when_select_is_missing() throws Exception {
        String schema = "analytics_" + Long.toHexString(System.nanoTime());
        String loader = role("CREATE SCHEMA " + schema, "GRANT USAGE, CREATE ON SCHEMA " + schema + " TO {role}");
        try (Warehouse warehouse = warehouseAs(loader, schema)) {
            load(warehouse, schema);
        }
        String reader = role("GRANT USAGE ON SCHEMA " + schema + " TO {role}");

        try (Warehouse warehouse = warehouseAs(reader, schema)) {
            PermanentFailure refused = assertThrows(PermanentFailure.class, () -> warehouse.loadedWindows("events"));
            assertEquals("user " + reader + " may not SELECT on " + schema + ".etl_loads: GRANT SELECT ON " + schema
                    + ".etl_loads TO " + reader, refused.getMessage());

            asSuperuser("GRANT SELECT ON " + schema + ".etl_loads TO " + reader);
            assertEquals(List.of(JANUARY), warehouse.loadedWindows("events"));
        }
    }
}
