package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the hourly job shows when the source or the warehouse cannot be reached: one clear line, a failing exit. */
class UnreachableServicesTest {

    @TempDir
    Path home;

    @Test
    void an_unreachable_mongo_fails_the_run_with_one_line_naming_host_and_database_but_no_password() {
        Etl.Result run = new Etl(home).run("run", "actions_taken_extract", "--lower", "2026-10-01", "--upper", "2026-10-02",
                "--retries", "0", "--set", "mongo.uri=mongodb://etl:s3cret@127.0.0.1:1/app", "--set", "mongo.timeout=1s");

        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("error: MongoDB database app on 127.0.0.1:1 did not answer within 1.0 s"), run::toString);
        assertFalse(run.out().contains("s3cret") || run.err().contains("s3cret"), run::toString);
    }

    @Test
    void an_unreachable_warehouse_stops_the_run_before_anything_is_extracted() {
        Etl.Result run = new Etl(home).run("run", "actions_taken", "--incremental",
                "--set", "warehouse.url=jdbc:postgresql://127.0.0.1:1/dw", "--set", "warehouse.user=loader",
                "--set", "warehouse.password=hunter22", "--set", "mongo.uri=mongodb://127.0.0.1:1/app");

        assertEquals(ExitCodes.SCHEDULING_ERROR, run.exitCode(), run::toString);
        assertTrue(run.out().contains("cannot reach the warehouse jdbc:postgresql://127.0.0.1:1/dw"), run::toString);
        assertFalse(run.out().contains("hunter22") || run.err().contains("hunter22"), run::toString);
        assertFalse(run.err().contains("start   actions_taken_extract"), run::toString);
    }
}
