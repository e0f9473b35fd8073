package io.etl.warehouse;

import io.etl.task.PermanentFailure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the warehouse user needs, checked before it is used, so that a right that is missing stops the load (or the
 * read) with one line naming the GRANT that gives it, instead of a "permission denied" halfway through. A user with
 * {@code USAGE} and {@code CREATE} on its schema, and nothing on the database, loads: the schema is created only
 * when it does not exist. The same SQL answers in PostgreSQL and Redshift ({@code has_*_privilege}, {@link Catalog}).
 */
final class Grants {

    /** What a load does to each of its tables once they exist: merge the rows, replace the rejects and markers. */
    private static final List<String> TABLE_PRIVILEGES = List.of("SELECT", "INSERT", "DELETE");

    private final Connection connection;
    private final String user;
    private final String schema;

    private Grants(Connection connection, String user, String schema) {
        this.connection = connection;
        this.user = user;
        this.schema = schema;
    }

    private static Grants of(Connection connection, String schema) throws SQLException {
        return new Grants(connection, text(connection, "SELECT current_user"), schema);
    }

    /**
     * Creates the schema of {@code tables} if it is missing, then checks that the user may create those of
     * {@code tables} that are missing, read and write those that exist, and make the load's temporary table.
     *
     * @throws PermanentFailure naming the missing right and its GRANT; no other attempt would have it
     */
    static void require(Connection connection, String schema, List<String> tables) throws SQLException, PermanentFailure {
        Grants grants = of(connection, schema);
        grants.schema();
        for (String table : tables) {
            grants.table(table);
        }
        grants.temporaryTables();
    }

    /**
     * Whether a table exists and, when it does, that the user may read it: {@code USAGE} on its schema and
     * {@code SELECT} on it, what {@code etl audit} and {@code etl status} need, and a run to decide its window.
     *
     * @throws PermanentFailure naming the missing right and its GRANT
     */
    static boolean readable(Connection connection, String schema, String table) throws SQLException, PermanentFailure {
        if (!Catalog.tableExists(connection, schema, table)) {
            return false;
        }
        Grants grants = of(connection, schema);
        grants.usage();
        if (!grants.mayOn(table, "SELECT")) {
            throw grants.refused("may not SELECT on " + schema + "." + table + ": GRANT SELECT ON " + grants.typed(table)
                    + " TO " + grants.grantee());
        }
        return true;
    }

    private void schema() throws SQLException, PermanentFailure {
        String named = Identifiers.typed(schema);
        if (!Catalog.schemaExists(connection, schema)) {
            if (!granted("has_database_privilege(current_database(), 'CREATE')")) {
                throw refused("may not create schema " + schema + " in database " + database()
                        + ": create it as its owner and GRANT USAGE, CREATE ON SCHEMA " + named + " TO " + grantee());
            }
            CreateIfMissing.run(connection, "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
        }
        usage();
    }

    private void usage() throws SQLException, PermanentFailure {
        if (!granted("has_schema_privilege(?, 'USAGE')", schema)) {
            throw refused("may not use schema " + schema + ": GRANT USAGE ON SCHEMA " + Identifiers.typed(schema) + " TO " + grantee());
        }
    }

    private void table(String table) throws SQLException, PermanentFailure {
        if (!Catalog.tableExists(connection, schema, table)) {
            if (!granted("has_schema_privilege(?, 'CREATE')", schema)) {
                throw refused("may not create tables in schema " + schema + ": GRANT CREATE ON SCHEMA "
                        + Identifiers.typed(schema) + " TO " + grantee());
            }
            return;
        }
        for (String privilege : TABLE_PRIVILEGES) {
            if (!mayOn(table, privilege)) {
                throw refused("may not " + privilege + " on " + schema + "." + table + ": GRANT "
                        + String.join(", ", TABLE_PRIVILEGES) + " ON " + typed(table) + " TO " + grantee());
            }
        }
    }

    /** The staging table is temporary: PUBLIC may create them by default, but a database can revoke it. */
    private void temporaryTables() throws SQLException, PermanentFailure {
        if (!granted("has_database_privilege(current_database(), 'TEMP')")) {
            throw refused("may not create temporary tables in database " + database() + ": GRANT TEMP ON DATABASE "
                    + Identifiers.typed(database()) + " TO " + grantee());
        }
    }

    private boolean mayOn(String table, String privilege) throws SQLException {
        return granted("has_table_privilege(?, '" + privilege + "')", Identifiers.quote(schema) + "." + Identifiers.quote(table));
    }

    /** A table of the schema as a GRANT names it. */
    private String typed(String table) {
        return Identifiers.typed(schema) + "." + Identifiers.typed(table);
    }

    private boolean granted(String privilege, String... arguments) throws SQLException {
        return Catalog.found(connection, "SELECT 1 WHERE " + privilege, arguments);
    }

    private String database() throws SQLException {
        return text(connection, "SELECT current_database()");
    }

    private static String text(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet answer = statement.executeQuery(query)) {
            answer.next();
            return answer.getString(1);
        }
    }

    private String grantee() {
        return Identifiers.typed(user);
    }

    private PermanentFailure refused(String what) {
        return new PermanentFailure("user " + user + " " + what);
    }
}
