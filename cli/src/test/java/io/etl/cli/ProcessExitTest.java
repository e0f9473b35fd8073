package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real process: what Jenkins sees is the JVM's exit status, and the lock is held between processes. */
class ProcessExitTest {

    @TempDir
    Path home;

    private Process etlProcess(String... args) throws Exception {
        return new ProcessBuilder(new Etl(home).processCommand(args)).redirectErrorStream(true).start();
    }

    /** Reads the process's output until a line holds {@code text}: what it printed until then is the test's to judge. */
    private static BufferedReader awaitLine(Process process, String text) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null && !line.contains(text); line = output.readLine()) {
            // not there yet
        }
        return output;
    }

    private int exitStatus(String... args) throws Exception {
        Process process = etlProcess(args);
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return process.exitValue();
    }

    @Test
    void the_process_exit_status_is_the_documented_exit_code() throws Exception {
        assertEquals(ExitCodes.OK, exitStatus("run", "node", "--name", "ok"));
        assertEquals(ExitCodes.TASK_FAILED, exitStatus("run", "node", "--name", "fails", "--retries", "0"));
        assertEquals(ExitCodes.USAGE, exitStatus("run", "nonexistent"));
    }

    @Test
    void a_second_run_of_the_same_etl_exits_4_and_a_killed_run_lock_is_taken_over() throws Exception {
        Process first = etlProcess("run", "node", "--name", "slow");
        try {
            awaitLine(first, "start   node(name=slow)"); // the first run holds the lock and is working
            Etl.Result second = new Etl(home).run("run", "node", "--name", "ok");
            assertEquals(ExitCodes.ALREADY_RUNNING, second.exitCode(), second::toString);
            assertTrue(second.err().startsWith("etl: node is already running: pid " + first.pid()), second::toString);
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Etl.Result afterKill = new Etl(home).run("run", "node", "--name", "ok");

        assertEquals(ExitCodes.OK, afterKill.exitCode(), afterKill::toString);
        assertTrue(afterKill.err().contains("took over the lock left by a run that did not finish: pid " + first.pid()), afterKill::toString);
        Etl.Result history = new Etl(home).run("history", "node");
        assertTrue(history.out().contains(" KILLED "), history::toString);
    }

    @Test
    void a_terminated_run_is_recorded_as_interrupted() throws Exception {
        Process run = etlProcess("run", "node", "--name", "slow");
        BufferedReader output = awaitLine(run, "start   node(name=slow)");

        run.toHandle().destroy(); // SIGTERM, as a Jenkins abort sends; Process.destroy() would also close our pipe
        StringBuilder rest = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            rest.append(line).append('\n');
        }

        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, run.exitValue(), "128 + SIGTERM");
        assertTrue(rest.toString().contains("Result: INTERRUPTED: the run was stopped"), rest::toString);
        Etl.Result history = new Etl(home).run("history", "node");
        assertTrue(history.out().contains(" INTERRUPTED "), history::toString);
    }

    @Test
    void a_run_killed_with_sigkill_leaves_in_its_history_what_had_finished_and_the_task_it_was_killed_in() throws Exception {
        Process run = etlProcess("run", "node", "--name", "slow-after-ok");
        awaitLine(run, "start   node(name=slow-after-ok)");

        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no finally

        Etl.Result runs = new Etl(home).run("history", "node");
        String killed = runs.out().lines().filter(line -> line.contains(" KILLED ")).findFirst().orElseThrow(() -> new AssertionError(runs));
        assertTrue(killed.matches("\\S+ +KILLED +\\S+ \\S+ +- +1 .*"), "one task ran: " + killed);
        Etl.Result attempts = new Etl(home).run("history", "node", "--run", killed.substring(0, killed.indexOf(' ')));
        List<String> lines = attempts.out().lines().map(String::strip).toList();
        assertTrue(lines.get(1).matches("SUCCEEDED +#1 .* node\\(name=ok\\)"), attempts::toString);
        assertTrue(lines.get(2).matches("KILLED +#1 +node\\(name=slow-after-ok\\)"), attempts::toString);
    }

    @Test
    void a_run_killed_while_it_plans_before_its_first_task_has_its_row_in_the_history() throws Exception {
        Process run = etlProcess("run", "node", "--name", "slow-to-plan");
        Path runs = home.resolve("history/node/runs.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // the file is made by the same call that writes the row: wait for the whole row, not the file alone
        while (!(Files.exists(runs) && Files.readString(runs).endsWith("\n")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Etl.Result history = new Etl(home).run("history", "node");
        assertTrue(history.out().lines().anyMatch(line -> line.matches("\\S+ +KILLED .* node\\(name=slow-to-plan\\)")), history::toString);
    }
}
