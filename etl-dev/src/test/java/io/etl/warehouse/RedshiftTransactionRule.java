package io.etl.warehouse;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What Redshift refuses and PostgreSQL runs, for one connection: {@code ALTER TABLE … ALTER COLUMN … TYPE} inside a
 * transaction block. Such a statement is replaced by one that fails with Redshift's message.
 */
final class RedshiftTransactionRule {

    private static final Pattern ALTER_TYPE = Pattern.compile("(?is)\\s*ALTER\\s+TABLE\\s+.+\\s+ALTER\\s+COLUMN\\s+.+\\s+TYPE\\s+.+");
    static final String REFUSAL = "ALTER TABLE ALTER COLUMN cannot run inside a transaction block";

    private boolean inBlock;

    /** The statement the server runs instead of {@code statement}, sent on this connection. */
    String apply(String statement) {
        String word = statement.strip().toUpperCase(Locale.ROOT);
        if (word.equals("BEGIN") || word.startsWith("BEGIN ") || word.startsWith("START TRANSACTION")) {
            inBlock = true;
        } else if (word.equals("COMMIT") || word.equals("ROLLBACK") || word.equals("END")) {
            inBlock = false;
        } else if (inBlock && ALTER_TYPE.matcher(statement).matches()) {
            return "DO $$ BEGIN RAISE EXCEPTION '" + REFUSAL + "'; END $$";
        }
        return statement;
    }
}
