package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell step of each Jenkins job, run as a job's very first build runs it: its parameters are not environment
 * variables yet, so the script must fall back on their defaults. A stand-in ./etl prints the command line it got.
 */
class JenkinsfileTest {

    private static final String SHARED_STEPS = "jenkins/etl.groovy";
    private static final Pattern SHELL_STEP = Pattern.compile("sh\\(returnStatus: true, script: '''(.*?)'''\\)", Pattern.DOTALL);

    @TempDir
    Path workspace;

    @ParameterizedTest
    @CsvSource({
            "Jenkinsfile, run actions_taken --incremental --junit-report build/etl-junit.xml --report build/etl-report.html",
            "Jenkinsfile.hourly, run all --incremental --workers 2 --junit-report build/etl-junit.xml --report build/etl-report.html",
            "Jenkinsfile.audit, audit actions_taken --by day --ids --limit 50 --report build/etl-audit.html"})
    void the_first_build_runs_the_default_etl_without_parameters_in_its_environment(String jenkinsfile, String expected) throws Exception {
        Matcher step = SHELL_STEP.matcher(Files.readString(Path.of("..", "jenkins", jenkinsfile)));
        assertTrue(step.find(), jenkinsfile);

        assertEquals(expected, commandLineOf(step.group(1)));
    }

    @Test
    void the_hourly_job_writes_the_dashboard_after_every_build_and_archives_it() throws Exception {
        String job = Files.readString(Path.of("..", "jenkins", "Jenkinsfile.hourly"));
        String always = job.substring(job.indexOf("post {"));
        Matcher step = SHELL_STEP.matcher(always);

        assertTrue(always.startsWith("post {\n        always {"), "written when the run fails too");
        assertTrue(step.find(), "a shell step after the run");
        assertEquals("dashboard --out dashboard", commandLineOf(step.group(1)));
        assertTrue(always.indexOf("archiveArtifacts(artifacts: 'dashboard/**'") > step.end(), "archived once written");
    }

    /** Runs the shell step with no variable but PATH, a stand-in ./etl printing the command line it got; returns that. */
    private String commandLineOf(String script) throws Exception {
        Path etl = Files.writeString(workspace.resolve("etl"), "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(etl, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder shell = new ProcessBuilder("sh", "-e", "-c", script).directory(workspace.toFile()).redirectErrorStream(true);
        Map<String, String> environment = shell.environment();
        environment.keySet().removeIf(name -> !name.equals("PATH"));
        Process build = shell.start();
        String printed = new String(build.getInputStream().readAllBytes()).trim();
        assertEquals(0, build.waitFor(), printed);
        return printed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jenkinsfile", "Jenkinsfile.hourly", "Jenkinsfile.audit"})
    void every_shared_step_a_job_calls_is_defined_in_the_file_it_loads(String jenkinsfile) throws Exception {
        String job = Files.readString(Path.of("..", "jenkins", jenkinsfile));
        assertTrue(job.contains("def etl = load '" + SHARED_STEPS + "'"), jenkinsfile);
        String shared = Files.readString(Path.of("..", SHARED_STEPS));
        Matcher call = Pattern.compile("\\betl\\.(\\w+)\\(").matcher(job);
        while (call.find()) {
            assertTrue(Pattern.compile("(?m)^\\w+ " + call.group(1) + "\\(").matcher(shared).find(),
                    jenkinsfile + " calls etl." + call.group(1) + ", which " + SHARED_STEPS + " does not define");
        }
        assertTrue(shared.strip().endsWith("return this"), "a loaded script hands itself back to the job");
    }
}
