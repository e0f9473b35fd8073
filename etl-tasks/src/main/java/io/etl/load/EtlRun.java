package io.etl.load;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.extract.SourceCollection;
import io.etl.mongo.MongoSource;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterValues;
import io.etl.spec.EtlSpec;
import io.etl.task.Task;
import io.etl.task.TaskType;
import io.etl.task.WrapperTask;
import io.etl.warehouse.Table;
import io.etl.warehouse.Warehouse;
import io.etl.window.Chunking;
import io.etl.window.Coverage;
import io.etl.window.Window;
import io.etl.window.WindowParameters;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code etl run <etl>} runs: it decides the window, then requires that window's load (which requires the
 * transform, which requires the extract). The window's upper end is fixed when the run starts, a settle time
 * ({@link EtlEnvironment#settle()}) behind it, so a re-run of the same window reads the same documents and a document
 * written up to the settle time after its date is read by a later run:
 * <ul>
 *   <li>{@code --incremental} (the default): from where the windows loaded stop being contiguous ({@link Coverage}),
 *       so that a backfill further on never hides a hole and a run with nothing new reads an empty window; from the
 *       newest cursor value in the table if no window is recorded, everything if the table has no rows; minus
 *       {@code --lookback}; the merge by key removes the overlap;</li>
 *   <li>{@code --since}/{@code --until}: a backfill of that window; with {@code --reload}, a new reading of it even
 *       if it was loaded, replacing its rows; with {@code --chunk}, one window per chunk ({@link Chunking}), each its
 *       own extract, transform and load, so that a backfill run again loads only the chunks not loaded yet, and
 *       {@code --workers} load several at once;</li>
 *   <li>{@code --full-refresh}: everything, replacing the table's rows in the load's transaction; with {@code --chunk},
 *       chunks from the bucket of the source's oldest date (the first holding everything before it), loaded into a
 *       table built beside the live one and swapped in when all are ({@link RefreshSwap}): a refresh killed or failed
 *       leaves the live table as it was and, run again, goes on from the chunks it loaded ({@code --reload} reads them
 *       again).</li>
 * </ul>
 */
public final class EtlRun extends WrapperTask {

    public static final Parameter<Boolean> INCREMENTAL = Parameter.flag("incremental")
            .describedAs("load what is newer than the table's newest cursor value: what a run without --since or --full-refresh"
                    + " does anyway, so the flag only says so");
    public static final Parameter<Instant> SINCE = Parameter.instant("since").asOptional()
            .describedAs("backfill from this instant (UTC, inclusive)");
    public static final Parameter<Instant> UNTIL = Parameter.instant("until").asOptional()
            .describedAs("up to this instant (UTC, exclusive; default and latest: the run's start minus setting window.settle)");
    public static final Parameter<Duration> LOOKBACK = Parameter.duration("lookback").withDefault(Duration.ZERO)
            .describedAs("with --incremental, re-read this much before the newest loaded value, for late documents");
    public static final Parameter<Chunking> CHUNK = Parameter.of("chunk", Chunking.TYPE).asOptional()
            .describedAs("with --since or --full-refresh, load the window in chunks of this size, each on its own (1h, 1d, 7d, 1mo)");
    public static final Parameter<Boolean> RELOAD = Parameter.flag("reload")
            .describedAs("with --since, read the window again even if it was loaded, replacing its rows (late documents)");
    /** Every option of a run of an ETL: what the tasks that run ETLs for their own ends (SQL models) take and pass on. */
    public static final List<Parameter<?>> OPTIONS = List.of(INCREMENTAL, SINCE, UNTIL, CHUNK, LOOKBACK, RELOAD,
            LoadTask.FULL_REFRESH, ExtractTask.ALLOW_UNINDEXED);

    private final Definition definition;
    /**
     * When the run started, to the millisecond (MongoDB's precision): a reload's instant, and, less the settle time, the
     * window's upper end, so that a document dated before the settled instant is read by this run or an earlier one.
     */
    private final Instant start;
    private final Instant settled;
    private Optional<Window> window;

    private EtlRun(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
        this.start = definition.environment.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        this.settled = start.minus(definition.environment.settle());
        boolean backfill = find(SINCE).isPresent();
        if (get(LoadTask.FULL_REFRESH) && (backfill || get(INCREMENTAL))) {
            throw new ParameterException("--full-refresh reloads everything: it takes no --since or --incremental");
        }
        if (backfill && get(INCREMENTAL)) {
            throw new ParameterException("choose --incremental or --since, not both");
        }
        boolean refresh = get(LoadTask.FULL_REFRESH);
        if (find(CHUNK).isPresent() && !backfill && !refresh) {
            throw new ParameterException("--chunk cuts a backfill or a full refresh: give it with --since (and --until) or --full-refresh");
        }
        if (get(RELOAD) && !backfill && !(refresh && find(CHUNK).isPresent())) {
            throw new ParameterException("--reload reads a window again: give it with --since (and --until), or with --full-refresh --chunk");
        }
        String settledEnd = settled + ", the run's start less setting " + EtlEnvironment.SETTLE.name()
                + " (" + definition.environment.settle() + ")";
        find(SINCE).ifPresent(since -> {
            Instant upper = find(UNTIL).orElse(settled);
            if (!since.isBefore(upper)) {
                throw new ParameterException("--since " + since + " is not before "
                        + find(UNTIL).map(until -> "--until " + until).orElse(settledEnd) + ": the window would be empty");
            }
        });
        find(UNTIL).filter(until -> until.isAfter(settled)).ifPresent(until -> {
            throw new ParameterException("--until " + until + " is later than " + settledEnd + ": documents dated before it"
                    + " may still arrive, so its window cannot be loaded yet");
        });
    }

    /** The ETL's own family: {@code etl run actions_taken --incremental}. */
    public static TaskType<EtlRun> type(EtlSpec spec, Function<String, Table> table, TaskType<LoadTask> load,
                                        TaskType<RefreshSwap> swap, EtlEnvironment environment) {
        return new Definition(spec, table, load, swap, environment).type;
    }

    /** The load of the window, or of each of its chunks; for a full refresh in chunks, its swap. */
    @Override
    public List<? extends Task> requires() {
        if (get(LoadTask.FULL_REFRESH) && find(CHUNK).isPresent()) {
            return window().map(this::refresh).stream().toList();
        }
        List<Window> windows = window().map(w -> find(CHUNK).map(chunking -> chunks(chunking, w)).orElse(List.of(w))).orElse(List.of());
        return windows.stream().map(w -> definition.load.with(WindowParameters.LOWER, w.lower())
                        .with(WindowParameters.UPPER, w.upper())
                        .with(WindowParameters.RELOAD, get(RELOAD) ? start : null)
                        .with(LoadTask.FULL_REFRESH, get(LoadTask.FULL_REFRESH))
                        .with(ExtractTask.ALLOW_UNINDEXED, get(ExtractTask.ALLOW_UNINDEXED))
                        .create())
                .toList();
    }

    private RefreshSwap refresh(Window whole) {
        Chunking chunking = find(CHUNK).orElseThrow();
        RefreshSwap swap = definition.swap.with(WindowParameters.LOWER, whole.lower())
                .with(WindowParameters.UPPER, whole.upper())
                .with(WindowParameters.RELOAD, get(RELOAD) ? start : null)
                .with(EtlRun.CHUNK, chunking)
                .with(RefreshSwap.CHUNKS_FROM, oldestInSource().map(chunking::floor).orElse(null))
                .with(ExtractTask.ALLOW_UNINDEXED, get(ExtractTask.ALLOW_UNINDEXED))
                .create();
        try {
            swap.requires();
        } catch (IllegalArgumentException tooMany) {
            throw new ParameterException("--chunk " + chunking + ": " + tooMany.getMessage());
        }
        return swap;
    }

    /** Where the chunks of a full refresh begin: the source's oldest date, on the cursor's index. */
    private Optional<Instant> oldestInSource() {
        try {
            MongoSource source = definition.environment.mongo();
            return source.query(database -> SourceCollection.oldestCursor(SourceCollection.checked(source, database,
                    definition.collection, definition.cursorField, get(ExtractTask.ALLOW_UNINDEXED)), definition.cursorField));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the oldest " + definition.cursorField + " of " + definition.collection
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<Window> chunks(Chunking chunking, Window window) {
        try {
            return chunking.windows(window);
        } catch (IllegalArgumentException tooMany) {
            throw new ParameterException("--chunk " + chunking + ": " + tooMany.getMessage());
        }
    }

    /** Decided once, when the run plans: empty when the table already holds everything up to the upper end. */
    public synchronized Optional<Window> window() {
        if (window == null) {
            Instant upper = find(UNTIL).orElse(settled);
            Instant lower = find(SINCE).orElseGet(this::incrementalLower);
            window = lower.isBefore(upper) ? Optional.of(Window.of(lower, upper)) : Optional.empty();
        }
        return window;
    }

    private Instant incrementalLower() {
        if (get(LoadTask.FULL_REFRESH)) {
            return Window.BEGINNING;
        }
        Table table = definition.table.apply(definition.environment.schema());
        try {
            Warehouse warehouse = definition.environment.warehouse();
            Optional<Instant> newest = warehouse.maxCursor(table);
            Optional<Instant> contiguousUntil = Coverage.of(warehouse.loadedWindows(definition.etl)).map(Coverage::contiguousUntil);
            return newest.map(n -> contiguousUntil.orElse(n).minus(get(LOOKBACK))).orElse(Window.BEGINNING);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the newest " + table.cursor() + " of " + table.qualified() + ": " + e.getMessage(), e);
        }
    }

    private static final class Definition {
        private final String etl;
        private final String collection;
        private final String cursorField;
        private final Function<String, Table> table;
        private final TaskType<LoadTask> load;
        private final TaskType<RefreshSwap> swap;
        private final EtlEnvironment environment;
        private final TaskType<EtlRun> type;

        private Definition(EtlSpec spec, Function<String, Table> table, TaskType<LoadTask> load, TaskType<RefreshSwap> swap,
                           EtlEnvironment environment) {
            this.etl = spec.name();
            this.collection = spec.collection();
            this.cursorField = spec.cursorField();
            this.table = table;
            this.load = load;
            this.swap = swap;
            this.environment = environment;
            this.type = TaskType.of(spec.name(), "Replicates " + spec.collection() + " into the warehouse table " + spec.name()
                            + " (extract, transform, load)",
                    values -> new EtlRun(this, values), OPTIONS.toArray(Parameter<?>[]::new));
        }
    }
}
