package io.etl.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline through the command line as a warehouse user with the least rights, on a real PostgreSQL:
 * USAGE and CREATE on its schema, nothing on the database. The superuser made the role and the schema, as a DBA does.
 */
class WarehouseRoleTest {

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    @BeforeEach
    void fillTheSource() {
        servers.clicks(Instant.parse("2026-10-15T12:00:00Z"), 3);
    }

    /** A DBA's statements, as the superuser. */
    private void asSuperuser(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(servers.warehouseUrl()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private long rows(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(servers.warehouseUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The command line connecting to the warehouse as {@code user}, its tables in schema analytics. */
    private Etl.Result etlAs(String user, String... args) {
        List<String> settings = List.of("mongo.uri=" + servers.mongoUri(),
                "warehouse.url=" + servers.warehouseUrl().replaceFirst("\\?.*", ""), "warehouse.user=" + user,
                "warehouse.password=its-password", "warehouse.schema=analytics", "retries=0");
        List<String> all = new ArrayList<>(List.of(args));
        settings.forEach(setting -> all.addAll(List.of("--set", setting)));
        return new Etl(home).run(all.toArray(String[]::new));
    }

    @Test
    void a_user_with_only_usage_and_create_on_its_schema_runs_audits_and_reads_the_status() throws Exception {
        asSuperuser("CREATE ROLE etl_loader LOGIN PASSWORD 'its-password'", "CREATE SCHEMA analytics",
                "GRANT USAGE, CREATE ON SCHEMA analytics TO etl_loader");

        Etl.Result run = etlAs("etl_loader", "run", "actions_taken", "--incremental");
        Etl.Result again = etlAs("etl_loader", "run", "actions_taken", "--incremental");
        Etl.Result audit = etlAs("etl_loader", "audit", "actions_taken", "--by", "day");
        Etl.Result status = etlAs("etl_loader", "status");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertEquals(ExitCodes.OK, again.exitCode(), again::toString);
        assertEquals(3, rows("SELECT COUNT(*) FROM analytics.actions_taken"), "loaded once, merged by key the second time");
        assertEquals(2, rows("SELECT COUNT(*) FROM analytics.etl_loads WHERE run_id IS NOT NULL"), "a window per run");
        assertEquals(ExitCodes.OK, audit.exitCode(), audit::toString);
        assertEquals(ExitCodes.OK, status.exitCode(), status::toString);
        assertTrue(status.out().contains("actions_taken"), status::toString);
    }

    @Test
    void a_user_that_may_not_create_tables_in_its_schema_is_told_the_grant_to_give() throws Exception {
        asSuperuser("CREATE ROLE etl_reader LOGIN PASSWORD 'its-password'", "CREATE SCHEMA analytics",
                "GRANT USAGE ON SCHEMA analytics TO etl_reader");

        Etl.Result run = etlAs("etl_reader", "run", "actions_taken", "--incremental");

        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run::toString);
        assertTrue((run.out() + run.err()).contains(
                "user etl_reader may not create tables in schema analytics: GRANT CREATE ON SCHEMA analytics TO etl_reader"), run::toString);
    }
}
