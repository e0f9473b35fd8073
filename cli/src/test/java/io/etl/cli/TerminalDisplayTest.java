package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person sees of a run: on a terminal (a pseudo-terminal made by util-linux's {@code script}), each running
 * task's line is redrawn in place and goes when the task ends; piped, the same run is plain lines.
 */
class TerminalDisplayTest {

    private static final Pattern RUNNING_TASK_LINE = Pattern.compile("^  (running|extract|transform|load) +actions_taken.*");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|org|io)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b|\\tat ");

    @TempDir
    Path home;
    @RegisterExtension
    final TestServers servers = new TestServers();

    @Test
    void on_a_terminal_each_running_task_has_one_line_redrawn_in_place_with_its_progress_and_none_is_left() throws Exception {
        servers.clicks(Instant.now().minus(Duration.ofDays(1)), 500);

        Output run = onATerminal("run", "actions_taken", "--incremental");

        assertEquals(ExitCodes.OK, run.exitCode(), run::text);
        TerminalScreen screen = new TerminalScreen();
        Set<String> progressShown = new HashSet<>();
        List<Integer> runningLinesShown = new ArrayList<>();
        screen.feed(run.text(), lines -> {
            List<String> running = lines.stream().filter(line -> RUNNING_TASK_LINE.matcher(line).matches()).toList();
            runningLinesShown.add(running.size());
            running.forEach(progressShown::add);
        });
        assertTrue(runningLinesShown.stream().allMatch(n -> n <= 1), "one worker, one running line at most: " + runningLinesShown);
        assertTrue(progressShown.stream().anyMatch(line -> line.startsWith("  extract ")
                && line.contains("500 of 500 documents (100 %)")), progressShown::toString);
        assertTrue(progressShown.stream().anyMatch(line -> line.startsWith("  load ")
                && line.contains(" of 500 rows (")), progressShown::toString);
        List<String> finalScreen = screen.shown();
        assertEquals(List.of(), finalScreen.stream().filter(line -> RUNNING_TASK_LINE.matcher(line).matches()).toList(),
                "no running task's line stays once the run ends");
        for (String task : List.of("actions_taken_extract(", "actions_taken_transform(", "actions_taken_load(")) {
            assertEquals(1, finalScreen.stream().filter(line -> line.matches("\\[\\d\\d:\\d\\d:\\d\\d] done    " + Pattern.quote(task) + ".*")).count(),
                    () -> task + " done once:\n" + String.join("\n", finalScreen));
        }
        assertEquals("Result: SUCCESS", finalScreen.get(finalScreen.size() - 1));
        assertFalse(JAVA_NAME.matcher(String.join("\n", finalScreen)).find(), () -> String.join("\n", finalScreen));
    }

    @Test
    void piped_the_run_is_plain_lines_without_control_sequences() throws Exception {
        Process process = new ProcessBuilder(etlCommand("run", "node", "--name", "ok")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCodes.OK, process.exitValue(), output);
        assertTrue(output.lines().anyMatch(line -> line.matches("\\[\\d\\d:\\d\\d:\\d\\d] done    node\\(name=ok\\).*")), output);
        assertFalse(output.contains("\033") || output.contains("\r"), output);
    }

    /** Runs etl in a pseudo-terminal 200 columns wide, as a person in a terminal window would. */
    private Output onATerminal(String... args) throws IOException, InterruptedException {
        String command = "stty cols 200 rows 50; exec " + String.join(" ", etlCommand(args).stream().map(a -> "'" + a + "'").toList());
        Process process = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true).start();
        // standard input stays open: script ends the session when its input ends
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), text);
        process.getOutputStream().close();
        return new Output(process.exitValue(), text);
    }

    private List<String> etlCommand(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--set", "mongo.uri=" + servers.mongoUri(), "--set", "warehouse.url=" + servers.warehouseUrl()));
        return new Etl(home).processCommand(all.toArray(String[]::new));
    }

    private record Output(int exitCode, String text) {
    }
}
