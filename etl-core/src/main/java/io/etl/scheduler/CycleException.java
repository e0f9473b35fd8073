package io.etl.scheduler;

import io.etl.task.TaskId;

import java.util.List;
import java.util.stream.Collectors;

/** The requirements loop back on themselves; the message names the tasks of one such loop, in order. */
public class CycleException extends SchedulingException {

    private final List<TaskId> cycle;

    public CycleException(List<TaskId> cycle) {
        super("dependency cycle: " + cycle.stream().map(TaskId::toString).collect(Collectors.joining(" -> ")));
        this.cycle = List.copyOf(cycle);
    }

    /** The tasks of the loop, the first repeated at the end. */
    public List<TaskId> cycle() {
        return cycle;
    }
}
