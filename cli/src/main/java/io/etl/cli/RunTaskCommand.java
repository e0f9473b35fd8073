package io.etl.cli;

import io.etl.config.Settings;
import io.etl.history.RunHistory;
import io.etl.scheduler.Plan;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.SummaryText;
import io.etl.state.StateDirectory;
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
        StateDirectory state = environment.state();
        PrintWriter out = spec().commandLine().getOut();
        PrintWriter err = spec().commandLine().getErr();
        Scheduler.Builder builder = Scheduler.builder()
                .workers(options.workers(settings))
                .retryPolicy(options.retryPolicy(settings));
        if (options.dryRun) {
            Plan plan = builder.build().plan(task);
            out.print(settings.mask(PlanText.render(plan)));
            out.flush();
            return PlanText.canRun(plan) ? ExitCodes.OK : ExitCodes.SCHEDULING_ERROR;
        }
        boolean terminal = System.console() != null;
        builder.lockDirectory(state.locks(), "etl run " + task.id())
                .listener(new RunLog(state.logs(), LogRetention.from(settings), err, settings))
                .listener(new ConsoleProgress(err, settings, terminal))
                .listener(new RunHistory(state.history(), settings))
                .listener(new RunReports(options.reports(settings), err, settings));
        if (terminal) {
            builder.listener(new TerminalProgress(System.err));
        }
        Scheduler scheduler = builder.build();
        RunSummary summary;
        try (ShutdownGuard guard = ShutdownGuard.cancelling(scheduler)) {
            summary = scheduler.run(task);
            out.print(settings.mask(SummaryText.render(summary) + Rejected.line(summary)));
            out.flush();
        }
        return ExitCodes.of(summary);
    }
}
