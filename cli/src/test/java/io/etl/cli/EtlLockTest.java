package io.etl.cli;

import io.etl.lock.LockHolder;
import io.etl.lock.LockOwner;
import io.etl.lock.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run of an ETL at a time, whichever of its tasks is run: while a run of {@code actions_taken} holds the ETL's
 * lock, running one of its stages alone, or a backfill, exits with the already-running code and names the holder.
 * (A repair: {@code AuditCommandTest}.)
 */
class EtlLockTest {

    private static final String LOWER = "2026-10-14T00:00:00Z";
    private static final String UPPER = "2026-10-15T00:00:00Z";

    @TempDir
    Path home;

    private Etl.Result etl(List<String> args) {
        return new Etl(home).run(args.toArray(String[]::new));
    }

    @Test
    void each_stage_and_a_backfill_exit_4_while_a_run_of_the_etl_holds_its_lock() {
        List<List<String>> commands = List.of(
                List.of("run", "actions_taken_extract", "--lower", LOWER, "--upper", UPPER),
                List.of("run", "actions_taken_transform", "--lower", LOWER, "--upper", UPPER),
                List.of("run", "actions_taken_load", "--lower", LOWER, "--upper", UPPER),
                List.of("run", "actions_taken", "--since", LOWER, "--until", UPPER));
        try (RunLock hourly = RunLock.acquire(home.resolve("locks"), "actions_taken",
                LockOwner.currentProcess(Clock.systemUTC(), "etl run actions_taken"))) {
            for (List<String> command : commands) {
                Etl.Result result = etl(command);

                assertEquals(ExitCodes.ALREADY_RUNNING, result.exitCode(), () -> command + ": " + result);
                assertTrue(result.err().startsWith("etl: actions_taken is already running: pid " + ProcessHandle.current().pid()),
                        () -> command + ": " + result);
            }
        }
    }

    @Test
    void a_load_run_alone_exits_4_while_another_process_runs_the_etl() throws Exception {
        Process hourly = LockHolder.start(home.resolve("locks"), "actions_taken");
        try {
            Etl.Result load = etl(List.of("run", "actions_taken_load", "--lower", LOWER, "--upper", UPPER));

            assertEquals(ExitCodes.ALREADY_RUNNING, load.exitCode(), load::toString);
            assertTrue(load.err().startsWith("etl: actions_taken is already running: pid " + hourly.pid()), load::toString);
        } finally {
            hourly.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
