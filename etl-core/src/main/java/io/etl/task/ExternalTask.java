package io.etl.task;

import io.etl.parameter.ParameterValues;

/**
 * Data that something outside this run produces (a file dropped by another system). It is never run: if its output
 * is missing, the tasks that need it cannot run and the run ends with a scheduling error naming it.
 */
public abstract class ExternalTask extends Task {

    protected ExternalTask(TaskType<?> type, ParameterValues parameters) {
        super(type, parameters);
    }

    @Override
    public final void run(TaskContext context) {
        throw new IllegalStateException(this + " is external input and cannot be run");
    }
}
