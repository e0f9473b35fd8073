package io.etl.cli;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.config.Settings;
import io.etl.parameter.ParameterException;
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

    static final SettingKey<Integer> WORKERS = SettingKey.of("workers", SettingType.atLeast(1), "1",
            "Tasks to run at once (also --workers)");
    static final SettingKey<Integer> RETRIES = SettingKey.of("retries", SettingType.atLeast(0), "2",
            "Retries of a failing task (also --retries)");
    static final SettingKey<Duration> RETRY_DELAY = SettingKey.of("retry.delay", SettingType.duration(), "5s",
            "Wait before the first retry, doubled after each (also --retry-delay)");

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
        int n = workers != null ? workers : settings.get(WORKERS);
        if (n < 1) {
            throw new ParameterException("--workers must be at least 1, got " + n);
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
        int n = retries != null ? retries : settings.get(RETRIES);
        if (n < 0) {
            throw new ParameterException("--retries must be 0 or more, got " + n);
        }
        Duration delay = retryDelay != null ? flag("--retry-delay", RETRY_DELAY, retryDelay) : settings.get(RETRY_DELAY);
        return RetryPolicy.retries(n).withBackoff(delay);
    }

    /** A flag that stands for a setting takes what the setting takes; anything else is bad usage. */
    private static <T> T flag(String name, SettingKey<T> setting, String text) {
        try {
            return setting.type().parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(name + " is '" + text + "': expected " + setting.type().expected());
        }
    }
}
