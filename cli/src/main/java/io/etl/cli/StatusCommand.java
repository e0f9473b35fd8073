package io.etl.cli;

import io.etl.history.HistoryReader;
import io.etl.scheduler.SummaryText;
import io.etl.window.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code etl status}: for each ETL, how far the warehouse is loaded: the upper end of the window of its latest
 * successful load, the rows it loaded, when, and how far that lags behind now, read from the run history, so it
 * answers at once; and the holes between the windows loaded, read from the warehouse's load markers when it answers
 * within seconds ({@link LoadHoles}); and what its last audit found ({@link LastAudit}); all as {@link EtlStatuses} reads them.
 */
@Command(name = "status", description = "Show how far each ETL has loaded (from the run history): window end, rows, when, lag;"
        + " the holes between the windows loaded (from the warehouse, when it answers); and the last audit.")
public final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = EtlStatus.TIME;

    @Spec
    CommandSpec spec;

    @Mixin
    TextOrJson output;

    private final CliEnvironment environment;

    StatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        output.json();
        EtlStatuses read = EtlStatuses.read(environment, new HistoryReader(environment.state().history()), Instant.now());
        List<EtlStatus> statuses = read.statuses();
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.render(statuses, () -> text(statuses) + holesText(statuses, read.holesNotChecked()) + auditsText(statuses)
                + newFieldsText(statuses)));
        out.flush();
        return ExitCodes.OK;
    }

    /** A line per ETL whose last extract found fields it does not declare. */
    private static String newFieldsText(List<EtlStatus> statuses) {
        return statuses.stream().filter(s -> s.newFields() != null)
                .flatMap(s -> s.newFields().summary().map(text -> s.etl() + ": " + text + "\n").stream())
                .collect(Collectors.joining());
    }

    /** A line per ETL audited: what its last audit found. */
    private static String auditsText(List<EtlStatus> statuses) {
        return statuses.stream().filter(s -> s.lastAudit() != null)
                .map(s -> s.etl() + ": last audit " + s.lastAudit().summary(TIME) + "\n")
                .collect(Collectors.joining());
    }

    /** A line per hole, or why the warehouse was not read for them. */
    private static String holesText(List<EtlStatus> statuses, Optional<String> notChecked) {
        if (notChecked.isPresent()) {
            return "holes not checked: " + notChecked.get() + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (EtlStatus s : statuses) {
            for (Window hole : s.holes()) {
                out.append(String.format("%s: hole [%s, %s) never loaded; the next --incremental run reads from its start%n",
                        s.etl(), TIME.format(hole.lower()), TIME.format(hole.upper())));
            }
        }
        return out.toString();
    }

    private static String text(List<EtlStatus> statuses) {
        if (statuses.isEmpty()) {
            return "no ETLs\n";
        }
        StringBuilder out = new StringBuilder(String.format("%-24s %-19s %10s %-19s %-10s %s%n",
                "ETL", "LOADED UP TO (UTC)", "ROWS", "LOADED AT (UTC)", "LAG", "LAST RUN"));
        for (EtlStatus s : statuses) {
            out.append(String.format("%-24s %-19s %10s %-19s %-10s %s%n", s.etl(),
                    s.loadedUpTo() == null ? "never loaded" : TIME.format(s.loadedUpTo()),
                    s.rows() == null ? "-" : String.format("%,d", s.rows()),
                    s.loadedAt() == null ? "-" : TIME.format(s.loadedAt()),
                    s.lag() == null ? "-" : SummaryText.duration(s.lag()),
                    s.lastRunStatus() == null ? "none" : s.lastRunStatus() + " at " + TIME.format(s.lastRunAt())));
        }
        return out.toString();
    }
}
