package io.etl.cli;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly run that finds nothing new: its window starts where the loaded windows end, so it holds no document; the
 * run records it as loaded, with every count at 0, without a Hadoop job or Pig, and the next run loads what came after.
 */
class NothingNewRunTest {

    private static final Pattern RUN_ID = Pattern.compile("\\(run ([^)]+)\\)");
    /** Lines that only a Hadoop job's submission and a Pig session write into the run's log. */
    private static final String HADOOP_JOB = "Submitting tokens for job";
    private static final String PIG = "PigServer";

    @TempDir
    Path home;

    @RegisterExtension
    final TestServers servers = new TestServers();

    /** An incremental run whose window ends when it starts, so that a document inserted before it is in its window. */
    private Etl.Result run() {
        return etl("run", "actions_taken", "--incremental", "--set", "window.settle=0s");
    }

    private String sql(String query) {
        return etl("sql", query, "--format", "tsv").out();
    }

    private Etl.Result etl(String... args) {
        Etl.Result result = new Etl(home).run(Stream.concat(Stream.of(args), Stream.of("--set", "mongo.uri=" + servers.mongoUri(),
                "--set", "warehouse.url=" + servers.warehouseUrl())).toArray(String[]::new));
        assertEquals(ExitCodes.OK, result.exitCode(), result::toString);
        return result;
    }

    private String log(Etl.Result run) throws Exception {
        Matcher id = RUN_ID.matcher(run.out());
        assertTrue(id.find(), run::toString);
        return Files.readString(home.resolve("logs/actions_taken").resolve(id.group(1)).resolve(RunLog.FILE_NAME));
    }

    @Test
    void a_run_with_nothing_new_records_its_empty_window_without_a_hadoop_job_or_pig_and_the_next_loads_what_came_after()
            throws Exception {
        servers.clicks(Instant.now().minus(Duration.ofHours(1)), 3);
        servers.actions().insertOne(new Document("user_id", 8L).append("action", "undated"));
        Etl.Result first = run();
        assertTrue(log(first).contains(HADOOP_JOB) && log(first).contains(PIG), "a window with documents runs both");

        Etl.Result nothingNew = run();

        assertTrue(nothingNew.out().contains("documents_matched=0"), nothingNew::toString);
        assertTrue(nothingNew.out().contains("documents_without_cursor=1"), "the undated document is still counted: " + nothingNew);
        assertTrue(nothingNew.out().contains("no window selects the 1 document(s) without 'date'"), nothingNew::toString);
        assertTrue(nothingNew.out().contains("rows_extracted=0"), nothingNew::toString);
        assertTrue(nothingNew.out().contains("rows_transformed=0"), nothingNew::toString);
        assertTrue(nothingNew.out().contains("rows_loaded=0"), nothingNew::toString);
        String logged = log(nothingNew);
        assertFalse(logged.contains(HADOOP_JOB), "no Hadoop job: " + logged);
        assertFalse(logged.contains(PIG), "no Pig: " + logged);
        assertEquals("rows_matched\trows_extracted\trows_transformed\trows_rejected\trows_loaded\n3\t3\t3\t0\t3\n0\t0\t0\t0\t0\n",
                sql("SELECT rows_matched, rows_extracted, rows_transformed, rows_rejected, rows_loaded FROM etl_loads"
                        + " ORDER BY window_lower"), "both windows recorded as loaded");
        assertEquals("count\n1\n", sql("SELECT COUNT(*) FROM etl_loads earlier JOIN etl_loads later"
                + " ON later.window_lower = earlier.window_upper"), "the empty window starts where the first ends");

        String added = servers.clicks(Instant.now(), 1).get(0);
        Etl.Result next = run();

        assertTrue(next.out().contains("rows_new=1"), next::toString);
        assertEquals("count\n1\n", sql("SELECT COUNT(*) FROM actions_taken WHERE id = '" + added + "'"));
        assertEquals("count\n4\n", sql("SELECT COUNT(*) FROM actions_taken"));
    }
}
