package io.etl.warehouse;

/**
 * Identifiers in SQL: always quoted, so any name a collection or field has (capitals, dots, spaces, reserved words)
 * is safe, and nothing from data or parameters is ever spliced into a statement unquoted.
 */
public final class Identifiers {

    /** Redshift's limit, in bytes; PostgreSQL's is lower (63) and checked by the dialect that needs it. */
    private static final int MAX_BYTES = 127;

    private Identifiers() {
    }

    /** {@code "name"}, with any double quote doubled. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A name as a person types it into SQL: bare when it is lower case, letters, digits and '_'; else quoted. */
    public static String typed(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : quote(name);
    }

    /** {@code 'text'}, with any single quote doubled: for the few places SQL takes a literal and no parameter. */
    public static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a SQL literal cannot hold a NUL character");
        }
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** @throws IllegalArgumentException naming what is wrong with the name */
    static void check(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name must not be empty");
        }
        if (name.indexOf('\0') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " name '" + name.replaceAll("\\p{Cntrl}", "?") + "' holds a control character");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(what + " name '" + name + "' is longer than " + MAX_BYTES + " bytes");
        }
    }
}
