package io.etl.cli;

import io.etl.parameter.ParameterValues;
import io.etl.task.Task;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;

import java.util.List;

/**
 * The task a command line named, as the reports name it when the run stopped before the task itself was built or
 * run (a malformed setting): its family, no parameters. It is never run.
 */
final class UnbuiltTask extends Task {

    UnbuiltTask(TaskType<?> type) {
        super(type, ParameterValues.builder(List.of()).build());
    }

    @Override
    public void run(TaskContext context) {
        throw new IllegalStateException(family() + " was never built, so it cannot run");
    }
}
