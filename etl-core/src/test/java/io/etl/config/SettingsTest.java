package io.etl.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsTest {

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
                .defaults(Map.of("mongo.uri", "embedded", "lake.uri", "local", "warehouse.user", "etl", "workers", "1"))
                .file(file)
                .environment(Map.of("ETL_LAKE_URI", "s3://env-bucket/lake", "ETL_WAREHOUSE_USER", "env-loader", "PATH", "/usr/bin"))
                .overrides(Map.of("warehouse.user", "flag-loader"))
                .build();

        assertEquals("mongodb://file:27017/app", settings.get("mongo.uri").orElseThrow());
        assertEquals("s3://env-bucket/lake", settings.get("lake.uri").orElseThrow());
        assertEquals("flag-loader", settings.get("warehouse.user").orElseThrow());
        assertEquals("1", settings.get("workers").orElseThrow());
        assertEquals("environment ETL_LAKE_URI", settings.all().get("lake.uri").source());
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

        assertEquals("setting 'Mongo URI' (from command line) is not a key of lower-case words joined by dots, such as mongo.uri",
                e.getMessage());
    }

    @Test
    void a_password_inside_a_uri_is_masked_wherever_it_appears() {
        Settings settings = Settings.builder().environment(Map.of("ETL_MONGO_URI", "mongodb://etl:hunter2@db-1:27017/app")).build();

        assertEquals("cannot reach mongodb://etl:****@db-1:27017/app; jdbc:redshift://loader:****@cluster:5439/dw",
                settings.mask("cannot reach " + settings.get("mongo.uri").orElseThrow()
                        + "; jdbc:redshift://loader:pw@cluster:5439/dw"));
    }
}
