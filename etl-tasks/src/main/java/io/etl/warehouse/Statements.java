package io.etl.warehouse;

import java.util.stream.Collectors;

/**
 * The SQL of a load, for one table in one dialect. Identifiers are always quoted; values always travel as
 * parameters ({@code ?}), never in the text.
 */
public final class Statements {

    /** The load-marker table: one row per window loaded, written in the same transaction as the rows. */
    public static final String MARKERS = "etl_loads";
    /** The documents a window could not load, and why: replaced with the window's rows, in the same transaction. */
    public static final String REJECTS = "etl_rejects";
    /** The longest text {@value #REJECTS} keeps of a document (Redshift's longest VARCHAR, in bytes). */
    public static final int REJECTED_DOCUMENT_LENGTH = SqlType.MAX_VARCHAR;
    /** The longest text it keeps of a document id, a field, a reason or a value. */
    public static final int REJECT_TEXT_LENGTH = 1024;

    private final Dialect dialect;
    private final Table table;
    private final String staging;

    public Statements(Dialect dialect, Table table) {
        this.dialect = dialect;
        this.table = table;
        this.staging = table.name() + "_staging";
    }

    public Table table() {
        return table;
    }

    public String staging() {
        return staging;
    }

    public String createSchema() {
        return "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(table.schema());
    }

    public String createTable() {
        String columns = table.columns().stream()
                .map(c -> Identifiers.quote(c.name()) + " " + c.type().sql() + (c.name().equals(table.key()) ? " NOT NULL" : ""))
                .collect(Collectors.joining(", "));
        return "CREATE TABLE IF NOT EXISTS " + table.qualified() + " (" + columns
                + ", PRIMARY KEY (" + Identifiers.quote(table.key()) + "))" + dialect.tableOptions(table);
    }

    public String createStaging() {
        return dialect.temporaryTable(staging, table);
    }

    /** The rows of the target whose key is in staging: their older versions, replaced by the insert that follows. */
    public String deleteReplaced() {
        String key = Identifiers.quote(table.key());
        return "DELETE FROM " + table.qualified() + " USING " + Identifiers.quote(staging)
                + " WHERE " + table.qualified() + "." + key + " = " + Identifiers.quote(staging) + "." + key;
    }

    public String insertFromStaging() {
        String columns = columnList();
        return "INSERT INTO " + table.qualified() + " (" + columns + ") SELECT " + columns + " FROM " + Identifiers.quote(staging);
    }

    public String countStaging() {
        return "SELECT COUNT(*) FROM " + Identifiers.quote(staging);
    }

    /** For a full refresh, in the load's transaction (Redshift's TRUNCATE would commit on its own). */
    public String deleteAll() {
        return "DELETE FROM " + table.qualified();
    }

    public String maxCursor() {
        return "SELECT MAX(" + Identifiers.quote(table.cursor()) + ") FROM " + table.qualified();
    }

    public String count() {
        return "SELECT COUNT(*) FROM " + table.qualified();
    }

    /** {@code "a", "b", …} in load order: the order of the transform's columns. */
    public String columnList() {
        return table.columnNames().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    public String createMarkers() {
        return "CREATE TABLE IF NOT EXISTS " + markers() + " ("
                + "\"etl\" VARCHAR(127) NOT NULL, \"window_lower\" TIMESTAMP NOT NULL, \"window_upper\" TIMESTAMP NOT NULL, "
                + "\"run_id\" VARCHAR(64) NOT NULL, \"rows_matched\" BIGINT, \"rows_extracted\" BIGINT, "
                + "\"rows_transformed\" BIGINT, \"rows_rejected\" BIGINT, \"rows_loaded\" BIGINT, \"rows_new\" BIGINT, "
                + "\"loaded_at\" TIMESTAMP NOT NULL)";
    }

    public String insertMarker() {
        return "INSERT INTO " + markers() + " (\"etl\", \"window_lower\", \"window_upper\", \"run_id\", \"rows_matched\", "
                + "\"rows_extracted\", \"rows_transformed\", \"rows_rejected\", \"rows_loaded\", \"rows_new\", \"loaded_at\") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** A marker of the window written at or after an instant: a reload's own, not the load before it. */
    public String findMarker() {
        return "SELECT \"run_id\" FROM " + markers() + " WHERE \"etl\" = ? AND \"window_lower\" = ? AND \"window_upper\" = ?"
                + " AND \"loaded_at\" >= ?";
    }

    /** The windows of one ETL in the order they were loaded (a window reloaded appears again). */
    public static String loadedWindows(String schema) {
        return "SELECT \"window_lower\", \"window_upper\" FROM " + markers(schema) + " WHERE \"etl\" = ?"
                + " ORDER BY \"loaded_at\", \"window_lower\"";
    }

    public String deleteMarkers() {
        return "DELETE FROM " + markers() + " WHERE \"etl\" = ?";
    }

    private String markers() {
        return markers(table.schema());
    }

    private static String markers(String schema) {
        return Identifiers.quote(schema) + "." + Identifiers.quote(MARKERS);
    }

    public String createRejects() {
        String text = "VARCHAR(" + REJECT_TEXT_LENGTH + ")";
        return "CREATE TABLE IF NOT EXISTS " + rejects() + " ("
                + "\"etl\" VARCHAR(127) NOT NULL, \"window_lower\" TIMESTAMP NOT NULL, \"window_upper\" TIMESTAMP NOT NULL, "
                + "\"document_id\" " + text + ", \"field\" " + text + ", \"reason\" " + text + ", \"value\" " + text + ", "
                + "\"document\" VARCHAR(" + REJECTED_DOCUMENT_LENGTH + "), \"run_id\" VARCHAR(64) NOT NULL, "
                + "\"rejected_at\" TIMESTAMP NOT NULL)";
    }

    /** The rejects of one window ({@code etl}, {@code window_lower}, {@code window_upper}): a reload replaces them. */
    public String deleteWindowRejects() {
        return "DELETE FROM " + rejects() + " WHERE \"etl\" = ? AND \"window_lower\" = ? AND \"window_upper\" = ?";
    }

    /** The earlier rejects of the documents staging now loads ({@code etl}): a document is loaded or rejected, not both. */
    public String deleteLoadedRejects() {
        String key = Identifiers.quote(staging) + "." + Identifiers.quote(table.key());
        return "DELETE FROM " + rejects() + " USING " + Identifiers.quote(staging) + " WHERE " + rejects() + ".\"etl\" = ? AND "
                + rejects() + ".\"document_id\" = CAST(" + key + " AS VARCHAR(" + REJECT_TEXT_LENGTH + "))";
    }

    /** Every reject of an ETL ({@code etl}), for a full refresh. */
    public String deleteAllRejects() {
        return "DELETE FROM " + rejects() + " WHERE \"etl\" = ?";
    }

    /** {@code rows} rejects at once, ten parameters each. */
    public String insertRejects(int rows) {
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        return "INSERT INTO " + rejects() + " (\"etl\", \"window_lower\", \"window_upper\", \"document_id\", \"field\", "
                + "\"reason\", \"value\", \"document\", \"run_id\", \"rejected_at\") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    private String rejects() {
        return Identifiers.quote(table.schema()) + "." + Identifiers.quote(REJECTS);
    }
}
