package io.etl.event;

import io.etl.lock.LockOwner;
import io.etl.scheduler.Plan;
import io.etl.scheduler.RunSummary;
import io.etl.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What happens during a run, in order, delivered to {@link RunListener}s on one thread. */
public sealed interface RunEvent {

    String runId();

    Instant at();

    /**
     * A run has its id and holds its lock; its plan follows ({@link RunStarted}), which may take a while (completeness
     * checks ask the lake and the warehouse). A run killed in between is known by this event alone.
     */
    record RunOpened(String runId, Instant at, Task root) implements RunEvent {
    }

    /** Planning stopped the run (a dependency cycle): no task ran, and no {@link RunStarted} or {@link RunFinished} follows. */
    record PlanAborted(String runId, Instant at, Task root, Throwable error) implements RunEvent {
    }

    /** @param tookOverLockFrom the owner of a lock left behind by a run that died, if this run took it over */
    record RunStarted(String runId, Instant at, Task root, Plan plan, int workers,
                      Optional<LockOwner> tookOverLockFrom) implements RunEvent {
    }

    /**
     * The run could not be planned (a task could not say what it needs, most often because a server did not
     * answer); it is planned again after {@code retryIn}, by the run's retry policy.
     */
    record PlanFailed(String runId, Instant at, Task root, int attempt, Throwable error, Duration retryIn) implements RunEvent {
    }

    record TaskStarted(String runId, Instant at, Task task, int attempt) implements RunEvent {
    }

    /** @param unit what {@code done} and {@code total} count: "documents", "rows", or "%" for a share */
    record TaskProgressed(String runId, Instant at, Task task, String step, long done, long total, String unit) implements RunEvent {
    }

    /** @param notes what the task noted for a person to read ({@link io.etl.task.TaskContext#note}) */
    record TaskSucceeded(String runId, Instant at, Task task, int attempt, Duration duration,
                         Map<String, Long> metrics, List<String> notes) implements RunEvent {
    }

    /** @param retryIn present when the task will be attempted again after that wait */
    record TaskFailed(String runId, Instant at, Task task, int attempt, Duration duration, Throwable error,
                      Optional<Duration> retryIn) implements RunEvent {
    }

    record RunFinished(String runId, Instant at, RunSummary summary) implements RunEvent {
    }
}
