package io.etl.scheduler;

import io.etl.event.RunEvent;
import io.etl.lock.LockOwner;
import io.etl.lock.RunLock;
import io.etl.task.RetryPolicy;
import io.etl.task.TaskGroup;
import io.etl.task.TaskType;
import io.etl.testing.TestDag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerTest {

    @TempDir
    Path dir;

    private TestDag dag() {
        return new TestDag(dir);
    }

    private static Scheduler.Builder scheduler() {
        return Scheduler.builder();
    }

    private static TaskState state(RunSummary summary, String name) {
        return summary.outcomes().stream().filter(o -> o.task().id().parameters().equals("name=" + name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in the plan")).state();
    }

    @Test
    void runs_requirements_before_the_tasks_that_need_them() {
        TestDag dag = dag();
        dag.node("load").requires("transform");
        dag.node("transform").requires("extract");

        RunSummary summary = scheduler().build().run(dag.task("load"));

        assertEquals(RunStatus.SUCCESS, summary.status());
        assertEquals(List.of("extract", "transform", "load"), dag.runOrder());
        assertTrue(Files.exists(dag.output("load")));
    }

    @Test
    void one_worker_runs_the_tasks_free_to_go_at_once_in_the_order_they_are_required() {
        TestDag dag = dag();
        dag.node("backfill").requires("chunk-1", "chunk-2", "chunk-3");

        scheduler().build().run(dag.task("backfill"));

        assertEquals(List.of("chunk-1", "chunk-2", "chunk-3", "backfill"), dag.runOrder());
    }

    @Test
    void a_task_of_higher_priority_that_becomes_ready_goes_before_the_ones_waiting_already() {
        TestDag dag = dag();
        dag.node("backfill").requires("load-1", "load-2", "load-3");
        for (int chunk = 1; chunk <= 3; chunk++) {
            dag.node("load-" + chunk).priority(1).requires("extract-" + chunk);
        }

        scheduler().build().run(dag.task("backfill"));

        assertEquals(List.of("extract-1", "load-1", "extract-2", "load-2", "extract-3", "load-3", "backfill"), dag.runOrder(),
                "one worker finishes a chunk before it reads the next");
    }

    @Test
    void skips_tasks_already_complete_and_does_not_expand_their_requirements() throws Exception {
        TestDag dag = dag();
        dag.node("load").requires("transform");
        dag.node("transform").requires("extract");
        Files.writeString(dag.output("transform"), "done before");

        RunSummary summary = scheduler().build().run(dag.task("load"));

        assertEquals(RunStatus.SUCCESS, summary.status());
        assertEquals(List.of("load"), dag.runOrder());
        assertEquals(TaskState.ALREADY_COMPLETE, state(summary, "transform"));
        assertEquals(2, summary.outcomes().size(), "extract is never planned");
    }

    @Test
    void a_second_run_with_everything_complete_runs_nothing() {
        TestDag dag = dag();
        dag.node("root").requires("a", "b");
        scheduler().build().run(dag.task("root"));

        RunSummary again = scheduler().build().run(dag.task("root"));

        assertEquals(RunStatus.SUCCESS, again.status());
        assertEquals(1, again.outcomes().size());
        assertEquals(TaskState.ALREADY_COMPLETE, again.rootOutcome().state());
        assertEquals(3, dag.runOrder().size());
    }

    @Test
    void refuses_a_cycle_naming_its_tasks() {
        TestDag dag = dag();
        dag.node("report").requires("load");
        dag.node("load").requires("transform");
        dag.node("transform").requires("load");

        CycleException e = assertThrows(CycleException.class, () -> scheduler().build().run(dag.task("report")));

        assertEquals("dependency cycle: node(name=load) -> node(name=transform) -> node(name=load)", e.getMessage());
        assertTrue(dag.runOrder().isEmpty(), "nothing runs");
    }

    @Test
    void refuses_a_task_that_requires_itself() {
        TestDag dag = dag();
        dag.node("selfish").requires("selfish");

        CycleException e = assertThrows(CycleException.class, () -> scheduler().build().run(dag.task("selfish")));

        assertEquals("dependency cycle: node(name=selfish) -> node(name=selfish)", e.getMessage());
    }

    @Test
    void retries_a_failing_task_and_counts_its_attempts() {
        TestDag dag = dag();
        dag.node("flaky").failsTimes(2);

        RunSummary summary = scheduler().retryPolicy(RetryPolicy.retries(3).withBackoff(Duration.ofMillis(10))).build()
                .run(dag.task("flaky"));

        assertEquals(RunStatus.SUCCESS, summary.status());
        assertEquals(3, dag.runs("flaky"));
        assertEquals(3, summary.rootOutcome().attempts());
    }

    @Test
    void gives_up_after_the_last_retry_with_the_first_line_of_the_error() {
        TestDag dag = dag();
        dag.node("broken").failsAlways();

        RunSummary summary = scheduler().retryPolicy(RetryPolicy.retries(2).withBackoff(Duration.ofMillis(1))).build()
                .run(dag.task("broken"));

        assertEquals(RunStatus.FAILED, summary.status());
        assertEquals(3, dag.runs("broken"));
        assertEquals("broken failed on attempt 3", summary.rootOutcome().error().orElseThrow());
    }

    @Test
    void a_task_can_override_the_retry_policy_of_the_run() {
        TestDag dag = dag();
        dag.node("patient").failsTimes(4).retries(RetryPolicy.retries(5).withBackoff(Duration.ofMillis(1)));

        RunSummary summary = scheduler().build().run(dag.task("patient"));

        assertEquals(RunStatus.SUCCESS, summary.status());
        assertEquals(5, dag.runs("patient"));
    }

    @Test
    void a_permanent_failure_is_not_retried() {
        TestDag dag = dag();
        dag.node("bad-input").failsPermanently();

        RunSummary summary = scheduler().retryPolicy(RetryPolicy.retries(5).withBackoff(Duration.ofMillis(1))).build()
                .run(dag.task("bad-input"));

        assertEquals(RunStatus.FAILED, summary.status());
        assertEquals(1, dag.runs("bad-input"));
    }

    @Test
    void backoff_grows_between_retries() {
        RetryPolicy policy = RetryPolicy.retries(4).withBackoff(Duration.ofSeconds(1));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                List.of(policy.delayBefore(2), policy.delayBefore(3), policy.delayBefore(4)));
    }

    @Test
    void upstream_failure_propagates_while_an_independent_branch_completes() {
        TestDag dag = dag();
        dag.node("report").requires("orders_load", "users_load");
        dag.node("orders_load").requires("orders_extract");
        dag.node("orders_extract").failsAlways();
        dag.node("users_load").requires("users_extract");

        RunSummary summary = scheduler().workers(2).build().run(dag.task("report"));

        assertEquals(RunStatus.FAILED, summary.status());
        assertEquals(TaskState.FAILED, state(summary, "orders_extract"));
        assertEquals(TaskState.UPSTREAM_FAILED, state(summary, "orders_load"));
        assertEquals(TaskState.UPSTREAM_FAILED, state(summary, "report"));
        assertEquals(TaskState.DONE, state(summary, "users_extract"));
        assertEquals(TaskState.DONE, state(summary, "users_load"));
        assertTrue(Files.exists(dag.output("users_load")));
        assertFalse(Files.exists(dag.output("orders_load")));
        assertEquals("node(name=orders_extract)", summary.outcomes().stream()
                .filter(o -> o.state() == TaskState.UPSTREAM_FAILED).findFirst().orElseThrow().blockedBy().orElseThrow().toString());
    }

    @Test
    void two_workers_really_run_two_tasks_at_once() {
        TestDag dag = dag();
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        dag.node("root").requires("left", "right");
        dag.node("left").meetsAt(bothRunning, Duration.ofSeconds(10));
        dag.node("right").meetsAt(bothRunning, Duration.ofSeconds(10));

        RunSummary summary = scheduler().workers(2).build().run(dag.task("root"));

        assertEquals(RunStatus.SUCCESS, summary.status(), "each task waits at the barrier for the other");
    }

    @Test
    void one_worker_runs_one_task_at_a_time() {
        TestDag dag = dag();
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        dag.node("root").requires("left", "right");
        dag.node("left").meetsAt(bothRunning, Duration.ofMillis(500));
        dag.node("right").meetsAt(bothRunning, Duration.ofMillis(500));

        RunSummary summary = scheduler().workers(1).build().run(dag.task("root"));

        assertEquals(RunStatus.FAILED, summary.status(), "the barrier times out when only one runs");
    }

    @Test
    void higher_priority_runs_first_among_ready_tasks() {
        TestDag dag = dag();
        dag.node("root").requires("low", "high");
        dag.node("high").priority(10);

        scheduler().build().run(dag.task("root"));

        assertEquals(List.of("high", "low", "root"), dag.runOrder());
    }

    @Test
    void a_group_skips_a_member_whose_lock_another_run_holds_and_runs_it_once_the_lock_is_free() {
        TestDag dag = dag();
        dag.node("report").requires("extract");
        TaskType<TaskGroup> group = TaskGroup.type("all", "every report", List.of(dag.type()));
        TaskGroup all = group.parse(Map.of("name", "report"));
        Scheduler scheduler = scheduler().lockDirectory(dir.resolve("locks"), "etl run all").build();

        RunSummary skipped;
        try (RunLock backfill = RunLock.acquire(dir.resolve("locks"), "node", LockOwner.currentProcess(Clock.systemUTC(), "backfill"))) {
            skipped = scheduler.run(all);
        }
        RunSummary ran = scheduler.run(all);

        assertEquals(RunStatus.LOCKED_OUT, skipped.status());
        List<TaskOutcome> lockedOut = skipped.outcomes(TaskState.LOCKED_OUT);
        assertEquals(List.of("node(name=report)"), lockedOut.stream().map(o -> o.task().id().toString()).toList());
        assertTrue(lockedOut.get(0).notes().get(0).startsWith("held by pid " + ProcessHandle.current().pid()), skipped::toString);
        assertTrue(lockedOut.get(0).notes().get(0).endsWith("(backfill)"), skipped::toString);
        assertEquals(RunStatus.SUCCESS, ran.status());
        assertEquals(List.of("extract", "report"), dag.runOrder());
    }

    @Test
    void missing_external_input_is_a_scheduling_error_and_blocks_only_what_needs_it() {
        TestDag dag = dag();
        dag.node("root").requires("load", "other");
        dag.node("load").requires("dropped_file");
        dag.node("dropped_file").external();

        RunSummary summary = scheduler().build().run(dag.task("root"));

        assertEquals(RunStatus.SCHEDULING_ERROR, summary.status());
        assertEquals(TaskState.MISSING_INPUT, state(summary, "dropped_file"));
        assertEquals(TaskState.UPSTREAM_FAILED, state(summary, "load"));
        assertEquals(TaskState.DONE, state(summary, "other"));
    }

    @Test
    void present_external_input_lets_the_run_go_on() throws Exception {
        TestDag dag = dag();
        dag.node("load").requires("dropped_file");
        dag.node("dropped_file").external();
        Files.writeString(dag.output("dropped_file"), "data");

        assertEquals(RunStatus.SUCCESS, scheduler().build().run(dag.task("load")).status());
    }

    @Test
    void a_run_that_returns_without_writing_its_output_fails() {
        TestDag dag = dag();
        dag.node("forgetful").forgetsOutput();

        RunSummary summary = scheduler().build().run(dag.task("forgetful"));

        assertEquals(RunStatus.FAILED, summary.status());
        assertTrue(summary.rootOutcome().error().orElseThrow().startsWith("run() returned but output is missing"));
    }

    @Test
    void a_task_without_output_runs_every_time() {
        TestDag dag = dag();
        dag.node("notify").withoutOutput();

        scheduler().build().run(dag.task("notify"));
        scheduler().build().run(dag.task("notify"));

        assertEquals(2, dag.runs("notify"));
    }

    @Test
    void listeners_hear_every_attempt_in_order_with_the_metrics_recorded() {
        TestDag dag = dag();
        dag.node("load").requires("extract").records(Map.of("rows", 42L));
        dag.node("extract").failsTimes(1);
        List<String> heard = new ArrayList<>();

        scheduler().retryPolicy(RetryPolicy.retries(1).withBackoff(Duration.ZERO)).listener(event -> heard.add(describe(event)))
                .build().run(dag.task("load"));

        assertEquals(List.of("run opened", "run started", "start name=extract #1", "failed name=extract will retry",
                "start name=extract #2", "done name=extract {}", "start name=load #1", "done name=load {rows=42}",
                "run finished SUCCESS"), heard);
    }

    private static String describe(RunEvent event) {
        if (event instanceof RunEvent.TaskStarted e) {
            return "start " + e.task().id().parameters() + " #" + e.attempt();
        } else if (event instanceof RunEvent.TaskSucceeded e) {
            return "done " + e.task().id().parameters() + " " + e.metrics();
        } else if (event instanceof RunEvent.TaskFailed e) {
            return "failed " + e.task().id().parameters() + (e.retryIn().isPresent() ? " will retry" : "");
        } else if (event instanceof RunEvent.RunFinished e) {
            return "run finished " + e.summary().status();
        } else if (event instanceof RunEvent.RunOpened) {
            return "run opened";
        }
        return event instanceof RunEvent.RunStarted ? "run started" : "progress";
    }

    @Test
    void cancelling_stops_the_run_and_reports_it_interrupted() throws Exception {
        TestDag dag = dag();
        dag.node("root").requires("slow");
        dag.node("slow").sleeps(Duration.ofSeconds(30));
        Scheduler scheduler = scheduler().build();
        Thread canceller = new Thread(() -> {
            while (dag.runs("slow") == 0) {
                Thread.onSpinWait();
            }
            scheduler.cancel();
        });
        canceller.start();

        RunSummary summary = scheduler.run(dag.task("root"));
        canceller.join();

        assertEquals(RunStatus.INTERRUPTED, summary.status());
        assertEquals(TaskState.FAILED, state(summary, "slow"));
        assertTrue(summary.duration().compareTo(Duration.ofSeconds(10)) < 0);
        assertFalse(Files.exists(dag.output("slow")));
    }

    @Test
    void the_summary_names_what_failed_and_why() {
        TestDag dag = dag();
        dag.node("report").requires("load");
        dag.node("load").failsAlways();

        String text = SummaryText.render(scheduler().build().run(dag.task("report")));

        assertTrue(text.contains("* 1 failed:\n    node(name=load)"), text);
        assertTrue(text.contains("error: load failed on attempt 1\n"), text);
        assertFalse(text.contains("second line of detail"), text);
        assertTrue(text.contains("* 1 upstream failed:\n    node(name=report)  (needs node(name=load))"), text);
        assertTrue(text.endsWith("Result: FAILED: 1 task(s) failed, 1 could not run\n"), text);
    }

    @Test
    void the_summary_of_many_tasks_is_folded_by_family() {
        TestDag dag = dag();
        String[] leaves = new String[50];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = "leaf-" + i;
        }
        dag.node("root").requires(leaves);

        String text = SummaryText.render(scheduler().build().run(dag.task("root")));

        assertTrue(text.contains("* 51 ran:\n    node: 51 tasks, e.g. "), text);
        assertTrue(text.lines().count() < 10, text);
    }
}
