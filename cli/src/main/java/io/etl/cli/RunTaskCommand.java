package io.etl.cli;

import io.etl.config.Settings;
import io.etl.lock.AlreadyRunningException;
import io.etl.scheduler.Plan;
import io.etl.scheduler.Scheduler;
import io.etl.task.Task;
import io.etl.task.TaskType;

import java.io.PrintWriter;
import java.time.Instant;

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

    /** Only a run that another one keeps from starting leaves no reports: nothing failed. */
    @Override
    public Integer call() throws Exception {
        try {
            return super.call();
        } catch (AlreadyRunningException notStarted) {
            throw notStarted;
        } catch (RuntimeException failed) {
            reportStoppedBeforeStart(failed);
            throw failed;
        }
    }

    /**
     * A run that stops before its first task (a malformed setting, a value its task refuses) still leaves its
     * reports and its alert, naming the error, for the Jenkins build to show; the error then goes on to the user.
     */
    void reportStoppedBeforeStart(RuntimeException failed) {
        if (!options.dryRun) {
            PrintWriter err = spec().commandLine().getErr();
            new RunReports(options.reports(environment, err), err, environment.settings())
                    .writeAll(FinishedRun.failedBeforeStart(new UnbuiltTask(type()), failed, Instant.now()));
        }
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
