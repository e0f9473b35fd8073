package io.etl.cli;

import io.etl.event.RunEvent;
import io.etl.scheduler.Scheduler;
import io.etl.testing.TestDag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalProgressTest {

    @TempDir
    Path dir;

    /** What the terminal shows last, once every drawing and erasing is applied: the lines left on the screen. */
    private static List<String> screen(String written) {
        List<String> lines = new ArrayList<>();
        for (String part : written.split("\n", -1)) {
            String rest = part;
            while (rest.startsWith("\033[1A\033[2K")) {
                lines.remove(lines.size() - 1);
                rest = rest.substring("\033[1A\033[2K".length());
            }
            lines.add(rest.replace("\r", ""));
        }
        return lines;
    }

    @Test
    void under_the_running_tasks_a_line_counts_the_tasks_done_and_of_the_family_run_most_how_many_with_the_time_left() {
        TestDag dag = new TestDag(dir);
        dag.node("root").requires("chunk1", "chunk2", "chunk3", "chunk4");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        List<String> seen = new ArrayList<>();
        TerminalProgress progress = new TerminalProgress(new PrintStream(written, true, StandardCharsets.UTF_8), 200);
        Scheduler.builder().listener(progress).listener(event -> {
            if (event instanceof RunEvent.TaskSucceeded) {
                seen.add(String.join("\n", screen(written.toString(StandardCharsets.UTF_8))));
            }
        }).build().run(dag.task("root"));

        String afterTwo = seen.get(1);
        assertTrue(afterTwo.matches("(?s).*  2 of 5 tasks done; node 2 of 5; [^;]+, about [^;]+ left.*"), afterTwo);
        assertEquals("", screen(written.toString(StandardCharsets.UTF_8)).stream().filter(line -> !line.isEmpty())
                .reduce("", String::concat), "nothing stays on the screen once the run ends");
    }
}
