package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JunitReportTest {

    @TempDir
    Path home;

    private Xml runWithReport(String... args) throws Exception {
        Path report = home.resolve("build/etl-junit.xml");
        Etl.Result run = new Etl(home).run(Cli.with(args, "--junit-report", report.toString()));
        assertTrue(Files.exists(report), run::toString);
        return Xml.read(report);
    }

    @Test
    void a_failed_task_is_a_failure_with_its_error_and_its_dependent_is_skipped_naming_it() throws Exception {
        Xml report = runWithReport("run", "node", "--name", "fails-in-branch", "--retries", "0");

        Element suite = report.one("/testsuite");
        assertEquals("node(name=fails-in-branch)", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        Element failure = report.one("//testcase[@name='node(name=fails)' and @classname='node']/failure");
        assertEquals("fails failed on attempt 1", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("second line of detail"), failure::getTextContent);
        assertEquals("upstream failed: requires node(name=fails), which failed",
                report.one("//testcase[@name='node(name=fails-in-branch)']/skipped").getAttribute("message"));
        assertEquals(0, report.one("//testcase[@name='node(name=ok)']").getChildNodes().getLength());
    }

    @Test
    void an_already_complete_task_passes_in_no_time() throws Exception {
        new Etl(home).run("run", "node", "--name", "ok");

        Xml report = runWithReport("run", "node", "--name", "ok");

        Element ok = report.one("//testcase[@name='node(name=ok)']");
        assertEquals("0.000", ok.getAttribute("time"));
        assertEquals(0, ok.getChildNodes().getLength());
    }

    @Test
    void secrets_in_an_error_are_masked() throws Exception {
        Xml report = runWithReport("run", "node", "--name", "fails", "--retries", "0", "--set", "test.token=second line of detail");

        String failure = report.one("//failure").getTextContent();
        assertFalse(failure.contains("second line of detail"), failure);
        assertTrue(failure.contains("****"), failure);
    }

    @Test
    void the_window_of_an_etl_run_is_a_property_of_the_suite() throws Exception {
        Xml report = runWithReport("run", "events", "--since", "2026-11-01", "--until", "2026-11-02");

        assertEquals("[2026-11-01T00:00:00Z, 2026-11-02T00:00:00Z)", report.one("//property[@name='window']").getAttribute("value"));
    }

    @Test
    void a_task_keeps_its_test_name_from_window_to_window_and_the_window_is_in_its_properties() throws Exception {
        Xml first = runWithReport("run", "events", "--since", "2026-11-01", "--until", "2026-11-02");
        Xml second = runWithReport("run", "events", "--since", "2026-11-02", "--until", "2026-11-03");

        assertEquals(List.of("events()", "events_load()"), testNames(first));
        assertEquals(testNames(first), testNames(second));
        assertEquals("events()", second.one("/testsuite").getAttribute("name"));
        assertEquals("2026-11-02T00:00:00Z",
                second.one("//testcase[@name='events_load()']/properties/property[@name='lower']").getAttribute("value"));
        assertEquals("2026-11-03T00:00:00Z",
                second.one("//testcase[@name='events_load()']/properties/property[@name='upper']").getAttribute("value"));
    }

    private static List<String> testNames(Xml report) throws Exception {
        return report.all("//testcase").stream().map(test -> test.getAttribute("name")).sorted().toList();
    }
}
