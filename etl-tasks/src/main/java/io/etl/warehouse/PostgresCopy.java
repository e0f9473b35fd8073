package io.etl.warehouse;

import io.etl.lake.Lake;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: {@code COPY … FROM STDIN} fed from the lake, one part file after another, so an error names its file.
 * The transform writes fields as both warehouses read them (a backslash before a tab, newline, carriage return or
 * backslash of the data, {@code \N} for NULL), which is also valid in COPY's text format.
 */
public final class PostgresCopy implements StagingCopy {

    private static final Pattern CONTEXT = Pattern.compile("line (\\d+)(?:, column ([^:]+))?");

    private final Lake lake;

    public PostgresCopy(Lake lake) {
        this.lake = lake;
    }

    @Override
    public long copy(Connection connection, Statements sql, List<String> parts) throws SQLException, IOException, LoadException {
        String copy = "COPY " + sql.copyTarget() + " (" + sql.columnList() + ") FROM STDIN";
        var copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        for (String part : parts) {
            try (InputStream in = lake.open(part)) {
                rows += copyManager.copyIn(copy, in, 1 << 16);
            } catch (PSQLException e) {
                throw new LoadException("the warehouse refused " + where(e, part, sql.table()) + ": " + reason(e), e);
            }
        }
        return rows;
    }

    /**
     * The row from the server's CONTEXT ({@code COPY t, line 3, column user_id: "x"}), whose "line" is the record's
     * number in this part; the file alone when it gives none.
     */
    private String where(PSQLException e, String part, Table table) {
        ServerErrorMessage server = e.getServerErrorMessage();
        Matcher context = CONTEXT.matcher(server == null || server.getWhere() == null ? "" : server.getWhere());
        if (!context.find()) {
            return lake.objectUri(part);
        }
        return RefusedRow.ofRecord(lake, part, table, Long.parseLong(context.group(1)), Optional.ofNullable(context.group(2)));
    }

    private static String reason(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        return server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
    }
}
