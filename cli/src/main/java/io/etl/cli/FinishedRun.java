package io.etl.cli;

import io.etl.scheduler.Plan;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.TaskOutcome;
import io.etl.scheduler.TaskState;
import io.etl.task.Failures;
import io.etl.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as its reports and alerts see it once it has ended: the plan (for the graph), the summary (for the outcomes)
 * and the full error of each task that failed for good (the summary keeps only its first line).
 */
record FinishedRun(Plan plan, RunSummary summary, Map<Task, Throwable> errors) {

    /** The run id of a run that stopped before it had one. */
    static final String NOT_STARTED = "not started";

    FinishedRun {
        errors = Map.copyOf(errors);
    }

    /** The first task that failed for good, or was missing: what an alert names. */
    Optional<TaskOutcome> firstFailure() {
        return summary.outcomes().stream()
                .filter(o -> o.state() == TaskState.FAILED || o.state() == TaskState.MISSING_INPUT)
                .findFirst();
    }

    /** The first line of a task's error, or its state when it has none (a missing input). */
    String firstErrorLine(TaskOutcome outcome) {
        return Optional.ofNullable(errors.get(outcome.task())).map(Failures::firstLine)
                .or(outcome::error).orElse(outcome.state().label());
    }

    /** The rows the run's loads recorded ({@value RunLoad#ROWS_METRIC}). */
    long rowsLoaded() {
        return summary.outcomes(TaskState.DONE).stream().mapToLong(o -> o.metrics().getOrDefault(RunLoad.ROWS_METRIC, 0L)).sum();
    }

    /**
     * A run that stopped before its first task (a malformed setting, a warehouse that did not answer the plan): its
     * root alone, failed with that error, so that the reports and the alert say what went wrong.
     */
    static FinishedRun failedBeforeStart(Task root, Throwable error, Instant at) {
        TaskOutcome failed = new TaskOutcome(root, TaskState.FAILED, 0, Duration.ZERO, Optional.of(Failures.firstLine(error)),
                Map.of(), List.of(), Optional.empty());
        RunSummary summary = new RunSummary(NOT_STARTED, root, RunStatus.SCHEDULING_ERROR, at, at, 0, List.of(failed));
        return new FinishedRun(Plan.unplanned(root, error), summary, Map.of(root, error));
    }

    /** The window the run loaded: the {@code lower}/{@code upper} parameters of a planned task, if it has one. */
    Optional<RunWindow> window() {
        return RunWindow.of(plan.tasks().stream().map(t -> t.parameters().asText()));
    }
}
