package io.etl.warehouse;

import io.etl.tsv.Tsv;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a value can be loaded into a column as it is, checked before the COPY sees it: one value the warehouse
 * would refuse fails the whole COPY, so such a row is rejected with the reason instead. The checks are those of
 * the column's {@link SqlType} in the warehouse's {@link Dialect}, applied to the text the load sends.
 */
public final class ColumnFit {

    private static final Set<String> BOOLEANS = Set.of("true", "false", "t", "f", "1", "0");
    /** What both warehouses' COPY read into TIMESTAMP: the transform's form, up to microseconds. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true).optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final int DECIMAL_SCALE = 10;
    private static final int DECIMAL_INTEGER_DIGITS = 28;

    private ColumnFit() {
    }

    /**
     * @param value the value as the load sends it (null for NULL; a NUL becomes {@value Tsv#NUL_REPLACEMENT})
     * @return why the column cannot hold it, or empty
     */
    public static Optional<String> problem(SqlType type, String value, Dialect dialect) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (type.kind()) {
            case VARCHAR -> varchar(type.length(), value.replace('\0', Tsv.NUL_REPLACEMENT), dialect);
            case BIGINT -> bigint(value);
            case DOUBLE -> doublePrecision(value);
            case DECIMAL -> decimal(value);
            case BOOLEAN -> BOOLEANS.contains(value.toLowerCase(Locale.ROOT)) ? null : "not true or false";
            case TIMESTAMP -> timestamp(value);
        });
    }

    private static String varchar(int length, String value, Dialect dialect) {
        int actual = dialect.varcharLength(value);
        return actual <= length ? null : new TooLong(length, actual, TooLong.unit(dialect)).reason();
    }

    private static String bigint(String value) {
        if (!wholeNumber(value)) {
            return "not a whole number";
        }
        try {
            Long.parseLong(value);
            return null;
        } catch (NumberFormatException e) {
            return "a whole number beyond the range of BIGINT";
        }
    }

    /** {@code -?[0-9]+}, checked by hand: a pattern's matcher for every value was a tenth of a transform's check. */
    private static boolean wholeNumber(String value) {
        int first = value.startsWith("-") ? 1 : 0;
        if (value.length() == first) {
            return false;
        }
        for (int i = first; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String doublePrecision(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value)) && !value.isBlank() ? null : "not a finite number";
        } catch (NumberFormatException e) {
            return "not a number";
        }
    }

    private static String decimal(String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return "not a number";
        }
        if (number.scale() > DECIMAL_SCALE) {
            return "more than " + DECIMAL_SCALE + " decimal places for DECIMAL(38,10)";
        }
        return number.precision() - number.scale() > DECIMAL_INTEGER_DIGITS
                ? "more than " + DECIMAL_INTEGER_DIGITS + " digits before the point for DECIMAL(38,10)" : null;
    }

    private static String timestamp(String value) {
        if (commonTimestamp(value)) {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.parse(value, TIMESTAMP);
            return time.getYear() >= 1 ? null : "a timestamp before the year 1";
        } catch (DateTimeParseException e) {
            return "not a timestamp of the form 2026-11-01 10:00:00";
        }
    }

    /**
     * True for a valid {@code yyyy-MM-dd HH:mm:ss[.ffffff]} of the years 1 to 9999, checked by hand; false for
     * anything else, which the formatter then judges. Parsing every value with the formatter was most of a
     * transform's check.
     */
    private static boolean commonTimestamp(String value) {
        int length = value.length();
        if (length != 19 && (length < 21 || length > 26 || value.charAt(19) != '.')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == ' ';
                case 13, 16 -> c == ':';
                case 19 -> c == '.';
                default -> isDigit(c);
            };
            if (!ok) {
                return false;
            }
        }
        int year = number(value, 0, 4);
        int month = number(value, 5, 7);
        int day = number(value, 8, 10);
        return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))
                && number(value, 11, 13) <= 23 && number(value, 14, 16) <= 59 && number(value, 17, 19) <= 59;
    }

    private static int number(String digits, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + digits.charAt(i) - '0';
        }
        return number;
    }
}
