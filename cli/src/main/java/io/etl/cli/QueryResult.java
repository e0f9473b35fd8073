package io.etl.cli;

import io.etl.parameter.ParameterException;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of one query, read in a READ ONLY transaction that is then rolled back: {@code etl sql} can look at the
 * warehouse but never change it, whatever the query says.
 *
 * @param numeric for each column, whether it holds numbers (printed right-aligned, unquoted in JSON)
 * @param rows    each value as the warehouse prints it, null for SQL NULL
 */
record QueryResult(List<String> columns, List<Boolean> numeric, List<List<String>> rows) {

    private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);

    /**
     * @throws ConfigurationException when the warehouse does not answer or refuses the credentials
     * @throws ParameterException when the query fails or would write: the server's words
     */
    static QueryResult read(Warehouse warehouse, String sql) {
        Connection connection;
        try {
            connection = warehouse.connect();
        } catch (Exception e) {
            throw new ConfigurationException(e.getMessage());
        }
        // BEGIN READ ONLY, said in SQL: both PostgreSQL and Redshift take it, whatever their drivers do with setReadOnly.
        // On PostgreSQL the session is read-only too, so that "…; COMMIT; DELETE …" cannot write after the transaction.
        try (connection; Statement statement = connection.createStatement()) {
            if (warehouse.dialect() == Dialect.POSTGRES) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            statement.execute("BEGIN READ ONLY");
            try {
                if (!statement.execute(sql)) {
                    throw new ParameterException("etl sql runs a query that returns rows, such as SELECT");
                }
                return of(statement.getResultSet());
            } finally {
                statement.execute("ROLLBACK");
            }
        } catch (SQLException e) {
            // PostgreSQL's messages start with its level ("ERROR: "), which says nothing more than the exit code
            throw new ParameterException(String.valueOf(e.getMessage()).replaceFirst("^ERROR: ", "").lines().findFirst().orElse(""));
        }
    }

    private static QueryResult of(ResultSet results) throws SQLException {
        ResultSetMetaData meta = results.getMetaData();
        List<String> columns = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
            numeric.add(NUMBERS.contains(meta.getColumnType(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (results.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                row.add(results.getString(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, numeric, rows);
    }
}
