package io.etl.cli;

import io.etl.config.Settings;
import io.etl.parameter.ParameterType;
import io.etl.task.Failures;
import io.etl.task.RetryPolicy;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How to run, as opposed to what: workers, retries, a dry run, the reports. Defaults come from the settings. */
public final class RunOptions {

    @Option(names = {"-w", "--workers"}, paramLabel = "N", description = "Tasks to run at once (default: setting 'workers', 1).")
    Integer workers;

    @Option(names = "--retries", paramLabel = "N", description = "Retries of a failing task (default: setting 'retries', 2).")
    Integer retries;

    @Option(names = "--retry-delay", paramLabel = "DURATION",
            description = "Wait before the first retry, doubled after each (default: setting 'retry.delay', 5s).")
    String retryDelay;

    @Option(names = {"-n", "--dry-run"}, description = "Print what would run, in order, and run nothing.")
    boolean dryRun;

    @Option(names = "--junit-report", paramLabel = "FILE",
            description = "Write the run as a JUnit XML report (a test case per task), for Jenkins' junit step.")
    Path junitReport;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write a self-contained HTML report: the graph coloured by outcome, durations, row counts, errors.")
    Path htmlReport;

    int workers(Settings settings) {
        int n = workers != null ? workers : Integer.parseInt(settings.get("workers", "1"));
        if (n < 1) {
            throw new io.etl.parameter.ParameterException("--workers must be at least 1, got " + n);
        }
        return n;
    }

    /**
     * What to write or send once the run ends: the reports asked for, and the alert the settings configure. The
     * files come first: they are written even when the alert's settings are what is wrong.
     */
    List<RunReport> reports(CliEnvironment environment, PrintWriter err) {
        Settings settings = environment.settings();
        List<RunReport> reports = new ArrayList<>();
        Optional.ofNullable(junitReport).ifPresent(file -> reports.add(new JunitReport(file, settings)));
        Optional.ofNullable(htmlReport).ifPresent(file -> reports.add(new HtmlReport(file, settings)));
        try {
            WebhookAlert.from(settings, reportLink(environment)).ifPresent(reports::add);
        } catch (RuntimeException malformed) {
            err.println("etl: warning: no alert: " + settings.mask(Failures.firstLine(malformed)));
        }
        return reports;
    }

    /** Where a person reads the HTML report: among the Jenkins build's artifacts when Jenkins runs etl, else the file. */
    private Optional<String> reportLink(CliEnvironment environment) {
        return Optional.ofNullable(htmlReport).map(file -> environment.buildUrl()
                .map(build -> build.replaceFirst("/?$", "/") + "artifact/"
                        + Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/'))
                .orElse(file.toAbsolutePath().toString()));
    }

    RetryPolicy retryPolicy(Settings settings) {
        int n = retries != null ? retries : Integer.parseInt(settings.get("retries", "2"));
        if (n < 0) {
            throw new io.etl.parameter.ParameterException("--retries must be 0 or more, got " + n);
        }
        Duration delay = retryDelay != null ? flagDuration("--retry-delay", retryDelay)
                : ParameterType.DURATION.parse(settings.get("retry.delay", "5s"));
        return RetryPolicy.retries(n).withBackoff(delay);
    }

    /** A malformed value of a flag is bad usage (exit 2), named by its flag. */
    private static Duration flagDuration(String flag, String text) {
        try {
            return ParameterType.DURATION.parse(text);
        } catch (IllegalArgumentException malformed) {
            throw new io.etl.parameter.ParameterException(flag + ": " + malformed.getMessage());
        }
    }
}
