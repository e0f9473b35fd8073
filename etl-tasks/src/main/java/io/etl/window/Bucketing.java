package io.etl.window;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calendar buckets of the cursor, in UTC, as an audit counts by: an hour, a day or a month. The warehouses truncate
 * with {@code DATE_TRUNC} of the same unit, so both sides put a date in the same bucket.
 */
public enum Bucketing {
    HOUR(ChronoUnit.HOURS, "yyyy-MM-dd HH:00"),
    DAY(ChronoUnit.DAYS, "yyyy-MM-dd"),
    MONTH(ChronoUnit.MONTHS, "yyyy-MM");

    private final ChronoUnit unit;
    private final DateTimeFormatter label;

    Bucketing(ChronoUnit unit, String label) {
        this.unit = unit;
        this.label = DateTimeFormatter.ofPattern(label).withZone(ZoneOffset.UTC);
    }

    /** The bucket that holds {@code instant}, as a person names it: {@code 2026-10-15}, {@code 2026-10-15 13:00}. */
    public String label(Instant instant) {
        return label.format(instant);
    }

    /** The unit as {@code DATE_TRUNC} names it: {@code hour}, {@code day}, {@code month}. */
    public String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start of the bucket that holds {@code instant}. */
    public Instant floor(Instant instant) {
        ZonedDateTime time = instant.atZone(ZoneOffset.UTC);
        return (this == MONTH ? time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS) : time.truncatedTo(unit)).toInstant();
    }

    /** The start of the bucket after the one that holds {@code instant}. */
    public Instant next(Instant instant) {
        return floor(instant).atZone(ZoneOffset.UTC).plus(1, unit).toInstant();
    }

    /** The buckets that meet {@code range}, in time order, the first and last cut to it. */
    public List<Window> buckets(Window range) {
        List<Window> buckets = new ArrayList<>();
        for (Instant lower = range.lower(); lower.isBefore(range.upper()); ) {
            Instant upper = next(lower).isBefore(range.upper()) ? next(lower) : range.upper();
            buckets.add(Window.of(lower, upper));
            lower = upper;
        }
        return buckets;
    }

    /** How many buckets {@link #buckets} would give, without making them. */
    public long count(Window range) {
        Instant first = floor(range.lower());
        Instant last = floor(range.upper().minusNanos(1));
        return unit.between(first.atZone(ZoneOffset.UTC), last.atZone(ZoneOffset.UTC)) + 1;
    }
}
