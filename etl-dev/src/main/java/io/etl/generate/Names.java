package io.etl.generate;

import io.etl.warehouse.Statements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    /** Latin letters that no accent removal turns into a, b, c… */
    private static final Map<Integer, String> WRITTEN_OUT = Map.ofEntries(Map.entry((int) 'ß', "ss"),
            Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "AE"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"),
            Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"), Map.entry((int) 'þ', "th"), Map.entry((int) 'Þ', "Th"),
            Map.entry((int) 'ı', "i"));
    private static final int HASH_LENGTH = 8;

    /**
     * PostgreSQL's limit on a name, in bytes (Redshift's is 127): one generated name serves both warehouses, and
     * generated names are ASCII, a byte a character.
     */
    public static final int MAX_NAME_BYTES = 63;

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
     * Lower-case snake: {@code Order Date} and {@code orderDate} are {@code order_date}; a letter with an accent keeps
     * its base letter ({@code café} is {@code cafe}); a leading digit gets a leading {@code _} ({@code 2nd} is
     * {@code _2nd}), as SQL and Java names cannot start with one. Empty when no Latin letter or digit is left.
     */
    public static Optional<String> column(String raw) {
        String snake = snake(latin(raw == null ? "" : raw));
        if (snake.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Character.isDigit(snake.charAt(0)) ? "_" + snake : snake);
    }

    /** The column of a field whose name has no Latin letter or digit: {@code field_} and a hash, the same every time. */
    public static String fallback(String raw) {
        return "field_" + hash(raw);
    }

    /**
     * The ETL's name, which must start with a letter ({@code 2024-orders} is {@code etl_2024_orders}), and leave room
     * in a warehouse name for its staging table's suffix.
     *
     * @throws GenerateException if the collection's name has no Latin letter or digit
     */
    public static String etl(String collection) {
        String column = column(collection).orElseThrow(() -> new GenerateException("collection '" + collection
                + "' has no Latin letter or digit to make a name of; rename it in MongoDB"));
        String name = Character.isLetter(column.charAt(0)) ? column : "etl" + (column.startsWith("_") ? "" : "_") + column;
        return shortened(name, MAX_NAME_BYTES - Statements.STAGING_SUFFIX.length());
    }

    /**
     * {@code name} if it fits in {@code maxLength}, else its start and a hash of the whole name, so that two long
     * names that start alike stay apart.
     */
    /**
     * A snake-case name in the singular, as most English plurals end: {@code updates} → {@code update},
     * {@code categories} → {@code category}; any other name as it is.
     */
    static String singular(String name) {
        if (name.endsWith("ies") && name.length() > 4) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (name.endsWith("s") && !name.endsWith("ss") && name.length() > 1) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    static String shortened(String name, int maxLength) {
        return name.length() <= maxLength ? name : name.substring(0, maxLength - HASH_LENGTH - 1) + "_" + hash(name);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Latin letters without their accents, and the few that do not decompose written out. */
    private static String latin(String raw) {
        String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder latin = new StringBuilder();
        decomposed.codePoints().forEach(c -> latin.append(WRITTEN_OUT.getOrDefault(c, Character.toString(c))));
        return latin.toString();
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
