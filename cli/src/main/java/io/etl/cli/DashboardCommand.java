package io.etl.cli;

import io.etl.history.HistoryReader;
import io.etl.parameter.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code etl dashboard --out DIR}: a static site of every ETL's state and recent runs ({@link DashboardPages}), from
 * the same figures as {@code etl status} ({@link EtlStatuses}) and the run history.
 */
@Command(name = "dashboard", description = "Write a static site (no server, nothing fetched) of every ETL: its lag, rows loaded"
        + " and stage durations per run as charts, failures and rejects with their first error, holes, the last audit.")
public final class DashboardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write index.html and a page per ETL into.")
    Path out;

    @Option(names = "--days", paramLabel = "N", defaultValue = "14", description = "The period of runs shown, in days (default: ${DEFAULT-VALUE}).")
    int days;

    private final CliEnvironment environment;

    DashboardCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new ParameterException("--days: expected at least 1, got " + days);
        }
        Path folder = writableFolder(out);
        Instant now = Instant.now();
        HistoryReader history = new HistoryReader(environment.state().history());
        EtlStatuses statuses = EtlStatuses.read(environment, history, now);
        Instant periodStart = now.minus(Duration.ofDays(days));
        List<EtlDashboard> etls = statuses.statuses().stream().map(status -> EtlDashboard.read(status, history, periodStart)).toList();
        int pages = new DashboardPages(folder, environment.settings(), now, days).write(etls, statuses.holesNotChecked());
        PrintWriter printed = spec.commandLine().getOut();
        printed.printf("dashboard: %s (%d pages written: the index and one per ETL)%n", folder.resolve(DashboardPages.INDEX), pages);
        printed.flush();
        return ExitCodes.OK;
    }

    /** The folder, made if need be; checked before anything is read, so that a wrong --out costs nothing. */
    private static Path writableFolder(Path out) {
        Path folder = out.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ParameterException("--out " + out + ": is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ParameterException("--out " + out + ": cannot make the folder (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        if (!Files.isWritable(folder)) {
            throw new ParameterException("--out " + out + ": the folder is not writable");
        }
        return folder;
    }
}
