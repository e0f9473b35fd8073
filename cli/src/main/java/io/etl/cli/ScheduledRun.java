package io.etl.cli;

import io.etl.config.Settings;
import io.etl.history.RunHistory;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.SummaryText;
import io.etl.state.StateDirectory;
import io.etl.task.Task;

import java.io.PrintWriter;

/**
 * A task run the way {@code etl run} runs one: under its lock, with the run log, the progress, the history and the
 * reports, the summary printed at the end. {@code etl audit --repair} runs its repair the same way.
 */
final class ScheduledRun {

    private ScheduledRun() {
    }

    /** @param command the command line, as the lock's owner names it */
    static RunSummary run(Task task, String command, CliEnvironment environment, RunOptions options, PrintWriter out, PrintWriter err) {
        Settings settings = environment.settings();
        StateDirectory state = environment.state();
        boolean terminal = System.console() != null;
        Scheduler.Builder builder = Scheduler.builder()
                .workers(options.workers(settings))
                .retryPolicy(options.retryPolicy(settings))
                .lockDirectory(state.locks(), command)
                // first: whatever the console shows of a run is already in its history, even if the process is killed then
                .listener(new RunHistory(state.history(), settings))
                .listener(new RunLog(state.logs(), LogRetention.from(settings), err, settings))
                .listener(new ConsoleProgress(err, settings, terminal))
                .listener(new Leftovers(settings, err))
                .listener(new RunReports(options.reports(settings), err, settings));
        if (terminal) {
            builder.listener(new TerminalProgress(System.err));
        }
        Scheduler scheduler = builder.build();
        try (ShutdownGuard guard = ShutdownGuard.cancelling(scheduler)) {
            RunSummary summary = scheduler.run(task);
            out.print(settings.mask(SummaryText.render(summary) + Rejected.line(summary)));
            out.flush();
            return summary;
        }
    }
}
