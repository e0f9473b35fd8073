package io.etl.cli;

import io.etl.task.TaskType;
import io.etl.task.UnknownTaskException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A command whose subcommands are the task types ({@code etl run <task>}, {@code etl graph <task>}), added at
 * start-up. It is itself reached only when no task matched: a missing or unknown task name.
 */
abstract class TaskChoosingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<task>", hidden = true)
    String unknownTask;

    @Unmatched
    List<String> rest;

    private final CliEnvironment environment;

    TaskChoosingCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (unknownTask == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "which task? 'etl list' shows them all");
        }
        throw new UnknownTaskException(unknownTask, environment.registry().types().stream().map(TaskType::family).toList());
    }
}
