package io.etl.scheduler;

import io.etl.lock.LockOwner;
import io.etl.task.Task;
import io.etl.task.TaskId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task's part in a run.
 *
 * @param error     the first line of the last error, for failed tasks
 * @param notes     what the task noted for a person to read ({@link io.etl.task.TaskContext#note})
 * @param blockedBy for upstream-failed tasks, the failed or missing task that stopped them
 */
public record TaskOutcome(Task task, TaskState state, int attempts, Duration duration, Optional<String> error,
                          Map<String, Long> metrics, List<String> notes, Optional<TaskId> blockedBy) {

    static TaskOutcome of(Task task, TaskState state) {
        return new TaskOutcome(task, state, 0, Duration.ZERO, Optional.empty(), Map.of(), List.of(), Optional.empty());
    }

    /** A group's member skipped because another run holds its lock: the note names that run. */
    static TaskOutcome lockedOut(Task member, Optional<LockOwner> holder) {
        String held = holder.map(owner -> "held by " + owner).orElse("held by another process");
        return new TaskOutcome(member, TaskState.LOCKED_OUT, 0, Duration.ZERO, Optional.empty(), Map.of(), List.of(held),
                Optional.empty());
    }
}
