package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real process: what Jenkins sees is the JVM's exit status, and the lock is held between processes. */
class ProcessExitTest {

    @TempDir
    Path home;

    private Process etlProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.add("--home=" + home);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
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
            BufferedReader output = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            for (String line = output.readLine(); line != null && !line.contains("start   node(name=slow)"); line = output.readLine()) {
                // wait until the first run holds the lock and is working
            }
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
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null && !line.contains("start   node(name=slow)"); line = output.readLine()) {
            // wait until it is working
        }

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
}
