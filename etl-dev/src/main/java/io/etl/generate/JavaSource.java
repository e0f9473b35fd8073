package io.etl.generate;

import io.etl.warehouse.SqlType;

/** Java source text for values the generated class holds. */
final class JavaSource {

    private JavaSource() {
    }

    /**
     * A string literal of any text. Control characters become octal escapes, never {@code \\u} ones, which the
     * compiler would decode before reading the literal.
     */
    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                literal.append(String.format("\\%03o", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    /** The factory call that makes the type: {@code SqlType.varchar(64)}. */
    static String sqlType(SqlType type) {
        return "SqlType." + switch (type.kind()) {
            case VARCHAR -> "varchar(" + type.length() + ")";
            case BIGINT -> "bigint()";
            case DOUBLE -> "doublePrecision()";
            case BOOLEAN -> "bool()";
            case TIMESTAMP -> "timestamp()";
            case DECIMAL -> "decimal()";
        };
    }
}
