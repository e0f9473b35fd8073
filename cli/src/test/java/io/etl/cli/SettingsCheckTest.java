package io.etl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.etl.config.SettingKey;
import io.etl.state.Json;
import io.etl.warehouse.EmbeddedWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting is checked before anything runs: an unknown key or a value its key does not take stops any command
 * with exit 5 and one line that says what to fix, and a real warehouse is never loaded from the sample source.
 */
class SettingsCheckTest {

    /**
     * Texts that some type of setting refuses: a word, a negative duration, zero, a path no file system takes, a URL
     * of a scheme no setting takes.
     */
    private static final List<String> MALFORMED = List.of("abc", "-5s", "0", "-1", "nul\0in a path", "ftp://host/folder");

    @TempDir
    Path home;

    private Etl etl() {
        return new Etl(home);
    }

    @Test
    void every_declared_setting_given_a_malformed_value_exits_5_naming_it_in_one_line() {
        List<SettingKey<?>> declared = CliEnvironment.of(GlobalOptions.parse(new String[]{"--home", home.toString()}), Map.of())
                .settingKeys();
        int checked = 0;
        for (SettingKey<?> key : declared) {
            Optional<String> malformed = MALFORMED.stream().filter(text -> refuses(key, text)).findFirst();
            if (malformed.isEmpty()) {
                // free text: any value is one (a user name, a schema, a region)
                assertEquals("text", key.type().expected(), key.name() + " refuses none of " + MALFORMED);
                continue;
            }
            String name = key.isFamily() ? key.member("test").name() : key.name();
            Etl.Result list = etl().run("list", "--set", name + "=" + malformed.get());

            assertEquals(ExitCodes.CONFIGURATION_ERROR, list.exitCode(), list::toString);
            assertEquals(1, list.err().lines().count(), list::toString);
            assertTrue(list.err().startsWith("etl: setting " + name + " is '") && list.err().contains("(--set): expected "),
                    list::toString);
            assertFalse(list.err().contains("Exception"), list::toString);
            assertEquals("", list.out(), list::toString);
            checked++;
        }
        assertTrue(checked >= 20, "only " + checked + " settings can be malformed");
    }

    private static boolean refuses(SettingKey<?> key, String text) {
        try {
            key.type().parse(text);
            return false;
        } catch (IllegalArgumentException refused) {
            return true;
        }
    }

    @Test
    void the_values_of_the_issue_exit_5_with_what_is_expected() {
        assertEquals("etl: setting retries is 'abc' (--set): expected a whole number of 0 or more\n",
                etl().run("run", "node", "--name", "ok", "--set", "retries=abc").err());
        assertEquals("etl: setting retry.delay is '-5s' (--set): expected a duration of zero or more, such as 5s, 10m or 1h30m\n",
                etl().run("run", "node", "--name", "ok", "--set", "retry.delay=-5s").err());
        assertEquals("etl: setting etls.path is '/nowhere' (--set): expected jar files or folders of jars that exist, separated"
                + " by commas\n", etl().run("list", "--set", "etls.path=/nowhere").err());
        assertEquals("etl: setting mongo.uri is 'mongo://db/app' (--set): expected a MongoDB URI with a database, such as"
                + " mongodb://host:27017/app\n", etl().run("list", "--set", "mongo.uri=mongo://db/app").err());
        assertEquals("etl: setting warehouse.url is 'jdbc:mysql://db/dw' (--set): expected a JDBC URL of Redshift"
                        + " (jdbc:redshift://host:5439/db) or PostgreSQL (jdbc:postgresql://host:5432/db)\n",
                etl().run("list", "--set", "warehouse.url=jdbc:mysql://db/dw").err());
    }

    @Test
    void the_flag_of_a_setting_takes_what_the_setting_takes_and_anything_else_is_bad_usage() {
        Etl.Result run = etl().run("run", "node", "--name", "ok", "--retry-delay", "-5s");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("etl: --retry-delay is '-5s': expected a duration of zero or more, such as 5s, 10m or 1h30m\n", run.err());
    }

    @Test
    void a_malformed_value_in_a_file_names_the_file_and_line_and_a_secret_value_is_not_shown() throws Exception {
        Path file = Files.writeString(home.resolve("etl.properties"), "# the job's settings\nworkers = 2\nalert.webhook = hooks.example/T0/secret\n");

        Etl.Result list = etl().run("list", "--config", file.toString());

        assertEquals(ExitCodes.CONFIGURATION_ERROR, list.exitCode(), list::toString);
        assertEquals("etl: setting alert.webhook is '****' (" + file + " line 3): expected an http(s) URL, such as a Slack incoming"
                + " webhook\n", list.err());
    }

    @Test
    void an_unknown_key_in_a_file_names_its_line_and_the_closest_known_key() throws Exception {
        Path file = Files.writeString(home.resolve("etl.properties"), "workers = 2\n\nmongo.url = mongodb://db:27017/app\n");

        Etl.Result list = etl().run("list", "--config", file.toString());

        assertEquals(ExitCodes.CONFIGURATION_ERROR, list.exitCode(), list::toString);
        assertEquals("etl: unknown setting mongo.url in " + file + " line 3: did you mean mongo.uri?\n", list.err());
    }

    @Test
    void an_unknown_key_in_set_or_in_an_etl_variable_is_named_with_the_closest_known_key() {
        Etl.Result flag = etl().run("list", "--set", "warehouse.uri=jdbc:postgresql://db/dw");
        Etl.Result variable = etl().env("ETL_RETRY_DELAYS", "5s").run("list");
        Etl.Result farFromAny = etl().run("list", "--set", "colour=blue");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, flag.exitCode(), flag::toString);
        assertEquals("etl: unknown setting warehouse.uri in --set: did you mean warehouse.url?\n", flag.err());
        assertEquals(ExitCodes.CONFIGURATION_ERROR, variable.exitCode(), variable::toString);
        assertEquals("etl: unknown setting retry.delays in environment variable ETL_RETRY_DELAYS: did you mean retry.delay?\n",
                variable.err());
        assertEquals("etl: unknown setting colour in --set ('etl settings' lists them all)\n", farFromAny.err());
    }

    @Test
    void the_launchers_own_variables_and_the_keys_a_catalog_declares_are_accepted() throws Exception {
        Path file = Files.writeString(home.resolve("job.properties"), "workers = 2\n");

        Etl.Result list = etl().env("ETL_CONFIG", file.toString()).env("ETL_JAVA_OPTS", "-Xmx2g").env("ETL_HOME", home.toString())
                .run("list", "--set", "test.token=declared-by-the-test-catalog");

        assertEquals(ExitCodes.OK, list.exitCode(), list::toString);
    }

    @Test
    void settings_shows_each_value_with_its_source_and_masks_secrets_and_config_is_the_same() throws Exception {
        Path file = Files.writeString(home.resolve("etl.properties"), "workers = 3\nwarehouse.password = hunter22\n");

        Etl.Result settings = etl().env("ETL_RETRIES", "4")
                .run("settings", "--config", file.toString(), "--set", "mongo.uri=mongodb://etl:s3cret@db-1:27017/app");
        Etl.Result config = etl().env("ETL_RETRIES", "4")
                .run("config", "--config", file.toString(), "--set", "mongo.uri=mongodb://etl:s3cret@db-1:27017/app");

        assertEquals(ExitCodes.OK, settings.exitCode(), settings::toString);
        assertTrue(line(settings, "workers").matches("workers\\s+3\\s+" + file + " line 1\\s+Tasks to run at once.*"), settings::toString);
        assertTrue(line(settings, "retries").matches("retries\\s+4\\s+environment variable ETL_RETRIES\\s+.*"), settings::toString);
        assertTrue(line(settings, "retry.delay").matches("retry.delay\\s+5s\\s+default\\s+.*"), settings::toString);
        assertTrue(line(settings, "warehouse.password").matches("warehouse.password\\s+\\*\\*\\*\\*\\s+" + file + " line 2\\s+.*"),
                settings::toString);
        assertTrue(line(settings, "mongo.uri").matches("mongo.uri\\s+mongodb://etl:\\*\\*\\*\\*@db-1:27017/app\\s+--set\\s+.*"),
                settings::toString);
        assertFalse(settings.out().contains("hunter22") || settings.out().contains("s3cret"), settings::toString);
        assertEquals(settings.out(), config.out());
    }

    @Test
    void settings_as_json_gives_each_key_its_value_and_source() throws Exception {
        JsonNode settings = Json.MAPPER.readTree(etl().run("settings", "--format", "json", "--set", "workers=3").out());

        JsonNode workers = StreamSupport.stream(settings.spliterator(), false)
                .filter(s -> s.get("key").asText().equals("workers")).findFirst().orElseThrow();
        assertEquals("3", workers.get("value").asText());
        assertEquals("--set", workers.get("source").asText());
        assertTrue(workers.get("description").asText().startsWith("Tasks to run at once"), workers::toString);
    }

    /**
     * The typo of the issue: mongo.uri misspelt, so unset, with a real warehouse. Stopped before the warehouse is even
     * connected to: no table of the ETL in it.
     */
    @Test
    void a_real_warehouse_without_mongo_uri_exits_5_before_anything_is_read_or_written() throws Exception {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(home.resolve("warehouse-of-the-test"))) {
            Etl.Result run = etl().env("ETL_WAREHOUSE_URL", warehouse.jdbcUrl()).run("run", "actions_taken", "--incremental");

            assertEquals(ExitCodes.CONFIGURATION_ERROR, run.exitCode(), run::toString);
            assertEquals("etl: warehouse.url is set (environment variable ETL_WAREHOUSE_URL) but mongo.uri is not: set mongo.uri to"
                    + " the MongoDB to load from (the embedded sample MongoDB loads only into the embedded warehouse)\n", run.err());
            try (Connection connection = DriverManager.getConnection(warehouse.jdbcUrl());
                 ResultSet tables = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                tables.next();
                assertEquals(0, tables.getInt(1));
            }
        }
    }

    @Test
    void a_real_source_into_the_embedded_warehouse_says_so_on_the_first_line() throws Exception {
        try (TestSource source = TestSource.start(home.resolve("source.mv")).clicksAt("2026-10-01T12:00:00Z")) {
            Etl.Result run = etl().run("run", "actions_taken", "--since", "2026-10-01", "--until", "2026-10-02",
                    "--set", source.setting());

            assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
            assertTrue(run.err().lines().findFirst().orElseThrow().matches("etl: loading database app on 127\\.0\\.0\\.1:\\d+ into the"
                    + " embedded warehouse in " + home.resolve("warehouse") + " \\(warehouse\\.url is not set\\)"), run::toString);
        }
    }

    @Test
    void since_not_before_until_is_bad_usage() {
        Etl.Result after = etl().run("run", "actions_taken", "--since", "2026-10-02", "--until", "2026-10-01");
        Etl.Result same = etl().run("run", "actions_taken", "--since", "2026-10-01", "--until", "2026-10-01");

        assertEquals(ExitCodes.USAGE, after.exitCode(), after::toString);
        assertEquals("etl: --since 2026-10-02T00:00:00Z is not before --until 2026-10-01T00:00:00Z: the window would be empty\n",
                after.err());
        assertEquals(ExitCodes.USAGE, same.exitCode(), same::toString);
    }

    private static String line(Etl.Result result, String key) {
        return result.out().lines().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow(() -> new AssertionError(result));
    }
}
