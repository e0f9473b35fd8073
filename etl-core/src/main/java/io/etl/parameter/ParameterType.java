package io.etl.parameter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a parameter's value is read from text (the command line, a config file) and written back as text
 * (task identity, history). {@code format(parse(s))} is canonical, so two spellings of one value are one task.
 */
public interface ParameterType<T> {

    /** A short name for help and error messages, such as "date" or "integer". */
    String name();

    /** A value that shows the expected form, such as "2026-11-22". */
    String example();

    /** @throws IllegalArgumentException naming what was expected */
    T parse(String text);

    String format(T value);

    Class<T> valueClass();

    ParameterType<String> STRING = of("string", "text", String.class, s -> s, s -> s);

    ParameterType<Integer> INTEGER = of("integer", "42", Integer.class, s -> Integer.parseInt(s.trim()), String::valueOf);

    ParameterType<Long> LONG = of("long", "42", Long.class, s -> Long.parseLong(s.trim()), String::valueOf);

    ParameterType<Boolean> BOOLEAN = of("boolean", "true", Boolean.class, TextParsers::parseBoolean, String::valueOf);

    ParameterType<LocalDate> DATE = of("date", "2026-11-22", LocalDate.class, s -> LocalDate.parse(s.trim()), LocalDate::toString);

    /** An instant in UTC; a date alone means its midnight UTC, a date-time without zone is taken as UTC. */
    ParameterType<Instant> INSTANT = of("date-time", "2026-11-22T10:00:00Z", Instant.class, TextParsers::parseInstant, Instant::toString);

    /** ISO-8601 ({@code PT1H}) or compact ({@code 1h30m}, {@code 2d}, {@code 45s}, {@code 500ms}). */
    ParameterType<Duration> DURATION = of("duration", "1h30m", Duration.class, TextParsers::parseDuration, Duration::toString);

    static <E extends Enum<E>> ParameterType<E> enumeration(Class<E> type) {
        String choices = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
        return of(choices, type.getEnumConstants()[0].name().toLowerCase(Locale.ROOT), type,
                s -> Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_')),
                e -> e.name().toLowerCase(Locale.ROOT));
    }

    static <T> ParameterType<T> of(String name, String example, Class<T> valueClass,
                                   java.util.function.Function<String, T> parser,
                                   java.util.function.Function<T, String> formatter) {
        return new ParameterType<>() {
            @Override public String name() { return name; }
            @Override public String example() { return example; }
            @Override public Class<T> valueClass() { return valueClass; }
            @Override public String format(T value) { return formatter.apply(value); }
            @Override public T parse(String text) {
                try {
                    return parser.apply(text);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("expected " + name + " like " + example + ", got '" + text + "'");
                }
            }
            @Override public String toString() { return name; }
        };
    }
}
