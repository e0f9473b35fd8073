package io.etl.load;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterValues;
import io.etl.spec.EtlSpec;
import io.etl.task.TaskType;
import io.etl.task.WrapperTask;
import io.etl.warehouse.Table;
import io.etl.warehouse.Warehouse;
import io.etl.window.Window;
import io.etl.window.WindowParameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code etl run <etl>} runs: it decides the window, then requires that window's load (which requires the
 * transform, which requires the extract). The window's upper end is fixed when the run starts, so a re-run of
 * the same window reads the same documents:
 * <ul>
 *   <li>{@code --incremental} (the default): from the newest cursor value already in the table (everything on the
 *       first run), minus {@code --lookback}; the merge by key removes the overlap;</li>
 *   <li>{@code --since}/{@code --until}: a backfill of that window;</li>
 *   <li>{@code --full-refresh}: everything, replacing the table's rows in the load's transaction.</li>
 * </ul>
 */
public final class EtlRun extends WrapperTask {

    /** Where "everything" starts: before any document a MongoDB ObjectId era collection can hold. */
    public static final Instant BEGINNING = Instant.EPOCH;

    public static final Parameter<Boolean> INCREMENTAL = Parameter.flag("incremental")
            .describedAs("load what is newer than the table's newest cursor value (the default)");
    public static final Parameter<Instant> SINCE = Parameter.instant("since").asOptional()
            .describedAs("backfill from this instant (UTC, inclusive)");
    public static final Parameter<Instant> UNTIL = Parameter.instant("until").asOptional()
            .describedAs("up to this instant (UTC, exclusive; default: the run's start)");
    public static final Parameter<Duration> LOOKBACK = Parameter.duration("lookback").withDefault(Duration.ZERO)
            .describedAs("with --incremental, re-read this much before the newest loaded value, for late documents");

    private final Definition definition;
    private Optional<Window> window;

    private EtlRun(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
        boolean backfill = find(SINCE).isPresent();
        if (get(LoadTask.FULL_REFRESH) && (backfill || get(INCREMENTAL))) {
            throw new ParameterException("--full-refresh reloads everything: it takes no --since or --incremental");
        }
        if (backfill && get(INCREMENTAL)) {
            throw new ParameterException("choose --incremental or --since, not both");
        }
    }

    /** The ETL's own family: {@code etl run actions_taken --incremental}. */
    public static TaskType<EtlRun> type(EtlSpec spec, Function<String, Table> table, TaskType<LoadTask> load,
                                        EtlEnvironment environment, Clock clock) {
        return new Definition(spec, table, load, environment, clock).type;
    }

    @Override
    public List<LoadTask> requires() {
        return window().map(w -> definition.load.with(WindowParameters.LOWER, w.lower())
                        .with(WindowParameters.UPPER, w.upper())
                        .with(LoadTask.FULL_REFRESH, get(LoadTask.FULL_REFRESH))
                        .with(ExtractTask.ALLOW_UNINDEXED, get(ExtractTask.ALLOW_UNINDEXED))
                        .create())
                .stream().toList();
    }

    /** Decided once, when the run plans: empty when the table already holds everything up to the upper end. */
    public synchronized Optional<Window> window() {
        if (window == null) {
            Instant upper = find(UNTIL).orElseGet(() -> definition.clock.instant().truncatedTo(ChronoUnit.SECONDS));
            Instant lower = find(SINCE).orElseGet(this::incrementalLower);
            window = lower.isBefore(upper) ? Optional.of(Window.of(lower, upper)) : Optional.empty();
        }
        return window;
    }

    private Instant incrementalLower() {
        if (get(LoadTask.FULL_REFRESH)) {
            return BEGINNING;
        }
        Table table = definition.table.apply(definition.environment.settings().get(Warehouse.SCHEMA, "public"));
        try {
            return definition.environment.warehouse().maxCursor(table).map(max -> max.minus(get(LOOKBACK))).orElse(BEGINNING);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the newest " + table.cursor() + " of " + table.qualified() + ": " + e.getMessage(), e);
        }
    }

    private static final class Definition {
        private final Function<String, Table> table;
        private final TaskType<LoadTask> load;
        private final EtlEnvironment environment;
        private final Clock clock;
        private final TaskType<EtlRun> type;

        private Definition(EtlSpec spec, Function<String, Table> table, TaskType<LoadTask> load, EtlEnvironment environment, Clock clock) {
            this.table = table;
            this.load = load;
            this.environment = environment;
            this.clock = clock;
            this.type = TaskType.of(spec.name(), "Replicates " + spec.collection() + " into the warehouse table " + spec.name()
                            + " (extract, transform, load)",
                    values -> new EtlRun(this, values),
                    INCREMENTAL, SINCE, UNTIL, LOOKBACK, LoadTask.FULL_REFRESH, ExtractTask.ALLOW_UNINDEXED);
        }
    }
}
