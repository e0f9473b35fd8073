package io.etl.task;

import io.etl.parameter.ParameterValues;

/** A task that only groups others: it has no output of its own and is complete when all its requirements are. */
public abstract class WrapperTask extends Task {

    protected WrapperTask(TaskType<?> type, ParameterValues parameters) {
        super(type, parameters);
    }

    @Override
    public boolean complete() {
        return requires().stream().allMatch(Task::complete);
    }

    @Override
    public final void run(TaskContext context) {
        // nothing to do: the requirements did the work
    }
}
