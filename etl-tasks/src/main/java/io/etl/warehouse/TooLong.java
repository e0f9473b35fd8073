package io.etl.warehouse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value longer than its VARCHAR column, as a reject's reason says it ({@code longer than VARCHAR(256): 300 bytes}),
 * written by {@link ColumnFit} and read back from the rejects to propose a width.
 *
 * @param declared the column's length
 * @param actual   the value's length, in the warehouse's unit
 * @param unit     "bytes" (Redshift) or "characters" (PostgreSQL): what the warehouse counts a VARCHAR's length in
 */
public record TooLong(int declared, int actual, String unit) {

    private static final Pattern REASON = Pattern.compile("longer than VARCHAR\\((\\d+)\\): (\\d+) (bytes|characters)");

    /** What a dialect counts a VARCHAR's length in. */
    static String unit(Dialect dialect) {
        return dialect == Dialect.REDSHIFT ? "bytes" : "characters";
    }

    /** The reason of a reject for it; empty if the reason is another. */
    public static Optional<TooLong> in(String reason) {
        Matcher matcher = REASON.matcher(reason);
        return matcher.matches() ? Optional.of(new TooLong(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                matcher.group(3))) : Optional.empty();
    }

    String reason() {
        return "longer than VARCHAR(" + declared + "): " + actual + " " + unit;
    }
}
