package io.etl.window;

import io.etl.parameter.ParameterType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a backfill is cut into windows ({@code --chunk}): a number of hours, days, weeks or months. The first chunk
 * starts at the backfill's lower end, each next one where the one before ends (a month at the same day and time of
 * the next month, in UTC), and the last is cut to the upper end; so the same backfill is cut the same way every time,
 * and a run again finds the chunks loaded before.
 */
public record Chunking(long amount, ChronoUnit unit) {

    /** More chunks than this is a mistake of {@code --chunk} or the range, not a backfill anyone runs. */
    public static final long MAX_CHUNKS = 100_000;

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,6})\\s*(h|d|w|mo)\\s*");
    private static final Map<String, ChronoUnit> UNITS = Map.of("h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS,
            "w", ChronoUnit.WEEKS, "mo", ChronoUnit.MONTHS);

    public static final ParameterType<Chunking> TYPE = ParameterType.of("chunk", "1d (or 6h, 7d, 1w, 1mo)", Chunking.class,
            Chunking::parse, Chunking::toString);

    public Chunking {
        if (amount < 1) {
            throw new IllegalArgumentException("a chunk is at least 1 " + unit);
        }
    }

    static Chunking parse(String text) {
        Matcher chunk = TEXT.matcher(text);
        if (!chunk.matches()) {
            throw new IllegalArgumentException(text);
        }
        return new Chunking(Long.parseLong(chunk.group(1)), UNITS.get(chunk.group(2)));
    }

    /**
     * The chunks of {@code range}, in time order.
     *
     * @throws IllegalArgumentException if there would be more than {@value #MAX_CHUNKS}
     */
    public List<Window> windows(Window range) {
        List<Window> chunks = new ArrayList<>();
        for (Instant lower = range.lower(); lower.isBefore(range.upper()); ) {
            if (chunks.size() == MAX_CHUNKS) {
                throw new IllegalArgumentException(range + " in chunks of " + this + " is more than " + MAX_CHUNKS
                        + " chunks: choose longer chunks");
            }
            Instant next = lower.atZone(ZoneOffset.UTC).plus(amount, unit).toInstant();
            Instant upper = next.isBefore(range.upper()) ? next : range.upper();
            chunks.add(Window.of(lower, upper));
            lower = upper;
        }
        return chunks;
    }

    /** The start of the hour, day (for days and weeks) or month in UTC that holds {@code instant}: where chunks may begin. */
    public Instant floor(Instant instant) {
        return switch (unit) {
            case HOURS -> instant.truncatedTo(ChronoUnit.HOURS);
            case MONTHS -> instant.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            default -> instant.truncatedTo(ChronoUnit.DAYS);
        };
    }

    @Override
    public String toString() {
        String suffix = UNITS.entrySet().stream().filter(e -> e.getValue() == unit).findFirst().orElseThrow().getKey();
        return amount + suffix;
    }
}
