package io.etl.model;

import io.etl.task.PermanentFailure;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * What the warehouse said of a model's SELECT, for the person who wrote it: the file and, where PostgreSQL gives the
 * error's position, the line of the file ({@code models/daily_actions.sql line 4: column "usr" does not exist}).
 */
final class ModelSqlError {

    /**
     * Classes of SQLSTATE that another attempt would meet again: the query's own errors (syntax, names, rights, data,
     * a feature missing), not those of the connection or the server's resources.
     */
    private static final Set<String> QUERY_ERRORS = Set.of("0A", "21", "22", "23", "42");

    private ModelSqlError() {
    }

    /**
     * @param prefix what was sent before the model's SELECT, in characters
     * @return a {@link PermanentFailure} for an error of the query, else {@code error} itself (to be retried)
     */
    static Exception of(Model model, SQLException error, int prefix) {
        String state = error.getSQLState() == null ? "" : error.getSQLState();
        if (!QUERY_ERRORS.contains(state.substring(0, Math.min(2, state.length())))) {
            return error;
        }
        Optional<ServerErrorMessage> server = error instanceof PSQLException psql ? Optional.ofNullable(psql.getServerErrorMessage())
                : Optional.empty();
        String message = server.map(ServerErrorMessage::getMessage).orElseGet(() -> error.getMessage().lines().findFirst().orElse(""));
        int position = server.map(ServerErrorMessage::getPosition).orElse(0) - prefix;
        String where = position > 0 && position <= model.select().length() + 1
                ? " line " + (1 + model.select().substring(0, position - 1).chars().filter(c -> c == '\n').count()) : "";
        return new PermanentFailure(model.file() + where + ": " + message, error);
    }
}
