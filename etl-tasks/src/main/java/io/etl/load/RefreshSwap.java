package io.etl.load;

import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractTask;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterValues;
import io.etl.spec.EtlSpec;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;
import io.etl.warehouse.Table;
import io.etl.warehouse.Warehouse;
import io.etl.window.Chunking;
import io.etl.window.Window;
import io.etl.window.WindowParameters;
import io.etl.window.WindowTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The end of a full refresh in chunks ({@code etl run <etl> --full-refresh --chunk 1mo}): each chunk is loaded into a
 * table built beside the live one ({@link LoadTask#REFRESH_CHUNK}), with load markers of its own
 * ({@link #refreshOf}); once all are, this swaps the built table in, in one transaction, and its markers and rejects
 * become the ETL's. Readers see the old table until then, and still do if the refresh fails or is killed: run again,
 * it goes on from the chunks it loaded (each chunk read again with {@code --reload}).
 */
public final class RefreshSwap extends WindowTask {

    /** Unset, the refresh is one chunk. */
    public static final Parameter<Instant> CHUNKS_FROM = Parameter.instant("chunks-from").asOptional()
            .describedAs("where the chunks after the first begin (the first holds everything before)");

    private final Definition definition;

    private RefreshSwap(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
    }

    /** The swap of one ETL's refresh: family {@code <name>_swap}. */
    public static TaskType<RefreshSwap> type(EtlSpec spec, Function<String, Table> table, TaskType<LoadTask> load,
                                             EtlEnvironment environment) {
        return new Definition(spec, table, load, environment).type;
    }

    /** Whose load markers and rejects a refresh's chunks write until it is swapped in. */
    public static String refreshOf(String etl) {
        return etl + "__refresh";
    }

    /** The load of each chunk into the built table, oldest first; the first from the window's lower end. */
    @Override
    public List<LoadTask> requires() {
        return chunks().stream().map(chunk -> definition.load.with(WindowParameters.LOWER, chunk.lower())
                        .with(WindowParameters.UPPER, chunk.upper())
                        .with(WindowParameters.RELOAD, reload().orElse(null))
                        .with(LoadTask.REFRESH_CHUNK, true)
                        .with(ExtractTask.ALLOW_UNINDEXED, get(ExtractTask.ALLOW_UNINDEXED))
                        .create())
                .toList();
    }

    private List<Window> chunks() {
        Window whole = window();
        List<Window> chunks = new ArrayList<>(find(CHUNKS_FROM).filter(from -> from.isAfter(whole.lower()) && from.isBefore(whole.upper()))
                .flatMap(from -> find(EtlRun.CHUNK).map(chunking -> chunking.windows(Window.of(from, whole.upper()))))
                .orElse(List.of()));
        if (chunks.isEmpty()) {
            return List.of(whole);
        }
        chunks.set(0, Window.of(whole.lower(), chunks.get(0).upper()));
        return chunks;
    }

    /** Swapped in: the ETL's own markers hold the last chunk. */
    @Override
    public List<LoadedWindow> output() {
        List<Window> chunks = chunks();
        return List.of(new LoadedWindow(definition.environment.warehouse(), table(), definition.spec.name(),
                chunks.get(chunks.size() - 1), reload().orElse(LoadedWindow.EVER)));
    }

    private Table table() {
        return definition.table.apply(definition.environment.schema());
    }

    @Override
    public void run(TaskContext context) throws Exception {
        String etl = definition.spec.name();
        Warehouse.Swapped swapped = definition.environment.warehouse().swapIn(table(), etl, refreshOf(etl));
        context.record("rows", swapped.rows());
        context.note(table().qualified() + " swapped in: " + swapped.rows() + " rows, loaded in " + swapped.windows() + " chunks");
    }

    private static final class Definition {
        private final EtlSpec spec;
        private final Function<String, Table> table;
        private final TaskType<LoadTask> load;
        private final EtlEnvironment environment;
        private final TaskType<RefreshSwap> type;

        private Definition(EtlSpec spec, Function<String, Table> table, TaskType<LoadTask> load, EtlEnvironment environment) {
            this.spec = spec;
            this.table = table;
            this.load = load;
            this.environment = environment;
            this.type = TaskType.of(spec.name() + "_swap", "Swaps the table a full refresh of " + spec.name()
                            + " built in chunks in for the live one, in one transaction",
                    values -> new RefreshSwap(this, values),
                    WindowParameters.LOWER, WindowParameters.UPPER, WindowParameters.RELOAD, EtlRun.CHUNK, CHUNKS_FROM,
                    ExtractTask.ALLOW_UNINDEXED).lockedAs(spec.name());
        }
    }
}
