package io.etl.warehouse;

import io.etl.environment.EtlEnvironment;
import io.etl.testing.TestSettings;
import io.etl.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every catalog of ETLs has an environment of its own, and {@code etl run all} uses them all at once: on the embedded
 * warehouse they must share its one server, not start a second on the same folder, which stopped the first.
 */
class SharedEmbeddedWarehouseTest {

    @TempDir
    Path home;

    @Test
    void two_environments_of_one_state_folder_share_the_embedded_warehouse_until_the_last_is_closed() throws Exception {
        Settings settings = TestSettings.of(home);
        EtlEnvironment first = new EtlEnvironment(settings);
        EtlEnvironment second = new EtlEnvironment(settings);
        execute(first.warehouse(), "CREATE TABLE shared (n INT)", "INSERT INTO shared VALUES (1)");
        long seenBySecond = count(second.warehouse());

        first.close();
        execute(second.warehouse(), "INSERT INTO shared VALUES (2)");
        long afterFirstClosed = count(second.warehouse());
        second.close();

        assertEquals(1, seenBySecond, "the second environment reads what the first wrote: one server");
        assertEquals(2, afterFirstClosed, "closing one environment leaves the server to the other");
        assertFalse(Warehouse.embeddedInUse(settings), "the last one closed stops it");
    }

    private static void execute(Warehouse warehouse, String... statements) throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(Warehouse warehouse) throws Exception {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM shared")) {
            count.next();
            return count.getLong(1);
        }
    }
}
