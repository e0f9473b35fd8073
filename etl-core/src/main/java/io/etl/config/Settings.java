package io.etl.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Configuration as dotted keys ({@code mongo.uri}), from layers where a later one wins: defaults, a properties
 * file, environment variables ({@code ETL_MONGO_URI} is {@code mongo.uri}), then command-line flags. Values of
 * secret keys (passwords, secrets, tokens) are never printed: {@link #mask} hides them in any text.
 */
public final class Settings {

    public static final String ENVIRONMENT_PREFIX = "ETL_";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+)*");
    private static final Pattern URI_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]+:)[^@/\\s]+@");
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|token|credentials|webhook)(\\..*)?");

    private final Map<String, Setting> values;
    private final List<String> secretValues;

    private Settings(Map<String, Setting> values) {
        this.values = values;
        this.secretValues = values.values().stream()
                .filter(s -> isSecret(s.key()) && s.value().length() >= 3)
                .map(Setting::value)
                .toList();
    }

    /** One value and where it came from, for {@code etl config}. */
    public record Setting(String key, String value, String source) {
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(Setting::value).filter(v -> !v.isBlank());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public Map<String, Setting> all() {
        return values;
    }

    /** A copy with one more value on top of every layer. */
    public Settings with(String key, String value) {
        return builder().layer(this).set(key, value, "override").build();
    }

    public static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /** The text with every secret value, and the password of any {@code scheme://user:password@host} URI, as {@code ****}. */
    public String mask(String text) {
        String masked = text;
        for (String secret : secretValues) {
            masked = masked.replace(secret, "****");
        }
        return URI_PASSWORD.matcher(masked).replaceAll("$1****@");
    }

    public static final class Builder {
        private final Map<String, Setting> values = new TreeMap<>();

        private Builder layer(Settings settings) {
            values.putAll(settings.values);
            return this;
        }

        public Builder set(String key, String value, String source) {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("setting '" + key + "' (from " + source
                        + ") is not a key of lower-case words joined by dots, such as mongo.uri");
            }
            values.put(key, new Setting(key, value, source));
            return this;
        }

        public Builder defaults(Map<String, String> defaults) {
            defaults.forEach((k, v) -> set(k, v, "default"));
            return this;
        }

        /** The properties file, if it exists. */
        public Builder file(Path path) {
            if (!Files.isRegularFile(path)) {
                return this;
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read settings file " + path + ": " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(k -> set(k.trim(), properties.getProperty(k).trim(), path.toString()));
            return this;
        }

        /** Variables named {@code ETL_SOME_KEY} as {@code some.key}. */
        public Builder environment(Map<String, String> environment) {
            environment.forEach((name, value) -> {
                if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()) {
                    String key = name.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                    if (KEY.matcher(key).matches()) {
                        set(key, value, "environment " + name);
                    }
                }
            });
            return this;
        }

        public Builder overrides(Map<String, String> overrides) {
            overrides.forEach((k, v) -> set(k, v, "command line"));
            return this;
        }

        public Settings build() {
            return new Settings(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
