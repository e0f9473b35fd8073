package io.etl.load;

import io.etl.config.SettingKey;
import io.etl.config.SettingType;
import io.etl.environment.EtlEnvironment;
import io.etl.extract.ExtractCounts;
import io.etl.extract.ExtractTask;
import io.etl.lake.LakeDirectory;
import io.etl.parameter.Parameter;
import io.etl.parameter.ParameterException;
import io.etl.parameter.ParameterValues;
import io.etl.reject.Reject;
import io.etl.reject.RejectDocuments;
import io.etl.reject.RejectLimit;
import io.etl.reject.RejectLines;
import io.etl.reject.RejectSummary;
import io.etl.reject.WidthProposal;
import io.etl.spec.Child;
import io.etl.spec.EtlSpec;
import io.etl.task.PermanentFailure;
import io.etl.task.TaskContext;
import io.etl.task.TaskType;
import io.etl.transform.TransformCounts;
import io.etl.transform.TransformTask;
import io.etl.warehouse.ChildLoaded;
import io.etl.warehouse.ChildRows;
import io.etl.warehouse.Dialect;
import io.etl.warehouse.LoadMarker;
import io.etl.warehouse.LoadMode;
import io.etl.warehouse.LoadResult;
import io.etl.warehouse.PostgresCopy;
import io.etl.warehouse.RedshiftCopy;
import io.etl.warehouse.StagingCopy;
import io.etl.warehouse.Table;
import io.etl.warehouse.Warehouse;
import io.etl.window.WindowParameters;
import io.etl.window.WindowTask;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads one window of an ETL's transform output into its warehouse table, exactly once: the rows are merged by
 * key and the window's marker written in one transaction, after the counts of every stage reconcile. A reload of
 * the window ({@link WindowParameters#RELOAD}) is complete only once loaded at or after its instant.
 */
public final class LoadTask extends WindowTask {

    public static final Parameter<Boolean> FULL_REFRESH = Parameter.flag("full-refresh")
            .describedAs("replace the whole table with this window's rows");
    public static final Parameter<Boolean> DELETE_MISSING = Parameter.flag("delete-missing")
            .describedAs("delete the window's rows whose documents are gone from the source");
    public static final Parameter<Boolean> REFRESH_CHUNK = Parameter.flag("refresh-chunk")
            .describedAs("load the window into the table a chunked full refresh builds beside the live one (its rows of"
                    + " documents gone from the source deleted); the refresh's last task swaps it in");
    public static final SettingKey<Optional<String>> IAM_ROLE = SettingKey.optional("warehouse.iam.role", SettingType.text(),
            "The IAM role Redshift's COPY reads the S3 lake with");
    public static final SettingKey<String> COPY_OPTIONS = SettingKey.of("warehouse.copy.options", SettingType.text(),
            RedshiftCopy.DEFAULT_OPTIONS, "Options of Redshift's COPY after those of the format");

    private final Definition definition;

    private LoadTask(Definition definition, ParameterValues values) {
        super(definition.type, values);
        this.definition = definition;
        if (get(FULL_REFRESH) && get(DELETE_MISSING)) {
            throw new ParameterException("--full-refresh replaces every row: it takes no --delete-missing");
        }
        if (get(REFRESH_CHUNK) && (get(FULL_REFRESH) || get(DELETE_MISSING))) {
            throw new ParameterException("--refresh-chunk loads one chunk of a full refresh: it takes no --full-refresh or --delete-missing");
        }
    }

    /** The load of one ETL: family {@code <name>_load}. */
    public static TaskType<LoadTask> type(EtlSpec spec, Function<String, Table> table, TaskType<TransformTask> transform,
                                          EtlEnvironment environment) {
        return new Definition(spec, table, transform, environment).type;
    }

    /** The ETL's table, or for a chunk of a full refresh the one built beside it. */
    private Table table() {
        Table declared = definition.table.apply(definition.environment.schema());
        return get(REFRESH_CHUNK) ? declared.building() : declared;
    }

    /** Whose load markers and rejects the load writes: the ETL's, or for a chunk of a full refresh the refresh's. */
    private String loader() {
        return get(REFRESH_CHUNK) ? RefreshSwap.refreshOf(definition.spec.name()) : definition.spec.name();
    }

    @Override
    public List<TransformTask> requires() {
        return List.of(sameWindow(definition.transform)
                .with(ExtractTask.ALLOW_UNINDEXED, get(ExtractTask.ALLOW_UNINDEXED))
                .create());
    }

    @Override
    public List<LoadedWindow> output() {
        return List.of(new LoadedWindow(definition.environment.warehouse(), table(), loader(), window(),
                reload().orElse(LoadedWindow.EVER)));
    }

    /**
     * Ahead of the extracts ready with it: a window goes on to its load before another window is read, so that a
     * chunked backfill loads its chunks one after another, from the oldest.
     */
    @Override
    public int priority() {
        return 2;
    }

    @Override
    public void run(TaskContext context) throws Exception {
        TransformTask transform = requires().get(0);
        LakeDirectory transformed = transform.output().get(0);
        LakeDirectory extracted = transform.requires().get(0).output().get(0);
        ExtractCounts extract = ExtractCounts.read(extracted);
        TransformCounts counts = TransformCounts.read(transformed);
        LoadMarker marker = reconciledMarker(context.runId(), extract, counts);
        // noted first: a window that fails for too many rejects needs the proposal most
        WidthProposal.of(counts.rejectsByCause()).forEach(proposal -> context.note(proposal.line()));
        List<Reject> rejects = rejects(transform, extract, counts);
        Warehouse warehouse = definition.environment.warehouse();
        List<String> parts = transformed.parts().stream().map(transformed::file).toList();
        context.progress("load", 0, marker.rowsTransformed(), "rows");
        List<ChildRows> children = new ArrayList<>();
        for (Child child : definition.spec.children()) {
            LakeDirectory elements = transformed.beside(child.name());
            children.add(new ChildRows(child.name(), copy(warehouse, transformed, "manifest_" + child.name() + ".json"),
                    elements.parts().stream().map(elements::file).toList(), counts.elementRows().get(child.name())));
        }
        LoadResult result = warehouse.load(table(), marker, copy(warehouse, transformed, "manifest.json"), parts, mode(), rejects,
                children);
        context.progress("load", result.rowsLoaded(), marker.rowsTransformed(), "rows");
        context.record("rows_loaded", result.rowsLoaded());
        context.record("rows_new", result.rowsNew());
        context.record("rows_replaced", result.rowsReplaced());
        context.record("rows_rejected", rejects.size());
        if (get(DELETE_MISSING)) {
            context.record("rows_deleted", result.rowsDeleted());
        }
        result.tableChanges().descriptions().forEach(change -> context.note(table().qualified() + ": " + change));
        for (ChildLoaded child : result.children()) {
            String elements = child.table().elements();
            context.record(elements + "_rows_loaded", child.rowsLoaded());
            context.record(elements + "_rows_replaced", child.rowsReplaced());
            child.tableChanges().descriptions().forEach(change -> context.note(child.table().qualified() + ": " + change));
            long dropped = counts.elementsDropped().get(elements);
            context.note(elements + ": " + extract.elements().get(elements) + " elements, " + child.rowsLoaded() + " rows loaded into "
                    + child.table().qualified() + (dropped == 0 ? "" : ", " + dropped + " not loaded with their rejected documents"));
        }
        rejects.stream().limit(RejectSummary.LISTED).forEach(reject -> context.note("rejected " + reject.documentId() + ": "
                + reject.cause() + (reject.value() == null ? "" : " (value: " + reject.value() + ")")));
    }

    private LoadMode mode() {
        if (get(FULL_REFRESH)) {
            return LoadMode.REPLACE_ALL;
        }
        // a chunk of a refresh resumed or read again removes what it held of documents deleted since
        return get(DELETE_MISSING) || get(REFRESH_CHUNK) ? LoadMode.MERGE_DELETING_MISSING : LoadMode.MERGE;
    }

    /**
     * The window's rejects, each with its document, once sure they are few enough to load the rest: more than
     * {@code rejects.max} allows fails the window, naming the commonest cause, and nothing is loaded.
     */
    private List<Reject> rejects(TransformTask transform, ExtractCounts extract, TransformCounts counts)
            throws IOException, PermanentFailure {
        if (counts.rowsRejected() == 0) {
            return List.of();
        }
        RejectLimit limit = definition.environment.rejectLimit();
        LakeDirectory rejects = transform.rejects();
        if (counts.rowsRejected() > limit.allowed(extract.documentsMatched())) {
            var commonest = counts.rejectsByCause().entrySet().iterator().next();
            throw new PermanentFailure(definition.spec.name() + " " + window() + ": " + counts.rowsRejected() + " of "
                    + extract.documentsMatched() + " documents rejected, more than " + RejectLimit.MAX.name() + " (" + limit
                    + ") allows, so none was loaded; most for " + commonest.getKey() + " (" + commonest.getValue() + "), all in "
                    + rejects + ". Fix the declaration or the documents, or let this window load with --set "
                    + RejectLimit.MAX.name() + "=100%");
        }
        List<Reject> found = new ArrayList<>();
        RejectLines.read(rejects, found::add);
        return RejectDocuments.attach(found, transform.requires().get(0).output().get(0), definition.spec);
    }

    /**
     * Documents matched = rows extracted = rows transformed + rows rejected, and for each unwound array elements
     * extracted = child rows transformed + child rows dropped with their documents, or the load does not start.
     */
    private LoadMarker reconciledMarker(String runId, ExtractCounts extract, TransformCounts counts) throws PermanentFailure {
        if (extract.documentsMatched() != extract.rowsExtracted()) {
            throw new PermanentFailure("extract of " + window() + ": " + extract.documentsMatched() + " documents matched but "
                    + extract.rowsExtracted() + " rows were extracted");
        }
        if (counts.rowsTransformed() + counts.rowsRejected() != extract.rowsExtracted()) {
            throw new PermanentFailure("transform of " + window() + ": " + extract.rowsExtracted() + " rows extracted but "
                    + counts.rowsTransformed() + " transformed and " + counts.rowsRejected() + " rejected");
        }
        for (Child child : definition.spec.children()) {
            String elements = child.name();
            long extracted = extract.elements().getOrDefault(elements, 0L);
            long rows = counts.elementRows().getOrDefault(elements, 0L);
            long dropped = counts.elementsDropped().getOrDefault(elements, 0L);
            if (rows + dropped != extracted) {
                throw new PermanentFailure("transform of " + window() + ": " + extracted + " elements of " + child.array()
                        + " extracted but " + rows + " rows transformed and " + dropped + " dropped with their rejected documents");
            }
        }
        return new LoadMarker(loader(), window(), runId, extract.documentsMatched(), extract.rowsExtracted(),
                counts.rowsTransformed(), counts.rowsRejected());
    }

    /** @param manifest the name of Redshift's manifest, in the load folder beside {@code transformed} */
    private StagingCopy copy(Warehouse warehouse, LakeDirectory transformed, String manifest) throws PermanentFailure {
        var lake = definition.environment.lake();
        if (warehouse.dialect() == Dialect.POSTGRES) {
            return new PostgresCopy(lake);
        }
        if (!lake.objectUri("x").startsWith("s3://")) {
            throw new PermanentFailure("Redshift loads from S3: set lake.uri to s3://bucket/prefix (it is " + lake + ")");
        }
        String role = definition.environment.settings().get(IAM_ROLE).orElseThrow(() -> new PermanentFailure(
                "Redshift COPY needs an IAM role that can read the lake: set " + IAM_ROLE.name()));
        String manifestPath = transformed.path().replaceAll("/transform$", "/load/" + manifest);
        return new RedshiftCopy(lake, manifestPath, role, definition.environment.settings().get(COPY_OPTIONS));
    }

    private static final class Definition {
        private final EtlSpec spec;
        private final Function<String, Table> table;
        private final TaskType<TransformTask> transform;
        private final EtlEnvironment environment;
        private final TaskType<LoadTask> type;

        private Definition(EtlSpec spec, Function<String, Table> table, TaskType<TransformTask> transform, EtlEnvironment environment) {
            this.spec = spec;
            this.table = table;
            this.transform = transform;
            this.environment = environment;
            this.type = TaskType.of(spec.name() + "_load", "Loads one window of " + spec.name() + " into the warehouse, exactly once",
                    values -> new LoadTask(this, values),
                    WindowParameters.LOWER, WindowParameters.UPPER, WindowParameters.RELOAD, FULL_REFRESH,
                    DELETE_MISSING, REFRESH_CHUNK, ExtractTask.ALLOW_UNINDEXED).lockedAs(spec.name());
        }
    }
}
