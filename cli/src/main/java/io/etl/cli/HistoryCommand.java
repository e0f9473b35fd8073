package io.etl.cli;

import io.etl.history.AttemptRecord;
import io.etl.history.HistoryReader;
import io.etl.history.RunRecord;
import io.etl.parameter.ParameterException;
import io.etl.scheduler.SummaryText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** {@code etl history [etl]}: the last runs, newest first, or the attempts of one run. */
@Command(name = "history", description = "Show past runs (status, tasks, duration, first error), or one run's task attempts.")
public final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<etl>", description = "Only the runs of this ETL (task family).")
    String family;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Show the task attempts of this run.")
    String runId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    TextOrJson output;

    private final CliEnvironment environment;

    HistoryCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        output.json();
        HistoryReader reader = new HistoryReader(environment.state().history());
        PrintWriter out = spec.commandLine().getOut();
        List<RunRecord> runs = reader.runs(Optional.ofNullable(family));
        if (runId == null) {
            List<RunRecord> last = runs.stream().limit(limit).toList();
            out.print(output.render(last, () -> runsText(last, reader)));
        } else {
            // a run of all ETLs (or of a group) is recorded as one run of each, under one id
            List<RunRecord> ofRun = runs.stream().filter(r -> r.runId().equals(runId))
                    .sorted(Comparator.comparing(RunRecord::family)).toList();
            if (ofRun.isEmpty()) {
                throw new ParameterException("no run " + runId + (family == null ? "" : " of " + family));
            }
            List<List<AttemptRecord>> attempts = ofRun.stream().map(reader::attempts).toList();
            out.print(output.render(attempts.stream().flatMap(List::stream).toList(), () -> IntStream.range(0, ofRun.size())
                    .mapToObj(i -> attemptsText(ofRun.get(i), attempts.get(i))).collect(Collectors.joining("\n")) + "\n"));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The window and rows columns say what each run loaded: what a look at the history is usually for. */
    private static String runsText(List<RunRecord> runs, HistoryReader reader) {
        if (runs.isEmpty()) {
            return "no runs yet\n";
        }
        StringBuilder out = new StringBuilder(String.format("%-26s %-16s %-19s %-10s %-9s %-46s %10s  %s%n",
                "RUN", "STATUS", "STARTED (UTC)", "DURATION", "TASKS RAN", "WINDOW", "ROWS", "TASK / FIRST ERROR"));
        for (RunRecord run : runs) {
            long ran = run.counts() == null ? 0 : run.counts().getOrDefault("ran", 0L);
            RunLoad load = RunLoad.of(run, reader);
            out.append(String.format("%-26s %-16s %-19s %-10s %-9d %-46s %10s  %s%n", run.runId(), run.status(), TIME.format(run.startedAt()),
                    run.duration() == null ? "-" : SummaryText.duration(run.duration()), ran, load.windowText(), load.rowsText(),
                    run.error() == null ? run.task() : run.error()));
        }
        return out.toString();
    }

    private static String attemptsText(RunRecord run, List<AttemptRecord> attempts) {
        StringBuilder out = new StringBuilder("run " + run.runId() + " of " + run.task() + ": " + run.status() + "\n");
        for (var attempt : attempts) {
            out.append(String.format("  %-9s #%d %-8s %s%s%n", attempt.status(), attempt.attempt(),
                    attempt.duration() == null ? "" : SummaryText.duration(attempt.duration()), attempt.task(),
                    attempt.error() == null ? "" : "  " + attempt.error()));
        }
        return out.toString();
    }
}
