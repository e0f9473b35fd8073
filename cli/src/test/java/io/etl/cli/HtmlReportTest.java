package io.etl.cli;

import io.etl.scheduler.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    @TempDir
    Path home;

    private Path runWithReport(String... args) {
        Path report = home.resolve("build/etl-report.html");
        Etl.Result run = new Etl(home).run(Cli.with(args, "--report", report.toString()));
        assertTrue(Files.exists(report), run::toString);
        return report;
    }

    @Test
    void the_graph_has_one_box_per_task_coloured_by_its_outcome() throws Exception {
        Xml report = Xml.read(runWithReport("run", "node", "--name", "fails-in-branch", "--retries", "0"));

        List<Element> boxes = report.all("//svg/g[@class='task']");
        Map<String, String> states = boxes.stream().collect(Collectors.toMap(g -> g.getAttribute("data-task"), g -> g.getAttribute("data-state")));
        assertEquals(Map.of("node(name=fails)", "FAILED", "node(name=ok)", "DONE", "node(name=fails-in-branch)", "UPSTREAM_FAILED"), states);
        for (Element box : boxes) {
            String fill = ((Element) box.getElementsByTagName("rect").item(0)).getAttribute("fill");
            assertEquals(StateColour.of(TaskState.valueOf(box.getAttribute("data-state"))), fill);
        }
        assertEquals(2, report.all("//svg/line").size());
    }

    @Test
    void requirements_are_drawn_left_of_the_tasks_that_need_them() throws Exception {
        Xml report = Xml.read(runWithReport("run", "node", "--name", "report"));

        int ok = x(report, "node(name=ok)");
        int other = x(report, "node(name=other)");
        assertEquals(ok, other);
        assertTrue(ok < x(report, "node(name=report)"));
    }

    private static int x(Xml report, String task) throws Exception {
        return Integer.parseInt(report.one("//g[@data-task='" + task + "']/rect").getAttribute("x"));
    }

    @Test
    void the_report_shows_the_window_the_rows_loaded_and_the_errors() throws Exception {
        String etl = Files.readString(runWithReport("run", "events", "--since", "2026-11-01", "--until", "2026-11-02", "--rows", "1234"));
        String failed = Files.readString(runWithReport("run", "node", "--name", "fails", "--retries", "0"));

        assertTrue(etl.contains("<td>[2026-11-01T00:00:00Z, 2026-11-02T00:00:00Z)</td>"), etl);
        assertTrue(etl.contains("rows_loaded = 1,234"), etl);
        assertTrue(failed.contains("fails failed on attempt 1\nsecond line of detail</pre>"), failed);
    }
}
