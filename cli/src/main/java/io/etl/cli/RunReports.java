package io.etl.cli;

import io.etl.config.Settings;
import io.etl.event.RunEvent;
import io.etl.event.RunListener;
import io.etl.scheduler.Plan;
import io.etl.task.Failures;
import io.etl.task.Task;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what the reports need while a run goes on and writes them when it ends. A report that cannot be written
 * is a warning, never the run's failure: the data was loaded (or not) whatever becomes of its report.
 */
final class RunReports implements RunListener {

    private final List<RunReport> reports;
    private final PrintWriter err;
    private final Settings settings;
    private final Map<Task, Throwable> errors = new HashMap<>();
    private Plan plan;

    RunReports(List<RunReport> reports, PrintWriter err, Settings settings) {
        this.reports = List.copyOf(reports);
        this.err = err;
        this.settings = settings;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            plan = started.plan();
        } else if (event instanceof RunEvent.TaskFailed failed && failed.retryIn().isEmpty()) {
            errors.put(failed.task(), failed.error());
        } else if (event instanceof RunEvent.RunFinished finished) {
            writeAll(new FinishedRun(plan, finished.summary(), errors));
        }
    }

    void writeAll(FinishedRun run) {
        reports.forEach(report -> write(report, run));
    }

    private void write(RunReport report, FinishedRun run) {
        try {
            report.write(run);
        } catch (Exception e) {
            err.println("etl: warning: " + settings.mask("cannot write the " + report.description() + ": " + Failures.firstLine(e)));
            err.flush();
        }
    }
}
