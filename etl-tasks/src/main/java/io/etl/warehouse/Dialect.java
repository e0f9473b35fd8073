package io.etl.warehouse;

import java.util.stream.Collectors;

/** Where the SQL of the two warehouses differs; everything else is {@link Statements}. */
public enum Dialect {

    POSTGRES {
        @Override
        String tableOptions(Table table) {
            return "";
        }

        @Override
        String temporaryTable(String name, Table like) {
            return "CREATE TEMP TABLE " + Identifiers.quote(name) + " (LIKE " + like.qualified() + ") ON COMMIT DROP";
        }
    },

    /** Redshift: informational keys, DISTKEY/SORTKEY, temporary tables that live as long as the session. */
    REDSHIFT {
        @Override
        String tableOptions(Table table) {
            StringBuilder options = new StringBuilder();
            table.distKey().ifPresent(k -> options.append(" DISTSTYLE KEY DISTKEY(").append(Identifiers.quote(k)).append(')'));
            if (!table.sortKey().isEmpty()) {
                options.append(" SORTKEY(").append(table.sortKey().stream().map(Identifiers::quote)
                        .collect(Collectors.joining(", "))).append(')');
            }
            return options.toString();
        }

        @Override
        String temporaryTable(String name, Table like) {
            return "CREATE TEMP TABLE " + Identifiers.quote(name) + " (LIKE " + like.qualified() + ")";
        }
    };

    /** What follows the column list of CREATE TABLE. */
    abstract String tableOptions(Table table);

    /** A session-private table shaped like {@code like}, gone when the transaction (or session) ends. */
    abstract String temporaryTable(String name, Table like);

    /** The dialect of a JDBC URL: {@code jdbc:redshift:} is Redshift, anything else PostgreSQL. */
    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:redshift:") ? REDSHIFT : POSTGRES;
    }
}
