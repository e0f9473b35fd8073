package io.etl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code etl graph <task> [--format text|dot|mermaid]}: the dependency graph, each task with its status. */
@Command(name = "graph", description = "Draw a task's dependency graph with what is complete and what would run.",
        synopsisSubcommandLabel = "<task>")
public final class GraphCommand extends TaskChoosingCommand {

    GraphCommand(CliEnvironment environment) {
        super(environment);
    }

    /** The graph command's own option, next to the task's parameters. */
    static final class Options {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text, dot (Graphviz) or mermaid (default: ${DEFAULT-VALUE}).")
        String format;
    }
}
