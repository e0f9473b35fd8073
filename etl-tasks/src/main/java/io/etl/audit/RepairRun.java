package io.etl.audit;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.load.LoadTask;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;
import io.etl.task.TaskType;
import io.etl.task.WrapperTask;
import io.etl.window.Bucketing;
import io.etl.window.Window;
import io.etl.window.WindowParameters;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A repair of an ETL ({@code <name>_repair}, what {@code etl audit --repair} runs): audits the range, then reloads
 * every bucket that differs as a backfill window read anew, so the merge by key adds what was missing without
 * duplicating anything and the window's rejects are replaced. It holds the ETL's own lock, so it never overlaps a run
 * of the ETL, and is recorded in the history under its own family.
 */
public final class RepairRun extends WrapperTask {

    public static final Parameter<Instant> SINCE = Parameter.instant("since").asOptional()
            .describedAs("repair from this instant (UTC, inclusive; default: the audit's, from the first window loaded)");
    public static final Parameter<Instant> UNTIL = Parameter.instant("until").asOptional()
            .describedAs("up to this instant (UTC, exclusive; default: the end of the last window loaded)");
    public static final Parameter<Bucketing> BY = Parameter.enumeration("by", Bucketing.class).withDefault(Bucketing.DAY)
            .describedAs("the buckets audited, each reloaded whole if it differs");
    public static final Parameter<Boolean> DELETE_MISSING = LoadTask.DELETE_MISSING;

    private final Definition definition;
    /** The instant of the reloads: each bucket is complete once loaded at or after it. */
    private final Instant start;
    private AuditResult audit;

    private RepairRun(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
        this.start = definition.environment.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static TaskType<RepairRun> type(EtlSpec spec, EtlAudit audit, TaskType<LoadTask> load, EtlEnvironment environment) {
        return new Definition(spec, audit, load, environment).type;
    }

    @Override
    public List<LoadTask> requires() {
        return differing().stream().map(bucket -> definition.load
                        .with(WindowParameters.LOWER, bucket.lower())
                        .with(WindowParameters.UPPER, bucket.upper())
                        .with(WindowParameters.RELOAD, start)
                        .with(LoadTask.DELETE_MISSING, get(DELETE_MISSING))
                        .with(ExtractTask.ALLOW_UNINDEXED, get(ExtractTask.ALLOW_UNINDEXED))
                        .create())
                .toList();
    }

    /** The audit of the range, made once: what {@code etl audit --repair} shows as before, and what the run reloads. */
    public synchronized AuditResult audit() throws IOException, PermanentFailure, SQLException, InterruptedException {
        if (audit == null) {
            audit = definition.audit.audit(new AuditRequest(find(SINCE), find(UNTIL), get(BY), get(ExtractTask.ALLOW_UNINDEXED)));
        }
        return audit;
    }

    /** The buckets that differ, when the run plans. */
    private List<Window> differing() {
        try {
            return audit().differing().stream().map(BucketCount::bucket).toList();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot audit " + definition.etl + ": " + e.getMessage(), e);
        }
    }

    private static final class Definition {
        private final String etl;
        private final EtlAudit audit;
        private final TaskType<LoadTask> load;
        private final EtlEnvironment environment;
        private final TaskType<RepairRun> type;

        private Definition(EtlSpec spec, EtlAudit audit, TaskType<LoadTask> load, EtlEnvironment environment) {
            this.etl = spec.name();
            this.audit = audit;
            this.load = load;
            this.environment = environment;
            this.type = TaskType.of(spec.name() + "_repair", "Audits " + spec.name() + " between --since and --until and reloads"
                            + " every bucket whose counts differ from the source's",
                    values -> new RepairRun(this, values), SINCE, UNTIL, BY, DELETE_MISSING, ExtractTask.ALLOW_UNINDEXED)
                    .lockedAs(spec.name());
        }
    }
}
