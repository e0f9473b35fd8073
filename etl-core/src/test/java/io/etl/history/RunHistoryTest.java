package io.etl.history;

import io.etl.config.Settings;
import io.etl.scheduler.CycleException;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.task.RetryPolicy;
import io.etl.testing.TestDag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunHistoryTest {

    @TempDir
    Path dir;

    private RunSummary runWithHistory(TestDag dag, String root, Settings settings) {
        return Scheduler.builder()
                .retryPolicy(RetryPolicy.retries(1).withBackoff(Duration.ZERO))
                .listener(new RunHistory(dir.resolve("history"), settings))
                .build()
                .run(dag.task(root));
    }

    @Test
    void every_run_and_attempt_is_kept_with_status_counts_and_metrics() {
        TestDag dag = new TestDag(dir.resolve("data"));
        dag.node("load").requires("extract").records(Map.of("rows_loaded", 10_000L));
        dag.node("extract").failsTimes(1);

        RunSummary first = runWithHistory(dag, "load", Settings.empty());
        RunSummary second = runWithHistory(dag, "load", Settings.empty());

        HistoryReader reader = new HistoryReader(dir.resolve("history"));
        List<RunRecord> runs = reader.runs(Optional.of("node"));
        assertEquals(List.of(second.runId(), first.runId()), runs.stream().map(RunRecord::runId).toList());
        RunRecord run = runs.get(1);
        assertEquals("SUCCESS", run.status());
        assertEquals(Map.of("ran", 2L), run.counts());
        assertEquals(Map.of("node(name=load)", Map.of("rows_loaded", 10_000L)), run.metrics());
        assertEquals(Map.of("already complete", 1L), runs.get(0).counts());

        List<AttemptRecord> attempts = reader.attempts(run);
        assertEquals(List.of("node(name=extract) #1 FAILED", "node(name=extract) #2 SUCCEEDED", "node(name=load) #1 SUCCEEDED"),
                attempts.stream().map(a -> a.task() + " #" + a.attempt() + " " + a.status()).toList());
        assertTrue(attempts.get(0).retried());
        assertTrue(attempts.get(0).error().contains("extract failed on attempt 1"));
    }

    @Test
    void a_failed_run_records_the_first_failure_with_secrets_masked() {
        TestDag dag = new TestDag(dir.resolve("data"));
        dag.node("s3cr3t-pw").failsAlways();
        Settings settings = Settings.builder().environment(Map.of("ETL_WAREHOUSE_PASSWORD", "s3cr3t-pw")).build();

        runWithHistory(dag, "s3cr3t-pw", settings);

        RunRecord run = new HistoryReader(dir.resolve("history")).runs(Optional.empty()).get(0);
        assertEquals("FAILED", run.status());
        assertEquals("node(name=****): **** failed on attempt 2", run.error());
        assertFalse(run.task().contains("s3cr3t"));
    }

    @Test
    void a_run_whose_plan_fails_is_recorded_as_a_scheduling_error_naming_the_cycle() {
        TestDag dag = new TestDag(dir.resolve("data"));
        dag.node("a").requires("b");
        dag.node("b").requires("a");

        assertThrows(CycleException.class, () -> runWithHistory(dag, "a", Settings.empty()));

        RunRecord run = new HistoryReader(dir.resolve("history")).runs(Optional.of("node")).get(0);
        assertEquals("SCHEDULING_ERROR", run.status());
        assertTrue(run.error().startsWith("dependency cycle: node(name=a) -> node(name=b)"), run.error());
    }

    @Test
    void a_run_whose_process_died_reads_as_killed_and_a_cut_line_is_skipped() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("history/node")).resolve("runs.jsonl");
        Files.writeString(runs, """
                {"runId":"20261122T010000Z-dead","family":"node","task":"node(name=a)","status":"RUNNING","startedAt":"2026-11-22T01:00:00Z","pid":999999999,"host":"%s"}
                {"runId":"20261122T020000Z-cut","family":"node","task":"node(na
                """.formatted(RunHistory.hostName()));

        List<RunRecord> read = new HistoryReader(dir.resolve("history")).runs(Optional.of("node"));

        assertEquals(1, read.size());
        assertEquals("KILLED", read.get(0).status());
        assertNull(read.get(0).finishedAt());
    }
}
