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

    /** What stands for the last word of the members' keys in a family's own name: {@code group.<name>}. */
    private static final String FAMILY_MEMBER = ".<name>";

    public static <T> SettingKey<T> of(String name, SettingType<T> type, String defaultValue, String description) {
        return new SettingKey<>(name, type, Optional.of(defaultValue), description, false);
    }

    /** A setting that may stay unset: its value is then empty. */
    public static <T> SettingKey<Optional<T>> optional(String name, SettingType<T> type, String description) {
        return new SettingKey<>(name, type.optional(), Optional.empty(), description, false);
    }

    /**
     * A family of settings of one kind, each named by its last word: {@code family("group", …)} declares
     * {@code group.hourly}, {@code group.nightly}…, all of which are then known. Its own name is {@code group.<name>}.
     */
    public static <T> SettingKey<Optional<T>> family(String prefix, SettingType<T> type, String description) {
        return new SettingKey<>(prefix + FAMILY_MEMBER, type.optional(), Optional.empty(), description, false);
    }

    /** Whether this declares a family of settings ({@link #family}) rather than one. */
    public boolean isFamily() {
        return name.endsWith(FAMILY_MEMBER);
    }

    /** Whether {@code key} is this setting, or a member of this family. */
    boolean covers(String key) {
        if (!isFamily()) {
            return name.equals(key);
        }
        return key.startsWith(familyPrefix()) && key.indexOf('.', familyPrefix().length()) < 0;
    }

    /** The member {@code hourly} of family {@code group.<name>}: {@code group.hourly}, of the same type and purpose. */
    public SettingKey<T> member(String memberName) {
        return new SettingKey<>(familyPrefix() + memberName, type, defaultValue, description, secret);
    }

    /** The name of a member of this family without the family's prefix: {@code hourly} of {@code group.hourly}. */
    String memberName(String key) {
        return key.substring(familyPrefix().length());
    }

    private String familyPrefix() {
        return name.substring(0, name.length() - FAMILY_MEMBER.length() + 1);
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
