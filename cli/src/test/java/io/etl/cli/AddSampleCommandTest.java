package io.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etl.warehouse.EmbeddedWarehouse;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code etl add-sample} against the embedded sample MongoDB, and how a source that cannot be used is reported. */
class AddSampleCommandTest {

    @TempDir
    Path home;

    private Etl etl() {
        return new Etl(home);
    }

    @Test
    void added_samples_are_dated_a_millisecond_apart_just_before_the_time_given_and_the_next_window_extracts_them() {
        Etl.Result added = etl().run("add-sample", "actions_taken", "--count", "5", "--at", "2030-01-01T00:00:00Z");
        Etl.Result extract = etl().run("run", "actions_taken_extract", "--lower", "2029-12-31T23:59:59.995Z",
                "--upper", "2030-01-01T00:00:00Z");

        assertEquals(ExitCodes.OK, added.exitCode(), added::toString);
        assertEquals("inserted 5 actions_taken documents into etl.actions_taken in the embedded sample MongoDB (state dir "
                + home + "), dated from 2029-12-31T23:59:59.995Z to before 2030-01-01T00:00:00Z\n", added.out());
        assertEquals(ExitCodes.OK, extract.exitCode(), extract::toString);
        assertTrue(extract.err().contains("documents_matched=5 ") && extract.err().contains("rows_extracted=5"), extract::toString);
    }

    @Test
    void a_collection_without_a_generator_exits_2_naming_those_it_can_generate() {
        Etl.Result added = etl().run("add-sample", "orders");

        assertEquals(ExitCodes.USAGE, added.exitCode());
        assertEquals("etl: no sample generator for collection 'orders'; it can generate: actions_taken\n", added.err());
    }

    @Test
    void an_unreachable_mongo_fails_each_attempt_fast_with_one_line_naming_the_host_and_is_retried() {
        Etl.Result run = etl().run("run", "actions_taken_extract", "--lower", "2026-11-01", "--upper", "2026-11-02",
                "--set", "mongo.uri=mongodb://etl:s3cret@127.0.0.1:1/app", "--set", "mongo.timeout=300ms",
                "--retries", "1", "--retry-delay", "10ms");

        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run::toString);
        String failure = "MongoDB database app on 127.0.0.1:1 did not answer within 300 ms (ConnectException: Connection refused):"
                + " check that it runs and is reachable from here, or raise setting mongo.timeout";
        assertTrue(run.err().contains("(attempt 1): " + failure + "; retrying in 10 ms\n"), run::toString);
        assertTrue(run.err().contains("(attempt 2): " + failure + "\n"), run::toString);
        assertFalse((run.out() + run.err()).contains("s3cret"), run::toString);
    }

    @Test
    void add_sample_to_an_unreachable_mongo_exits_5_with_one_line() {
        Etl.Result added = etl().run("add-sample", "actions_taken", "--set", "mongo.uri=mongodb://127.0.0.1:1/app",
                "--set", "mongo.timeout=300ms");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, added.exitCode(), added::toString);
        assertEquals("etl: MongoDB database app on 127.0.0.1:1 did not answer within 300 ms (ConnectException: Connection refused):"
                + " check that it runs and is reachable from here, or raise setting mongo.timeout\n", added.err());
    }

    /**
     * The README's flow, in real time: each add-sample is loaded, all of it, by the run right after it, however soon
     * after the one before (they used to be dated over the minute before now, so that a batch added within a minute
     * of the last fell partly below the newest date loaded and was lost). A source and a warehouse of the test's own,
     * as two commands in one JVM cannot share the embedded warehouse.
     */
    @Test
    void add_sample_then_an_incremental_run_twice_in_a_row_loads_each_batch_whole() throws Exception {
        try (TestSource source = TestSource.start(home.resolve("source.mv")).clicksAt("2026-10-01T12:00:00Z");
             EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(home.resolve("warehouse-of-the-test"))) {
            String[] settings = {"--set", source.setting(), "--set", "warehouse.url=" + warehouse.jdbcUrl()};
            Etl.Result firstBatch = etl().run(Cli.with(settings, "add-sample", "actions_taken", "--count", "100"));
            Etl.Result firstRun = etl().run(Cli.with(settings, "run", "actions_taken", "--incremental"));
            Etl.Result secondBatch = etl().run(Cli.with(settings, "add-sample", "actions_taken", "--count", "50"));
            Etl.Result secondRun = etl().run(Cli.with(settings, "run", "actions_taken", "--incremental"));

            assertEquals(ExitCodes.OK, firstBatch.exitCode(), firstBatch::toString);
            assertEquals(ExitCodes.OK, firstRun.exitCode(), firstRun::toString);
            assertTrue(firstRun.err().contains("rows_new=101"), firstRun::toString);
            assertEquals(ExitCodes.OK, secondBatch.exitCode(), secondBatch::toString);
            assertEquals(ExitCodes.OK, secondRun.exitCode(), secondRun::toString);
            assertTrue(secondRun.err().contains("rows_new=50"), secondRun::toString);
        }
    }

    @Test
    void a_malformed_settle_time_exits_5_with_one_line_naming_the_setting() {
        Etl.Result added = etl().run("add-sample", "actions_taken", "--set", "window.settle=soon");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, added.exitCode(), added::toString);
        assertEquals("etl: setting window.settle is 'soon' (--set): expected a duration of zero or more, such as 5s, 10m or 1h30m\n",
                added.err());
    }
}
