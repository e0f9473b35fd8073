package io.etl.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsTest {

    private static final SettingKey<Optional<String>> MONGO_URI = SettingKey.optional("mongo.uri", SettingType.text(), "source");
    private static final SettingKey<String> LAKE_URI = SettingKey.of("lake.uri", SettingType.text(), "local", "lake");
    private static final SettingKey<String> USER = SettingKey.of("warehouse.user", SettingType.text(), "etl", "user");
    private static final SettingKey<Integer> WORKERS = SettingKey.of("workers", SettingType.atLeast(1), "1", "workers");
    private static final SettingKey<Duration> DELAY = SettingKey.of("retry.delay", SettingType.duration(), "5s", "delay");
    private static final List<SettingKey<?>> DECLARED = List.of(MONGO_URI, LAKE_URI, USER, WORKERS, DELAY);

    @TempDir
    Path dir;

    @Test
    void flags_beat_environment_beats_file_beats_defaults() throws Exception {
        Path file = Files.writeString(dir.resolve("etl.properties"), """
                mongo.uri = mongodb://file:27017/app
                lake.uri = s3://file-bucket/lake
                warehouse.user = loader
                """);

        Settings settings = Settings.builder()
                .file(file)
                .environment(Map.of("ETL_LAKE_URI", "s3://env-bucket/lake", "ETL_WAREHOUSE_USER", "env-loader", "PATH", "/usr/bin"))
                .overrides(Map.of("warehouse.user", "flag-loader"))
                .build();

        assertEquals("mongodb://file:27017/app", settings.get(MONGO_URI).orElseThrow());
        assertEquals("s3://env-bucket/lake", settings.get(LAKE_URI));
        assertEquals("flag-loader", settings.get(USER));
        assertEquals(1, settings.get(WORKERS));
        assertEquals("environment variable ETL_LAKE_URI", settings.source(LAKE_URI));
        assertEquals(file + " line 1", settings.source(MONGO_URI));
        assertEquals("default", settings.source(WORKERS));
    }

    @Test
    void a_family_of_settings_knows_each_member_by_its_last_word_and_no_key_below_them() {
        SettingKey<Optional<List<String>>> groups = SettingKey.family("group", SettingType.names(), "groups");
        Settings settings = Settings.builder().overrides(Map.of("group.nightly", "b", "group.hourly", "a, b")).build();

        settings.check(List.of(groups));

        assertEquals(Map.of("hourly", List.of("a", "b"), "nightly", List.of("b")), settings.members(groups));
        assertEquals(List.of("group.hourly", "group.nightly"), settings.memberKeys(groups).stream().map(SettingKey::name).toList());
        UnknownSettingException deeper = assertThrows(UnknownSettingException.class,
                () -> settings.with("group.hourly.extra", "a").check(List.of(groups)));
        assertEquals("unknown setting group.hourly.extra in override ('etl settings' lists them all)", deeper.getMessage());
    }

    @Test
    void a_value_its_key_does_not_take_is_named_with_what_was_expected_and_where_it_came_from() throws Exception {
        Path file = Files.writeString(dir.resolve("etl.properties"), "# comment\n\nworkers = 0\n");

        MalformedSettingException e = assertThrows(MalformedSettingException.class,
                () -> Settings.builder().file(file).build().check(DECLARED));

        assertEquals("setting workers is '0' (" + file + " line 3): expected a whole number of 1 or more", e.getMessage());
    }

    @Test
    void a_negative_duration_is_malformed() {
        Settings settings = Settings.builder().overrides(Map.of("retry.delay", "-5s")).build();

        MalformedSettingException e = assertThrows(MalformedSettingException.class, () -> settings.get(DELAY));

        assertEquals("setting retry.delay is '-5s' (--set): expected a duration of zero or more, such as 5s, 10m or 1h30m",
                e.getMessage());
    }

    @Test
    void an_unknown_key_is_named_with_its_source_and_the_closest_known_one() {
        Settings settings = Settings.builder().environment(Map.of("ETL_MONGO_URL", "mongodb://db/app")).build();

        UnknownSettingException e = assertThrows(UnknownSettingException.class, () -> settings.check(DECLARED));

        assertEquals("unknown setting mongo.url in environment variable ETL_MONGO_URL: did you mean mongo.uri?", e.getMessage());
    }

    @Test
    void the_launchers_own_variables_are_not_settings() {
        Settings settings = Settings.builder()
                .environment(Map.of("ETL_CONFIG", "/etc/etl.properties", "ETL_JAVA_OPTS", "-Xmx2g"))
                .build();

        settings.check(DECLARED);
        assertEquals(Map.of(), settings.all());
    }

    @Test
    void secret_values_are_masked_in_any_text() {
        Settings settings = Settings.builder()
                .environment(Map.of("ETL_WAREHOUSE_PASSWORD", "s3cr3t-pw", "ETL_ALERT_WEBHOOK", "https://hooks.example/T0/B0/xyz"))
                .overrides(Map.of("warehouse.user", "loader"))
                .build();

        assertEquals("connect loader:**** failed, posting to ****",
                settings.mask("connect loader:s3cr3t-pw failed, posting to https://hooks.example/T0/B0/xyz"));
    }

    @Test
    void a_key_that_is_not_dotted_words_is_refused_with_its_source() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.builder().overrides(Map.of("Mongo URI", "x")).build());

        assertEquals("setting 'Mongo URI' (from --set) is not a key of lower-case words joined by dots, such as mongo.uri",
                e.getMessage());
    }

    @Test
    void a_password_inside_a_uri_is_masked_wherever_it_appears() {
        Settings settings = Settings.builder().environment(Map.of("ETL_MONGO_URI", "mongodb://etl:hunter2@db-1:27017/app")).build();

        assertEquals("cannot reach mongodb://etl:****@db-1:27017/app; jdbc:redshift://loader:****@cluster:5439/dw",
                settings.mask("cannot reach " + settings.get(MONGO_URI).orElseThrow()
                        + "; jdbc:redshift://loader:pw@cluster:5439/dw"));
    }
}
