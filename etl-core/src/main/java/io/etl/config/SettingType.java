package io.etl.config;

import io.etl.parameter.ParameterType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the text of a setting must be, and the value it becomes.
 *
 * @param expected what a valid text looks like, for messages: "a whole number of 1 or more"
 * @param parser   the value of a text; throws any runtime exception for a text that is not valid
 * @param unset    the value of a setting neither set nor defaulted (only optional settings have one)
 */
public record SettingType<T>(String expected, Function<String, T> parser, Supplier<T> unset) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(-[a-z0-9_]+)*");

    public static SettingType<String> text() {
        return of("text", Function.identity());
    }

    /** Names of tasks separated by commas, at least one: {@code actions_taken, updates}. */
    public static SettingType<List<String>> names() {
        return of("names of lower-case letters, digits, '_' or '-', separated by commas", text -> Arrays.stream(text.split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList())
                .requiring(names -> !names.isEmpty() && names.stream().allMatch(name -> NAME.matcher(name).matches()));
    }

    public static SettingType<Path> path() {
        return of("a path", Path::of);
    }

    public static SettingType<Boolean> bool() {
        return of("true or false", text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        });
    }

    public static SettingType<Integer> atLeast(int minimum) {
        return of("a whole number of " + minimum + " or more", text -> Integer.parseInt(text.trim()))
                .requiring(n -> n >= minimum);
    }

    /** A duration that is not negative: {@code 5m}, {@code 90s}, {@code 1h30m}, {@code PT5M}, {@code 0s}. */
    public static SettingType<Duration> duration() {
        return of("a duration of zero or more, such as 5s, 10m or 1h30m", ParameterType.DURATION::parse)
                .requiring(d -> !d.isNegative());
    }

    public static SettingType<Duration> positiveDuration() {
        return of("a positive duration, such as 3s or 1m", ParameterType.DURATION::parse)
                .requiring(d -> !d.isNegative() && !d.isZero());
    }

    public static <T> SettingType<T> of(String expected, Function<String, T> parser) {
        return new SettingType<>(expected, parser, () -> {
            throw new IllegalStateException("a setting of " + expected + " needs a default");
        });
    }

    /** @throws IllegalArgumentException if the text is not valid */
    public T parse(String text) {
        try {
            return parser.apply(text);
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException(expected, invalid);
        }
    }

    /** The same type, with values outside {@code valid} refused. */
    public SettingType<T> requiring(Predicate<T> valid) {
        return new SettingType<>(expected, parser.andThen(value -> {
            if (!valid.test(value)) {
                throw new IllegalArgumentException(String.valueOf(value));
            }
            return value;
        }), unset);
    }

    /** The same type, described otherwise in messages. */
    public SettingType<T> described(String otherwise) {
        return new SettingType<>(otherwise, parser, unset);
    }

    /** The same type for a setting that may be left unset: empty then. */
    SettingType<Optional<T>> optional() {
        return new SettingType<>(expected, parser.andThen(Optional::of), Optional::empty);
    }
}
