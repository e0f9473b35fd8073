package io.etl.warehouse;

import io.etl.lake.Lake;
import io.etl.state.Json;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redshift: a manifest in the lake lists exactly the transform's part files, and one {@code COPY … MANIFEST} loads
 * them in parallel across the cluster's slices. On failure, {@code STL_LOAD_ERRORS} says which file, line, column
 * and why.
 */
public final class RedshiftCopy implements StagingCopy {

    /**
     * The format options, for the lake's TSV: a backslash escapes the character after it, {@code \N} is NULL,
     * timestamps as the transform writes them, no automatic compression or statistics during the load, no error
     * tolerated. The setting {@code warehouse.copy.options} replaces them whole.
     */
    public static final String DEFAULT_OPTIONS = "DELIMITER '\\t' ESCAPE NULL AS '\\\\N' TIMEFORMAT 'YYYY-MM-DD HH:MI:SS' "
            + "COMPUPDATE OFF STATUPDATE OFF MAXERROR 0";

    private final Lake lake;
    private final String manifest;
    private final String iamRole;
    private final String options;

    /** @param manifest where to write the manifest, relative to the lake */
    public RedshiftCopy(Lake lake, String manifest, String iamRole, String options) {
        this.lake = lake;
        this.manifest = manifest;
        this.iamRole = iamRole;
        this.options = options;
    }

    @Override
    public long copy(Connection connection, Statements sql, List<String> parts) throws SQLException, IOException, LoadException {
        lake.write(manifest, manifest(parts));
        try (Statement statement = connection.createStatement()) {
            statement.execute(copyStatement(sql));
            return statement.getUpdateCount();
        } catch (SQLException e) {
            throw new LoadException(loadError(connection, sql, parts).map(refused -> "the warehouse refused " + refused)
                    .orElse("COPY into " + sql.copyTarget() + " failed: " + e.getMessage()), e);
        }
    }

    /** The manifest: every part, mandatory, so a missing file fails the COPY instead of loading less. */
    String manifest(List<String> parts) throws IOException {
        List<Map<String, Object>> entries = parts.stream()
                .<Map<String, Object>>map(part -> Map.of("url", lake.objectUri(part), "mandatory", true))
                .toList();
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("entries", entries));
    }

    String copyStatement(Statements sql) {
        return "COPY " + sql.copyTarget() + " (" + sql.columnList() + ") FROM "
                + Identifiers.literal(lake.objectUri(manifest)) + " IAM_ROLE " + Identifiers.literal(iamRole)
                + " MANIFEST " + options;
    }

    /**
     * The first row of STL_LOAD_ERRORS for this session, read after rolling the failed COPY back: its file, line (a
     * physical line of the file: for a record over several lines, as for JSON, Redshift names one of them), column,
     * reason and value.
     */
    private Optional<String> loadError(Connection connection, Statements sql, List<String> parts) {
        try {
            connection.rollback();
            try (Statement statement = connection.createStatement();
                 ResultSet error = statement.executeQuery("SELECT TRIM(filename), line_number, TRIM(colname), TRIM(err_reason), "
                         + "TRIM(raw_field_value) FROM stl_load_errors WHERE session = pg_backend_pid() ORDER BY starttime DESC LIMIT 1")) {
                if (error.next()) {
                    String file = error.getString(1);
                    long line = error.getLong(2);
                    Optional<String> column = Optional.ofNullable(error.getString(3)).filter(c -> !c.isBlank());
                    String where = parts.stream().filter(part -> lake.objectUri(part).equals(file)).findFirst()
                            .map(part -> RefusedRow.ofLine(lake, part, sql.table(), line, column))
                            .orElse(file + " line " + line + column.map(c -> ", column " + c).orElse(""));
                    return Optional.of(where + ": " + error.getString(4) + " (value: '" + error.getString(5) + "')");
                }
            }
        } catch (SQLException unavailable) {
            // keep the COPY's own message
        }
        return Optional.empty();
    }
}
