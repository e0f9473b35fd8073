package io.etl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void added_samples_are_dated_just_before_the_time_given_and_the_next_window_extracts_them() {
        Etl.Result added = etl().run("add-sample", "actions_taken", "--count", "5", "--at", "2030-01-01T00:00:00Z");
        Etl.Result extract = etl().run("run", "actions_taken_extract", "--lower", "2029-12-31T23:59:00Z",
                "--upper", "2030-01-01T00:00:00Z");

        assertEquals(ExitCodes.OK, added.exitCode(), added::toString);
        assertEquals("inserted 5 actions_taken documents into etl.actions_taken in the embedded sample MongoDB (state dir "
                + home + "), dated from 2029-12-31T23:59:00Z to before 2030-01-01T00:00:00Z\n", added.out());
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
}
