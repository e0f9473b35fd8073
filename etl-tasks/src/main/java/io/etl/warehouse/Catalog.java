package io.etl.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What exists in the warehouse, asked in SQL that PostgreSQL and Redshift both answer (the Redshift driver's metadata
 * calls do not work everywhere). Schemas and tables are looked up in the system catalog, which shows them whatever
 * the user may do with them: {@code information_schema} hides what the user has no right on, and a table that
 * seems missing would be created again, or read as empty.
 */
final class Catalog {

    private Catalog() {
    }

    static boolean schemaExists(Connection connection, String schema) throws SQLException {
        return found(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema);
    }

    static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        return found(connection, "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ?", schema, table);
    }

    static boolean hasColumn(Connection connection, String schema, String table, String column) throws SQLException {
        return found(connection, "SELECT 1 FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " AND column_name = ?", schema, table, column);
    }

    /** The table's columns, in their order; none if it does not exist. */
    static List<WarehouseColumn> columns(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("SELECT column_name, data_type, character_maximum_length"
                + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            find.setString(1, schema);
            find.setString(2, table);
            List<WarehouseColumn> columns = new ArrayList<>();
            try (ResultSet found = find.executeQuery()) {
                while (found.next()) {
                    columns.add(new WarehouseColumn(found.getString(1), found.getString(2), found.getInt(3)));
                }
            }
            return columns;
        }
    }

    /** Whether {@code query}, its {@code ?} set to {@code arguments} in order, returns a row. */
    static boolean found(Connection connection, String query, String... arguments) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(query)) {
            for (int i = 0; i < arguments.length; i++) {
                find.setString(i + 1, arguments[i]);
            }
            try (ResultSet found = find.executeQuery()) {
                return found.next();
            }
        }
    }
}
