package io.etl.cli;

import io.etl.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** etl sql against the embedded PostgreSQL warehouse, holding a table as a load leaves it. */
class SqlCommandTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void a_loaded_table() throws Exception {
        CliEnvironment environment = CliEnvironment.of(GlobalOptions.parse(new String[] {"--home=" + home}), Map.of());
        try (Warehouse warehouse = Warehouse.open(environment.settings(), Clock.systemUTC());
             Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE actions_taken (id VARCHAR(24), action VARCHAR(32))");
            statement.execute("INSERT INTO actions_taken VALUES ('a1', 'click'), ('a2', 'click'), ('a3', 'login'), ('a4', NULL)");
        }
    }

    @Test
    void a_query_prints_its_rows_as_a_table() {
        Etl.Result sql = new Etl(home).run("sql", "SELECT action, COUNT(*) FROM actions_taken GROUP BY 1 ORDER BY 1");

        assertEquals(ExitCodes.OK, sql.exitCode(), sql::toString);
        assertEquals("""
                action | count
                -------+------
                click  |     2
                login  |     1
                       |     1
                (3 rows)
                """, sql.out());
    }

    @Test
    void tsv_and_json_print_the_same_rows_for_scripts() {
        String query = "SELECT action, COUNT(*) AS n FROM actions_taken GROUP BY 1 ORDER BY 1";

        assertEquals("action\tn\nclick\t2\nlogin\t1\n\\N\t1\n", new Etl(home).run("sql", query, "--format", "tsv").out());
        assertEquals("[{\"action\":\"click\",\"n\":2},{\"action\":\"login\",\"n\":1},{\"action\":null,\"n\":1}]",
                new Etl(home).run("sql", query, "--format=json").out().replaceAll("\\s", ""));
    }

    @Test
    void a_write_is_refused_in_one_line_and_changes_nothing() {
        Etl.Result delete = new Etl(home).run("sql", "DELETE FROM actions_taken");

        assertEquals(ExitCodes.USAGE, delete.exitCode(), delete::toString);
        assertEquals("etl: cannot execute DELETE in a read-only transaction\n", delete.err());
        assertEquals("4", count());
    }

    @Test
    void a_write_after_the_transaction_is_refused_too() {
        Etl.Result sneaky = new Etl(home).run("sql", "SELECT 1; COMMIT; DELETE FROM actions_taken");

        assertEquals(ExitCodes.USAGE, sneaky.exitCode(), sneaky::toString);
        assertEquals("etl: cannot execute DELETE in a read-only transaction\n", sneaky.err());
        assertEquals("4", count());
    }

    private static String count() {
        return new Etl(home).run("sql", "SELECT COUNT(*) FROM actions_taken", "--format", "tsv").out().lines().skip(1).findFirst().orElse("");
    }
}
