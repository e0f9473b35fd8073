package io.etl.cli;

import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterType;
import io.etl.scheduler.Scheduler;
import io.etl.task.Task;
import io.etl.task.TaskType;

import java.io.PrintWriter;

/** {@code etl graph <task>}: plans without running and draws the plan. */
final class GraphTaskCommand extends TaskSubcommand {

    private static final ParameterType<GraphFormat> FORMAT = ParameterType.enumeration(GraphFormat.class);

    private final GraphCommand.Options options;

    GraphTaskCommand(TaskType<?> type) {
        this(type, new GraphCommand.Options());
    }

    private GraphTaskCommand(TaskType<?> type, GraphCommand.Options options) {
        super(type, options);
        this.options = options;
    }

    @Override
    int execute(Task task) {
        GraphFormat format;
        try {
            format = FORMAT.parse(options.format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("--format: " + e.getMessage());
        }
        PrintWriter out = spec().commandLine().getOut();
        out.print(format.render(Scheduler.builder().build().plan(task)));
        out.flush();
        return ExitCodes.OK;
    }
}
