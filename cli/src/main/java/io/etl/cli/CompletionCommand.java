package io.etl.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code etl completion}: a bash (and zsh) completion script for every command, task and parameter, made by picocli
 * from the command tree as it is at start-up, so the task types of this installation are in it.
 */
@Command(name = "completion", description = "Print a bash/zsh completion script for etl, its tasks and their parameters: "
        + "source <(./etl completion), or save it as /etc/bash_completion.d/etl.")
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("etl", spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
