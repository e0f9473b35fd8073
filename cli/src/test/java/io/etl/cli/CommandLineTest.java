package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @TempDir
    Path home;

    private Etl etl() {
        return new Etl(home);
    }

    private static void assertContains(Etl.Result result, String expected) {
        assertTrue(result.out().contains(expected) || result.err().contains(expected), "expected '" + expected + "' in\n" + result);
    }

    @Test
    void help_lists_the_commands_and_the_exit_codes() {
        Etl.Result help = etl().run("--help");

        assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
        assertTrue(help.out().lines().anyMatch(l -> l.matches("\\s+run\\s+Run a task and whatever it needs that is not complete yet\\.")),
                help::toString);
        assertContains(help, "4     another run of the same ETL is in progress");
    }

    @Test
    void version_names_the_release() {
        Etl.Result version = etl().run("--version");

        assertEquals(ExitCodes.OK, version.exitCode());
        assertTrue(version.out().matches("(?s)etl \\d+\\.\\d+\\.\\d+.*Java 17.*"), version::toString);
    }

    @Test
    void list_shows_every_task_with_its_description_the_examples_and_benchmarks_apart() {
        Etl.Result list = etl().run("list");

        assertEquals(ExitCodes.OK, list.exitCode());
        assertTrue(list.out().startsWith("ETLs and their tasks:\n"), list::toString);
        String examples = "Examples and benchmarks (no servers needed):\n";
        String etls = list.out().substring(0, list.out().indexOf(examples));
        assertTrue(etls.lines().anyMatch(l -> l.matches("  node\\s+a node of a test graph")), list::toString);
        assertTrue(etls.lines().anyMatch(l -> l.startsWith("  actions_taken ")), list::toString);
        assertFalse(etls.contains("example_") || etls.contains("fan_in"), list::toString);
        String rest = list.out().substring(list.out().indexOf(examples));
        assertTrue(rest.lines().anyMatch(l -> l.startsWith("  example_report ")), list::toString);
        assertTrue(rest.lines().anyMatch(l -> l.startsWith("  fan_in ")), list::toString);
    }

    @Test
    void completion_prints_a_bash_script_that_completes_the_tasks_and_their_parameters() {
        Etl.Result completion = etl().run("completion");

        assertEquals(ExitCodes.OK, completion.exitCode(), completion::toString);
        assertTrue(completion.out().contains("complete -F _complete_etl -o default etl"), "registers etl: " + completion);
        assertTrue(completion.out().contains("${COMP_WORDS[0]} run actions_taken\""), "the ETLs: " + completion);
        assertTrue(completion.out().contains("${COMP_WORDS[0]} run node\""), "every task type: " + completion);
        assertTrue(completion.out().contains("--incremental"), "an ETL's parameters: " + completion);
        assertTrue(completion.out().contains("--name"), "a task's parameters: " + completion);
    }

    @Test
    void a_malformed_retry_delay_is_bad_usage_in_one_line() {
        Etl.Result run = etl().run("run", "node", "--name", "ok", "--retry-delay", "soon");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("etl: --retry-delay is 'soon': expected a duration of zero or more, such as 5s, 10m or 1h30m\n", run.err());
    }

    @Test
    void run_help_says_what_incremental_does_without_calling_it_both_the_default_and_off() {
        Etl.Result help = etl().run("run", "actions_taken", "--help");

        assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
        String incremental = help.out().substring(help.out().indexOf("--incremental[=true|false]"));
        incremental = incremental.substring(0, incremental.indexOf("\n      --", 1));
        assertTrue(incremental.replaceAll("\\s+", " ").contains("what a run without --since or --full-refresh does anyway"), incremental);
        assertFalse(incremental.contains("default"), incremental);
    }

    @Test
    void run_help_lists_the_parameters_of_the_task() {
        Etl.Result help = etl().run("run", "example_report", "--help");

        assertEquals(ExitCodes.OK, help.exitCode());
        assertContains(help, "--days=<integer>");
        assertContains(help, "how many days, ending at --until (default: 7)");
        assertContains(help, "--workers=N");
    }

    @Test
    void a_successful_run_exits_0_with_a_summary_and_a_second_run_has_nothing_to_do() {
        Etl.Result first = etl().run("run", "node", "--name", "report", "--workers", "2");
        Etl.Result second = etl().run("run", "node", "--name", "report");

        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        assertContains(first, "* 3 ran:");
        assertContains(first, "start   node(name=ok)");
        assertTrue(Files.exists(home.resolve("nodes/report.out")));
        assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
        assertContains(second, "Result: SUCCESS: nothing to do, everything was already complete");
    }

    @Test
    void a_failed_task_exits_1_and_the_independent_branch_still_completes() {
        Etl.Result run = etl().run("run", "node", "--name", "fails-in-branch", "--retries", "0");

        assertEquals(ExitCodes.TASK_FAILED, run.exitCode(), run::toString);
        assertContains(run, "* 1 failed:\n    node(name=fails)");
        assertContains(run, "error: fails failed on attempt 1");
        assertContains(run, "* 1 upstream failed:");
        assertTrue(Files.exists(home.resolve("nodes/ok.out")));
    }

    @Test
    void retries_are_taken_from_the_command_line() {
        Etl.Result run = etl().run("run", "node", "--name", "flaky", "--retries", "1", "--retry-delay", "10ms");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertContains(run, "FAILED  node(name=flaky) (attempt 1): flaky failed on attempt 1; retrying in 10 ms");
        assertContains(run, "node(name=flaky)");
        assertContains(run, ", 2 attempts");
    }

    @Test
    void an_unknown_task_is_one_line_with_a_suggestion_and_exit_2() {
        Etl.Result run = etl().run("run", "exampel_report");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("etl: unknown task 'exampel_report'; did you mean 'example_report'? ('etl list' shows them all)\n", run.err());
    }

    @Test
    void an_unknown_parameter_exits_2_naming_it() {
        Etl.Result run = etl().run("run", "example_report", "--dys", "3");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("etl: Unknown options: '--dys'"), run::toString);
        assertContains(run, "See 'etl run example_report --help'.");
    }

    @Test
    void a_malformed_value_exits_2_naming_the_parameter_and_the_expected_form() {
        Etl.Result run = etl().run("run", "example_report", "--until", "22/11/2026");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("etl: --until: expected date like 2026-11-22, got '22/11/2026'\n", run.err());
    }

    @Test
    void a_missing_required_parameter_exits_2() {
        Etl.Result run = etl().run("run", "node");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("etl: missing required parameter --name (string, e.g. text)\n", run.err());
    }

    @Test
    void a_cycle_exits_3_naming_its_tasks_and_runs_nothing() {
        Etl.Result run = etl().run("run", "node", "--name", "cycle-a");

        assertEquals(ExitCodes.SCHEDULING_ERROR, run.exitCode());
        assertEquals("etl: dependency cycle: node(name=cycle-a) -> node(name=cycle-b) -> node(name=cycle-a)\n", run.err());
    }

    @Test
    void missing_external_input_exits_3() {
        Etl.Result run = etl().run("run", "node", "--name", "needs-input");

        assertEquals(ExitCodes.SCHEDULING_ERROR, run.exitCode(), run::toString);
        assertContains(run, "* 1 missing input:\n    node(name=input)");
    }

    @Test
    void a_dry_run_prints_the_plan_in_order_and_runs_nothing() {
        Etl.Result run = etl().run("run", "node", "--name", "report", "--dry-run");

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertEquals("""
                Plan for node(name=report): 3 task(s), 0 already complete, 3 to run
                    1. node(name=ok)
                    2. node(name=other)
                    3. node(name=report)
                """, run.out());
        assertFalse(Files.exists(home.resolve("nodes")));
    }

    @Test
    void graph_draws_the_plan_as_text_dot_and_mermaid() {
        etl().run("run", "node", "--name", "ok");

        Etl.Result text = etl().run("graph", "node", "--name", "report");
        Etl.Result dot = etl().run("graph", "node", "--name", "report", "--format", "dot");
        Etl.Result mermaid = etl().run("graph", "node", "--name", "report", "--format", "mermaid");

        assertEquals("""
                node(name=report)  [to run]
                ├── node(name=ok)  [complete]
                └── node(name=other)  [to run]
                """, text.out());
        assertTrue(dot.out().startsWith("digraph etl {") && dot.out().contains("label=\"node(name=ok)\", fillcolor=\"#b7e1a1\""), dot::toString);
        assertTrue(mermaid.out().startsWith("graph BT\n") && mermaid.out().contains("[\"node(name=report)\"]:::pending"), mermaid::toString);
        assertEquals(ExitCodes.USAGE, etl().run("graph", "node", "--name", "ok", "--format", "png").exitCode());
    }

    @Test
    void history_lists_runs_newest_first_and_shows_one_run_as_json() throws Exception {
        etl().run("run", "node", "--name", "ok");
        etl().run("run", "node", "--name", "fails", "--retries", "0");

        Etl.Result history = etl().run("history");
        Etl.Result json = etl().run("history", "node", "--format", "json", "--limit", "1");

        assertEquals(ExitCodes.OK, history.exitCode(), history::toString);
        String[] lines = history.out().split("\n");
        assertTrue(lines[1].contains(" FAILED ") && lines[1].endsWith("node(name=fails): fails failed on attempt 1"), history::toString);
        assertTrue(lines[2].contains(" SUCCESS ") && lines[2].endsWith("node(name=ok)"), history::toString);
        var runs = io.etl.state.Json.MAPPER.readTree(json.out());
        assertEquals(1, runs.size());
        assertEquals("FAILED", runs.get(0).get("status").asText());
        String runId = runs.get(0).get("runId").asText();
        Etl.Result attempts = etl().run("history", "--run", runId);
        assertContains(attempts, "FAILED    #1");
    }

    @Test
    void a_missing_settings_file_or_a_malformed_setting_exits_5() {
        Etl.Result missingFile = etl().run("list", "--config", home.resolve("nope.properties").toString());
        Etl.Result badKey = etl().run("list", "--set", "Mongo URI=x");

        assertEquals(ExitCodes.CONFIGURATION_ERROR, missingFile.exitCode());
        assertTrue(missingFile.err().startsWith("etl: settings file ") && missingFile.err().endsWith("nope.properties does not exist\n"));
        assertEquals(ExitCodes.CONFIGURATION_ERROR, badKey.exitCode());
    }
}
