package io.etl.warehouse;

import java.util.Optional;
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

        @Override
        public int varcharLength(String value) {
            return value.codePointCount(0, value.length());
        }

        @Override
        String binaryOrder(String text) {
            return text + " COLLATE \"C\"";
        }

        @Override
        boolean altersInTransaction() {
            return true;
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

        @Override
        public int varcharLength(String value) {
            int bytes = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }

        @Override
        String binaryOrder(String text) {
            return text; // Redshift compares texts by their bytes
        }

        @Override
        boolean altersInTransaction() {
            return false; // ALTER COLUMN … TYPE cannot run inside a transaction block
        }
    };

    /** What follows the column list of CREATE TABLE. */
    abstract String tableOptions(Table table);

    /** A session-private table shaped like {@code like}, gone when the transaction (or session) ends. */
    abstract String temporaryTable(String name, Table like);

    /** An ORDER BY term that sorts a text by its UTF-8 bytes, as MongoDB sorts strings. */
    abstract String binaryOrder(String text);

    /**
     * Whether a load creates and alters its tables in its own transaction; otherwise it does so first, each statement
     * committed on its own, which is harmless if the load then fails: a column added is NULL, a string widened holds
     * what it held, and the next load finds nothing left to change.
     */
    abstract boolean altersInTransaction();

    /** The length of a text as {@code VARCHAR(n)} counts it: characters in PostgreSQL, UTF-8 bytes in Redshift. */
    public abstract int varcharLength(String value);

    /** The longest start of a text that a {@code VARCHAR(length)} holds; null stays null. */
    public String truncated(String value, int length) {
        if (value == null || varcharLength(value) <= length) {
            return value;
        }
        int end = Math.min(value.length(), length);
        while (end > 0 && varcharLength(value.substring(0, end)) > length) {
            end = Math.max(0, end - Math.max(1, (varcharLength(value.substring(0, end)) - length) / 4));
        }
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** The dialect of a JDBC URL: {@code jdbc:redshift:} or {@code jdbc:postgresql:}; empty for any other database. */
    public static Optional<Dialect> find(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:redshift:")) {
            return Optional.of(REDSHIFT);
        }
        return jdbcUrl.startsWith("jdbc:postgresql:") ? Optional.of(POSTGRES) : Optional.empty();
    }

    /** @throws IllegalArgumentException for the URL of another database than Redshift or PostgreSQL */
    public static Dialect of(String jdbcUrl) {
        return find(jdbcUrl).orElseThrow(() -> new IllegalArgumentException("not a Redshift or PostgreSQL JDBC URL"));
    }
}
