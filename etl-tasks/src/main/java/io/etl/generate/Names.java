package io.etl.generate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a collection or field is called in MongoDB (any text: dots, dashes, spaces, capitals, leading digits,
 * reserved words) into the names of the generated ETL: lower-case snake for the ETL and its columns, and names that
 * Java accepts where the snake name would be a keyword there (Pig's names are {@link io.etl.transform.PigNames}').
 */
public final class Names {

    private static final Pattern CAMEL_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

    /** Java's keywords and literals: a package segment cannot be one. */
    private static final Set<String> JAVA_RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "true", "false", "null", "var", "record", "yield", "sealed", "permits", "non_sealed");

    private Names() {
    }

    /**
     * Lower-case snake: {@code Order Date} and {@code orderDate} are {@code order_date}; a leading digit gets a
     * leading {@code _} ({@code 2nd} is {@code _2nd}), as SQL and Java names cannot start with one.
     *
     * @throws GenerateException if nothing usable is left (an empty name, or only symbols)
     */
    public static String column(String raw, String what) {
        String snake = snake(raw);
        if (snake.isEmpty()) {
            throw new GenerateException(what + " '" + raw + "' has no letter or digit to make a name of;"
                    + " rename it in MongoDB or leave it out");
        }
        return Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
    }

    /** The ETL's name, which must start with a letter: {@code 2024-orders} is {@code etl_2024_orders}. */
    public static String etl(String collection) {
        String column = column(collection, "collection");
        return Character.isLetter(column.charAt(0)) ? column : "etl" + (column.startsWith("_") ? "" : "_") + column;
    }

    /** A package segment: the ETL's name unless Java reserves it ({@code class} is {@code class_}). */
    public static String javaPackage(String etl) {
        return JAVA_RESERVED.contains(etl) ? etl + "_" : etl;
    }

    /** {@code order_items} is {@code OrderItems}; an ETL name starts with a letter, so this is a valid class name. */
    public static String javaClass(String etl) {
        StringBuilder name = new StringBuilder();
        for (String part : etl.split("_")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static String snake(String raw) {
        String words = CAMEL_BOUNDARY.matcher(raw == null ? "" : raw).replaceAll("_");
        String underscored = NOT_ALPHANUMERIC.matcher(words).replaceAll("_");
        return EDGE_UNDERSCORES.matcher(underscored).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
