package io.etl.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Configuration as dotted keys ({@code mongo.uri}), from layers where a later one wins: a properties file,
 * environment variables ({@code ETL_MONGO_URI} is {@code mongo.uri}), then command-line flags; each read as the
 * {@link SettingKey} that declares it, else its default. Values of secret keys (passwords, secrets, tokens) are never
 * printed: {@link #mask} hides them in any text.
 */
public final class Settings {

    public static final String ENVIRONMENT_PREFIX = "ETL_";
    /** Variables of the {@code etl} launcher itself, not settings. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("ETL_CONFIG", "ETL_JAVA_OPTS");
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

    /** One value and where it came from: {@code etl.properties line 3}, {@code environment variable ETL_RETRIES}, {@code --set}. */
    public record Setting(String key, String value, String source) {
    }

    public static Settings empty() {
        return new Settings(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of a setting: its text as set, else its default, read as its type. A blank text is as good as unset
     * (an empty {@code ETL_WAREHOUSE_URL=} in a job's environment).
     *
     * @throws MalformedSettingException if the text is not what the key takes
     */
    public <T> T get(SettingKey<T> key) {
        return set(key.name()).map(setting -> key.parse(setting.value(), setting.source())).orElseGet(key::unset);
    }

    /** Whether the setting is given (not blank) in some layer, rather than left to its default. */
    public boolean isSet(SettingKey<?> key) {
        return set(key.name()).isPresent();
    }

    /** Where the value of a setting comes from: its file and line, variable or flag; {@code default} if unset. */
    public String source(SettingKey<?> key) {
        return set(key.name()).map(Setting::source).orElse("default");
    }

    private Optional<Setting> set(String key) {
        return Optional.ofNullable(values.get(key)).filter(s -> !s.value().isBlank());
    }

    /**
     * Checks every setting given against the declared keys, so that a mistake stops a run before it starts.
     *
     * @throws UnknownSettingException   for a key no one declared, naming the closest declared one
     * @throws MalformedSettingException for a value its key does not take
     */
    public void check(Collection<SettingKey<?>> declared) {
        Map<String, SettingKey<?>> byName = declared.stream()
                .collect(Collectors.toMap(SettingKey::name, Function.identity(), (a, b) -> a));
        values.values().stream().filter(s -> declaration(s.key(), declared).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new UnknownSettingException(unknown.key(), unknown.source(), byName.keySet());
        });
        values.keySet().forEach(key -> get(declaration(key, declared).orElseThrow()));
    }

    /** The key that declares a setting: its own, or the family it is a member of. */
    private static Optional<SettingKey<?>> declaration(String key, Collection<SettingKey<?>> declared) {
        return declared.stream().filter(k -> k.name().equals(key)).findFirst()
                .or(() -> declared.stream().filter(k -> k.covers(key)).findFirst().map(family -> family.member(family.memberName(key))));
    }

    /** The members of a family of settings ({@link SettingKey#family}) that are set, by their last word, in key order. */
    public <T> Map<String, T> members(SettingKey<Optional<T>> family) {
        Map<String, T> members = new LinkedHashMap<>();
        values.keySet().stream().filter(family::covers).sorted().forEach(key ->
                get(family.member(family.memberName(key))).ifPresent(value -> members.put(family.memberName(key), value)));
        return members;
    }

    /** Every member given of a family of settings, as the key of each, for listing them; none for a single setting. */
    public List<SettingKey<?>> memberKeys(SettingKey<?> family) {
        if (!family.isFamily()) {
            return List.of();
        }
        return values.keySet().stream().filter(family::covers).sorted().<SettingKey<?>>map(key -> family.member(family.memberName(key)))
                .toList();
    }

    public Map<String, Setting> all() {
        return values;
    }

    /** A copy with one more value on top of every layer. */
    public Settings with(SettingKey<?> key, String value) {
        return with(key.name(), value);
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

        /** The properties file, if it exists; each value's source is the file and the line of its key. */
        public Builder file(Path path) {
            if (!Files.isRegularFile(path)) {
                return this;
            }
            Properties properties = new Properties();
            List<String> lines;
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read settings file " + path + ": " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(k -> set(k.trim(), properties.getProperty(k).trim(),
                    path + lineOf(k, lines)));
            return this;
        }

        /** " line N" of the last line that sets the key (the one {@link Properties} keeps), or nothing if not found. */
        private static String lineOf(String key, List<String> lines) {
            Pattern setsKey = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*([=:\\s].*)?");
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (setsKey.matcher(lines.get(i)).matches()) {
                    return " line " + (i + 1);
                }
            }
            return "";
        }

        /** Variables named {@code ETL_SOME_KEY} as {@code some.key}, but those of the launcher. */
        public Builder environment(Map<String, String> environment) {
            environment.forEach((name, value) -> {
                if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()
                        && !LAUNCHER_VARIABLES.contains(name)) {
                    String key = name.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                    if (KEY.matcher(key).matches()) {
                        set(key, value, "environment variable " + name);
                    }
                }
            });
            return this;
        }

        public Builder overrides(Map<String, String> overrides) {
            overrides.forEach((k, v) -> set(k, v, "--set"));
            return this;
        }

        public Settings build() {
            return new Settings(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
