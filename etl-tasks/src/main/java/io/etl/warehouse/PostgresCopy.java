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

/**
 * PostgreSQL: {@code COPY … FROM STDIN} fed from the lake, one part file after another, so an error names its file.
 * The transform writes fields as both warehouses read them (a backslash before a tab, newline, carriage return or
 * backslash of the data, {@code \N} for NULL), which is also valid in COPY's text format.
 */
public final class PostgresCopy implements StagingCopy {

    private final Lake lake;

    public PostgresCopy(Lake lake) {
        this.lake = lake;
    }

    @Override
    public long copy(Connection connection, Statements sql, List<String> parts) throws SQLException, IOException, LoadException {
        String copy = "COPY " + Identifiers.quote(sql.staging()) + " (" + sql.columnList() + ") FROM STDIN";
        var copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        for (String part : parts) {
            try (InputStream in = lake.open(part)) {
                rows += copyManager.copyIn(copy, in, 1 << 16);
            } catch (PSQLException e) {
                throw new LoadException("load of " + lake.objectUri(part) + " failed" + where(e) + ": " + reason(e), e);
            }
        }
        return rows;
    }

    /** " at line 3, column user_id" from the server's CONTEXT ({@code COPY t, line 3, column user_id: "x"}). */
    private static String where(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server == null || server.getWhere() == null) {
            return "";
        }
        var context = java.util.regex.Pattern.compile("line (\\d+)(?:, column ([^:]+))?").matcher(server.getWhere());
        return context.find() ? " at line " + context.group(1) + (context.group(2) != null ? ", column " + context.group(2) : "") : "";
    }

    private static String reason(PSQLException e) {
        ServerErrorMessage server = e.getServerErrorMessage();
        return server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
    }
}
