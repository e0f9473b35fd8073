package io.etl.cli;

import io.etl.config.Settings;
import io.etl.scheduler.Plan;
import io.etl.scheduler.Scheduler;
import io.etl.task.Task;
import io.etl.task.TaskType;

import java.io.PrintWriter;

/** {@code etl run <task>}: plans, locks, runs, prints the summary and exits with what Jenkins needs to know. */
final class RunTaskCommand extends TaskSubcommand {

    private final CliEnvironment environment;
    private final RunOptions options;

    RunTaskCommand(CliEnvironment environment, TaskType<?> type) {
        this(environment, type, new RunOptions());
    }

    private RunTaskCommand(CliEnvironment environment, TaskType<?> type, RunOptions options) {
        super(type, options);
        this.environment = environment;
        this.options = options;
    }

    @Override
    int execute(Task task) {
        Settings settings = environment.settings();
        PrintWriter out = spec().commandLine().getOut();
        if (options.dryRun) {
            Plan plan = Scheduler.builder().workers(options.workers(settings)).retryPolicy(options.retryPolicy(settings)).build().plan(task);
            out.print(settings.mask(PlanText.render(plan)));
            out.flush();
            return PlanText.canRun(plan) ? ExitCodes.OK : ExitCodes.SCHEDULING_ERROR;
        }
        return ExitCodes.of(ScheduledRun.run(task, "etl run " + task.id(), environment, options, out, spec().commandLine().getErr()));
    }
}
