package io.etl.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@code CREATE … IF NOT EXISTS} of what every ETL's load shares (its schema, {@code etl_loads}, {@code etl_rejects}),
 * committed on its own and tried once more if it fails: two loads creating the same one at once (the ETLs of
 * {@code etl run all} on a new warehouse) fail one of them on PostgreSQL's catalog (a duplicate key), and the second
 * attempt finds it made.
 */
final class CreateIfMissing {

    private CreateIfMissing() {
    }

    /** @param connection in auto-commit mode */
    static void run(Connection connection, String create) throws SQLException {
        try {
            execute(connection, create);
        } catch (SQLException createdMeanwhile) {
            execute(connection, create);
        }
    }

    private static void execute(Connection connection, String create) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(create);
        }
    }
}
