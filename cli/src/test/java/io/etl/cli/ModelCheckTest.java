package io.etl.cli;

import io.etl.lock.LockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model that cannot be built as written stops every command before anything runs, in one line naming its file and
 * what to fix (exit 5); a run of a model holds the locks of the ETLs it runs. Nothing here reaches a server.
 */
class ModelCheckTest {

    @TempDir
    Path home;

    private Path model(String name, String sql) throws IOException {
        Files.createDirectories(home.resolve("models"));
        return Files.writeString(home.resolve("models").resolve(name + ".sql"), sql, StandardCharsets.UTF_8);
    }

    private Etl.Result etl(String... args) {
        String[] all = Cli.with(args, "--set", "models.path=" + home.resolve("models"));
        return new Etl(home).run(all);
    }

    @Test
    void an_input_that_is_neither_an_etl_nor_a_model_stops_every_command_naming_the_closest() throws IOException {
        Path file = model("daily", "-- reads: actions_tkaen\nSELECT user_id FROM actions_taken\n");

        for (String[] command : new String[][]{{"list"}, {"run", "actions_taken", "--incremental"}, {"settings"}}) {
            Etl.Result refused = etl(command);

            assertEquals(ExitCodes.CONFIGURATION_ERROR, refused.exitCode(), refused::toString);
            assertEquals("etl: " + file + " reads actions_tkaen, which is neither the table of an ETL nor a model: did you mean"
                    + " actions_taken?\n", refused.err());
            assertEquals("", refused.out());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "daily         | SELECT * FROM daily JOIN actions_taken USING (id)   | reads its own table daily: a model is built from other tables; remove daily from what it reads",
            "daily         | DELETE FROM actions_taken                          | is not a SELECT (it starts with DELETE): a model is one SELECT, its table is built from what it returns",
            "daily         | SELECT 1 FROM actions_taken; DROP TABLE actions_taken | holds more than one statement: a model is one SELECT, without ';' inside",
            "daily         | -- only a comment                                  | holds no query: write the one SELECT that builds the table daily",
            "daily         | SELECT 1                                           | reads no table of an ETL or a model: name what it reads in a comment line before its SELECT, such as '-- reads: actions_taken'",
            "actions_taken | SELECT 1 FROM actions_taken                        | would build the table actions_taken, which the ETL actions_taken loads: rename the file",
            "Daily         | SELECT 1 FROM actions_taken                        | a model's name, its file's, names its table and its task: lower-case letters, digits and '_', starting with a letter, at most 54 characters; rename the file"})
    void a_file_that_is_not_one_select_over_other_tables_is_refused_saying_what_to_fix(String name, String sql, String problem)
            throws IOException {
        Path file = model(name, sql);

        Etl.Result refused = etl("list");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, refused.exitCode(), refused::toString);
        assertEquals("etl: " + file + (problem.startsWith("a model's") ? ": " : " ") + problem + "\n", refused.err());
    }

    @Test
    void models_reading_each_other_are_refused_naming_the_cycle() throws IOException {
        Path first = model("first", "SELECT * FROM second JOIN actions_taken USING (id)");
        model("second", "-- reads: third\nSELECT * FROM third");
        model("third", "-- reads: first\nSELECT * FROM first");

        Etl.Result refused = etl("list");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, refused.exitCode(), refused::toString);
        assertEquals("etl: " + first + " is built from itself through the models it reads (first reads second reads third reads first):"
                + " remove one of these reads\n", refused.err());
    }

    @Test
    void a_model_does_not_run_while_another_run_holds_the_lock_of_an_etl_it_reads_and_run_all_skips_it() throws Exception {
        model("daily", "SELECT user_id FROM actions_taken");
        Process hourly = LockHolder.start(home.resolve("locks"), "actions_taken");
        Etl.Result model;
        Etl.Result all;
        try {
            model = etl("run", "daily");
            all = etl("run", "all", "--incremental");
        } finally {
            hourly.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertEquals(ExitCodes.ALREADY_RUNNING, model.exitCode(), model::toString);
        assertTrue(model.err().contains("pid " + hourly.pid()), model::toString);
        assertEquals(ExitCodes.ALREADY_RUNNING, all.exitCode(), all::toString);
        assertTrue(all.out().contains("    actions_taken  skipped, its lock held by pid " + hourly.pid())
                && all.out().contains("    daily          skipped, its lock held by pid " + hourly.pid()), all::toString);
    }
}
