package io.etl.parameter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed, named task parameter, declared once and set from Java or from the command line ({@code --name value}).
 * Significant parameters make up the task's identity; insignificant ones (a batch size, a hint) do not.
 *
 * @param name         lower-case words joined by dashes, as on the command line
 * @param defaultValue used when the parameter is not set; absent and {@code optional} means the value may be missing
 */
public record Parameter<T>(String name, ParameterType<T> type, String description,
                           Optional<T> defaultValue, boolean optional, boolean significant) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Parameter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be lower-case words joined by dashes");
        }
    }

    public static <T> Parameter<T> of(String name, ParameterType<T> type) {
        return new Parameter<>(name, type, "", Optional.empty(), false, true);
    }

    public static Parameter<String> string(String name) { return of(name, ParameterType.STRING); }

    public static Parameter<Integer> integer(String name) { return of(name, ParameterType.INTEGER); }

    public static Parameter<Long> longInteger(String name) { return of(name, ParameterType.LONG); }

    /** A flag: {@code --name} alone means true; absent means false unless another default is given. */
    public static Parameter<Boolean> flag(String name) { return of(name, ParameterType.BOOLEAN).withDefault(false); }

    public static Parameter<LocalDate> date(String name) { return of(name, ParameterType.DATE); }

    public static Parameter<Instant> instant(String name) { return of(name, ParameterType.INSTANT); }

    public static Parameter<Duration> duration(String name) { return of(name, ParameterType.DURATION); }

    public static <E extends Enum<E>> Parameter<E> enumeration(String name, Class<E> type) {
        return of(name, ParameterType.enumeration(type));
    }

    public Parameter<T> describedAs(String text) {
        return new Parameter<>(name, type, text, defaultValue, optional, significant);
    }

    public Parameter<T> withDefault(T value) {
        return new Parameter<>(name, type, description, Optional.of(value), optional, significant);
    }

    /** The value may be left unset; read it with {@link ParameterValues#find}. */
    public Parameter<T> asOptional() {
        return new Parameter<>(name, type, description, defaultValue, true, significant);
    }

    /** Not part of the task's identity: two tasks differing only here are the same task. */
    public Parameter<T> insignificant() {
        return new Parameter<>(name, type, description, defaultValue, optional, false);
    }

    public boolean isFlag() {
        return type == ParameterType.BOOLEAN;
    }

    public boolean required() {
        return !optional && defaultValue.isEmpty();
    }

    public T parse(String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("--" + name + ": " + e.getMessage());
        }
    }

    public String format(Object value) {
        return type.format(type.valueClass().cast(value));
    }
}
