package io.etl.window;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Objects;

/**
 * A half-open range of time {@code [lower, upper)}: a document exactly at {@code lower} belongs to it, one exactly at
 * {@code upper} to the next window. Re-running one window reads the same documents, so it writes the same output.
 */
public record Window(Instant lower, Instant upper) {

    /**
     * Where "everything" starts: the first date both warehouses and the ISO form hold. A cursor before it (or from the
     * year 10000 on) is counted and named by every extract, as no window can select it.
     */
    public static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    /** Where the dates a window can hold end. */
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    /** Basic ISO-8601 in UTC; the fraction appears only when there is one, so distinct instants never share a name. */
    private static final DateTimeFormatter PATH_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyyMMdd'T'HHmmss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    public Window {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (!lower.isBefore(upper)) {
            throw new IllegalArgumentException("window lower " + lower + " must be before upper " + upper);
        }
    }

    public static Window of(Instant lower, Instant upper) {
        return new Window(lower, upper);
    }

    /** A name fit for a path segment, such as {@code 20261101T000000Z_20261122T010000Z}. */
    public String pathName() {
        return pathTime(lower) + "_" + pathTime(upper);
    }

    /** An instant as it appears in a path segment, such as {@code 20261122T010000Z}. */
    public static String pathTime(Instant instant) {
        return PATH_TIME.format(instant);
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + ")";
    }
}
