package io.etl.config;

import java.util.Optional;

/**
 * One setting, declared once where its concept lives ({@code Warehouse.URL}): its key, what its text must be, its
 * default and what it is for. {@link Settings#get(SettingKey)} gives its typed value; the command line checks every
 * setting given against these declarations before anything runs.
 *
 * @param defaultValue the text used when it is not set; empty for a setting that may stay unset
 * @param secret       its value is never printed
 */
public record SettingKey<T>(String name, SettingType<T> type, Optional<String> defaultValue, String description,
                            boolean secret) {

    public static <T> SettingKey<T> of(String name, SettingType<T> type, String defaultValue, String description) {
        return new SettingKey<>(name, type, Optional.of(defaultValue), description, false);
    }

    /** A setting that may stay unset: its value is then empty. */
    public static <T> SettingKey<Optional<T>> optional(String name, SettingType<T> type, String description) {
        return new SettingKey<>(name, type.optional(), Optional.empty(), description, false);
    }

    /** The same setting, its value never printed. */
    public SettingKey<T> asSecret() {
        return new SettingKey<>(name, type, defaultValue, description, true);
    }

    /** @throws MalformedSettingException naming this key, the text, what was expected and where the text came from */
    T parse(String text, String source) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedSettingException(name, type.expected(), secret ? "****" : text, source);
        }
    }

    T unset() {
        return defaultValue.map(text -> parse(text, "default")).orElseGet(type.unset());
    }
}
