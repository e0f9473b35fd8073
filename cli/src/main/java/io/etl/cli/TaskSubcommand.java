package io.etl.cli;

import io.etl.task.Task;
import io.etl.task.TaskType;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * A command that acts on one task type, such as {@code etl run actions_taken} or {@code etl graph actions_taken}:
 * its options are the task's parameters plus the action's own (a mixin).
 */
abstract class TaskSubcommand implements Callable<Integer> {

    private final TaskType<?> type;
    private final TaskOptions taskOptions;
    private final CommandSpec spec;

    TaskSubcommand(TaskType<?> type, Object actionOptions) {
        this.type = type;
        this.taskOptions = new TaskOptions(type);
        this.spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(type.family());
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description(type.description());
        taskOptions.addTo(spec);
        spec.addMixin("options", CommandSpec.forAnnotatedObject(actionOptions));
    }

    CommandLine commandLine() {
        return new CommandLine(spec);
    }

    CommandSpec spec() {
        return spec;
    }

    TaskType<?> type() {
        return type;
    }

    @Override
    public Integer call() throws Exception {
        return execute(taskOptions.task());
    }

    abstract int execute(Task task) throws Exception;
}
