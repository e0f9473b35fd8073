package io.etl.cli;

import io.etl.config.Settings;
import io.etl.embedded.Embedded;
import io.etl.history.RunHistory;
import io.etl.mongo.MongoSource;
import io.etl.scheduler.MemberRuns;
import io.etl.scheduler.RunSummary;
import io.etl.scheduler.Scheduler;
import io.etl.scheduler.SummaryText;
import io.etl.state.StateDirectory;
import io.etl.task.Task;
import io.etl.warehouse.Warehouse;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * A task run the way {@code etl run} runs one: under its lock, with the run log, the progress, the history and the
 * reports, the summary printed at the end. {@code etl audit --repair} runs its repair the same way.
 */
final class ScheduledRun {

    private ScheduledRun() {
    }

    /** @param command the command line, as the lock's owner names it */
    static RunSummary run(Task task, String command, CliEnvironment environment, RunOptions options, PrintWriter out, PrintWriter err) {
        if (System.console() == null) {
            return run(task, command, environment, options, out, err, Optional.empty());
        }
        // on a terminal, every line of the run (the log's warnings too) goes above the running tasks' lines
        PrintStream stderr = System.err;
        TerminalProgress terminal = TerminalProgress.on(stderr);
        PrintStream linesAbove = terminal.linesAbove();
        System.setErr(linesAbove);
        try {
            return run(task, command, environment, options, out, new PrintWriter(linesAbove, true), Optional.of(terminal));
        } finally {
            System.setErr(stderr);
        }
    }

    private static RunSummary run(Task task, String command, CliEnvironment environment, RunOptions options, PrintWriter out,
                                  PrintWriter lines, Optional<TerminalProgress> terminal) {
        Settings settings = environment.settings();
        StateDirectory state = environment.state();
        sayIfLocalTrial(settings, lines);
        Scheduler.Builder builder = Scheduler.builder()
                .workers(options.workers(settings))
                .retryPolicy(options.retryPolicy(settings))
                .lockDirectory(state.locks(), command)
                // first: whatever the console shows of a run is already in its history, even if the process is killed then;
                // each ETL of a group run in its own
                .listener(MemberRuns.each(() -> new RunHistory(state.history(), settings)))
                .listener(new RunLog(state.logs(), LogRetention.from(settings), lines, settings))
                .listener(new ConsoleProgress(lines, settings, terminal.isPresent()))
                .listener(new Leftovers(settings, lines))
                .listener(new RunReports(options.reports(environment, lines), lines, settings));
        terminal.ifPresent(builder::listener);
        Scheduler scheduler = builder.build();
        try (ShutdownGuard guard = ShutdownGuard.cancelling(scheduler)) {
            RunSummary summary = scheduler.run(task);
            out.print(settings.mask(SummaryText.render(summary) + Rejected.line(summary)));
            out.flush();
            return summary;
        }
    }

    /** A real source loaded into the embedded warehouse is a local trial: said first, so that no one takes it for production. */
    private static void sayIfLocalTrial(Settings settings, PrintWriter err) {
        if (!settings.isSet(Warehouse.URL) && Embedded.database().isPresent()) {
            MongoSource.configured(settings).ifPresent(source -> err.println("etl: loading " + source.describe()
                    + " into the embedded warehouse in " + Warehouse.embeddedDirectory(settings) + " (" + Warehouse.URL.name()
                    + " is not set)"));
        }
    }
}
