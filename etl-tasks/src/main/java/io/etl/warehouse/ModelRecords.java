package io.etl.warehouse;

import io.etl.task.PermanentFailure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The warehouse's side of the SQL models: the table {@value #TABLE}, one row per model (the build its table holds),
 * and what a model's inputs are at a given moment, read from the same warehouse in SQL that PostgreSQL and Redshift
 * both run.
 */
public final class ModelRecords {

    public static final String TABLE = "etl_models";

    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private final String schema;

    public ModelRecords(String schema) {
        this.schema = schema;
    }

    /** Creates {@value #TABLE} if it is missing (the schema exists: the model's inputs are in it). */
    public void createIfMissing(Connection connection) throws SQLException {
        CreateIfMissing.run(connection, "CREATE TABLE IF NOT EXISTS " + records() + " (\"model\" VARCHAR(127) NOT NULL,"
                + " \"built_at\" TIMESTAMP NOT NULL, \"inputs_version\" VARCHAR(64) NOT NULL, \"sql_hash\" VARCHAR(64) NOT NULL,"
                + " \"rows\" BIGINT NOT NULL, \"run_id\" VARCHAR(64) NOT NULL)");
    }

    /** The build that the model's table holds; none if it was never built or its table is gone. */
    public Optional<ModelRecord> find(Connection connection, String model) throws SQLException, PermanentFailure {
        if (!Grants.readable(connection, schema, TABLE) || !Catalog.tableExists(connection, schema, model)) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT \"built_at\", \"inputs_version\", \"sql_hash\","
                + " \"rows\", \"run_id\" FROM " + records() + " WHERE \"model\" = ?")) {
            select.setString(1, model);
            try (ResultSet found = select.executeQuery()) {
                if (!found.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ModelRecord(model, found.getTimestamp(1, UTC).toInstant(), found.getString(2),
                        found.getString(3), found.getLong(4), found.getString(5)));
            }
        }
    }

    /** Replaces the model's row, in the caller's transaction (the one that swaps its table in). */
    public void replace(Connection connection, ModelRecord record) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + records() + " WHERE \"model\" = ?")) {
            delete.setString(1, record.model());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + records()
                + " (\"model\", \"built_at\", \"inputs_version\", \"sql_hash\", \"rows\", \"run_id\") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.model());
            insert.setTimestamp(2, Timestamp.from(record.builtAt()), UTC);
            insert.setString(3, record.inputsVersion());
            insert.setString(4, record.sqlHash());
            insert.setLong(5, record.rows());
            insert.setString(6, record.runId());
            insert.executeUpdate();
        }
    }

    /**
     * When the ETL last changed its table: its newest load that wrote rows, from the markers of
     * {@value Statements#MARKERS}. A window that held no document writes a marker too, and changes nothing; a full
     * refresh forgets the markers before it, so one of no row changes this as well (to none).
     */
    public Optional<Instant> lastChange(Connection connection, String etl) throws SQLException, PermanentFailure {
        if (!Grants.readable(connection, schema, Statements.MARKERS)) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(\"loaded_at\") FROM "
                + Identifiers.quote(schema) + "." + Identifiers.quote(Statements.MARKERS) + " WHERE \"etl\" = ? AND \"rows_loaded\" > 0")) {
            select.setString(1, etl);
            try (ResultSet last = select.executeQuery()) {
                last.next();
                return Optional.ofNullable(last.getTimestamp(1, UTC)).map(Timestamp::toInstant);
            }
        }
    }

    private String records() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(TABLE);
    }
}
