package io.etl.warehouse;

import java.util.List;
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
    /** The rejects' column of the document's cursor value, which an audit counts by; tables made before it lack it. */
    public static final String REJECT_CURSOR = "document_cursor";
    /** What a table's staging table adds to its name. */
    public static final String STAGING_SUFFIX = "_staging";

    private final Dialect dialect;
    private final Table table;
    private final String staging;
    /** Where a COPY writes, quoted: the staging table, or the table itself ({@link #copyingIntoTable}). */
    private final String copyTarget;

    public Statements(Dialect dialect, Table table) {
        this(dialect, table, table.name() + STAGING_SUFFIX, Identifiers.quote(table.name() + STAGING_SUFFIX));
    }

    private Statements(Dialect dialect, Table table, String staging, String copyTarget) {
        this.dialect = dialect;
        this.table = table;
        this.staging = staging;
        this.copyTarget = copyTarget;
    }

    /**
     * The same statements with the COPY writing straight into the table: for a window loading into an empty table,
     * where there is nothing to replace, so no staging to fill and insert from.
     */
    public Statements copyingIntoTable() {
        return new Statements(dialect, table, staging, table.qualified());
    }

    /** The relation a COPY writes into, quoted. */
    public String copyTarget() {
        return copyTarget;
    }

    /** One row of the table, if it has any. */
    public String anyRow() {
        return "SELECT 1 FROM " + table.qualified() + " LIMIT 1";
    }

    public Table table() {
        return table;
    }

    public String staging() {
        return staging;
    }

    public String createTable() {
        return createTable(List.of(table.key()));
    }

    /** The table, its primary key {@code primaryKey} (which Redshift does not enforce: the merge does). */
    String createTable(List<String> primaryKey) {
        String columns = table.columns().stream()
                .map(c -> Identifiers.quote(c.name()) + " " + c.type().sql() + (primaryKey.contains(c.name()) ? " NOT NULL" : ""))
                .collect(Collectors.joining(", "));
        return "CREATE TABLE IF NOT EXISTS " + table.qualified() + " (" + columns
                + ", PRIMARY KEY (" + primaryKey.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + "))"
                + dialect.tableOptions(table);
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

    public String minCursor() {
        return "SELECT MIN(" + Identifiers.quote(table.cursor()) + ") FROM " + table.qualified();
    }

    /**
     * The rows of a window ({@code lower}, {@code upper}) whose key is not in staging: rows whose documents are gone
     * from the source, when staging holds a complete reading of the window.
     */
    public String deleteMissing() {
        String key = Identifiers.quote(table.key());
        return "DELETE FROM " + table.qualified() + " WHERE " + inRange(table.qualified() + "." + Identifiers.quote(table.cursor()))
                + " AND NOT EXISTS (SELECT 1 FROM " + Identifiers.quote(staging) + " WHERE " + Identifiers.quote(staging) + "." + key
                + " = " + table.qualified() + "." + key + ")";
    }

    /** The table's rows per bucket of the cursor in a range ({@code lower}, {@code upper}): bucket start, count. */
    public String rowsByBucket(String unit) {
        String cursor = Identifiers.quote(table.cursor());
        return "SELECT DATE_TRUNC('" + unit + "', " + cursor + "), COUNT(*) FROM " + table.qualified()
                + " WHERE " + inRange(cursor) + " GROUP BY 1";
    }

    /**
     * The documents of one ETL ({@code etl}) rejected per bucket of their cursor in a range ({@code lower},
     * {@code upper}), less those the table holds (loaded since, or by an earlier version of the document).
     */
    public String rejectsByBucket(String unit) {
        String cursor = "r." + Identifiers.quote(REJECT_CURSOR);
        return "SELECT DATE_TRUNC('" + unit + "', " + cursor + "), COUNT(DISTINCT r.\"document_id\") FROM " + rejects() + " r"
                + " WHERE r.\"etl\" = ? AND " + inRange(cursor) + " AND NOT EXISTS (SELECT 1 FROM " + table.qualified() + " t WHERE "
                + keyText("t") + " = r.\"document_id\") GROUP BY 1";
    }

    /** Rejects of one ETL ({@code etl}) with no cursor value: written before the column was, or of a broken document. */
    public String rejectsWithoutCursor() {
        return "SELECT COUNT(*) FROM " + rejects() + " WHERE \"etl\" = ? AND " + Identifiers.quote(REJECT_CURSOR) + " IS NULL";
    }

    /** The distinct ids of one ETL's ({@code etl}) rejects whose cursor is in a range ({@code lower}, {@code upper}). */
    public String rejectedIdsIn() {
        return "SELECT DISTINCT \"document_id\" FROM " + rejects() + " WHERE \"etl\" = ? AND "
                + inRange(Identifiers.quote(REJECT_CURSOR)) + " AND \"document_id\" IS NOT NULL";
    }

    /**
     * The keys, as text, of the rows whose cursor is in a range ({@code lower}, {@code upper}), in the order MongoDB
     * sorts them: by value for a number, by bytes for a text.
     */
    public String keysIn() {
        String key = Identifiers.quote(table.key());
        boolean text = table.column(table.key()).type().kind() == SqlType.Kind.VARCHAR;
        return "SELECT " + keyText(null) + " FROM " + table.qualified() + " WHERE " + inRange(Identifiers.quote(table.cursor()))
                + " ORDER BY " + (text ? dialect.binaryOrder(key) : key);
    }

    private String keyText(String alias) {
        return "CAST(" + (alias == null ? "" : alias + ".") + Identifiers.quote(table.key()) + " AS VARCHAR(" + REJECT_TEXT_LENGTH + "))";
    }

    private static String inRange(String column) {
        return column + " >= ? AND " + column + " < ?";
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

    /** The markers of one ETL ({@code etl}) given to another (the first {@code etl}): a rebuilt table's, swapped in. */
    public String moveMarkers() {
        return "UPDATE " + markers() + " SET \"etl\" = ? WHERE \"etl\" = ?";
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
                + "\"rejected_at\" TIMESTAMP NOT NULL, " + Identifiers.quote(REJECT_CURSOR) + " TIMESTAMP)";
    }

    /** Gives a rejects table made before {@value #REJECT_CURSOR} existed that column. */
    public String addRejectCursor() {
        return "ALTER TABLE " + rejects() + " ADD COLUMN " + Identifiers.quote(REJECT_CURSOR) + " TIMESTAMP";
    }

    /**
     * The rejects a load of a window replaces ({@code etl}, {@code window_lower}, {@code window_upper}, then the window
     * again for the cursor): those of the same window, and those of any other window whose documents are in it (a
     * repair reloads a bucket of an earlier, larger window).
     */
    public String deleteWindowRejects() {
        return "DELETE FROM " + rejects() + " WHERE \"etl\" = ? AND ((\"window_lower\" = ? AND \"window_upper\" = ?) OR ("
                + inRange(Identifiers.quote(REJECT_CURSOR)) + "))";
    }

    /**
     * The earlier rejects of the documents the COPY loaded ({@code etl}), which its target holds: a document is loaded
     * or rejected, not both.
     */
    public String deleteLoadedRejects() {
        String key = copyTarget + "." + Identifiers.quote(table.key());
        return "DELETE FROM " + rejects() + " USING " + copyTarget + " WHERE " + rejects() + ".\"etl\" = ? AND "
                + rejects() + ".\"document_id\" = CAST(" + key + " AS VARCHAR(" + REJECT_TEXT_LENGTH + "))";
    }

    /** Every reject of an ETL ({@code etl}), for a full refresh. */
    public String deleteAllRejects() {
        return "DELETE FROM " + rejects() + " WHERE \"etl\" = ?";
    }

    /** The rejects of one ETL ({@code etl}) given to another (the first {@code etl}): a rebuilt table's, swapped in. */
    public String moveRejects() {
        return "UPDATE " + rejects() + " SET \"etl\" = ? WHERE \"etl\" = ?";
    }

    /** {@code rows} rejects at once, eleven parameters each. */
    public String insertRejects(int rows) {
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        return "INSERT INTO " + rejects() + " (\"etl\", \"window_lower\", \"window_upper\", \"document_id\", \"field\", "
                + "\"reason\", \"value\", \"document\", \"run_id\", \"rejected_at\", " + Identifiers.quote(REJECT_CURSOR) + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    private String rejects() {
        return Identifiers.quote(table.schema()) + "." + Identifiers.quote(REJECTS);
    }
}
