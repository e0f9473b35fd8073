package io.etl.cli;

import picocli.CommandLine.Command;

/** {@code etl run <task> [--param value …]}: one subcommand per task type, added at start-up. */
@Command(name = "run", description = "Run a task and whatever it needs that is not complete yet.",
        synopsisSubcommandLabel = "<task>")
public final class RunCommand extends TaskChoosingCommand {

    RunCommand(CliEnvironment environment) {
        super(environment);
    }
}
