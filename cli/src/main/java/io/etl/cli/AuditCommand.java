package io.etl.cli;

import io.etl.audit.AuditRequest;
import io.etl.audit.AuditResult;
import io.etl.audit.BucketCount;
import io.etl.audit.RepairRun;
import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterType;
import io.etl.pipeline.EtlPipeline;
import io.etl.pipeline.PipelineCatalog;
import io.etl.scheduler.RunStatus;
import io.etl.scheduler.RunSummary;
import io.etl.state.Json;
import io.etl.task.Failures;
import io.etl.task.PermanentFailure;
import io.etl.window.Bucketing;
import io.etl.window.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code etl audit <etl>}: whether the ETL's table holds what its collection holds, bucket by bucket of the cursor
 * ({@link io.etl.audit.EtlAudit}); the ids that differ with {@code --ids}; and with {@code --repair}, a reload of the
 * buckets that differ, under the ETL's lock, audited again after. Exits 0 when every bucket matches, 7 when any
 * differs.
 */
@Command(name = "audit", description = "Compare an ETL's warehouse table with its source collection, per bucket of the cursor"
        + " (by default from the first window loaded to the end of the last): source documents against rows plus rejects."
        + " Exits 0 when every bucket matches, 7 when any differs.")
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TextOrJson output;

    @Parameters(index = "0", paramLabel = "<etl>", description = "The ETL to audit, such as actions_taken.")
    String etl;

    @Option(names = "--since", paramLabel = "TIME", description = "Start of the range (UTC, inclusive; default: the first window loaded).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "End of the range (UTC, exclusive; default: the end of the last window loaded).")
    String until;

    @Option(names = "--by", paramLabel = "UNIT", defaultValue = "day", description = "The buckets: hour, day or month (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write a self-contained HTML page with a chart of source against warehouse per bucket.")
    Path report;

    @Option(names = "--ids", description = "List, for the buckets that differ, the ids missing from the warehouse and the rows not in the source.")
    boolean ids;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "The most ids --ids lists (default: ${DEFAULT-VALUE}).")
    long limit;

    @Option(names = "--repair", description = "Reload every bucket that differs (a backfill read anew, merged by key), then audit those buckets again.")
    boolean repair;

    @Option(names = "--delete-missing", description = "With --repair: delete the rows of those buckets whose documents are gone from the source.")
    boolean deleteMissing;

    @Option(names = "--allow-unindexed", description = "Count even if the cursor has no index, accepting a scan of the collection per bucket.")
    boolean allowUnindexed;

    private final CliEnvironment environment;

    AuditCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        output.json();
        AuditRequest request = new AuditRequest(instant("--since", since), instant("--until", until), bucketing(), allowUnindexed);
        if (deleteMissing && !repair) {
            throw new ParameterException("--delete-missing removes rows as part of a repair: add --repair");
        }
        if (limit < 1) {
            throw new ParameterException("--limit must be at least 1, got " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (EtlEnvironment etlEnvironment = new EtlEnvironment(environment.settings())) {
            EtlPipeline pipeline = pipeline(etlEnvironment);
            // a repair audits once: its own audit is the one shown as before
            RepairRun repairRun = repair ? pipeline.repair().with(RepairRun.SINCE, request.since().orElse(null))
                    .with(RepairRun.UNTIL, request.until().orElse(null)).with(RepairRun.BY, request.by())
                    .with(RepairRun.DELETE_MISSING, deleteMissing).with(ExtractTask.ALLOW_UNINDEXED, allowUnindexed).create() : null;
            AuditResult before = served(() -> repair ? repairRun.audit() : pipeline.audit().audit(request));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("audit", before);
            print(out, before);
            if (ids && !before.matches()) {
                json.put("ids", listIds(pipeline, request, before, out));
            }
            finish(before);
            if (!repair || before.matches()) {
                printJson(out, json);
                return before.matches() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
            }
            List<Window> differing = before.differing().stream().map(BucketCount::bucket).toList();
            RunSummary repaired = ScheduledRun.run(repairRun, "etl audit " + etl + " --repair", environment, new RunOptions(), out,
                    spec.commandLine().getErr());
            json.put("repair", repaired.status());
            if (repaired.status() != RunStatus.SUCCESS) {
                printJson(out, json);
                return ExitCodes.of(repaired);
            }
            AuditResult after = served(() -> pipeline.audit().again(request, differing));
            json.put("after", after);
            if (!output.json()) {
                out.print("after the repair: " + AuditText.render(after));
                if (!deleteMissing && after.extra() > 0) {
                    out.printf("%,d row(s) whose documents are gone from the source remain: remove them with --repair --delete-missing%n",
                            after.extra());
                }
            }
            finish(after);
            printJson(out, json);
            return after.matches() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
        }
    }

    private void print(PrintWriter out, AuditResult audit) {
        if (!output.json()) {
            out.print(AuditText.render(audit));
            out.flush();
        }
    }

    private void printJson(PrintWriter out, Map<String, Object> json) throws IOException {
        if (output.json()) {
            out.print(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        }
        out.flush();
    }

    /** The ids of the differing buckets, printed as they are found (text) or gathered (JSON, at most --limit). */
    private List<Map<String, String>> listIds(EtlPipeline pipeline, AuditRequest request, AuditResult audit, PrintWriter out)
            throws Exception {
        List<Map<String, String>> found = new ArrayList<>();
        long told = served(() -> pipeline.audit().differences(request, audit.differing().stream().map(BucketCount::bucket).toList(),
                limit, difference -> {
                    if (output.json()) {
                        found.add(Map.of("bucket", audit.by().label(difference.bucket().lower()),
                                "side", difference.side().name().toLowerCase(Locale.ROOT), "id", difference.id()));
                    } else {
                        out.print(AuditText.difference(audit.by(), difference));
                    }
                }));
        if (!output.json() && told == limit) {
            out.printf("(the first %,d; more with --limit)%n", limit);
        }
        out.flush();
        return found;
    }

    /** What every audit leaves behind: the record for status, the page asked for, and the alert if it differs. */
    private void finish(AuditResult audit) throws Exception {
        LastAudit.of(audit).save(environment.state());
        if (report != null) {
            new AuditPage(report, environment.settings()).write(audit);
        }
        if (!audit.matches()) {
            Optional<WebhookAlert> alert = WebhookAlert.from(environment.settings(), Optional.empty());
            if (alert.isPresent()) {
                try {
                    alert.get().post(AuditAlert.of(audit, environment.settings()));
                } catch (IOException e) {
                    spec.commandLine().getErr().println("etl: warning: the audit's alert was not sent: " + e.getMessage());
                }
            }
        }
    }

    private EtlPipeline pipeline(EtlEnvironment etlEnvironment) {
        List<EtlPipeline> pipelines = PipelineCatalog.discover(etlEnvironment);
        return pipelines.stream().filter(p -> p.run().family().equals(etl)).findFirst().orElseThrow(() -> new ParameterException(
                "no ETL named '" + etl + "'; the ETLs are: " + pipelines.stream().map(p -> p.run().family()).sorted()
                        .collect(Collectors.joining(", "))));
    }

    private Bucketing bucketing() {
        try {
            return Bucketing.valueOf(by.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("--by: expected hour, day or month, got '" + by + "'");
        }
    }

    private static Optional<Instant> instant(String option, String text) {
        try {
            return Optional.ofNullable(text).map(ParameterType.INSTANT::parse);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(option + ": " + e.getMessage());
        }
    }

    /** A call on the servers; one that does not answer, or refuses the ETL, is a configuration error (exit 5). */
    private <T> T served(ServerCall<T> call) throws Exception {
        try {
            return call.call();
        } catch (IOException | SQLException | PermanentFailure | UncheckedIOException e) {
            throw new ConfigurationException(Failures.firstLine(e));
        }
    }

    @FunctionalInterface
    private interface ServerCall<T> {
        T call() throws Exception;
    }
}
