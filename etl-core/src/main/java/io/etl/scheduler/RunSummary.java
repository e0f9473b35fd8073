package io.etl.scheduler;

import io.etl.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The end of a run: every planned task's outcome and the status the exit code is made from. */
public record RunSummary(String runId, Task root, RunStatus status, Instant startedAt, Instant finishedAt,
                         int workers, List<TaskOutcome> outcomes) {

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    public List<TaskOutcome> outcomes(TaskState state) {
        return outcomes.stream().filter(o -> o.state() == state).toList();
    }

    public long count(TaskState state) {
        return outcomes.stream().filter(o -> o.state() == state).count();
    }

    /** The root's own outcome. */
    public TaskOutcome rootOutcome() {
        return outcomes.stream().filter(o -> o.task().equals(root)).findFirst().orElseThrow();
    }
}
