package io.etl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code etl list}: every task type that {@code etl run} knows, with what it does. */
@Command(name = "list", description = "List the ETLs and tasks that can be run, with a one-line description; examples and benchmarks apart.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;

    ListCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = environment.registry().types().stream().mapToInt(t -> t.family().length()).max().orElse(0);
        environment.registry().groups().forEach((heading, types) -> {
            out.println(heading + ":");
            types.forEach(type -> out.printf("  %-" + width + "s  %s%n", type.family(), type.description()));
        });
        out.println("Groups of ETLs, each run as one (etl run <group>; setting group.<name> makes one):");
        environment.groups().members().forEach((group, etls) -> out.printf("  %-" + width + "s  %s%n", group, String.join(", ", etls)));
        out.flush();
        return ExitCodes.OK;
    }
}
